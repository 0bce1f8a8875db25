"""Importing real-world files: every bad input gets its reason, nothing is half-imported,
nothing already in the project changes."""

import codecs
import json
import os
import random
import sqlite3
import zipfile

import pandas as pd
import pytest

from tests.store.old_formats import back_to_format_5
from workbench.ingest.tables import ColumnChoice
from workbench.services.exporting import export_claims_csv
from workbench.services.importing import import_paths, preview_table
from workbench.services.projects import open_session

BODY = (
    "Officials in Seoul said on Monday that the talks with Moscow would resume next month, "
    "according to a statement released by the foreign ministry after a closed meeting."
)


def story(headline: str, body: str | None = None) -> str:
    """A short article; without a body, one of its own (no two alike)."""
    return f"{headline}\n\n{body or prose(headline)}\n"


def prose(seed: str, words: int = 40) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(VOCABULARY) for _ in range(words)).capitalize() + "."


VOCABULARY = (
    "minister envoy talks border trade sanctions army navy shells missiles grain ports ministry council vote "
    "election budget court ruling strike union farmers prices fuel storm coast rescue hospital school river "
    "bridge summit treaty ceasefire drones satellite launch inquiry report leak spokesman rebels refugees"
).split()


def by_name(report):
    """{file name (or name, row): status} of a report."""
    result = {}
    for outcome in report.outcomes:
        name = outcome.path.rsplit("/", 1)[-1]
        result[name] = outcome.status
        for skip in outcome.skipped:
            if skip.where:
                result[f"{name}, {skip.where}"] = skip.kind
    return result


def reason(report, name):
    outcome = next(o for o in report.outcomes if o.path.endswith("/" + name))
    return outcome.error or "; ".join(s.reason for s in outcome.skipped)


@pytest.fixture
def messy(tmp_path):
    """A folder holding every kind of bad and awkward input."""
    folder = tmp_path / "messy"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\t\r\n   \n")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "broken-utf8.txt").write_bytes(story("Kim’s reply").encode() + b"\xff\xfe" + "café".encode())
    (folder / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + story("Pyongyang – Moscow").encode("utf-16-le"))
    (folder / "cp1252.txt").write_bytes(story("The minister’s “firm” reply — café, déjà vu").encode("cp1252"))
    (folder / "crlf.txt").write_bytes(story("Line endings", prose("crlf") + "\r\nSecond line.\rThird line.").encode())
    (folder / "rows.csv").write_text(
        f'title,text\n"Row one","{BODY}\nA second paragraph."\n"Row two","Another body entirely, said the ministry on Tuesday in a statement about the border."\n'
    )
    (folder / "nocolumn.csv").write_text("id,headline,summary\n1,H,S\n")
    (folder / "bad.jsonl").write_text(json.dumps({"text": "a story body"}) + '\n{"text": oops}\n')
    (folder / "nan.json").write_text(
        '[{"text": NaN, "title": "Nothing"}, {"text": "A NaN date does no harm, the analysts said on Wednesday.", "date": NaN}]'
    )
    (folder / "page.html").write_text(
        "<html><head><title>Page</title><script>stolen = document.cookie</script></head><body><article>"
        f"<h1>Page headline</h1><p>{prose('page')} <img src='http://127.0.0.1:9/pixel.gif'></p></article></body></html>"
    )
    with zipfile.ZipFile(folder / "evil.zip", "w") as archive:
        archive.writestr("../evil.txt", story("Evil"))
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    return folder


def test_every_kind_of_bad_input_gets_its_reason_and_the_rest_is_imported(session, messy, tmp_path):
    report = import_paths(session.store, [messy, tmp_path / "does-not-exist.txt"])
    assert by_name(report) == {
        "bad.jsonl": "failed",
        "binary.txt": "failed",
        "blank.txt": "empty",
        "broken-utf8.txt": "failed",
        "cp1252.txt": "imported",
        "crlf.txt": "imported",
        "empty.txt": "empty",
        "evil.zip": "failed",
        "nan.json": "imported",
        "nan.json, item 1": "empty",
        "nocolumn.csv": "failed",
        "page.html": "imported",
        "photo.jpg": "unsupported",
        "rows.csv": "imported",
        "utf16.txt": "imported",
        "does-not-exist.txt": "failed",
    }
    assert reason(report, "binary.txt").startswith("binary file")
    assert reason(report, "broken-utf8.txt").startswith("invalid UTF-8 at byte")
    assert reason(report, "bad.jsonl").startswith("line 2, column 10: not valid JSON")
    assert "no text column" in reason(report, "nocolumn.csv")
    assert "leading outside the archive" in reason(report, "evil.zip")
    assert reason(report, "does-not-exist.txt") == "no such file or folder"
    assert report.summary() == "7 imported, 4 skipped, 6 failed"
    assert report.failed and session.store.article_count() == 7
    text = "\n".join(report.lines())
    assert "nan.json, item 1: empty (no text)" in text
    assert [o.columns for o in report.tables_without_text_column] == [("id", "headline", "summary")]


