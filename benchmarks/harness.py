"""What every benchmark shares: result rows and their targets, timing, child processes.

Every figure is a ratio to a baseline measured in the same run (or a ratio between corpus
sizes), never an absolute time: the machines are shared and noisy. Measurements that load
Qt, spaCy or a big project run in child processes, so one does not warm up the next.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Target:
    """How ours compares to the baseline: ratio ours/baseline at most or at least `limit`,
    or a difference ours − baseline at most `limit`; kind "info" has no target."""

    kind: str  # "max_ratio" | "min_ratio" | "max_delta" | "info"
    limit: float = 0.0

    def text(self, unit: str) -> str:
        if self.kind == "max_ratio":
            return f"≤ {self.limit:g}×"
        if self.kind == "min_ratio":
            return f"≥ {self.limit:g}×"
        if self.kind == "max_delta":
            return f"≤ +{self.limit:g} {unit}"
        return "—"


AT_MOST = lambda limit: Target("max_ratio", limit)  # noqa: E731
AT_LEAST = lambda limit: Target("min_ratio", limit)  # noqa: E731
INFO = Target("info")


@dataclass(frozen=True)
class Row:
    metric: str
    ours: float
    baseline: float
    unit: str  # "s", "ms", "MB", "words/s", "files/s", "rows/s"
    target: Target
    baseline_name: str = ""  # what the baseline is, when the metric does not say

    @property
    def ratio(self) -> float:
        if self.target.kind == "max_delta":
            return self.ours - self.baseline
        return self.ours / self.baseline if self.baseline else float("inf")

    @property
    def passed(self) -> bool | None:
        kind, limit = self.target.kind, self.target.limit
        if kind == "max_ratio":
            return self.ratio <= limit
        if kind == "min_ratio":
            return self.ratio >= limit
        if kind == "max_delta":
            return self.ratio <= limit
        return None

    def cells(self) -> list[str]:
        ratio = f"{self.ratio:+.0f} {self.unit}" if self.target.kind == "max_delta" else f"{self.ratio:.2f}×"
        verdict = {True: "pass", False: "FAIL", None: ""}[self.passed]
        baseline = _value(self.baseline, self.unit) + (f" ({self.baseline_name})" if self.baseline_name else "")
        return [self.metric, _value(self.ours, self.unit), baseline, ratio, self.target.text(self.unit), verdict]


def _value(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit in ("words/s", "files/s", "rows/s"):
        return f"{value:,.0f} {unit}"
    return f"{value:,.0f} {unit}"


HEADER = ["metric", "ours", "baseline", "ratio", "target", "pass"]


def table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table (readable on a terminal too)."""
    cells = [HEADER] + [r.cells() for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(HEADER))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


# -- timing ----------------------------------------------------------------------------


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def cpu_timed(fn: Callable[[], object]) -> float:
    """CPU seconds of this process spent in `fn` (for work done on this thread)."""
    started = time.process_time()
    fn()
    return time.process_time() - started


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def interleaved(a: Callable[[], float], b: Callable[[], float], runs: int) -> tuple[list[float], list[float]]:
    """Run `a` and `b` alternately `runs` times each (so load from other users of the
    machine falls on both alike); returns both lists of figures."""
    first, second = [], []
    for _ in range(runs):
        first.append(a())
        second.append(b())
    return first, second


# -- child processes -------------------------------------------------------------------


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a measured child: offscreen Qt, throw-away settings and data
    folders, and compiled bytecode used as an installed app would use it."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    home = Path(tempfile.mkdtemp(prefix="workbench-bench-"))
    env.update(
        QT_QPA_PLATFORM="offscreen",
        WORKBENCH_DATA_DIR=str(home / "data"),
        WORKBENCH_CONFIG_DIR=str(home / "config"),
        PYTHONPATH=str(REPO),
        PYQTGRAPH_QT_LIB="PySide6",
    )
    env.update(extra)
    return env


def run_python(args: Sequence[str], *, env: dict[str, str] | None = None, timeout: float = 3600) -> str:
    """Run `python ARGS` and return its standard output; raise with its error output on failure."""
    done = subprocess.run(
        [sys.executable, *args],
        cwd=REPO,
        env=env or child_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode != 0:
        raise RuntimeError(f"python {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return done.stdout


def run_probe(name: str, *args: str, env: dict[str, str] | None = None, timeout: float = 3600) -> dict:
    """Run `python -m benchmarks.probes NAME ARGS` in a child; returns the JSON it prints last."""
    out = run_python(["-m", "benchmarks.probes", name, *map(str, args)], env=env, timeout=timeout)
    return json.loads(out.strip().splitlines()[-1])


def wall_time(
    command: Sequence[str], *, env: dict[str, str], expect: str | None = None, timeout: float = 3600
) -> float:
    """Seconds from starting `command` until it exits (checking its output holds `expect`)."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout)
    elapsed = time.perf_counter() - started
    if done.returncode != 0 or (expect is not None and expect not in done.stdout):
        raise RuntimeError(f"{' '.join(map(str, command))} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return elapsed


def rss_mb() -> float:
    """Resident memory of this process now, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def compile_bytecode() -> None:
    """Compile the app's modules once, as installing it does, so that start-up measures
    the app rather than Python compiling it (this repository may run with
    PYTHONDONTWRITEBYTECODE set)."""
    run_python(["-m", "compileall", "-q", str(REPO / "workbench"), str(REPO / "benchmarks")])
