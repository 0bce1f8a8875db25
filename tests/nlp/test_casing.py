"""Title-cased headlines are read by NER with their common words lowered."""

from workbench.nlp.casing import lowered_for_ner
from workbench.nlp.entities import find_entities

BODY = (
    "The Federal Reserve held interest rates steady on Wednesday. Jerome Powell said cuts "
    "could come later this year, and markets rose after the decision of the Fed.\n"
    "Republican lawmakers asked for more. Analysts said rates would stay high."
)


def lowered(headline: str, body: str = BODY) -> str:
    return lowered_for_ner([(0, headline + "\n"), (100, body)])[0].rstrip("\n")


def test_common_words_of_a_title_cased_headline_are_lowered_and_names_kept():
    assert lowered("Federal Reserve Holds Rates Steady, Signals Cuts Later This Year") == (
        "Federal Reserve holds rates steady, signals cuts later this year"
    )


def test_acronyms_mixed_case_names_and_the_first_word_keep_their_capitals():
    assert lowered("U.S. Markets Rise as NATO Meets McCain Allies") == "U.S. markets rise as NATO meets McCain allies"


def test_a_word_seen_capitalised_only_where_sentences_start_is_kept():
    # "Republican" starts a sentence in the body: a name or not, nothing says which.
    assert lowered("Republican Lawmakers Ask Powell for Lower Rates") == (
        "Republican lawmakers ask Powell for lower rates"
    )


def test_lines_that_are_not_title_cased_are_left_alone():
    for line in (
        "North Korea and Russia’s ‘far-reaching’ strategic relationship",
        "Kim Jong Un Met Vladimir Putin In Moscow.",  # ends like a sentence
        "Powell Speaks",  # too short to tell
    ):
        assert lowered(line) == line
    body = lowered_for_ner([(0, "Federal Reserve Holds Rates Steady, Signals Cuts\n"), (100, BODY)])[1]
    assert body == BODY


def test_texts_keep_their_length_and_offsets():
    # Lowering "İ" would make two characters of one: such a capital is kept.
    runs = [(0, "Talks End Without Deal In İzmir As Ankara Weighs Options\n"), (60, "The talks in İzmir ended.")]
    read = lowered_for_ner(runs)
    assert [len(t) for t in read] == [len(t) for _, t in runs]
    assert read[0].startswith("Talks end without deal in İzmir")


def test_mentions_keep_the_articles_capitals(ruler_pipeline):
    # The ruler knows "Vladimir Putin" only capitalised: the headline's name stays as it is,
    # and each mention's text is cut from the article, not from what NER read.
    runs = [
        (0, "Vladimir Putin Hosts Talks With Allies Over Ukraine\n"),
        (52, "Vladimir Putin hosted talks on Ukraine."),
    ]
    [(_, mentions)] = list(find_entities(ruler_pipeline, [("a", runs)]))
    assert [(m.text, m.start) for m in mentions] == [
        ("Vladimir Putin", 0),
        ("Ukraine", 44),
        ("Vladimir Putin", 52),
        ("Ukraine", 83),
    ]


def test_other_forms_of_a_name_keep_its_capital():
    body = "Officials said that Putin spoke to Russians on Monday, as troops massed near the border."
    assert lowered("Putin's Allies Warn Russian Troops Near Border", body) == (
        "Putin's allies warn Russian troops near border"
    )


def test_a_line_of_names_the_article_gives_no_reason_to_lower_is_left_alone():
    # Title-cased in form, but none of its words is one the article writes in lower case.
    line = "Additional Reporting: Maria Lopez, Ahmed Karim, Olga Petrova"
    assert lowered(line) == line
