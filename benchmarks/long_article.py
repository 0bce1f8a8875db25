"""A long article: 50k words, 5k entity mentions and 200 claims shown in the reader with
every highlight, against a bare QPlainTextEdit.setPlainText of the same text; and what
editing a claim, toggling a legend entry and scrolling cost there."""

from __future__ import annotations

from benchmarks.harness import AT_MOST, INFO, Row, run_probe


def run(config, log) -> list[Row]:
    words, mentions, claims = config.pick(quick=(10_000, 1_000, 40), full=(50_000, 5_000, 200))
    log(f"  a {words:,}-word article with {mentions:,} mentions and {claims} claims…")
    f = run_probe("reader", words, mentions, claims, config.runs(5))
    size = f"{f['words'] // 1000}k words, {f['mentions']:,} mentions, {f['claims']} claims"
    return [
        Row(
            f"long article ({size}): shown with highlights",
            f["ours_s"],
            f["bare_s"],
            "s",
            AT_MOST(2),
            "bare setPlainText",
        ),
        Row(
            "long article: edit a claim (extra selections only)",
            f["claim_edit_s"],
            f["bare_s"],
            "s",
            INFO,
            "bare setPlainText",
        ),
        Row(
            "long article: toggle an entity type in the legend",
            f["legend_toggle_s"],
            f["bare_s"],
            "s",
            INFO,
            "bare setPlainText",
        ),
        Row(
            "long article: drag the scroll bar a step (a fortieth of the text)",
            f["scroll_ours_s"],
            f["scroll_bare_s"],
            "s",
            AT_MOST(2),
            "bare QPlainTextEdit",
        ),
    ]