def test_text_is_decoded_and_only_line_endings_change(session, messy):
    import_paths(session.store, [messy])
    texts = {s.source_file: session.article(s.id).text for s in session.article_summaries()}
    assert texts["utf16.txt"] == story("Pyongyang – Moscow")  # no BOM
    assert texts["cp1252.txt"].startswith("The minister’s “firm” reply — café")
    assert texts["crlf.txt"] == story("Line endings", prose("crlf") + "\nSecond line.\nThird line.")
    assert texts["rows.csv, row 1"] == f"{BODY}\nA second paragraph."
    html = texts["page.html"]
    assert "Page headline" in html and prose("page") in html and "cookie" not in html and "<img" not in html


def test_offsets_stay_exact_with_emoji_combining_marks_rtl_and_line_separators(session, tmp_path):
    text = (
        "Headline with 😀 emoji\n\nThe café (cafe\u0301) in תל אביב, said officials 👩‍👩‍👧 on Monday;\u2028"
        "the envoy\u2029replied 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 that the talks would continue next week in Moscow.\r\n"
    )
    (tmp_path / "unicode.txt").write_bytes(text.encode())
    import_paths(session.store, [tmp_path / "unicode.txt"])
    article = session.article(1)
    assert article.text == text.replace("\r\n", "\n")  # U+2028 and U+2029 stay as they are
    start = article.text.index("the envoy")
    end = article.text.index(" that the talks")
    claim, _ = session.add_claim(article_id=1, start=start, end=end)
    assert claim.quote == "the envoy\u2029replied 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"
    export_claims_csv(session.store, tmp_path / "claims.csv", raw=True)
    row = pd.read_csv(tmp_path / "claims.csv", keep_default_na=False).iloc[0]
    assert (row.start, row.end) == (start, end) and row.quote == article.text[start:end]


def test_a_table_is_imported_whole_or_not_at_all(session, tmp_path):
    rows = "".join(f'"Story {i}","{BODY} Number {i}."\n' for i in range(200))
    (tmp_path / "news.csv").write_text("title,text\n" + rows + '"Bad row","text","extra column"\n')
    report = import_paths(session.store, [tmp_path / "news.csv"])
    assert report.outcomes[0].error.startswith("row 201 (line 202) has 3 columns")
    assert session.store.article_count() == 0


def test_a_saved_pages_assets_folder_is_not_imported(session, tmp_path):
    # A browser's "Save page, complete": the page, and beside it its pictures, scripts and ad frames.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    page = f"<html><body><article><h1>Talks resume</h1><p>{BODY}</p></article></body></html>"
    (corpus / "Talks resume.html").write_text(page)
    assets = corpus / "Talks resume_files"
    assets.mkdir()
    (assets / "ad-frame.html").write_text(
        "<html><body><p>Buy now! " + "Great offers on shoes today. " * 20 + "</p></body></html>"
    )
    (assets / "style.css").write_text("p { color: red }")
    (corpus / "notes_files").mkdir()  # a folder merely named so, with no page beside it
    (corpus / "notes_files" / "note.txt").write_text(story("Kept", BODY + " Another sentence."))
    report = import_paths(session.store, [corpus])
    assert sorted(o.path.rsplit("/", 1)[-1] for o in report.outcomes) == ["Talks resume.html", "note.txt"]


