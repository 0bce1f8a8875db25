"""The exported tables: claims, articles and entity mentions, as pandas DataFrames and CSV.

Columns are documented in the README; their order is part of the format.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Sequence

from workbench.core.cells import join_list
from workbench.core.dataset import AnnotatedArticle
from workbench.core.model import Claim
from workbench.core.spans import mentions_within
from workbench.export.safety import neutralise, write_atomically

CLAIM_COLUMNS = (
    "claim_id", "article_id", "article_title", "article_date", "source_file", "article_hash",
    "start", "end", "quote", "category", "source", "stance", "status", "tags", "note", "entities",
    "created_at", "updated_at", "analyst", "source_start", "source_end",
)  # fmt: skip
MENTION_COLUMNS = ("entity_start", "entity_end", "entity_text", "entity_label")
# One row per entity mention inside a claim: the mention's columns stand where `entities` is.
CLAIM_MENTION_COLUMNS = (
    CLAIM_COLUMNS[: CLAIM_COLUMNS.index("entities")]
    + MENTION_COLUMNS
    + CLAIM_COLUMNS[CLAIM_COLUMNS.index("entities") + 1 :]
)
ARTICLE_COLUMNS = (
    "article_id",
    "source_file",
    "article_hash",
    "title",
    "date",
    "byline",
    "site",
    "words",
    "entities",
    "claims",
)
ENTITY_COLUMNS = (
    "article_id", "source_file", "article_hash", "start", "end", "text", "label", "model", "model_version",
)  # fmt: skip


def claims_frame(dataset: Iterable[AnnotatedArticle], *, per_mention: bool = False):
    """One row per claim (or, `per_mention`, one per entity mention inside a claim, and one
    with empty mention columns for a claim without any)."""
    import pandas as pd

    rows = []
    for item in dataset:
        article = item.article
        head = (article.title, article.date, article.source_file, article.text_hash)
        for claim in item.claims:
            inside = mentions_within(item.mentions, claim.start, claim.end)
            if not per_mention:
                rows.append(claim_row(claim, head, [(m.text, m.label) for m in inside]))
                continue
            row = claim_row(claim, head, ())
            at = CLAIM_COLUMNS.index("entities")
            for m in inside or [None]:
                mention = (m.start, m.end, m.text, m.label) if m else (None, None, "", "")
                rows.append((*row[:at], *mention, *row[at + 1 :]))
    frame = pd.DataFrame.from_records(rows, columns=CLAIM_MENTION_COLUMNS if per_mention else CLAIM_COLUMNS)
    optional = ["source_start", "source_end"] + (["entity_start", "entity_end"] if per_mention else [])
    return frame.astype(dict.fromkeys(optional, "Int64"))  # whole numbers with blanks, not floats


def claim_row(claim: Claim, article: Sequence, inside: Iterable[tuple[str, str]]) -> tuple:
    """A claim as a row of CLAIM_COLUMNS; `article` is its article's (title, date, source
    file, text hash), `inside` the (text, label) of the mentions inside it, in text order."""
    title, date, source_file, text_hash = article
    return (
        claim.id, claim.article_id, title, date or "", source_file, text_hash,
        claim.start, claim.end, claim.quote, claim.category, claim.source, claim.stance, claim.status,
        join_list(claim.tags), claim.note, join_list(f"{text}|{label}" for text, label in inside),
        claim.created_at, claim.updated_at, claim.analyst, claim.source_start, claim.source_end,
    )  # fmt: skip


def articles_frame(dataset: Iterable[AnnotatedArticle]):
    import pandas as pd

    rows = [
        (
            a.id,
            a.source_file,
            a.text_hash,
            a.title,
            a.date or "",
            a.byline or "",
            a.site or "",
            a.body_words,
            len(item.mentions),
            len(item.claims),
        )  # fmt: skip
        for item in dataset
        for a in [item.article]
    ]
    return pd.DataFrame.from_records(rows, columns=ARTICLE_COLUMNS)


def entities_frame(dataset: Iterable[AnnotatedArticle]):
    import pandas as pd

    rows = [
        (item.article.id, item.article.source_file, item.article.text_hash, m.start, m.end, m.text, m.label,
         *(item.model or ("", "")))
        for item in dataset
        for m in item.mentions
    ]  # fmt: skip
    return pd.DataFrame.from_records(rows, columns=ENTITY_COLUMNS)


def neutralise_frame(frame):
    """A copy of `frame` whose text cells a spreadsheet shows as text, never runs."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object or str(frame[column].dtype).startswith(("str", "string")):
            frame[column] = frame[column].map(neutralise)
    return frame


def write_lines(header: str, batches: Iterable[tuple[int, str]], path: str | os.PathLike) -> int:
    """Write CSV text already formatted (see sql_csv): the header line, then batches of
    (number of rows, their lines). Returns the number of rows written."""
    count = 0

    def write(tmp) -> None:
        nonlocal count
        with open(tmp, "w", encoding="utf-8", newline="") as handle:
            handle.write(header)
            for rows, text in batches:
                handle.write(text)
                count += rows

    write_atomically(path, write)
    return count


def write_csv(frame, path: str | os.PathLike, *, spreadsheet_safe: bool = True) -> int:
    """Write `frame` as UTF-8 CSV with a header; returns the number of rows written.

    With `spreadsheet_safe`, text cells that a spreadsheet would run as a formula get a
    leading apostrophe; without it, every value is written exactly as stored.
    """
    if spreadsheet_safe:
        frame = neutralise_frame(frame)
    # NOTE: CRLF line ends (RFC 4180) also make the writer quote a cell holding a lone CR;
    # with LF ends, Python's csv writes such a CR bare, and readers split the row there.
    write_atomically(
        path,
        lambda tmp: frame.to_csv(tmp, index=False, encoding="utf-8", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n"),
    )
    return len(frame)
