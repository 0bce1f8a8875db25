"""Finding publication dates in the way news pages write them.

A regular expression finds *where* a date is written; python-dateutil reads it. A numeric
date whose day and month cannot be told apart (03/04/2024) is kept as written, with no
ISO date, rather than guessed; with dots (03.04.2024) it is day-first, as everywhere dots
are written.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import NamedTuple

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
    named = _named_month_date(match)
    if named is not None:
        return named.iso if 1800 <= named.year <= 2200 else None
    return _parsed_iso(match)


def _parsed_iso(match: re.Match) -> str | None:
    """The ISO date of any match, read by python-dateutil."""
    from dateutil import parser  # NOTE: lazy, keeps `import workbench.ingest` light

    if match.group("num"):
        first, second, _ = re.split(r"[./]", match.group("num"))
        if "." in match.group("num") and int(second) <= 12:
            day_first = True  # 06.05.2018: dots are the day-first countries' way (DIN 5008, GOST)
        elif int(first) > 12 >= int(second):
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


def is_ambiguous(found: FoundDate) -> bool:
    """A numeric date with slashes that is a real day whichever of its first two numbers is
    the month (03/04/2024), as opposed to one that is no day at all (31/02/2024, 2024-13-01)."""
    numeric = re.fullmatch(r"(\d{1,2})/(\d{1,2})/\d{4}", found.raw)
    return bool(numeric) and max(int(numeric.group(1)), int(numeric.group(2))) <= 12


# The dates pages write most (2024-01-14, January 14, 2024, 14th of Jan. 2024) say which
# number is the day, the month and the year: they are read directly, which is what
# python-dateutil reads them as, at a fraction of its cost. A date that does not exist
# (February 30) is left to dateutil, as is every other form.
_MONTH_NAMES = (
    "jan january|feb february|mar march|apr april|may|jun june|jul july|aug august"
    "|sep sept september|oct october|nov november|dec december"
)
_MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES.split("|"), start=1) for name in names.split()}
# ASCII only: other digits, spaces and look-alike letters are left to dateutil.
_ISO_PARTS = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_MDY_PARTS = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.IGNORECASE | re.ASCII)
_DMY_PARTS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?,?\s+(\d{4})", re.IGNORECASE | re.ASCII)


class _Day(NamedTuple):
    year: int
    iso: str


def _named_month_date(match: re.Match) -> _Day | None:
    """The ISO date of an ISO, month-day-year or day-month-year match, or None when it is
    another form or names no real day."""
    if match.group("iso"):
        parts = _ISO_PARTS.fullmatch(match.group("iso"))
        if not parts:
            return None
        year, month, day = (int(parts.group(i)) for i in (1, 2, 3))
    elif match.group("mdy") or match.group("dmy"):
        parts = _MDY_PARTS.fullmatch(match.group("mdy")) if match.group("mdy") else None
        if parts:
            name, day, year = parts.group(1), int(parts.group(2)), int(parts.group(3))
        else:
            parts = _DMY_PARTS.fullmatch(match.group("dmy") or "")
            if not parts:
                return None
            day, name, year = int(parts.group(1)), parts.group(2), int(parts.group(3))
        month = _MONTHS.get(name.lower())
        if month is None:
            return None
    else:
        return None
    try:
        found = datetime.date(year, month, day)
    except ValueError:
        return None
    return _Day(year, found.isoformat())