def test_identical_body_is_a_duplicate_of_the_existing_article(session, tmp_path):
    (tmp_path / "a.txt").write_text(story("First headline", BODY) + "\nRelated Articles\nSomething else\n")
    (tmp_path / "b.txt").write_text("Another site's headline\nUpdated: 14 January 2024\n\n" + BODY + "\n")
    (tmp_path / "rows.csv").write_text(f'text\n"{BODY}"\n"  {BODY}  "\n')
    first = import_paths(session.store, [tmp_path / "a.txt"])
    report = import_paths(session.store, [tmp_path / "b.txt", tmp_path / "rows.csv"])
    skips = [s for o in report.outcomes for s in o.skipped]
    assert [(s.kind, s.article_id) for s in skips] == [("duplicate", 1), ("duplicate", 1), ("duplicate", 1)]
    assert "same body as article 1 “First headline”" in skips[0].reason
    assert first.count("imported") == 1 and session.store.article_count() == 1


def test_a_file_whose_body_is_read_otherwise_now_is_still_a_duplicate(session, tmp_path):
    # The rules that find a page's body change between versions: the same text read again
    # has another body, and is the same article.
    (tmp_path / "a.txt").write_text(story("First headline", BODY))
    import_paths(session.store, [tmp_path / "a.txt"])
    with session.store.transaction() as db:
        db.execute("UPDATE articles SET body_hash = 'as an older version found it'")
    report = import_paths(session.store, [tmp_path / "a.txt"])
    assert [(s.kind, s.article_id) for o in report.outcomes for s in o.skipped] == [("duplicate", 1)]
    assert not report.failed and session.store.article_count() == 1


def syndicated(body: str) -> str:
    """The same story as another outlet runs it: a few words changed, a sentence added."""
    words = body.split()
    for i in (12, 90, 170):
        words[i] = "reportedly"
    return " ".join(words) + " The ministry declined further comment."


LONG = prose("a story told at length", 250)


def test_near_duplicates_are_flagged_both_ways(session, tmp_path):
    (tmp_path / "a.txt").write_text(story("Talks to resume", LONG))
    (tmp_path / "other.txt").write_text(story("Something else", "A storm hit the coast overnight. " * 5))
    import_paths(session.store, [tmp_path / "a.txt", tmp_path / "other.txt"])
    (tmp_path / "b.txt").write_text(story("Seoul says talks will resume", syndicated(LONG)))
    report = import_paths(session.store, [tmp_path / "b.txt"])
    flag = report.outcomes[0].flagged[0]
    assert flag.near[0].other_id == 1 and 0.5 <= flag.near[0].similarity < 1
    assert "nearly the same story as article 1 “Talks to resume”" in "\n".join(report.lines())
    assert report.changes.articles_added == {3} and report.changes.articles_changed == {1}
    assert [row[0] for row in session.near_duplicates(1)] == [3]
    assert [row[0] for row in session.near_duplicates(3)] == [1]
    counts = {s.id: s.near_duplicates for s in session.article_summaries()}
    assert counts == {1: 1, 2: 0, 3: 1}


@pytest.mark.parametrize("held", [32, 160_000])  # band keys written after each article, or at the end
def test_near_duplicates_within_one_import_are_flagged_against_the_earlier_ones(session, tmp_path, monkeypatch, held):
    from workbench.services import duplicates

    monkeypatch.setattr(duplicates, "MAX_CANDIDATES", 2)  # compared with the two sharing most bands
    monkeypatch.setattr(duplicates.NearDuplicateIndex, "HELD_ROWS", held)
    for name in "abcd":
        body = LONG if name == "a" else f"{syndicated(LONG)} Filed by desk {name}."
        (tmp_path / f"{name}.txt").write_text(story(f"Copy {name}", body))
    report = import_paths(session.store, sorted(tmp_path.glob("*.txt")))
    flagged = [sorted(n.other_id for f in o.flagged for n in f.near) for o in report.outcomes]
    assert flagged[:3] == [[], [1], [1, 2]] and len(flagged[3]) == 2
    assert all(f.article_id == int(o.imported[0]) for o in report.outcomes for f in o.flagged)
    similar = [line for line in report.lines() if "similar" in line]  # one line an article, not a pair
    assert len(similar) == 3 and similar[1].endswith("alike) and 1 other") and report.flagged == 3
    assert {row[2] for row in dump(session.path)["article_bands"]} == {1, 2, 3, 4}
    assert session.store.get_meta("bands_from") is None


