"""Writing a project's annotated dataset to files, in the formats other tools read."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from workbench.core.dataset import AnnotatedArticle, claim_creator
from workbench.core.errors import WorkbenchError
from workbench.core.model import Claim
from workbench.core.text import counted
from workbench.export.sql_csv import csv_line
from workbench.export.suggestions import write_suggestions_jsonl
from workbench.export.tables import (
    CLAIM_COLUMNS,
    articles_frame,
    claims_frame,
    entities_frame,
    write_csv,
    write_lines,
)
from workbench.store import ProjectStore
from workbench.store.claims import CLAIM_TABLE, ClaimTableQuery

FORMATS = ("csv", "xlsx", "jsonl", "spacy", "w3c")
SUFFIXES = {"csv": ".csv", "xlsx": ".xlsx", "jsonl": ".jsonl", "spacy": ".spacy", "w3c": ".jsonld"}
DESCRIPTIONS = {
    "csv": "CSV: one row per claim",
    "xlsx": "Excel workbook: claims and articles",
    "jsonl": "JSON Lines: one article per line, with its text, entities and claims",
    "spacy": "spaCy DocBin (.spacy) for training",
    "w3c": "W3C Web Annotation (JSON-LD)",
}


@dataclass(frozen=True)
class ExportFilter:
    """What an export holds: empty means everything. Claims must match every non-empty
    criterion; with a claim criterion set, articles without a matching claim are left out."""

    article_ids: frozenset[int] = frozenset()
    categories: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    analysts: frozenset[str] = frozenset()

    @property
    def limits_claims(self) -> bool:
        return bool(self.categories or self.statuses or self.analysts)

    def claim_query(self, default_analyst: str = "") -> ClaimTableQuery:
        return ClaimTableQuery(self.article_ids, self.categories, self.statuses, self.analysts, default_analyst)

    def keeps(self, claim: Claim, default_analyst: str = "") -> bool:
        return (
            (not self.categories or claim.category in self.categories)
            and (not self.statuses or claim.status in self.statuses)
            and (not self.analysts or claim_creator(claim, default_analyst) in self.analysts)
        )


@dataclass(frozen=True)
class ExportResult:
    records: int
    unit: str  # what a record is: "claim", "row", "article", "annotation"
    path: str

    def message(self) -> str:
        return f"Wrote {counted(self.records, self.unit)} to {self.path}"


def annotated_articles(
    store: ProjectStore, selection: ExportFilter = ExportFilter(), *, default_analyst: str = ""
) -> Iterator[AnnotatedArticle]:
    """The selected articles, one at a time, each with its mentions and selected claims."""
    ids = [s.id for s in store.article_summaries(selection.article_ids or None)]
    for article_id in ids:
        claims = tuple(c for c in store.claims(article_id) if selection.keeps(c, default_analyst))
        if selection.limits_claims and not claims:
            continue
        yield AnnotatedArticle(
            store.article(article_id), tuple(store.entities(article_id)), claims, store.analysed_by(article_id)
        )


def export_format(path: str | os.PathLike, format: str | None = None) -> str:
    """The format to write `path` in: the one given, else the one its name says (claims.xlsx:
    xlsx), else csv."""
    if format is not None:
        return format
    suffix = Path(path).suffix.lower()
    return next((name for name, known in SUFFIXES.items() if known == suffix), "csv")


def export_dataset(
    store: ProjectStore,
    path: str | os.PathLike,
    *,
    format: str = "csv",
    selection: ExportFilter = ExportFilter(),
    raw: bool = False,
    per_mention: bool = False,
    analyst: str = "",
) -> ExportResult:
    """Write the selected claims (and, where the format holds them, articles and mentions)
    as `format`; returns how many records were written. `raw` writes csv cells exactly
    (else spreadsheet-safe); `per_mention` writes one csv row per entity mention in a claim.
    `analyst` is the creator of claims that do not record their own."""
    if format not in FORMATS:
        raise WorkbenchError(f"Unknown export format “{format}”: choose one of {', '.join(FORMATS)}.")
    if format == "csv" and not per_mention:
        line = csv_line([(name, text) for name, _, text in CLAIM_TABLE], spreadsheet_safe=not raw)
        lines = store.claim_table_lines(line, selection.claim_query(analyst))
        count = write_lines(",".join(CLAIM_COLUMNS) + "\r\n", lines, path)
        return ExportResult(count, "claim", os.fspath(path))
    dataset = annotated_articles(store, selection, default_analyst=analyst)
    if format == "csv":
        rows = write_csv(claims_frame(dataset, per_mention=per_mention), path, spreadsheet_safe=not raw)
        return ExportResult(rows, "row" if per_mention else "claim", os.fspath(path))
    if format == "xlsx":
        from workbench.export.xlsx import write_xlsx

        dataset = list(dataset)
        return ExportResult(write_xlsx(claims_frame(dataset), articles_frame(dataset), path), "claim", os.fspath(path))
    if format == "jsonl":
        from workbench.export.jsonl import write_jsonl

        return ExportResult(write_jsonl(dataset, path, default_creator=analyst), "article", os.fspath(path))
    if format == "spacy":
        from workbench.export.docbin import write_docbin

        return ExportResult(write_docbin(dataset, path, default_creator=analyst), "article", os.fspath(path))
    from workbench.export.w3c import write_w3c

    return ExportResult(write_w3c(dataset, path, default_creator=analyst), "annotation", os.fspath(path))


def export_claims_csv(store: ProjectStore, path: str | os.PathLike, *, raw: bool = False) -> int:
    """Write every claim as one CSV row (columns in the README); returns the rows written.

    Unless `raw`, cells a spreadsheet would run as formulas are neutralised.
    """
    return export_dataset(store, path, raw=raw).records


def export_articles_csv(
    store: ProjectStore, path: str | os.PathLike, *, raw: bool = False, selection: ExportFilter = ExportFilter()
) -> int:
    """One row per article (columns in the README); returns the rows written."""
    return write_csv(articles_frame(annotated_articles(store, selection)), path, spreadsheet_safe=not raw)


def export_entities_csv(
    store: ProjectStore, path: str | os.PathLike, *, raw: bool = False, selection: ExportFilter = ExportFilter()
) -> int:
    """One row per entity mention (columns in the README); returns the rows written."""
    return write_csv(entities_frame(annotated_articles(store, selection)), path, spreadsheet_safe=not raw)


def claim_analysts(claims: Iterable[Claim], default: str = "") -> list[str]:
    """The names of the analysts who made these claims, for choosing a filter."""
    return sorted({name for name in (claim_creator(c, default) for c in claims) if name})


def export_suggestions_jsonl(store: ProjectStore, path: str | os.PathLike) -> int:
    """Every suggested claim as one JSON object per line (fields in the README); returns
    the number written."""
    rows = (
        {
            "article_id": article_id,
            "source_file": source_file,
            "start": s.start,
            "end": s.end,
            "text": s.text,
            "source": s.source,
            "source_start": s.source_start,
            "source_end": s.source_end,
            "stance": s.stance,
            "cue": s.cue,
            "decision": decision,
        }
        for article_id, source_file, s, decision in store.all_suggestions()
    )
    return write_suggestions_jsonl(rows, path)
