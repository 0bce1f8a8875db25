"""Where the filter's words occur in a text: as the article list's full-text filter matches."""

import unicodedata

import pytest

from tests.conftest import SEEDS
from workbench.core.search import comparable, fold, match_spans
from workbench.services.importing import import_paths

TEXT = "Russia and North Korea: the Russian-North Korean pact. Café owners in russia's capital. NorthKorea, 2024."


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("russ", ["Russia", "Russian", "russia"]),  # the start of a word, any case
        ("north-korea", ["North Korea", "North Korean"]),  # words in a row
        ("cafe", ["Café"]),  # diacritics aside
        ("korea pact", ["Korea", "Korean", "pact"]),
        ("2024", ["2024"]),
        ("ussia", []),  # not inside a word
        ('" * -', []),  # no word at all
        ("AND", ["and"]),  # a word, even one FTS5 would read as syntax
    ],
)
def test_matches(query, found):
    assert [TEXT[a:b] for a, b in match_spans(TEXT, query)] == found


UNSPACED = "香港特首梁振英今日向北京道歉。北京回應。ナショナルが発表した。ข่าวการเมืองไทยวันนี้"


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("道歉", ["道歉"]),  # inside a run of Chinese: found anywhere, not only at a run's start
        ("北京", ["北京", "北京"]),
        ("発表", ["発表"]),
        ("か", []),  # kana as written: が is not か
        ("การเมือง", ["การเมือง"]),  # Thai, also written without spaces
    ],
)
def test_scripts_written_without_spaces_match_anywhere(query, found):
    assert [UNSPACED[a:b] for a, b in match_spans(UNSPACED, query)] == found


def test_folding_keeps_every_offset():
    text = "İstanbul ﬁnal Ærø naïve 😀 Straße"
    assert len(fold(text)) == len(text)


def test_the_articles_the_filter_lists_are_those_that_show_every_word(session, tmp_path):
    """The list's filter (SQLite FTS5) and the marks in the text agree, article by article."""
    (tmp_path / "hk.txt").write_text(f"特首道歉\n\n{UNSPACED}\n", encoding="utf-8")
    (tmp_path / "jp.txt").write_text("北京の発表\n\n北京で会談が開かれた。Russia said so.\n", encoding="utf-8")
    import_paths(session.store, [SEEDS, tmp_path / "hk.txt", tmp_path / "jp.txt"])
    every = [s.id for s in session.store.article_summaries()]
    queries = ("russ", "north korea", "pyongyang", "kim jong", "2024", "defence-pact", "moscow's", "ukr war",
               "道歉", "北京", "北京 russia", "発表", "การเมือง", "会談 道歉")  # fmt: skip
    for query in queries:
        listed = set(session.store.article_ids_after(0, 1000, words=query))
        for article_id in every:
            article = session.article(article_id)
            shows_all = all(match_spans(article.text, w) or match_spans(article.title, w) for w in query.split())
            assert (article_id in listed) == shows_all, (query, article_id)
        assert session.store.count_articles(words=query) == len(listed)
        assert set(session.store.sorted_article_ids("title", words=query)) == listed


def test_decomposed_text_is_found_and_marked_with_its_accents():
    """Text with combining accents (NFD, as some PDFs and Macs write it) is found by words
    typed either way, and the marked stretch holds the accents."""
    text = unicodedata.normalize("NFD", "Le ministre a déclaré que Zoë était naïve.")
    for query, found in (
        ("déclaré", "déclaré"),
        ("declare", "déclaré"),
        ("ZOË", "Zoë"),
        ("zo", "Zoë"),
        ("naive", "naïve"),
    ):
        assert [text[a:b] for a, b in match_spans(text, query)] == [unicodedata.normalize("NFD", found)], query
    assert match_spans(text, unicodedata.normalize("NFD", "était")) == match_spans(text, "était") != []


def test_a_scan_for_an_unspaced_word_is_read_once_and_again_when_the_project_changes(session, tmp_path):
    """Such words are found by scanning every text: the ids are kept for the count and the
    pages, and read again once articles are added, here or by another connection."""
    from workbench.store import ProjectStore

    store = session.store
    for number in range(5):
        (tmp_path / f"{number}.txt").write_text(f"報道{number}\n\n北京で会談 {number}。\n", encoding="utf-8")
    import_paths(store, [tmp_path])
    scans = []
    store._db.set_trace_callback(lambda sql: scans.append(sql) if "instr(" in sql else None)
    assert store.count_articles(words="会談") == 5
    assert store.article_ids_after(0, 2, words="会談") == [1, 2]
    assert store.article_ids_after(2, 2, words="会談") == [3, 4] == store.article_ids_after(2, 9, until=4, words="会談")
    assert len(scans) == 1
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "a.txt").write_text("追加\n\n会談が続く。\n", encoding="utf-8")
    import_paths(store, [tmp_path / "more"])
    assert store.count_articles(words="会談") == 6
    other = ProjectStore.open(store.path)
    try:
        (tmp_path / "more" / "b.txt").write_text("別の\n\n会談の後。\n", encoding="utf-8")
        import_paths(other, [tmp_path / "more" / "b.txt"])
    finally:
        other.close()
    assert store.count_articles(words="会談") == 7
    store._db.set_trace_callback(None)
    assert len(scans) == 3  # once more after each change


# Yoruba: ọ̀ is ọ and a combining grave, which Unicode has no composed letter for.
YORUBA = unicodedata.normalize("NFC", "Ọ̀rọ̀ àwọn olóṣèlú")


def test_a_word_whose_mark_has_no_composed_letter_is_found_typed_either_way():
    assert [YORUBA[a:b] for a, b in match_spans(YORUBA, "Ọ̀rọ̀")] == ["Ọ̀rọ̀"]
    assert match_spans(YORUBA, "oro") == match_spans(YORUBA, "Ọ̀rọ̀")
    assert comparable("oro") in comparable(YORUBA) and comparable("Straße") == comparable("STRAßE")
