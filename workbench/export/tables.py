"""The exported tables: claims, articles and entity mentions, as pandas DataFrames and CSV.

Columns are documented in the README; their order is part of the format.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Mapping, Sequence

from workbench.core.model import ArticleSummary, Claim, EntitySpan
from workbench.core.spans import mentions_within
from workbench.export.safety import neutralise, write_atomically

CLAIM_COLUMNS = (
    "claim_id", "article_id", "article_title", "article_date", "source_file", "article_hash",
    "start", "end", "quote", "category", "source", "stance", "status", "tags", "note", "entities",
    "created_at", "updated_at",
)  # fmt: skip
ARTICLE_COLUMNS = ("article_id", "source_file", "title", "date", "byline", "site", "words", "entities", "claims")
ENTITY_COLUMNS = ("article_id", "source_file", "start", "end", "text", "label", "model", "model_version")
LIST_SEPARATOR = "; "


def claims_frame(
    claims: Iterable[Claim],
    articles: Mapping[int, tuple[str, str | None, str, str]],
    mentions: Mapping[int, Sequence[EntitySpan]],
):
    """One row per claim. `articles` maps an article id to (title, date, source_file, hash);
    `mentions` maps it to its mentions sorted by start."""
    import pandas as pd

    rows = []
    for claim in claims:
        title, date, source_file, text_hash = articles[claim.article_id]
        inside = mentions_within(mentions.get(claim.article_id, ()), claim.start, claim.end)
        rows.append(
            (
                claim.id, claim.article_id, title, date or "", source_file, text_hash,
                claim.start, claim.end, claim.quote, claim.category, claim.source, claim.stance,
                claim.status, LIST_SEPARATOR.join(claim.tags), claim.note,
                LIST_SEPARATOR.join(f"{m.text}|{m.label}" for m in inside),
                claim.created_at, claim.updated_at,
            )
        )  # fmt: skip
    return pd.DataFrame.from_records(rows, columns=CLAIM_COLUMNS)


def articles_frame(summaries: Iterable[ArticleSummary]):
    import pandas as pd

    rows = [
        (s.id, s.source_file, s.title, s.date or "", s.byline or "", s.site or "", s.words, s.entities, s.claims)
        for s in summaries
    ]
    return pd.DataFrame.from_records(rows, columns=ARTICLE_COLUMNS)


def entities_frame(rows: Iterable[tuple]):
    import pandas as pd

    return pd.DataFrame.from_records(list(rows), columns=ENTITY_COLUMNS)


def write_csv(frame, path: str | os.PathLike, *, spreadsheet_safe: bool = True) -> int:
    """Write `frame` as UTF-8 CSV with a header; returns the number of rows written.

    With `spreadsheet_safe`, text cells that a spreadsheet would run as a formula get a
    leading apostrophe; without it, every value is written exactly as stored.
    """
    if spreadsheet_safe:
        frame = frame.copy()
        for column in frame.columns:
            if frame[column].dtype == object or str(frame[column].dtype).startswith(("str", "string")):
                frame[column] = frame[column].map(neutralise)
    write_atomically(
        path,
        lambda tmp: frame.to_csv(tmp, index=False, encoding="utf-8", quoting=csv.QUOTE_MINIMAL, lineterminator="\n"),
    )
    return len(frame)
