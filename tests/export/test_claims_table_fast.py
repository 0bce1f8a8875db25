"""The claims CSV is formatted by SQLite as it reads the project, without building a table
in memory first: it must be byte for byte what writing the table built article by article
gives, for any claims, mentions, tags and filters."""

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.model import EntitySpan
from workbench.export.tables import claims_frame, write_csv
from workbench.ingest.article import build_article
from workbench.services.exporting import ExportFilter, annotated_articles, export_dataset
from workbench.services.projects import open_session

TEXT = "Talks in Oslo\n\nEnvoys from Oslo; Lima and =Rome met at the \\ border, 😀 officials said on Friday, then left."


def reference(store, path, selection, raw):
    frame = claims_frame(
        item
        for item in annotated_articles(store, selection)
        if not selection.article_ids or item.article.id in selection.article_ids
    )
    return write_csv(frame, path, spreadsheet_safe=not raw)


mention = st.tuples(st.integers(0, len(TEXT) - 2), st.integers(1, 12), st.sampled_from(["GPE", "PERSON", "ORG"]))
claim = st.tuples(
    st.integers(0, len(TEXT) - 2),
    st.integers(1, 40),
    st.sampled_from(["Event", "Intent"]),
    st.sampled_from([(), ("a", "b;c"), ("=x",), ("nul\x00", "back\\slash")]),
    st.sampled_from(
        [
            "",
            "=1+1",
            'note, with "quotes"\nand lines',
            "+1",
            "-x",
            "@a",
            "\ttab",
            "\rcr",
            "'quoted",
            'a\x00"b',
            "lone\rCR",
        ]
    ),
)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(mention, max_size=8), min_size=1, max_size=3),
    st.lists(st.tuples(st.integers(0, 2), claim), max_size=8),
    st.sampled_from(
        [
            ExportFilter(),
            ExportFilter(categories=frozenset({"Intent"})),
            ExportFilter(article_ids=frozenset({1})),
            ExportFilter(statuses=frozenset({"unverified"}), analysts=frozenset({"me"})),
        ]
    ),
    st.booleans(),
)
def test_fast_claims_csv_is_the_table_written_article_by_article(tmp_path_factory, mentions, claims, selection, raw):
    folder = tmp_path_factory.mktemp("out")
    session, _ = open_session(folder / "p.wbproj")
    store = session.store
    ids = [
        store.add_article(build_article(f"{n}.txt", TEXT.replace("Talks", f"Talks {n}"))) for n in range(len(mentions))
    ]
    for article_id, spans in zip(ids, mentions, strict=True):
        text = store.article(article_id).text
        found = [EntitySpan(s, min(s + n, len(text)), label, text[s : min(s + n, len(text))]) for s, n, label in spans]
        store.save_entities(article_id, store.article(article_id).text_hash, found, "m", "1")
    for n, (which, (start, length, category, tags, note)) in enumerate(claims):
        store.analyst = "me" if n % 2 else ""  # some claims record their analyst, some do not
        article_id = ids[which % len(ids)]
        text = store.article(article_id).text
        end = min(start + length, len(text))
        if text[start:end].strip():
            session.add_claim(article_id=article_id, start=start, end=end, category=category, tags=tags, note=note)
    fast = export_dataset(store, folder / "fast.csv", selection=selection, raw=raw)
    slow = reference(store, folder / "slow.csv", selection, raw)
    assert fast.records == slow
    assert (folder / "fast.csv").read_bytes() == (folder / "slow.csv").read_bytes()
    session.close()


def test_a_large_table_read_by_two_processes_is_the_same_file(tmp_path, monkeypatch):
    session, _ = open_session(tmp_path / "p.wbproj")
    store = session.store
    for n in range(12):
        article_id = store.add_article(build_article(f"{n}.txt", TEXT.replace("Talks", f"Talks {n}")))
        store.save_entities(
            article_id, store.article(article_id).text_hash, [EntitySpan(25, 29, "GPE", "Oslo")], "m", "1"
        )
        for start in (0, 20, 40):
            session.add_claim(article_id=article_id, start=start, end=start + 30, note="=x" if n % 2 else "")
    serial = export_dataset(store, tmp_path / "serial.csv")
    monkeypatch.setattr("workbench.store.claims.PARALLEL_FROM", 1)
    parallel = export_dataset(store, tmp_path / "parallel.csv", selection=ExportFilter())
    assert parallel.records == serial.records == 36
    assert (tmp_path / "parallel.csv").read_bytes() == (tmp_path / "serial.csv").read_bytes()
    session.close()
