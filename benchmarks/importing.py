"""Import: a folder of 10k plain-text article files into a new project, against a bare loop
that reads each file and inserts its text into SQLite in one transaction."""

from __future__ import annotations

from benchmarks import fixtures
from benchmarks.harness import AT_LEAST, Row, child_env, run_probe


def run(config, log) -> list[Row]:
    count = config.pick(quick=2_000, full=10_000)
    folder = fixtures.files(count, log=log)
    log(f"  importing {count:,} files…")
    f = run_probe("import", folder, config.runs(1), env=child_env())
    if f["imported"] != count:
        raise RuntimeError(f"imported {f['imported']} of {count} files")
    return [
        Row(
            f"import: {count:,} plain-text files (files/s)",
            f["files"] / f["ours_s"],
            f["files"] / f["bare_s"],
            "files/s",
            AT_LEAST(0.33),
            "bare read + INSERT loop",
        )
    ]
