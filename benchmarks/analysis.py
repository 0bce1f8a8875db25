"""Analysis: `workbench analyze` (entities) on fresh articles against a bare `nlp.pipe`
over the same texts with the same components (both launched as new processes, so both
load the model); whether a second spaCy process pays on this machine; and what analysing
again, or reopening the project in the window once entities and suggested claims are
found (`workbench suggest`), costs when nothing has changed."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from benchmarks import fixtures
from benchmarks.harness import AT_LEAST, AT_MOST, INFO, REPO, Row, child_env, interleaved, median, run_probe, wall_time
from workbench.services.analysis import PROCESSES_FROM
from workbench.store import ProjectStore


def run(config, log) -> list[Row]:
    count = config.pick(quick=60, full=300)
    work = Path(tempfile.mkdtemp(prefix="workbench-bench-analysis-"))
    project = fixtures.copy_project(fixtures.project(count, analysed=False), work / "fresh.wbproj")
    env = child_env()
    pipeline = run_probe("pipeline", env=env)
    texts = _analysed_texts(project)
    words = sum(len(t.split()) for t in texts)
    texts_file = work / "texts.json"
    texts_file.write_text(json.dumps(texts), encoding="utf-8")
    bare = [sys.executable, str(REPO / "benchmarks" / "bare" / "nlp_pipe.py"), pipeline["name"], str(texts_file)]
    bare.append(",".join(pipeline["components"]))
    analyze = [sys.executable, "-m", "workbench", "analyze", "--project", str(project)]

    def ours(processes: int, into: Path) -> float:
        """`workbench analyze` on a fresh copy of the project, left analysed at `into`."""
        fixtures.copy_project(fixtures.project(count, analysed=False), into)
        command = [*analyze[:-1], str(into), "--processes", str(processes)]
        return wall_time(command, env=env, expect=f"{count} analysed")

    def bare_run(processes: int) -> float:
        return wall_time([*bare, str(processes)], env=env, expect="mentions")

    log(f"  {count} articles, {words:,} words; components: {', '.join(pipeline['components'])}")
    log("  bare nlp.pipe and workbench analyze, one process each, alternately (twice each)…")
    ours_1, bare_1 = interleaved(lambda: ours(1, work / "fresh-1.wbproj"), lambda: bare_run(1), config.runs(2))
    log("  bare nlp.pipe and workbench analyze, two processes each, alternately (twice each)…")
    # Fewer articles than PROCESSES_FROM are read in one process whatever is asked.
    two = count >= PROCESSES_FROM
    # The last of these runs leaves `project` analysed, for the measurements that follow.
    ours_2, bare_2 = interleaved(lambda: ours(2 if two else 1, project), lambda: bare_run(2), config.runs(2))
    log("  workbench analyze again, nothing changed…")
    again = wall_time(analyze, env=env, expect="0 analysed")
    log("  workbench suggest (suggested claims: the full parse)…")
    suggest = [sys.executable, "-m", "workbench", "suggest", "--project", str(project), "--out", str(work / "s.jsonl")]
    suggested = wall_time(suggest, env=env, expect=f"{count} analysed")
    log("  reopening the project in the window…")
    reopened = run_probe("reopen", project, env=env)
    if reopened["analysed"] != 0:
        raise RuntimeError(f"reopening analysed {reopened['analysed']} articles: {reopened['message']}")

    ours_1, bare_1, ours_2, bare_2 = median(ours_1), median(bare_1), median(ours_2), median(bare_2)
    return [
        Row(
            f"analysis: workbench analyze, {count} fresh articles, one process (words/s)",
            words / ours_1,
            words / bare_1,
            "words/s",
            AT_LEAST(0.9),
            "bare nlp.pipe, one process",
        ),
        Row(
            "analysis: … two processes, the default on two cores (words/s)",
            words / ours_2,
            words / bare_2,
            "words/s",
            AT_LEAST(0.9) if two else INFO,
            "bare nlp.pipe, n_process=2",
        ),
        Row(
            "analysis: a second spaCy process pays? (bare nlp.pipe, 2 vs 1)",
            words / bare_2,
            words / bare_1,
            "words/s",
            INFO,
            "one process",
        ),
        Row("no repeated work: analyze again, unchanged (0 analysed)", again, ours_2, "s", AT_MOST(0.02), "first run"),
        Row(
            "no repeated work: reopen in the window, background analysis (0 analysed)"
            + (" (loads spaCy!)" if reopened["spacy_loaded"] else ""),
            reopened["seconds"],
            ours_2 + suggested,
            "s",
            AT_MOST(0.02),
            "analyze + suggest",
        ),
    ]


def _analysed_texts(project: Path) -> list[str]:
    """The stretches of text the app hands to spaCy (headlines and body runs), in order."""
    store = ProjectStore.open(project, create=False)
    try:
        ids = store.articles_to_analyse("", "")
        return [text for i in ids for _, text in store.article(i).analysed_runs()]
    finally:
        store.close()
