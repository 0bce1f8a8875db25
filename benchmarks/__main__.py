"""`python -m benchmarks [--quick] [--only GROUP,...]`: run the benchmarks and print one
table (metric, ours, baseline, ratio, target, pass), also written to
benchmarks/out/results.md with the date and the machine. Exits 1 when a target is missed.

Groups: startup, long, export, import, scale, analysis (in that order). `--quick` uses
smaller sizes (10k instead of 100k articles, 60 articles analysed, …) and fewer runs, for
a check in a few minutes; its figures do not answer the targets.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
import traceback
from dataclasses import dataclass
from datetime import datetime

from benchmarks import analysis, export, importing, long_article, scale, startup
from benchmarks.fixtures import OUT
from benchmarks.harness import table

GROUPS = {
    "startup": startup,
    "long": long_article,
    "export": export,
    "import": importing,
    "scale": scale,
    "analysis": analysis,
}


@dataclass(frozen=True)
class Config:
    quick: bool

    def pick(self, *, quick, full):
        return quick if self.quick else full

    def runs(self, full: int) -> int:
        return max(1, full // 3) if self.quick else full


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes and fewer runs (minutes, not the targets)")
    parser.add_argument("--only", help=f"comma-separated groups to run: {', '.join(GROUPS)}")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.only.split(",")] if args.only else list(GROUPS)
    unknown = [n for n in names if n not in GROUPS]
    if unknown:
        parser.error(f"unknown group {', '.join(unknown)} (groups: {', '.join(GROUPS)})")
    config = Config(quick=args.quick)

    def log(message: str) -> None:
        print(message, flush=True)

    started, load_before = time.perf_counter(), os.getloadavg()[0]
    rows, errors = [], []
    for name in names:
        log(f"{name}:")
        group_started = time.perf_counter()
        try:
            rows += GROUPS[name].run(config, log)
        except Exception as exc:  # noqa: BLE001 — one broken group must not hide the others' figures
            errors.append(f"{name}: {type(exc).__name__}: {exc}")
            traceback.print_exc()
        log(f"  ({time.perf_counter() - group_started:.0f} s)")
    elapsed = time.perf_counter() - started
    header = _header(config, elapsed, load_before)
    text = "\n".join([header, "", table(rows), *[f"\nERROR {e}" for e in errors]])
    print("\n" + text)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / ("results-quick.md" if config.quick else "results.md")).write_text(text + "\n", encoding="utf-8")
    return 1 if errors or any(r.passed is False for r in rows) else 0


def _header(config: Config, elapsed: float, load_before: float) -> str:
    from PySide6 import __version__ as pyside

    cpu = next(
        (line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
        platform.processor() or "unknown CPU",
    )
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"Benchmarks{' (quick: reduced sizes)' if config.quick else ''}, {datetime.now():%Y-%m-%d %H:%M} "
        f"(the run took {elapsed / 60:.0f} minutes). Machine: {cpu}, {os.cpu_count()} cores, {memory:.0f} GB RAM, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}, PySide6 {pyside}. "
        f"Load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end."
    )


if __name__ == "__main__":
    sys.exit(main())
