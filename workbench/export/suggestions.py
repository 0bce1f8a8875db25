"""Suggested claims as JSON Lines: one object per suggestion."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable

from workbench.export.safety import write_atomically


def write_suggestions_jsonl(rows: Iterable[dict], path: str | os.PathLike) -> int:
    """Write each dict as one line of JSON (UTF-8); returns the number of lines."""
    count = 0

    def write(tmp) -> None:
        nonlocal count
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            for row in rows:
                # NOTE: U+2028/U+2029 are valid raw in JSON, but Unicode-aware line
                # splitters break lines there: escape them.
                line = json.dumps(row, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
                handle.write(line + "\n")
                count += 1

    write_atomically(path, write)
    return count
