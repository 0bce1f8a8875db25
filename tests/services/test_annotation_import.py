"""Claims come back from files: into another project holding the same articles (matched by
text, not id), re-anchored where the text moved, listed where they cannot be placed, all at
once or not at all, undoable, and never twice."""

import csv
import json
import os

import pytest

from tests.conftest import SEEDS
from workbench.core.dataset import AnnotationFileError
from workbench.ingest.article import build_article
from workbench.services.annotation_import import import_annotations, plan_annotation_import
from workbench.services.exporting import export_dataset
from workbench.services.importing import import_paths
from workbench.services.projects import open_session


def unique_phrase(text: str, length: int = 30) -> str:
    """A stretch of words that occurs once in the text."""
    words = text.split()
    for i in range(len(words) // 2, len(words)):
        phrase = " ".join(words[i : i + 5])[:length].strip()
        if text.count(phrase) == 1 and not any(ch in phrase for ch in ",\"'\n"):
            return phrase
    raise AssertionError("no unique phrase")


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


def portable(claims):
    return sorted(
        ({k: v for k, v in c.fields_dict().items() if k not in ("id", "article_id")} for c in claims),
        key=lambda f: (f["quote"], f["start"]),
    )


@pytest.fixture
def annotated(seeded_session):
    s = seeded_session
    text = s.article(2).text
    start = text.index("Russia")
    s.add_claim(article_id=2, start=start, end=start + 40, category="Intent", tags="a; b, c", note="=1+1\nsecond")
    text = s.article(4).text
    s.add_claim(article_id=4, start=10, end=80, source="Kim Jong Un", status="disputed", note="'tis so")
    return s


@pytest.fixture
def other(tmp_path):
    """Another project holding the same articles under other ids (an extra article first)."""
    session, _ = open_session(tmp_path / "other.wbproj")
    session.store.add_article(build_article("first.txt", "Another story\n\nNothing to see here."))
    import_paths(session.store, sorted(SEEDS.glob("*.txt"), reverse=True))
    yield session
    session.close()


@pytest.mark.parametrize("format,suffix", [("csv", ".csv"), ("jsonl", ".jsonl"), ("w3c", ".jsonld")])
def test_claims_come_back_identical_in_another_project(annotated, other, tmp_path, format, suffix):
    out = tmp_path / f"claims{suffix}"
    export_dataset(annotated.store, out, format=format)
    report, changes = import_annotations(other, out)
    assert (report.added, report.present, report.not_placed, report.moved) == (2, 0, [], [])
    assert portable(other.claims()) == portable(annotated.claims())
    by_hash = {other.article(c.article_id).text_hash for c in other.claims()}
    assert by_hash == {annotated.article(c.article_id).text_hash for c in annotated.claims()}
    assert changes.claims_changed == {c.id for c in other.claims()}

    again, changes = import_annotations(other, out)
    assert (again.added, again.present, bool(changes)) == (0, 2, False)
    assert len(other.claims()) == 2


def test_an_import_is_one_undoable_step(annotated, other, tmp_path):
    out = tmp_path / "claims.jsonl"
    export_dataset(annotated.store, out, format="jsonl")
    _, changes = import_annotations(other, out)
    ids = {c.id for c in other.claims()}
    assert other.commands.undo_label == "Import annotations"
    assert [other.history(i)[-1].action for i in ids] == ["imported", "imported"]
    undone = other.undo()
    assert other.claims() == [] and undone.claims_changed == ids
    other.redo()
    assert {c.id for c in other.claims()} == ids  # the same claims, under the same ids


def test_imported_sources_are_actors_as_typed_ones_are(annotated, other, tmp_path):
    out = tmp_path / "claims.jsonl"
    export_dataset(annotated.store, out, format="jsonl")
    _, changes = import_annotations(other, out)
    assert changes.actors_changed
    assert [(a.name, a.claims) for a in other.actors()] == [("Kim Jong Un", 1)]


def test_new_vocabulary_is_added_to_the_schema_and_reported_and_undone(other, tmp_path):
    table = tmp_path / "hand.csv"
    seed = next(SEEDS.glob("000_*.txt"))
    quote = unique_phrase(seed.read_text(encoding="utf-8"))
    write_csv(table, [("source_file", "quote", "category", "stance", "status"),
                      (seed.name, quote, "Propaganda", "hedges", "retracted")])  # fmt: skip
    before = other.schema
    report, changes = import_annotations(other, table)
    assert report.added == 1 and changes.schema_changed
    assert report.schema_added == {"categories": ["Propaganda"], "stances": ["hedges"], "statuses": ["retracted"]}
    assert "added to the project's categories: Propaganda" in "\n".join(report.lines())
    schema = other.schema
    assert schema.category_names[-1] == "Propaganda" and schema.category("Propaganda").color.startswith("#")
    assert schema.stances[-1] == "hedges" and schema.statuses[-1] == "retracted"
    other.undo()
    assert other.schema == before and other.claims() == []


def test_a_hand_written_table_is_placed_by_quote_or_reported(other, tmp_path):
    seed_file = next(SEEDS.glob("001_*.txt"))
    text = seed_file.read_text(encoding="utf-8")
    unique = unique_phrase(text)
    repeated = next(w for w in ("North Korea", "Russia", "Pyongyang") if text.count(w) > 1)
    start, name = text.index(unique), seed_file.name
    table = tmp_path / "hand.csv"
    write_csv(table, [
        ("source_file", "start", "end", "quote", "category", "note", "tags"),
        (name, start, start + len(unique), unique, "Event", "exact", ""),
        (name, start + 3, start + 9, unique, "", "moved", "x; y"),
        (name, "", "", unique, "", "no offsets", ""),
        (name, "", "", repeated, "", "ambiguous", ""),
        (name, "", "", "words that are not there", "", "missing", ""),
        ("nowhere.txt", "", "", unique, "", "no article", ""),
        (name, "ten", "12", unique, "", "bad offset", ""),
    ])  # fmt: skip
    report, _ = import_annotations(other, table)
    notes = sorted(c.note for c in other.claims())
    assert notes == ["exact", "moved", "no offsets"]
    assert report.added == 3 and all(c.start == start for c in other.claims())
    assert [m.where for m in report.moved] == ["row 3", "row 4"]
    lines = "\n".join(report.lines())
    assert [p.where for p in report.not_placed] == ["row 5", "row 6", "row 7", "row 8"]
    assert f"occurs {text.count(repeated)} times" in lines and "not found" in lines
    assert "no article in the project with source file nowhere.txt" in lines
    assert "start “ten” is not a whole number" in lines
    moved = next(c for c in other.claims() if c.note == "moved")
    assert moved.tags == ("x", "y") and moved.category == other.schema.category_names[0]


def test_claims_follow_their_quote_into_an_edited_text(seeded_session, tmp_path):
    s = seeded_session
    original = s.article(3)
    text = original.text
    phrase = "North Korea"
    first, second = text.index(phrase), text.index(phrase, text.index(phrase) + 1)
    s.add_claim(article_id=3, start=second, end=second + len(phrase), note="second mention")
    out = tmp_path / "claims.jsonld"
    export_dataset(s.store, out, format="w3c")

    edited, _ = open_session(tmp_path / "edited.wbproj")
    new_text = "EDITOR'S NOTE: corrected.\n\n" + text  # the same page, with a line added on top
    edited.store.add_article(build_article(original.source_file, new_text))
    report, _ = import_annotations(edited, out)
    (claim,) = edited.claims()
    shift = len("EDITOR'S NOTE: corrected.\n\n")
    assert (claim.start, claim.end, claim.quote) == (second + shift, second + shift + len(phrase), phrase)
    assert report.moved and report.moved[0].detail.startswith(f"{second}–{second + len(phrase)} → {second + shift}")
    assert first != second
    edited.close()


def test_ambiguous_context_is_listed_never_guessed(tmp_path):
    session, _ = open_session(tmp_path / "p.wbproj")
    session.store.add_article(build_article("a.txt", "Title here\n\nThey said yes. They said yes."))
    table = tmp_path / "c.csv"
    write_csv(
        table,
        [("source_file", "start", "end", "quote", "prefix", "suffix"), ("a.txt", 40, 48, "said yes", "They ", ".")],
    )
    report, _ = import_annotations(session, table)
    assert session.claims() == [] and "occurs 2 times" in report.not_placed[0].detail
    session.close()


def test_a_failure_midway_leaves_the_project_as_it_was(annotated, other, tmp_path, monkeypatch):
    out = tmp_path / "claims.csv"
    export_dataset(annotated.store, out)
    csv = out.read_text(encoding="utf-8").replace(",Intent,", ",Brand new,")
    out.write_text(csv, encoding="utf-8")
    schema = other.schema
    inserted = []
    real_insert = other.store.insert_claim

    def failing_insert(claim, **options):
        if inserted:
            raise OSError("disk I/O error")
        inserted.append(claim)
        return real_insert(claim, **options)

    monkeypatch.setattr(other.store, "insert_claim", failing_insert)
    with pytest.raises(OSError):
        import_annotations(other, out)
    monkeypatch.undo()
    assert inserted and other.claims() == [] and other.store.schema() == schema
    assert other.commands.undo_label is None


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("missing.csv", None, "No such file"),
        ("latin.csv", "quote,source_file\ncaf\xe9,a.txt\n".encode("latin-1"), "is not UTF-8"),
        ("columns.csv", b"title,text\na,b\n", "no column quote, article_hash or source_file"),
        ("broken.jsonl", b'{"text": "a"}\n{not json\n', "Line 2 of"),
        ("notes.jsonld", b'{"hello": "world"}', "holds no Web Annotations"),
        ("claims.xlsx", b"PK", "Cannot tell the format"),
    ],
)
def test_unreadable_files_are_refused_with_a_clear_message(other, tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(AnnotationFileError, match=message):
        plan_annotation_import(other.store, path)
    assert other.claims() == []


def test_a_hand_written_apostrophe_is_kept_unless_the_file_is_spreadsheet_safe(other, tmp_path):
    seed = next(SEEDS.glob("000_*.txt"))
    quote = unique_phrase(seed.read_text(encoding="utf-8"))
    plain = tmp_path / "plain.csv"
    write_csv(plain, [("source_file", "quote", "note"), (seed.name, quote, "'tis true")])
    import_annotations(other, plain)
    assert [c.note for c in other.claims()] == ["'tis true"]
    marked = tmp_path / "marked.csv"  # as `neutralise` writes: every leading apostrophe doubled
    write_csv(marked, [("source_file", "quote", "note", "source"), (seed.name, quote, "''tis true", "'=A1")])
    import_annotations(other, marked)
    assert sorted((c.note, c.source) for c in other.claims()) == [("'tis true", ""), ("'tis true", "=A1")]


def test_a_note_with_half_an_emoji_is_imported_with_a_replacement_character(seeded_session, tmp_path):
    s = seeded_session
    article = s.article(1)
    start = article.text.index("Kim Jong Un")
    record = {"article_hash": article.text_hash, "text": article.text,
              "claims": [{"start": start, "end": start + 11, "quote": "Kim Jong Un", "note": "cut \ud83d here"}]}  # fmt: skip
    path = tmp_path / "claims.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")  # json.dumps escapes the lone surrogate
    import_annotations(s, path)
    assert [c.note for c in s.claims(1)] == ["cut \ufffd here"]


def test_only_a_regular_file_is_read_as_annotations(seeded_session, tmp_path):
    pipe = tmp_path / "claims.csv"
    os.mkfifo(pipe)  # reading it would wait for a writer forever
    with pytest.raises(AnnotationFileError, match="not a regular file"):
        plan_annotation_import(seeded_session.store, pipe)


def test_blank_values_and_timestamps_that_are_no_time_are_not_taken(seeded_session, tmp_path):
    s = seeded_session
    article = s.article(1)
    table = tmp_path / "hand.csv"
    write_csv(table, [["article_hash", "quote", "category", "stance", "created_at", "updated_at"],
                      [article.text_hash, unique_phrase(article.text), "  ", "\t", "not-a-date", "2020-13-45T99:99:99"]])  # fmt: skip
    report, _ = import_annotations(s, table)
    (claim,) = s.claims(1)
    assert (claim.category, claim.stance) == (s.schema.category_names[0], s.schema.stances[0])
    assert claim.created_at[:4] == claim.updated_at[:4] != "2020" and "not-a-date" not in claim.created_at
    assert "added to the project's" not in "\n".join(report.lines())