def test_nothing_already_in_the_project_changes(session, messy, tmp_path):
    (tmp_path / "first.txt").write_text(story("Already here"))
    import_paths(session.store, [tmp_path / "first.txt"])
    session.add_claim(article_id=1, start=0, end=7)
    before = dump(session.path)
    import_paths(session.store, [messy])
    after = dump(session.path)
    for table in ("articles", "claims", "article_bands", "near_duplicates"):
        assert set(before[table]) <= set(after[table]), table


def dump(path):
    with sqlite3.connect(path) as db:
        return {
            table: db.execute(f"SELECT * FROM {table}").fetchall()
            for table in ("articles", "claims", "article_bands", "near_duplicates")
        }


def test_articles_stored_before_duplicates_were_tracked_are_indexed(session, tmp_path):
    (tmp_path / "a.txt").write_text(story("Talks to resume", LONG))
    import_paths(session.store, [tmp_path / "a.txt"])
    with sqlite3.connect(session.path) as db:  # as a project saved by the earlier version
        db.execute("UPDATE articles SET body_hash = NULL")
        db.execute("DELETE FROM article_bands")
    (tmp_path / "b.txt").write_text(story("Same body, new page", LONG))
    (tmp_path / "c.txt").write_text(story("Syndicated", syndicated(LONG)))
    report = import_paths(session.store, [tmp_path / "b.txt", tmp_path / "c.txt"])
    assert [o.status for o in report.outcomes] == ["duplicate", "imported"]
    assert report.outcomes[1].flagged[0].near[0].other_id == 1


def test_band_keys_of_an_earlier_kind_are_computed_anew_once(session, tmp_path):
    (tmp_path / "a.txt").write_text(story("Talks to resume", LONG))
    (tmp_path / "b.txt").write_text(story("Something else", prose("a storm", 60)))
    import_paths(session.store, [tmp_path / "a.txt", tmp_path / "b.txt"])
    session.close()
    with sqlite3.connect(session.path) as db:  # format 5: keys of the MinHash before
        back_to_format_5(db)
        db.execute("UPDATE article_bands SET key = key + 1")
    again, _ = open_session(session.path)
    assert dump(again.path)["article_bands"] == []
    (tmp_path / "c.txt").write_text(story("Syndicated", syndicated(LONG)))
    report = import_paths(again.store, [tmp_path / "c.txt"])
    assert report.outcomes[0].flagged[0].near[0].other_id == 1
    assert again.store.get_meta("bands_from") is None
    assert {row[2] for row in dump(again.path)["article_bands"]} == {1, 2, 3}
    again.close()


def test_recomputing_older_band_keys_can_be_cancelled_and_goes_on_later(session, tmp_path, monkeypatch):
    from workbench.services import duplicates

    for name in "abc":
        (tmp_path / f"{name}.txt").write_text(story(f"Story {name}", prose(f"story {name}", 60)))
    import_paths(session.store, sorted(tmp_path.glob("*.txt")))
    with sqlite3.connect(session.path) as db:  # as after the upgrade to new band keys
        db.execute("DELETE FROM article_bands")
        db.execute("INSERT INTO project_meta(key, value) VALUES ('bands_from', '0')")
    monkeypatch.setattr(duplicates, "OLDER_PER_TRANSACTION", 1)
    checks = iter([False, True])  # cancelled after the first article
    (tmp_path / "d.txt").write_text(story("Story d", prose("story d", 60)))
    report = import_paths(session.store, [tmp_path / "d.txt"], cancelled=lambda: next(checks, True))
    assert report.cancelled and report.count("imported") == 0
    assert {row[2] for row in dump(session.path)["article_bands"]} == {1}
    assert session.store.get_meta("bands_from") == "2"
    report = import_paths(session.store, [tmp_path / "d.txt"])
    assert report.count("imported") == 1 and session.store.get_meta("bands_from") is None
    assert {row[2] for row in dump(session.path)["article_bands"]} == {1, 2, 3, 4}


