"""The article list reads counts, pages of ids and sort orders from the full-text and
entity indexes; whatever the filter, page size or sort, it must list exactly the articles a
plain scan of every article's words finds, in the same order."""

import re
import unicodedata
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.model import EntitySpan
from workbench.ingest.article import build_article
from workbench.store import ProjectStore

VOCABULARY = ["alpha", "alps", "Alpine", "beta", "bet", "gamma", "café", "cafe", "Zoë", "zoo", "north-west", "q2"]


def words_of(text: str) -> list[str]:
    """Words as the index reads them: letters and digits, case and accents folded."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.findall(r"[^\W_]+", folded.casefold())


def plain_scan(articles, words: str, entity, mentions, period=None) -> list[int]:
    """Ids of the articles holding every typed word as the start of one of their words,
    mentioning the entity and dated in the period."""
    wanted = words_of(words)
    found = []
    for article_id, article in articles.items():
        have = words_of(article.title + " " + article.text)
        if (
            all(any(w.startswith(q) for w in have) for q in wanted)
            and (entity is None or entity in mentions.get(article_id, set()))
            and (period is None or (article.date is not None and period[0] <= article.date < period[1]))
        ):
            found.append(article_id)
    return found


DATES = [None, "2023-12-31", "2024-01-05", "2024-01", "2024-03-10"]


def corpus_strategy():
    sentence = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=8).map(" ".join)
    article = st.tuples(sentence, st.lists(sentence, min_size=1, max_size=4), st.sets(st.sampled_from(["Kim", "Oslo"])))
    return st.lists(article, min_size=1, max_size=12)


def fill(store, specs):
    articles, mentions = {}, {}
    for number, (title, body, names) in enumerate(specs):
        text = f"{title.title()} {number}\n\n" + " ".join(f"{s}, officials said on day {number}." for s in body)
        article = build_article(f"{number}.txt", text)
        article_id = store.add_article(article)
        store.update_article_metadata(replace(store.article(article_id), date=DATES[number % len(DATES)]))
        articles[article_id] = store.article(article_id)
        spans = [EntitySpan(0, 1, "PERSON" if n == "Kim" else "GPE", n) for n in sorted(names)]
        store.save_entities(article_id, article.text_hash, spans, "m", "1")
        mentions[article_id] = {(m.text, m.label) for m in spans}
    return articles, mentions


query_strategy = st.tuples(
    st.lists(
        st.sampled_from(["al", "alp", "ALPHA", "be", "bet", "caf", "cafe", "zo", "zoe", "north", "q2", "x"]), max_size=3
    ).map(" ".join),
    st.sampled_from([None, ("Kim", "PERSON"), ("Oslo", "GPE"), ("Kim", "GPE")]),
    st.integers(1, 5),
    st.sampled_from([None, ("2024-01", "2024-02"), ("2024", "2025"), ("2023-12-31", "2024-01-06"), ("1999", "2000")]),
)


@settings(max_examples=60, deadline=None)
@given(corpus_strategy(), query_strategy)
def test_pages_and_counts_equal_a_plain_scan(tmp_path_factory, specs, query):
    words, entity, page, period = query
    store = ProjectStore.open(tmp_path_factory.mktemp("p") / "p.wbproj")
    try:
        articles, mentions = fill(store, specs)
        expected = plain_scan(articles, words, entity, mentions, period)
        assert store.count_articles(words=words, entity=entity, period=period) == len(expected)
        listed, after = [], 0
        while True:
            ids = store.article_ids_after(after, page, words=words, entity=entity, period=period)
            if not ids:
                break
            listed += ids
            after = ids[-1]
        assert listed == expected
        if expected:  # `until` stops at an id, inclusive
            middle = expected[len(expected) // 2]
            assert store.article_ids_after(0, 100, until=middle, words=words, entity=entity, period=period) == [
                i for i in expected if i <= middle
            ]
    finally:
        store.close()


@settings(max_examples=40, deadline=None)
@given(
    corpus_strategy(), query_strategy, st.sampled_from(["title", "date", "source", "entities", "claims"]), st.booleans()
)
def test_sorted_ids_equal_sorting_a_plain_scan(tmp_path_factory, specs, query, key, descending):
    words, entity, _, period = query
    store = ProjectStore.open(tmp_path_factory.mktemp("p") / "p.wbproj")
    try:
        articles, mentions = fill(store, specs)
        expected = plain_scan(articles, words, entity, mentions, period)
        summaries = {s.id: s for s in store.article_summaries(expected)}
        value = {
            "title": lambda s: s.title.casefold(),
            "date": lambda s: s.date or "",
            "source": lambda s: s.source_file.casefold(),
            "entities": lambda s: s.entities,
            "claims": lambda s: s.claims,
        }[key]
        ordered = sorted(expected, key=lambda i: value(summaries[i]), reverse=descending)
        assert (
            store.sorted_article_ids(key, descending=descending, words=words, entity=entity, period=period) == ordered
        )
    finally:
        store.close()


@pytest.mark.parametrize("words", ["", "   ", '"', "* AND NEAR("])
def test_words_without_letters_filter_nothing(store, words):
    ids = [
        store.add_article(build_article(f"{n}.txt", f"Headline {n}\n\nSome body text {n}, they said."))
        for n in range(3)
    ]
    expected = [] if words.strip() and any(c.isalnum() for c in words) else ids
    assert store.article_ids_after(0, 10, words=words) == expected
    assert store.count_articles(words=words) == len(expected)


@settings(max_examples=40, deadline=None)
@given(corpus_strategy(), query_strategy, st.lists(st.sampled_from([None, "2023-12-31", "2024-01-05", "2024-03"])))
def test_articles_by_month_equal_counting_a_plain_scan(tmp_path_factory, specs, query, dates):
    words, entity, _, _ = query
    store = ProjectStore.open(tmp_path_factory.mktemp("p") / "p.wbproj")
    try:
        articles, mentions = fill(store, specs)
        for article_id, date in zip(articles, dates, strict=False):
            store.update_article_metadata(replace(articles[article_id], date=date))
        expected = plain_scan(articles, words, entity, mentions)
        months = [d[:7] for d in (store.article(i).date for i in expected) if d]
        by_month, undated = store.articles_by_month(words=words, entity=entity)
        assert by_month == sorted((m, months.count(m)) for m in set(months))
        assert undated == len(expected) - len(months)
    finally:
        store.close()
