"""Suggested claims end to end with the real English pipeline: analysis in the background,
review with the keyboard, the command line's JSON Lines."""

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from tests.conftest import SEEDS

pytestmark = pytest.mark.model


def test_suggestions_appear_and_are_accepted_with_the_keyboard(qtbot, open_window):
    window = open_window(pipeline=None)  # the installed English pipeline
    s = window.session
    pending = s.store.pending_suggestion_counts()
    assert sum(pending.values()) >= 10 and set(pending) <= {1, 2, 3, 4, 5}
    window.show_article(2)
    texts = [x.text for x in window.review.suggestions]
    assert any("North Korea had sent their troops" in t for t in texts)
    denial = next(i for i, x in enumerate(window.review.suggestions) if x.stance == "denies")
    window.review.show(denial)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_5)  # accept as category key 5 (Denial)
    claim = s.claims(2)[0]
    assert claim.stance == "denies" and claim.category == "Denial"
    assert "Russia" in claim.source and "North Korea" in claim.source
    assert s.article(2).text[claim.source_start : claim.source_end] == claim.source


def test_cli_suggest_writes_json_lines(tmp_path):
    project = tmp_path / "p.wbproj"

    def run(*args):
        command = [sys.executable, "-m", "workbench", *map(str, args)]
        return subprocess.run(command, capture_output=True, text=True, env=dict(os.environ), timeout=600)

    assert run("import", SEEDS, "--project", project).returncode == 0
    result = run("suggest", "--project", project, "--out", tmp_path / "s.jsonl")
    assert result.returncode == 0, result.stderr
    lines = (tmp_path / "s.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) >= 10
    keys = {
        "article_id",
        "source_file",
        "start",
        "end",
        "text",
        "source",
        "source_start",
        "source_end",
        "stance",
        "cue",
    }
    assert keys <= set(rows[0])
    texts = {r["source_file"]: (SEEDS / r["source_file"]).read_text(encoding="utf-8") for r in rows}
    for row in rows:
        assert texts[row["source_file"]][row["start"] : row["end"]] == row["text"]
    again = run("suggest", "--project", project, "--out", tmp_path / "s2.jsonl")
    assert again.stdout.startswith("0 analysed, 5 already up to date")
