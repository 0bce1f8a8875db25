"""The one place where code-point offsets become Qt's UTF-16 positions and back.

Python, spaCy, SQLite and the exports count code points; QTextDocument counts UTF-16
code units, in which a character outside the Basic Multilingual Plane (most emoji) takes
two. Every position handed to or taken from Qt goes through an OffsetMap.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Converts offsets for one text. Free when the text has no astral characters."""

    def __init__(self, text: str):
        self.length = len(text)
        # Code-point indices of characters that take two UTF-16 units (none, when encoding
        # the text as UTF-16 takes two bytes a character: checking so is quick).
        plain = text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)
        self._astral = [] if plain else [m.start() for m in _ASTRAL.finditer(text)]
        # The UTF-16 position of each of them.
        self._astral_utf16 = [i + k for k, i in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        """Code-point offset → UTF-16 position."""
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """UTF-16 position → code-point offset. A position inside a surrogate pair counts
        as the start of that character."""
        if not self._astral:
            return position
        k = bisect_right(self._astral_utf16, position - 1)  # astral characters starting before `position`
        if k and self._astral_utf16[k - 1] == position - 1:
            return self._astral[k - 1]  # inside a pair
        return position - k

    @property
    def qt_length(self) -> int:
        return self.to_qt(self.length)