def test_a_50_mb_file_imports_with_progress(session, tmp_path):
    paragraph = BODY + " " + "More detail from the briefing followed. " * 10 + "\n\n"
    size = 50 * 1024 * 1024
    big = tmp_path / "big.txt"
    big.write_text("A very long report\n\n" + paragraph * (size // len(paragraph) + 1))
    seen = []
    report = import_paths(session.store, [big], progress=lambda d, t, m: seen.append((d, t, m)))
    assert report.summary() == "1 imported, 0 skipped, 0 failed"
    assert len(session.article(1).text) == big.stat().st_size
    done = [d for d, t, _ in seen if t]
    assert done == sorted(done) and done[-1] == seen[-1][1]
    assert any(m == "Reading big.txt (52 MB)…" for _, _, m in seen)


def test_thousands_of_files_show_progress_and_stop_when_cancelled(session, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(1200):
        (folder / f"{i:04d}.txt").write_text(story(f"Story {i}"))
    messages = []

    def progress(done, total, message):
        messages.append(message)

    report = import_paths(
        session.store, [folder], progress=progress, cancelled=lambda: sum("files)" in m for m in messages) > 150
    )
    assert report.cancelled and 140 <= report.count("imported") <= 151
    assert "Importing 0100.txt (101 of 1,200 files)" in messages
    assert session.store.article_count() == report.count("imported")
    assert report.summary().endswith(f"(cancelled: {1200 - report.attempted:,} of 1,200 files not imported)")
    rest = import_paths(session.store, [folder])
    assert rest.count("imported") == 1200 - report.count("imported")
    assert rest.count("duplicate") == report.count("imported")
    assert session.store.article_count() == 1200


def test_cancel_in_the_middle_of_a_table_leaves_all_of_it_out(session, tmp_path):
    (tmp_path / "news.csv").write_text("text\n" + "".join(f'"{BODY} Number {i} in the series."\n' for i in range(300)))
    calls = []
    report = import_paths(session.store, [tmp_path / "news.csv"], cancelled=lambda: calls.append(1) or len(calls) > 100)
    assert report.cancelled and report.outcomes == [] and session.store.article_count() == 0


def test_a_file_that_disappears_or_becomes_unreadable_mid_import(session, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        (folder / name).write_text(story(f"Story {name}"))

    def progress(done, total, message):
        if message.startswith("Importing a.txt"):
            (folder / "b.txt").unlink()  # deleted after the folder was listed
            (folder / "c.txt").unlink()
            os.mkfifo(folder / "c.txt")  # replaced by a pipe: reading it would block forever

    report = import_paths(session.store, [folder], progress=progress)
    assert by_name(report) == {"a.txt": "imported", "b.txt": "failed", "c.txt": "failed", "d.txt": "imported"}
    assert reason(report, "b.txt") == "no such file or folder"
    assert reason(report, "c.txt").startswith("not a regular file")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_a_file_without_read_permission(session, tmp_path):
    (tmp_path / "secret.txt").write_text(story("Secret"))
    (tmp_path / "secret.txt").chmod(0)
    assert reason(import_paths(session.store, [tmp_path]), "secret.txt") == "permission denied"


def test_zip_archive_members_are_imported_one_by_one(session, tmp_path):
    with zipfile.ZipFile(tmp_path / "corpus.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("2024/one.txt", story("From the archive"))
        archive.writestr("2024/rows.jsonl", json.dumps({"text": "A row in an archive, said the agency on Friday."}))
        archive.writestr("2024/bad.txt", b"\x00\x01binary")
        archive.writestr("2024/inner.zip", b"PK")
        archive.writestr("2024/image.png", b"\x89PNG")
    report = import_paths(session.store, [tmp_path / "corpus.zip"])
    assert by_name(report) == {
        "bad.txt": "failed",
        "image.png": "unsupported",
        "inner.zip": "failed",
        "one.txt": "imported",
        "rows.jsonl": "imported",
    }
    names = {s.source_file for s in session.article_summaries()}
    assert names == {"corpus.zip/2024/one.txt", "corpus.zip/2024/rows.jsonl, line 1"}
    assert report.tables_without_text_column == []


def test_cancel_inside_an_archive_reports_the_members_already_imported(session, tmp_path):
    with zipfile.ZipFile(tmp_path / "corpus.zip", "w") as archive:
        for name in ("a.txt", "b.txt", "c.txt"):
            archive.writestr(name, story(f"Story {name}"))
    calls = []  # asked before the archive, then before each member: cancelled before the second
    report = import_paths(session.store, [tmp_path / "corpus.zip"], cancelled=lambda: calls.append(1) or len(calls) > 2)
    assert report.cancelled and [o.status for o in report.outcomes] == ["imported"]
    assert report.changes.articles_added == {1} and session.store.article_count() == 1


def test_columns_named_for_tables(session, tmp_path):
    (tmp_path / "t.csv").write_text(f'headline,summary,when\nH,"{BODY}",2024-02-03\n')
    report = import_paths(session.store, [tmp_path / "t.csv"], columns=ColumnChoice(text="summary", date="when"))
    article = session.article(report.outcomes[0].imported[0])
    assert (article.title, article.date, article.text) == ("H", "2024-02-03", BODY)
    assert article.origins["date"] == "column “when”, row 1"


def test_preview_of_a_table(tmp_path):
    (tmp_path / "t.csv").write_text("id,headline,summary\n" + "".join(f"{i},H{i},S{i}\n" for i in range(9)))
    preview = preview_table(tmp_path / "t.csv")
    assert preview.columns == ("id", "headline", "summary") and len(preview.rows) == 5
    assert preview.guess == ColumnChoice(text=None, title="headline", date=None)


def test_a_document_in_a_format_one_save_away_says_how_to_import_it(session, tmp_path):
    (tmp_path / "memo.doc").write_bytes(b"\xd0\xcf\x11\xe0 old Word")
    report = import_paths(session.store, [tmp_path / "memo.doc"])
    assert "save it as .docx" in reason(report, "memo.doc")


def test_a_fault_in_reading_one_file_is_reported_and_the_others_import(session, tmp_path, monkeypatch):
    from workbench.services import importing

    (tmp_path / "good.txt").write_text("Talks resume\n\nOfficials said the talks had resumed.", encoding="utf-8")
    (tmp_path / "trap.txt").write_text("Anything", encoding="utf-8")
    real = importing.read_entries

    def faulty(name, data, columns):
        if name.endswith("trap.txt"):
            raise RuntimeError("a bug")
        return real(name, data, columns)

    monkeypatch.setattr(importing, "read_entries", faulty)
    report = import_paths(session.store, [tmp_path], processes=1)
    assert "unexpected error (RuntimeError: a bug)" in reason(report, "trap.txt")
    assert session.store.article_count() == 1


def test_an_xml_file_that_is_no_feed_is_skipped_like_other_kinds_of_file(session, tmp_path):
    (tmp_path / "sitemap.xml").write_text('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>')
    (tmp_path / "story.txt").write_text("Talks resume\n\nOfficials said the talks had resumed.", encoding="utf-8")
    report = import_paths(session.store, [tmp_path])
    assert not report.failed and session.store.article_count() == 1
    assert "not a news feed" in reason(report, "sitemap.xml")


def test_lone_surrogates_in_names_and_json_are_replaced_not_fatal(session, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    # a file name written in Latin-1 (Python reads it as "caf\udce9.txt"), a JSON value with half an emoji
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(f"Cafe headline\n\n{prose('cafe')}\n")
    (folder / "cut.jsonl").write_text('{"title": "Cut \\ud83d emoji", "text": "' + prose("cut") + ' \\ud800"}\n')
    report = import_paths(session.store, [folder])
    assert session.store.article_count() == 2 and not report.failed
    names = {s.source_file: s.title for s in session.article_summaries()}
    assert names["caf\ufffd.txt"] == "Cafe headline"
    assert "Cut \ufffd emoji" in names.values()


def test_an_archive_that_unpacks_past_the_limit_is_refused_before_anything_is_read(session, tmp_path, monkeypatch):
    import workbench.services.importing as importing

    monkeypatch.setattr(importing, "MAX_ARCHIVE_BYTES", 50_000)
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        for i in range(3):  # 30 kB each, a few hundred bytes packed
            archive.writestr(f"m{i}.txt", f"Headline {i}\n\n" + "The minister said the talks went well. " * 800)
    report = import_paths(session.store, [bomb])
    (outcome,) = report.outcomes
    assert "too large unpacked" in outcome.error and session.store.article_count() == 0


def test_links_that_lead_nowhere_say_so(session, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text(story("A story"))
    (folder / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")

    report = import_paths(session.store, [folder])
    assert by_name(report)["ok.txt"] == "imported"
    assert reason(report, "gone.txt") == f"a link to {tmp_path / 'deleted.txt'}, which does not exist"
    assert (
        reason(report, "loop-a.txt")
        == reason(report, "loop-b.txt")
        == ("a link that leads back to itself (a loop of symbolic links)")
    )
