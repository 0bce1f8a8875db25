"""The claims CSV, read back by pandas the way the README says."""

import csv
import os

import pytest

from tests.export.conftest import TRICKY, read
from workbench.export import safety
from workbench.export.safety import ExportError, neutralise
from workbench.export.tables import CLAIM_COLUMNS
from workbench.services.exporting import export_articles_csv, export_claims_csv, export_entities_csv


def test_every_column_and_value_comes_back(annotated, tmp_path):
    s, _, claim_b = annotated
    out = tmp_path / "claims.csv"
    assert export_claims_csv(s.store, out, raw=True) == 2
    frame = read(out)
    assert tuple(frame.columns) == CLAIM_COLUMNS
    row = frame[frame.claim_id == str(claim_b.id)].iloc[0]
    article = s.article(1)
    assert row.article_title == article.title and row.article_date == "2023-08-16"
    assert row.source_file == article.source_file and row.article_hash == article.text_hash
    assert article.text[int(row.start) : int(row.end)] == row.quote == claim_b.quote
    assert (row.category, row.source, row.stance, row.status) == ("Intent", "Kim Jong Un", "asserts", "corroborated")
    assert row.entities.split("; ")[0] == "Kim Jong Un|PERSON"
    assert row.created_at == claim_b.created_at and row.updated_at == claim_b.updated_at


def test_offsets_after_emoji_are_code_points(annotated, tmp_path):
    s, claim_a, _ = annotated
    out = tmp_path / "claims.csv"
    export_claims_csv(s.store, out, raw=True)
    row = read(out).query(f"claim_id == '{claim_a.id}'").iloc[0]
    assert TRICKY[int(row.start) : int(row.end)] == row.quote == "=SUM(A1),"
    assert row.tags == "a; b"


def test_spreadsheet_safe_by_default(annotated, tmp_path):
    s, claim_a, _ = annotated
    out = tmp_path / "claims.csv"
    export_claims_csv(s.store, out)
    row = read(out).query(f"claim_id == '{claim_a.id}'").iloc[0]
    assert row.quote == "'=SUM(A1),"
    assert row.note.startswith("'=HYPERLINK")
    with open(out, newline="", encoding="utf-8") as handle:
        for record in csv.reader(handle):
            assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in record)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@a", "'@a"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("ok", "ok"),
        (5, 5),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_failed_export_leaves_the_existing_file(annotated, tmp_path, monkeypatch):
    s, _, _ = annotated
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "claims.csv"
    out.write_text("precious")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(safety.os, "fsync", broken)  # the disk fills up as the file is written
    with pytest.raises(ExportError, match="No space left"):
        export_claims_csv(s.store, out)
    assert out.read_text() == "precious"
    assert [p.name for p in out.parent.iterdir()] == ["claims.csv"]  # no temporary file left


def test_export_to_a_folder_or_missing_folder_is_refused(annotated, tmp_path):
    s, _, _ = annotated
    with pytest.raises(ExportError, match="is a folder"):
        export_claims_csv(s.store, tmp_path)
    with pytest.raises(ExportError, match="does not exist"):
        export_claims_csv(s.store, tmp_path / "nope" / "x.csv")


def test_export_is_an_ordinary_readable_file(annotated, tmp_path):
    s, _, _ = annotated
    out = tmp_path / "claims.csv"
    export_claims_csv(s.store, out)
    assert os.stat(out).st_mode & 0o044  # not private like a temporary file


def test_articles_and_entities_tables(seeded_session, tmp_path):
    export_articles_csv(seeded_session.store, tmp_path / "a.csv")
    articles = read(tmp_path / "a.csv")
    assert list(articles.columns) == [
        "article_id",
        "source_file",
        "article_hash",
        "title",
        "date",
        "byline",
        "site",
        "words",
        "entities",
        "claims",
    ]
    assert len(articles) == 5 and articles.byline.tolist().count("BNN Correspondents") == 1
    export_entities_csv(seeded_session.store, tmp_path / "e.csv")
    entities = read(tmp_path / "e.csv")
    assert list(entities.columns) == [
        "article_id",
        "source_file",
        "article_hash",
        "start",
        "end",
        "text",
        "label",
        "model",
        "model_version",
    ]
    first = entities.iloc[0]
    article = seeded_session.article(int(first.article_id))
    assert article.text[int(first.start) : int(first.end)] == first.text
    assert first.article_hash == article.text_hash
    assert set(articles.article_hash) == {seeded_session.article(int(i)).text_hash for i in articles.article_id}
