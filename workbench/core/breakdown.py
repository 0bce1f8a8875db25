"""The claims of a project counted by one of their fields (category, source, stance or
status), each count split by another: what the claims chart draws, one bar per value."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workbench.core.model import ClaimSchema

FIELDS = ("category", "source", "stance", "status")
SPLITS = ("status", "stance", "category")  # a source has too many values to be a split


@dataclass(frozen=True)
class ClaimBar:
    value: str  # a category, stance or status; for sources, the actor's name
    parts: tuple[tuple[str, int], ...]  # (value of the split, claims), in the split's order
    actor_id: int | None = None  # the actor a source bar stands for, when it is one

    @property
    def total(self) -> int:
        return sum(n for _, n in self.parts)


@dataclass(frozen=True)
class Breakdown:
    by: str
    split: str | None
    bars: tuple[ClaimBar, ...]
    split_values: tuple[str, ...]  # every split value of the bars, in order (the legend)
    left_out: int = 0  # claims of the sources beyond the bars
    unattributed: int = 0  # claims with no source (by source only)

    @property
    def claims(self) -> int:
        return sum(bar.total for bar in self.bars) + self.left_out + self.unattributed


def schema_order(field: str, schema: ClaimSchema) -> tuple[str, ...]:
    """The values the schema gives `field`, in its order (none for sources)."""
    return {"category": schema.category_names, "stance": schema.stances, "status": schema.statuses}.get(field, ())


def breakdown(
    rows: Iterable[tuple[str, int | None, str, int]],
    by: str,
    split: str | None,
    schema: ClaimSchema,
    *,
    most: int = 12,
) -> Breakdown:
    """Bars from counted rows (value, actor id or None, split value, claims). Categories,
    stances and statuses come in the schema's order (a value it does not know last); sources
    by claims, most first, at most `most` of them, and those with no source are counted
    apart. A split's values come in the schema's order."""
    counts: dict[tuple[str, int | None], dict[str, int]] = {}
    unattributed = 0
    for value, actor_id, part, n in rows:
        if by == "source" and not value:
            unattributed += n
            continue
        parts = counts.setdefault((value, actor_id), {})
        parts[part] = parts.get(part, 0) + n
    split_values = _ordered({p for parts in counts.values() for p in parts}, schema_order(split, schema))
    bars = [
        ClaimBar(value, tuple((p, parts[p]) for p in split_values if p in parts), actor_id)
        for (value, actor_id), parts in counts.items()
    ]
    rest: list[ClaimBar] = []
    if by == "source":
        bars.sort(key=lambda bar: (-bar.total, bar.value.casefold()))
        bars, rest = bars[:most], bars[most:]
    else:
        position = {v: i for i, v in enumerate(_ordered({bar.value for bar in bars}, schema_order(by, schema)))}
        bars.sort(key=lambda bar: position[bar.value])
    used = {p for bar in bars for p, _ in bar.parts} if split else set()
    return Breakdown(
        by,
        split,
        tuple(bars),
        tuple(v for v in split_values if v in used),
        sum(bar.total for bar in rest),
        unattributed,
    )


def _ordered(values: set[str], order: Sequence[str]) -> tuple[str, ...]:
    """`values` in `order`, those it lacks after them by name."""
    known = [v for v in order if v in values]
    return (*known, *sorted(values - set(known), key=str.casefold))


def table_lines(counts: Breakdown) -> list[str]:
    """The bars as a plain-text table: a row per bar, a column per value of the split."""
    header = [counts.by, "claims", *counts.split_values]
    rows = [
        [bar.value, str(bar.total), *(str(dict(bar.parts).get(v, 0)) for v in counts.split_values)]
        for bar in counts.bars
    ]
    if counts.left_out:
        rows.append([f"({counts.left_out:,} claims of other sources)", str(counts.left_out)])
    if counts.unattributed:
        rows.append(["(no source)", str(counts.unattributed)])
    widths = [max(len(row[i]) for row in (header, *rows) if i < len(row)) for i in range(len(header))]
    return ["  ".join(_aligned(i, cell, widths[i]) for i, cell in enumerate(row)).rstrip() for row in (header, *rows)]


def _aligned(column: int, cell: str, width: int) -> str:
    return cell.ljust(width) if column == 0 else cell.rjust(width)  # names left, numbers right
