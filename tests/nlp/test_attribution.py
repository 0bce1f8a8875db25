"""Suggested claims, one construction at a time, with the real English pipeline."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SEEDS
from workbench.core.model import Article, Role, Segment
from workbench.ingest.files import read_article
from workbench.nlp.attribution import suggest_claims, suggest_many

pytestmark = pytest.mark.model


def body(text: str) -> Article:
    return Article("test.txt", text, "", "", (Segment(0, len(text), Role.BODY),))


def suggest(pipeline, text: str):
    return suggest_claims(pipeline, body(text))


def only(pipeline, text: str):
    found = suggest(pipeline, text)
    assert len(found) == 1, found
    return found[0]


def test_reported_clause_with_a_titled_speaker(real_pipeline):
    text = "Finance Minister Ana Duarte said on Tuesday that the government would cut fuel subsidies by half."
    s = only(real_pipeline, text)
    assert s.text == "the government would cut fuel subsidies by half"
    assert s.source == "Finance Minister Ana Duarte"
    assert (s.stance, s.cue) == ("asserts", "said")
    assert text[s.start : s.end] == s.text and text[s.source_start : s.source_end] == s.source


def test_quotation_before_an_inverted_reporting_clause(real_pipeline):
    s = only(
        real_pipeline,
        "“The situation is deteriorating by the hour,” said Jan Egeland, secretary general of the council.",
    )
    assert s.text == "The situation is deteriorating by the hour"
    assert s.source == "Jan Egeland, secretary general of the council"


def test_quotation_after_a_colon_runs_over_sentences(real_pipeline):
    s = only(real_pipeline, "The ministry said: “We reject these allegations. They are lies.”")
    assert s.text == "We reject these allegations. They are lies."
    assert s.source == "The ministry"


def test_a_quotation_that_follows_a_quoted_statement_keeps_its_speaker(real_pipeline):
    first, second = suggest(
        real_pipeline, "“We will not be intimidated,” the foreign minister said. “Any attack will be answered.”"
    )
    assert first.text == "We will not be intimidated"
    assert second.text == "Any attack will be answered."
    assert second.source == first.source == "the foreign minister"


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "According to the World Health Organization, cholera cases have tripled since January.",
            "cholera cases have tripled since January",
            "World Health Organization",
        ),
        (
            "The ship was carrying grain when it was hit, according to the Ukrainian navy.",
            "The ship was carrying grain when it was hit",
            "the Ukrainian navy",
        ),
        (
            "According to a report by the Stockholm International Peace Research Institute, military spending rose.",
            "military spending rose",
            "Stockholm International Peace Research Institute",
        ),
    ],
)
def test_according_to(real_pipeline, text, content, source):
    s = only(real_pipeline, text)
    assert (s.text, s.source, s.cue.lower(), s.stance) == (content, source, "according to", "asserts")


def test_passive_with_an_agent(real_pipeline):
    s = only(real_pipeline, "The decision is seen as a setback for the president by many in his own party.")
    assert s.text == "The decision is seen as a setback for the president"
    assert s.source == "many in his own party"


def test_passive_without_an_agent_has_no_speaker(real_pipeline):
    assert suggest(real_pipeline, "It is believed that the suspect fled abroad. He was said to be furious.") == []


def test_statement_noun_with_an_owner(real_pipeline):
    s = only(real_pipeline, "The minister's claim that unemployment had fallen to a record low was widely ridiculed.")
    assert (s.text, s.source, s.cue) == ("unemployment had fallen to a record low", "The minister", "claim")


def test_reports_of_stand_as_their_own_source(real_pipeline):
    text = (
        "The vote coincides with reports of 10,000 troops deployed in the region. There were no reports of casualties."
    )
    s = only(real_pipeline, text)
    assert (s.text, s.source) == ("reports of 10,000 troops deployed in the region", "reports")


@pytest.mark.parametrize(
    ("text", "stance", "cue"),
    [
        (
            "Rights group Amnesty International expressed concern over the detention of journalists.",
            "other",
            "expressed concern",
        ),
        ("Environmental groups have cast doubt on the company's pledge to reach net zero.", "questions", "cast doubt"),
    ],
)
def test_light_verb_with_an_attitude_noun(real_pipeline, text, stance, cue):
    s = only(real_pipeline, text)
    assert (s.stance, s.cue) == (stance, cue)
    assert s.text == text.rstrip(".")  # a noun-phrase content: the reporting clause is the claim


def test_coordinated_speakers_deny_together(real_pipeline):
    s = only(real_pipeline, "However, both Russia and North Korea have refuted these claims.")
    assert (s.source, s.stance, s.cue) == ("Russia and North Korea", "denies", "refuted")
    assert s.text == "both Russia and North Korea have refuted these claims"


def test_denial_of_claims_takes_their_content(real_pipeline):
    first, second = suggest(
        real_pipeline,
        "The chief executive, Martin Holloway, rejected claims that the factory had ignored safety warnings, "
        "saying inspections had been carried out every month.",
    )
    assert (first.text, first.stance) == ("the factory had ignored safety warnings", "denies")
    assert (second.text, second.stance, second.cue) == (
        "inspections had been carried out every month",
        "asserts",
        "saying",
    )
    assert first.source == second.source == "The chief executive, Martin Holloway"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Opposition lawmakers questioned whether the electoral map was drawn fairly.",
            "whether the electoral map was drawn fairly",
        ),
        (
            "“Is this really the moment to raise taxes?” asked Senator Ruth Okonjo.",
            "Is this really the moment to raise taxes?",
        ),
        ("Several economists doubted that the bank could hit its target.", "the bank could hit its target"),
    ],
)
def test_questions(real_pipeline, text, content):
    s = only(real_pipeline, text)
    assert (s.text, s.stance) == (content, "questions")


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The ministry did not confirm that two soldiers had died.", "did not confirm"),
        ("A spokesperson declined to say whether the president had been briefed.", "declined to say"),
        ("The defence ministry would neither confirm nor deny that the submarine had been damaged.", None),
    ],
)
def test_negated_or_withheld_reporting_is_other(real_pipeline, text, cue):
    s = only(real_pipeline, text)
    assert s.stance == "other"
    if cue:
        assert s.cue == cue


def test_pronoun_takes_the_person_of_its_gender(real_pipeline):
    text = "Prime Minister Keiko Tanaka met Mr. Alvarez on Thursday. She said the leaders had agreed to resume talks."
    s = only(real_pipeline, text)
    assert s.source == "Prime Minister Keiko Tanaka"
    assert s.cue == "She said"
    assert text[s.source_start : s.source_end] == s.source

    text = "Ms. Herrera spoke alongside Chief Executive David Marsh. He said the merger would be completed by March."
    assert only(real_pipeline, text).source == "Chief Executive David Marsh"


def test_pronoun_carries_the_speaker_on(real_pipeline):
    first, second = suggest(
        real_pipeline,
        "Doctors at the hospital said supplies had run out. They warned that patients could die within days.",
    )
    assert second.source == first.source == "Doctors at the hospital"
    assert second.cue == "They warned"


def test_it_stands_for_an_organisation(real_pipeline):
    _, second = suggest(
        real_pipeline,
        "The airline denied that the pilots had been pressured. It said the crew had followed procedures.",
    )
    assert (second.source, second.cue) == ("The airline", "It said")


def test_a_pronoun_inside_a_statement_is_its_speaker(real_pipeline):
    text = (
        "The ambassador, Alexander Matsegora, has stated that he personally believes the drills would be appropriate."
    )
    outer, inner = suggest(real_pipeline, text)
    assert inner.cue == "he personally believes"
    assert inner.source == outer.source == "The ambassador, Alexander Matsegora"


def test_a_pronoun_that_stands_for_nobody_is_not_proposed(real_pipeline):
    assert suggest(real_pipeline, "She said the talks had failed.") == []


@pytest.mark.parametrize("thing", ["the list", "the wrist", "the watchlist", "the kilometer"])
def test_a_thing_whose_name_ends_as_a_role_does_is_nobody_a_pronoun_stands_for(real_pipeline, thing):
    # "list" ends as "journalist" does, but no pronoun stands for it
    assert suggest(real_pipeline, f"Everyone wanted {thing}. Back then, he said the talks had failed.") == []


def test_relative_clauses_are_not_part_of_the_speaker(real_pipeline):
    s = only(
        real_pipeline, "A spokeswoman for the ministry, who asked not to be named, said the figures were preliminary."
    )
    assert s.source == "A spokeswoman for the ministry"


@pytest.mark.parametrize(
    "text",
    [
        "The rise in applications suggests that interest in vocational training is growing.",
        "Only time will tell whether the reforms can survive.",
        "The striker added a second goal in the 78th minute.",
        "Spain claimed its fourth European title with a win over England.",
        "The government called an early election for November.",
        "The band announced its farewell tour in a post on social media.",
        "Officials will meet in Brussels next week to discuss the proposal.",
        "Asked about the deal, the minister smiled.",
        # A verb of saying acting on a person or a named group.
        "In 2021, the Senate confirmed Elizabeth Prelogar by a vote of 53-36.",
        "The lawyer questioned him for hours about the valuations.",
        "The board dismissed the minister after the scandal.",
        # A noun with its own subject is no reported clause.
        "The Americans will find us contracts around the world.",
        # Nor is an adjective with "it", or a participle, with theirs.
        "Small companies are finding it significantly easier to comply with the new tax.",
        "Members of the public found the boy sitting on a kerb.",
        # A question left open; a statement meant, not made; a writer's phrase.
        "The laws also apply to companies running competitions, as they will have to state whether "
        "the data is intended for marketing.",
        "Asked if he rang the company on the day of the accident to warn them about the storm, he shook his head.",
        "Profits fell in what the chief executive described as the worst conditions in 20 years.",
        # An object that only stands for what was said elsewhere.
        "When Morales was asked in court if the rumour was true, he confirmed it.",
        # Turned down, not denied.
        "The national executive last night rejected Aden Ridgeway's bid to become interim leader.",
        "An Islamic high court in northern Nigeria rejected an appeal today.",
        "The court denied him bail.",
    ],
)
def test_no_suggestion_without_an_attribution(real_pipeline, text):
    assert suggest(real_pipeline, text) == []


def test_only_the_body_is_read(real_pipeline):
    title = "Minister says talks failed\n\n"
    meta = "By Staff Reporter. Officials said nothing.\n\n"
    text_body = "Police said two men were arrested.\n\n"
    clutter = "Related: Analysts said markets would fall."
    text = title + meta + text_body + clutter
    a, b, c = len(title), len(title) + len(meta), len(title) + len(meta) + len(text_body)
    segments = (
        Segment(0, a, Role.TITLE),
        Segment(a, b, Role.META),
        Segment(b, c, Role.BODY),
        Segment(c, len(text), Role.CLUTTER),
    )
    found = suggest_claims(real_pipeline, Article("x.txt", text, "", "", segments))
    assert [(s.text, s.source) for s in found] == [("two men were arrested", "Police")]


def test_suggestions_on_the_sample_corpus_are_exact_and_sorted(real_pipeline):
    articles = [(path.name, read_article(path)) for path in sorted(SEEDS.glob("*.txt"))]
    results = dict(suggest_many(real_pipeline, articles, batch_size=4))
    assert list(results) == [name for name, _ in articles]
    assert sum(map(len, results.values())) >= 15
    for name, article in articles:
        found = results[name]
        assert found == sorted(found, key=lambda s: s.start)
        for s in found:
            assert s.text == article.text[s.start : s.end] and s.text.strip() == s.text
            assert s.source and s.source == article.text[s.source_start : s.source_end]
            assert s.stance in ("asserts", "denies", "questions", "other")
            assert s.cue
            assert any(seg.role is Role.BODY and seg.start <= s.start and s.end <= seg.end for seg in article.segments)
    denials = {(s.source, s.stance) for s in results[articles[1][0]]}
    assert ("Russia and North Korea", "denies") in denials


def test_bulk_ner_stays_ner_only(real_pipeline):
    articles = [(i, body("Police said two men were arrested.")) for i in range(3)]
    stream = suggest_many(real_pipeline, articles)
    next(stream)
    assert real_pipeline.nlp.pipe_names == ["ner"]  # even while suggestions are under way
    assert [key for key, _ in stream] == [1, 2]
    assert real_pipeline.nlp.pipe_names == ["ner"]


def test_an_article_without_body_has_no_suggestions(real_pipeline):
    empty = Article("x.txt", "Minister says talks failed", "", "", (Segment(0, 26, Role.TITLE),))
    assert dict(suggest_many(real_pipeline, [("a", empty), ("b", body(""))])) == {"a": [], "b": []}


FRAGMENTS = [
    "“We will not back down,” she said.",
    '"Nothing was agreed," a diplomat told reporters.',
    "He said 🚀 launches would continue, according to state media.",
    "They denied it.",
    "The ministry, which declined to comment, said talks were over.",
    "Officials said: “It is over. We are leaving.”",
    "Ms. Ortega questioned whether the vote was fair",
    "It added that the 𝔡𝔞𝔱𝔞 were preliminary.",
    "reports of shelling near the border,",
    "\u201c",
    "”",
    "According to",
    "\n",
    "   ",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=8))
def test_any_mix_of_text_gives_exact_offsets(real_pipeline, fragments):
    text = " ".join(fragments)
    article = body(text)
    for s in suggest_claims(real_pipeline, article):
        assert s.text and s.text == text[s.start : s.end]
        assert s.source and s.source == text[s.source_start : s.source_end]
        assert s.stance in ("asserts", "denies", "questions", "other")


def test_a_quotation_broken_by_its_reporting_clause_is_one_statement(real_pipeline):
    text = "“Well,” the judge countered, “then I don’t understand the relevance of what you’re saying.”"
    s = only(real_pipeline, text)
    assert s.text == "Well,” the judge countered, “then I don’t understand the relevance of what you’re saying."
    assert (s.source, s.cue) == ("the judge", "countered")


def test_a_word_quoted_in_the_writers_sentence_is_not_the_statement(real_pipeline):
    text = (
        'Alluding to his rivals as "soulmates," Pompeo declared, "They all require a smart phone and internet access."'
    )
    s = only(real_pipeline, text)
    assert s.text == "They all require a smart phone and internet access."
    assert s.source == "Pompeo"


def test_a_quotation_is_never_cut_at_a_reporting_verb_inside_it(real_pipeline):
    text = (
        '"Well, since the forecast said we would hit an ice storm on our way, we left the night before and took '
        'another route," Sarah Martini said in an e-mail.'
    )
    s = next(s for s in suggest(real_pipeline, text) if s.source == "Sarah Martini")
    assert s.text.startswith("Well, since the forecast said") and s.text.endswith("took another route")


@pytest.mark.parametrize("answer", ["Probably", "Yes, primarily", "No, Justice Alito", "Done"])
def test_an_answer_of_a_few_words_and_no_verb_is_not_suggested(real_pipeline, answer):
    text = f"The lawyer asked whether he was involved in the change. “{answer},” Trump said."
    assert all(s.source != "Trump" for s in suggest(real_pipeline, text))


def test_a_reporting_verb_with_a_statement_as_its_object_still_reports_it(real_pipeline):
    s = only(real_pipeline, "The ministry confirmed the report of troop movements near the border.")
    assert s.source == "The ministry" and "troop movements" in s.text


def test_a_quotation_of_a_few_words_after_a_quoted_statement_is_not_suggested(real_pipeline):
    text = "“We will not stop,” the minister said. “Never.”\n“We will fight on until the end of the year.”"
    found = [s.text for s in suggest(real_pipeline, text)]
    assert found == ["We will not stop", "We will fight on until the end of the year."]


def test_he_stands_for_a_person_not_a_thing_whose_name_ends_like_a_role(real_pipeline):
    # "rumor" ends like "director", "senator": it is no person.
    text = (
        "Former employees revealed a rumor that the bodyguard had been fired. When Morales was asked in court "
        "if the rumor was true, he confirmed that the bodyguard was terminated because of the mess."
    )
    assert {s.source for s in suggest(real_pipeline, text) if s.cue.startswith("he")} == {"Morales"}


def test_he_prefers_the_subject_of_the_sentence_before_to_a_name_it_mentions(real_pipeline):
    text = (
        "Judge Arthur Engoron took on a more passive role in policing Donald Trump's statements. "
        "He told the lawyer that he was following his lead on the answers."
    )
    [s] = [s for s in suggest(real_pipeline, text) if s.cue.lower().startswith("he told")]
    assert s.source == "Judge Arthur Engoron"


def test_a_surname_is_a_person_where_ner_ran_it_into_a_date(real_pipeline):
    text = (
        "Seddique Mir Mateen met reporters on Monday at his home in Florida. Royce said he vaguely recalls a "
        "meeting with Mateen. In a video dated May 23, 2015, Mateen declared himself a candidate for the "
        'presidency. "Our sovereignty is in danger due to the free hand of foreigners," he said.'
    )
    [s] = [s for s in suggest(real_pipeline, text) if s.text.startswith("Our sovereignty")]
    assert s.source == "Mateen"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ('"It was the last step," said Martinez of the visit by the security chief.', "Martinez"),
        (
            "“Much of the analysis is credible,” writes Michael Oppenheimer, a climate scientist at Princeton "
            "University, over email.",
            "Michael Oppenheimer, a climate scientist at Princeton University",
        ),
        ('"We will appeal," said Jane Smith of Reuters.', "Jane Smith of Reuters"),
        (
            "Bill Shorten of the Australian Workers Union (AWU) says talks will resume tomorrow.",
            "Bill Shorten of the Australian Workers Union (AWU)",
        ),
        # Where reports come from is not who made them; a statement from a capital is its government's.
        ("Reports from London say army officers have secretly entered Somalia.", "Reports from London"),
        ("A statement from Moscow said the talks had failed.", "Moscow"),
    ],
)
def test_a_speakers_name_leaves_out_what_the_sentence_adds_to_it(real_pipeline, text, source):
    assert only(real_pipeline, text).source == source


def test_a_heading_in_the_body_is_no_statement(real_pipeline):
    # Another story's headline in a teaser box, title-cased, without a full stop.
    text = "Americans Question Their Relationships With Social Media\nThe minister said the talks would resume."
    assert [s.text for s in suggest(real_pipeline, text)] == ["the talks would resume"]


def test_it_does_not_stand_for_someone_named_inside_the_quotation(real_pipeline):
    text = (
        'A leaked report from the Chinese embassy was read in court. "A reliable source has reported that '
        "central Chinese government officials firmly believe that the casino let agents operate from within its "
        'facilities," it stated.'
    )
    [s] = [s for s in suggest(real_pipeline, text) if s.cue == "it stated"]
    assert s.source == "A leaked report from the Chinese embassy"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Senator Hill says the Government believes the man suffered from depression.",
            "the man suffered from depression",
        ),
        (
            "A former student is taking legal action, claiming the school discriminated against him.",
            "the school discriminated against him",
        ),
        (
            "Walter Kansteiner, the assistant secretary of state, went on to blame Mr Mugabe's policies for the famine.",
            "to blame Mr Mugabe's policies for the famine",
        ),
    ],
)
def test_a_past_tense_or_an_infinitive_after_going_on_still_reports(real_pipeline, text, content):
    assert content in [s.text for s in suggest(real_pipeline, text)]


def test_a_quotation_right_before_according_to_is_the_statement(real_pipeline):
    text = (
        'Efforts were made to find out about his past, "but we haven\'t found a clue," according to an official '
        "in the intelligence agency, speaking on condition of anonymity."
    )
    [s] = suggest(real_pipeline, text)
    assert (s.text, s.source, s.cue) == (
        "but we haven't found a clue",
        "an official in the intelligence agency",
        "according to",
    )
    # A phrase quoted in the writer's sentence is not: the sentence is.
    text = 'But the agency has not given the president a "smoking gun," according to intelligence officials.'
    [s] = suggest(real_pipeline, text)
    assert s.text.startswith("But the agency has not given the president")


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "The attack, officials said, killed 12 people in the capital.",
            "The attack, officials said, killed 12 people in the capital",
            "officials",
        ),
        (
            "Russia, the minister said, would never accept the proposal.",
            "Russia, the minister said, would never accept the proposal",
            "the minister",
        ),
    ],
)
def test_a_reporting_clause_set_off_inside_its_statement(real_pipeline, text, content, source):
    [s] = suggest(real_pipeline, text)
    assert (s.text, s.source, s.stance) == (content, source, "asserts")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The merger could still draw a rival offer, Wall Street arbitrageurs said.", "Wall Street arbitrageurs"),
        ("The freighter was held at the port for three days, shipping agents said.", "shipping agents"),
        ("A number of economists say the central bank will hold rates until spring.", "A number of economists"),
        ("Dozens of witnesses said the convoy came under fire near the bridge.", "Dozens of witnesses"),
        ("Moody's said the downgrade reflected the company's rising debt.", "Moody's"),
    ],
)
def test_speakers_by_role_quantity_or_a_name_ending_in_s(real_pipeline, text, source):
    assert only(real_pipeline, text).source == source


def test_a_surname_the_recogniser_missed_still_speaks(real_pipeline):
    found = suggest(
        real_pipeline,
        "Priya K. Raman, a microbiologist at the institute, led the study. "
        '"Resistant infections should worry everyone," Raman says.',
    )
    assert [(s.text, s.source) for s in found] == [("Resistant infections should worry everyone", "Raman")]


def test_a_quantity_of_things_is_no_speaker(real_pipeline):
    assert suggest(real_pipeline, "A number of posts accused the mayor of lying about the budget.") == []


def test_a_description_and_name_split_by_the_parser_give_the_name(real_pipeline):
    s = only(
        real_pipeline,
        "The coroner for that case, Samuel Payne, who ruled the death accidental, told the newspaper "
        '"nothing more could have been done".',
    )
    assert s.source == "Samuel Payne"


@pytest.mark.parametrize(
    "text",
    [
        "One sample also contained phenacetin, a painkiller added to increase the product's weight.",
        "The bank will decide next month, said Arthur Miller, a spokesman, when asked if it would proceed.",
    ],
)
def test_participles_that_report_nothing(real_pipeline, text):
    assert all(s.cue not in ("added", "asked") for s in suggest(real_pipeline, text))


def test_a_follow_on_quotation_of_several_sentences_keeps_its_speaker(real_pipeline):
    first, second = suggest(
        real_pipeline,
        '"Both sides will want to lower the temperature," Danin said. "But the problem is structural. '
        'They have years of accumulated history."',
    )
    assert second.text == "But the problem is structural. They have years of accumulated history."
    assert second.source == first.source == "Danin"
