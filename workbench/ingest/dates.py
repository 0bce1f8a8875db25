"""Finding publication dates in the way news pages write them.

A regular expression finds *where* a date is written; python-dateutil reads it. A numeric
date whose day and month cannot be told apart (03/04/2024) is kept as written, with no
ISO date, rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?,?\s+)?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_TIME = (
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?-i:[A-Z]{2,5})(?:[+-]\d{1,2}(?::?\d{2})?)?)?)?"
)

DATE_PATTERN = re.compile(
    _WEEKDAY
    + r"(?:"
    + r"(?P<iso>\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}|\s*(?-i:[A-Z]{2,5}))?)?"
    + r"|(?P<ymd>\d{4}/\d{1,2}/\d{1,2})"
    + rf"|(?P<mdy>{_MONTH}\s+{_DAY},?\s+\d{{4}})"
    + rf"|(?P<dmy>{_DAY}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}})"
    + r"|(?P<num>\d{1,2}[./]\d{1,2}[./]\d{4})"
    + r")"
    + _TIME,
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    raw: str  # as written, time and zone included
    iso: str | None  # YYYY-MM-DD, or None when the written date is ambiguous
    start: int
    end: int


def find_date(text: str) -> FoundDate | None:
    """The first date written in `text`, or None."""
    match = DATE_PATTERN.search(text)
    if not match:
        return None
    return FoundDate(match.group(0).strip(" ,"), _to_iso(match), match.start(), match.end())


def _to_iso(match: re.Match) -> str | None:
    from dateutil import parser  # NOTE: lazy, keeps `import workbench.ingest` light

    if match.group("num"):
        first, second, _ = re.split(r"[./]", match.group("num"))
        if int(first) > 12 >= int(second):
            day_first = True
        elif int(second) > 12 >= int(first):
            day_first = False
        else:
            return None  # 03/04/2024: March or April? Keep the raw string only.
        text = match.group("num")
    else:
        day_first = bool(match.group("dmy"))
        text = next(match.group(g) for g in ("iso", "ymd", "mdy", "dmy") if match.group(g))
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text, flags=re.IGNORECASE).replace(" of ", " ")
    try:
        parsed = parser.parse(text, dayfirst=day_first)
    except (ValueError, OverflowError, TypeError):
        return None
    if not 1800 <= parsed.year <= 2200:
        return None
    return parsed.date().isoformat()
