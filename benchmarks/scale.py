"""The GUI at scale: the same actions on a big project and on a 1k one, each in a fresh
process — opening until the list shows rows, switching articles (text shown with its
highlights), filtering the list by a word (full-text search) and clearing the filter —
and the memory the big project costs."""

from __future__ import annotations

from benchmarks import fixtures
from benchmarks.harness import AT_MOST, Row, Target, child_env, median, run_probe

# Articles present in every corpus (ids 1..1000 are the same pages everywhere).
SWITCH_TO = (101, 202, 303, 404, 505, 606, 707, 808, 909)
# A word in most articles, one in a few percent, and a person's name in well under one percent.
WORDS = {"frequent": "military", "medium": "treaty", "rare": "Nadia Okafor"}
# An entity clicked on the chart while the frequent word is typed (in a few percent of articles).
ENTITY = ("Russia", "GPE")


def run(config, log) -> list[Row]:
    sizes = config.pick(quick=[10_000], full=[10_000, 100_000])
    figures = {}
    for size in [1000, *sizes]:
        project = fixtures.project(size, log=log)
        log(f"  opening the {size:,}-article project in the window…")
        runs = [
            run_probe(
                "gui",
                project,
                ",".join(map(str, SWITCH_TO)),
                ",".join(WORDS.values()),
                "|".join(ENTITY),
                env=child_env(),
            )
            for _ in range(config.runs(3))
        ]
        figures[size] = _medians(runs)
    small = figures[1000]
    rows = []
    for size in sizes:
        big, label = figures[size], f"{size // 1000}k vs 1k"
        rows += [
            Row(f"GUI {label}: open until the list shows rows", big["open_s"], small["open_s"], "s", AT_MOST(3)),
            Row(
                f"GUI {label}: switch article (text + highlights)",
                big["switch_s"],
                small["switch_s"],
                "s",
                AT_MOST(1.5),
            ),
        ]
        for kind, word in WORDS.items():
            matches = f"{big['matches'][word]:,} vs {small['matches'][word]:,} rows"
            rows.append(
                Row(
                    f"GUI {label}: filter by a {kind} word “{word}” ({matches})",
                    big["filter_s"][word],
                    small["filter_s"][word],
                    "s",
                    AT_MOST(3),
                )
            )
        matches = f"{big['matches']['word and entity']:,} vs {small['matches']['word and entity']:,} rows"
        rows += [
            Row(
                f"GUI {label}: narrow the word's rows to an entity “{ENTITY[0]}” ({matches})",
                big["word_and_entity_s"],
                small["word_and_entity_s"],
                "s",
                AT_MOST(3),
            ),
            Row(f"GUI {label}: clear the filter (all rows back)", big["clear_s"], small["clear_s"], "s", AT_MOST(3)),
            Row(
                f"GUI {label}: resident memory, project open",
                big["rss_mb"],
                small["rss_mb"],
                "MB",
                Target("max_delta", 300),
            ),
        ]
    return rows


def _medians(runs: list[dict]) -> dict:
    first = runs[0]
    return {
        "open_s": median([r["open_s"] for r in runs]),
        "switch_s": median([r["switch_s"] for r in runs]),
        "clear_s": median([r["clear_s"] for r in runs]),
        "word_and_entity_s": median([r["word_and_entity_s"] for r in runs]),
        "rss_mb": median([r["rss_mb"] for r in runs]),
        "filter_s": {w: median([r["filter_s"][w] for r in runs]) for w in first["filter_s"]},
        "matches": first["matches"],
    }
