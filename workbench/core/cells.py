"""Lists in one table cell: how every table format of the project writes and reads them."""

from __future__ import annotations

from collections.abc import Iterable

LIST_SEPARATOR = "; "


def join_list(values: Iterable[str]) -> str:
    """Values in one cell, joined with `; `; a `;` or `\\` inside a value is escaped with `\\`,
    so `split_list` gives back exactly the same values."""
    return LIST_SEPARATOR.join(v.replace("\\", "\\\\").replace(";", "\\;") for v in values)


def split_list(cell: str) -> list[str]:
    """The values `join_list` joined (surrounding white space of each value dropped)."""
    values, current, chars = [], [], iter(cell)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            current.append(following if following in ("\\", ";") else char + following)
        elif char == ";":
            values.append("".join(current))
            current = []
        else:
            current.append(char)
    values.append("".join(current))
    return [v.strip() for v in values if v.strip()]
