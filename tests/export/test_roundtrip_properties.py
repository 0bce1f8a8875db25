"""Export → import gives back exactly the same claims, for every format that imports, with
arbitrary Unicode (emoji, combining marks, quotes, commas, line breaks, a leading `=`…);
and the formats that do not import are read back exactly by the programs meant to read them."""

from __future__ import annotations

import re
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.core.errors import SpanError
from workbench.core.model import Claim, normalise_tags
from workbench.core.spans import trim_span
from workbench.ingest.article import build_article
from workbench.services.annotation_import import import_annotations
from workbench.services.exporting import export_dataset
from workbench.services.projects import open_session

TRICKY = ["😀", "👩‍👩‍👧", "e\u0301", "\u0308", '"', "'", "''", ",", ";", "\\", "\n", "\r\n", "\t", "=", "=SUM(A1)",
          "+1", "-", "@", "|", "“”", "\u2028", "\u0085", "NA", " ", "  ", "\x00", "\x0b", "_x0041_"]  # fmt: skip
CHARS = st.characters(exclude_categories=("Cs",))  # surrogates cannot be written as UTF-8
text = st.lists(st.one_of(st.sampled_from(TRICKY), st.text(CHARS, max_size=8)), max_size=12).map("".join)
name = text.filter(str.strip)  # categories, stances and statuses are never blank: the schema refuses one


@st.composite
def annotated_article(draw):
    raw = draw(text.filter(lambda t: t.strip()))
    article = build_article("article.txt", draw(text) + raw + draw(text))
    claims = []
    base = datetime(2024, 1, 1, tzinfo=UTC)
    for n in range(draw(st.integers(1, 3))):
        a, b = sorted(draw(st.lists(st.integers(0, len(article.text)), min_size=2, max_size=2)))
        try:
            start, end = trim_span(article.text, a, b)
        except SpanError:  # nothing visible in it: no claim can be made of it
            continue
        created = base + timedelta(seconds=draw(st.integers(0, 10**8)), microseconds=n)
        source_start = draw(st.none() | st.integers(0, len(article.text) - 1))
        source_end = None if source_start is None else draw(st.integers(source_start + 1, len(article.text)))
        claims.append(
            Claim(
                article_id=0,
                start=start,
                end=end,
                quote=article.text[start:end],
                category=draw(name),
                source=draw(text),
                stance=draw(name),
                status=draw(name),
                tags=normalise_tags(draw(st.lists(text, max_size=3))),
                note=draw(text),
                created_at=created.isoformat(),
                updated_at=(created + timedelta(days=draw(st.integers(0, 9)))).isoformat(),
                analyst=draw(name),
                source_start=source_start,
                source_end=source_end,
            )
        )
    return article, claims


def as_xlsx_reader_shows(value: str) -> str:
    """xlsx cannot hold control characters (but tab and line feed) as they are: the format
    escapes them as _xHHHH_, which spreadsheet programs show as the character and openpyxl
    (pandas' reader) leaves as the escape. Every other character comes back as it was."""
    return re.sub(r"[\x00-\x08\x0b-\x1f]", lambda m: f"_x{ord(m.group()):04X}_", value)


def stored(claims) -> list[dict]:
    """The claims without what belongs to the project (id, article id)."""
    fields = [{k: v for k, v in c.fields_dict().items() if k not in ("id", "article_id")} for c in claims]
    return sorted(fields, key=lambda f: (f["start"], f["end"], f["created_at"]))


def make_project(folder: Path, name: str, article, claims=()):
    session, _ = open_session(folder / name)
    article_id = session.store.add_article(article)
    for claim in claims:
        session.store.insert_claim(Claim(**{**claim.fields_dict(), "article_id": article_id}))
    return session


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(
    "format,suffix,raw",
    [("csv", ".csv", False), ("csv", ".csv", True), ("jsonl", ".jsonl", False), ("w3c", ".jsonld", False)],
)
@SETTINGS
@given(data=annotated_article())
def test_export_then_import_gives_back_the_same_claims(format, suffix, raw, data):
    article, claims = data
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = make_project(folder, "a.wbproj", article, claims)
        out = folder / f"out{suffix}"
        export_dataset(source.store, out, format=format, raw=raw)
        target = make_project(folder, "b.wbproj", article)
        report, _ = import_annotations(target, out, raw=True if raw else None)
        assert (report.added, report.not_placed) == (len(claims), [])
        assert stored(target.claims()) == stored(source.claims())
        again, changes = import_annotations(target, out, raw=True if raw else None)
        assert (again.added, again.present, bool(changes)) == (0, len(claims), False)
        source.close()
        target.close()


@SETTINGS
@given(data=annotated_article())
def test_spreadsheets_and_spacy_read_every_value(data):
    import pandas as pd
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    article, claims = data
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = make_project(folder, "a.wbproj", article, claims)
        expected = source.claims()
        export_dataset(source.store, folder / "c.xlsx", format="xlsx")
        sheet = pd.read_excel(folder / "c.xlsx", sheet_name="Claims", dtype=str, keep_default_na=False)
        for column in ("quote", "category", "source", "stance", "status", "note"):
            assert sheet[column].tolist() == [as_xlsx_reader_shows(getattr(c, column)) for c in expected], column
        export_dataset(source.store, folder / "c.spacy", format="spacy")
        (doc,) = DocBin().from_disk(folder / "c.spacy").get_docs(Vocab())
        assert doc.text == article.text
        assert [(s.start_char, s.end_char, s.text, s.label_) for s in doc.spans["claims"]] == [
            (c.start, c.end, c.quote, c.category) for c in expected
        ]
        assert [c["note"] for c in doc.user_data["claims"]] == [c.note for c in expected]
        source.close()
