"""Export: the claims CSV of a project with about 100k claims, against a bare
DataFrame.to_csv of the same rows."""

from __future__ import annotations

from benchmarks import fixtures
from benchmarks.harness import AT_MOST, Row, child_env, run_probe


def run(config, log) -> list[Row]:
    size = config.pick(quick=10_000, full=100_000)
    project = fixtures.project(size, log=log)
    log(f"  exporting the claims of the {size:,}-article project…")
    f = run_probe("export", project, config.runs(3), env=child_env())
    return [
        Row(
            f"export: claims CSV, {f['rows']:,} claims",
            f["ours_s"],
            f["bare_s"],
            "s",
            AT_MOST(1.5),
            "bare DataFrame.to_csv",
        )
    ]
