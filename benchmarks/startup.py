"""Time to window: `workbench --exit-when-shown PROJECT` against a bare PySide6 window,
each launched as a new process, timed from launch until it reports its window shown."""

from __future__ import annotations

import sys

from benchmarks import fixtures
from benchmarks.harness import AT_MOST, REPO, Row, child_env, compile_bytecode, interleaved, median, wall_time


def run(config, log) -> list[Row]:
    compile_bytecode()
    project = fixtures.project(1000)
    env = child_env()
    bare = [sys.executable, str(REPO / "benchmarks" / "bare" / "window.py")]
    ours = [sys.executable, "-m", "workbench", "--exit-when-shown", str(project)]
    for command in (bare, ours):  # first launches warm the file cache; not counted
        wall_time(command, env=env, expect="shown")
    log("  launching the app and a bare window alternately…")
    ours_times, bare_times = interleaved(
        lambda: wall_time(ours, env=env, expect="shown"),
        lambda: wall_time(bare, env=env, expect="shown"),
        config.runs(9),
    )
    return [
        Row(
            "time to window: launch → window shown, list filled (1k project)",
            median(ours_times),
            median(bare_times),
            "s",
            AT_MOST(1.3),
            "bare PySide6 window",
        )
    ]
