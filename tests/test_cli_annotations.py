"""`workbench export --format` and `workbench import-annotations` as a user runs them."""

import json

import pandas as pd
import pytest

from tests.conftest import SEEDS
from tests.test_cli import run
from workbench.services.importing import import_paths
from workbench.services.projects import open_session


@pytest.fixture
def project(tmp_path):
    """A project holding the sample articles and two claims."""
    path = tmp_path / "p.wbproj"
    session, _ = open_session(path)
    import_paths(session.store, [SEEDS])
    session.add_claim(article_id=1, start=0, end=30, category="Intent", note="=cmd|' /C calc'!A0")
    session.add_claim(article_id=2, start=5, end=50, status="disputed")
    session.close()
    return path


def test_export_in_every_format_says_how_many_records(project, tmp_path):
    for format, suffix, expected in (
        ("csv", ".csv", "2 claims"), ("xlsx", ".xlsx", "2 claims"), ("jsonl", ".jsonl", "5 articles"),
        ("spacy", ".spacy", "5 articles"), ("w3c", ".jsonld", "2 annotations"),
    ):  # fmt: skip
        out = tmp_path / f"out{suffix}"
        result = run("export", "-p", project, "-o", out, "--format", format)
        assert result.returncode == 0, result.stderr
        assert result.stdout == f"Wrote {expected} to {out}\n"
    limited = run("export", "-p", project, "-o", tmp_path / "l.csv", "--category", "Intent", "--status", "unverified")
    assert limited.stdout.startswith("Wrote 1 claim ")
    assert run(
        "export", "-p", project, "-o", tmp_path / "n.jsonl", "-f", "jsonl", "--article", "2,3"
    ).stdout.startswith("Wrote 2 articles")
    mentions = run("export", "-p", project, "-o", tmp_path / "m.csv", "--per-mention", "--raw")
    assert mentions.returncode == 0 and "entity_label" in pd.read_csv(tmp_path / "m.csv").columns


def test_import_annotations_into_another_project(project, tmp_path):
    run("export", "-p", project, "-o", tmp_path / "c.jsonld", "-f", "w3c")
    other = tmp_path / "other.wbproj"
    run("import", SEEDS, "-p", other)
    dry = run("import-annotations", tmp_path / "c.jsonld", "-p", other, "--dry-run")
    assert dry.returncode == 0 and dry.stdout.splitlines()[:2] == [
        "Dry run: nothing was changed. The import would give:",
        "2 claims added, 0 already present, 0 not placed",
    ]
    done = run("import-annotations", tmp_path / "c.jsonld", "-p", other)
    assert done.returncode == 0 and done.stdout.startswith("2 claims added")
    again = run("import-annotations", tmp_path / "c.jsonld", "-p", other)
    assert again.stdout.startswith("0 claims added, 2 already present")
    run("export", "-p", other, "-o", tmp_path / "back.jsonl", "-f", "jsonl", "--raw")
    notes = [
        c["note"] for line in (tmp_path / "back.jsonl").read_text().splitlines() for c in json.loads(line)["claims"]
    ]
    assert "=cmd|' /C calc'!A0" in notes


def test_claims_that_cannot_be_placed_exit_with_2_and_are_listed(project, tmp_path):
    table = tmp_path / "hand.csv"
    table.write_text("source_file,quote\nno-such-file.txt,anything\n", encoding="utf-8")
    result = run("import-annotations", table, "-p", project)
    assert result.returncode == 2
    assert "not placed  row 2: “anything” no article in the project with source file no-such-file.txt" in result.stdout


@pytest.mark.parametrize(
    "name,content,message",
    [("x.txt", "hello", "Cannot tell the format"), ("x.csv", "a,b\n1,2\n", "no column quote")],
)
def test_unreadable_annotation_files_fail_in_one_line(project, tmp_path, name, content, message):
    (tmp_path / name).write_text(content, encoding="utf-8")
    result = run("import-annotations", tmp_path / name, "-p", project)
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and message in result.stderr
