"""Correcting an article's title, date and source site by hand.

The values as imported are kept in `Article.original` (and where they came from stays in
`Article.origins`), so a correction can always be seen for what it is, and undone.
"""

from __future__ import annotations

from dataclasses import replace

from workbench.core.errors import WorkbenchError
from workbench.core.model import CORRECTABLE_ARTICLE_FIELDS, Article
from workbench.ingest.dates import find_date, is_ambiguous


def corrected(article: Article, **changes: str | None) -> Article:
    """The article with `changes` (title, date, site) applied. A date may be written as
    pages write them ("14 January 2024") and is stored as ISO 8601; an empty date or site
    clears it. Raises WorkbenchError for an empty title or a date that cannot be read."""
    unknown = set(changes) - set(CORRECTABLE_ARTICLE_FIELDS)
    if unknown:
        raise ValueError(f"not a correctable article field: {', '.join(sorted(unknown))}")
    values = {name: _checked(name, value) for name, value in changes.items()}
    original = dict(article.original)
    for name, value in values.items():
        imported = original.get(name, getattr(article, name))
        if value == imported:
            original.pop(name, None)  # back to the value as imported: no longer a correction
        else:
            original[name] = imported
    return replace(article, **values, original=original)


def _checked(name: str, value: str | None) -> str | None:
    value = " ".join((value or "").split())
    if name == "title" and not value:
        raise WorkbenchError("An article needs a title.")
    if name == "date" and value:
        return _iso_date(value)
    return value or None


def _iso_date(value: str) -> str:
    found = find_date(value)
    if found is None or found.start > 0 or value[found.end :].strip(" .,"):
        raise WorkbenchError(f"“{value}” is not a date that can be read: write it as 2024-01-14 or 14 January 2024.")
    if found.iso is None and is_ambiguous(found):
        raise WorkbenchError(f"“{value}” could be read two ways (day or month first): write it as YYYY-MM-DD.")
    if found.iso is None:
        raise WorkbenchError(f"“{value}” is no day of the calendar: write it as 2024-01-14 or 14 January 2024.")
    return found.iso
