"""Importing annotations (claims) from files: this project's exports, another project's,
or a claims table written by hand.

Articles are matched by content hash, then by source file name; a claim is placed at its
offsets when the text there is its quote, else re-anchored by its quote and context, else
listed as not placed. The import is one command: all of it is added at once, and one undo
takes all of it back. Importing the same file twice adds nothing the second time.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from workbench.core.anchoring import AMBIGUOUS, MOVED, anchor
from workbench.core.dataset import AnnotationFileError, ClaimRecord
from workbench.core.model import Article, Category, ChangeSet, Claim, ClaimSchema, normalise_tags
from workbench.core.text import counted, shortened
from workbench.services.progress import Cancelled, Progress, never_cancelled, no_progress
from workbench.store import ProjectStore

_SHOWN_CHARS = 50  # of a quote or a title in the report

IMPORT_FORMATS = ("csv", "jsonl", "w3c")
_FORMAT_OF_SUFFIX = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonld": "w3c", ".json": "w3c"}
# Colours for categories an import adds (the project's own keep theirs).
NEW_CATEGORY_COLORS = ("#bcbd22", "#e377c2", "#aec7e8", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#dbdb8d")
SCHEMA_FIELDS = {"category": "categories", "stance": "stances", "status": "statuses"}


@dataclass(frozen=True)
class Placement:
    """A record placed somewhere else than its offsets said, or not placed at all."""

    where: str
    quote: str
    detail: str


@dataclass
class AnnotationImportReport:
    path: str
    added: int = 0
    present: int = 0  # already in the project: not added again
    moved: list[Placement] = field(default_factory=list)
    not_placed: list[Placement] = field(default_factory=list)
    schema_added: dict[str, list[str]] = field(default_factory=dict)  # "categories" → new names

    def summary(self) -> str:
        text = (
            f"{counted(self.added, 'claim')} added, {self.present} already present, {len(self.not_placed)} not placed"
        )
        if self.moved:
            text += f", {len(self.moved)} re-anchored"
        return text

    def lines(self) -> list[str]:
        """The report a person reads: the summary, then every claim that needs a look."""
        lines = [self.summary()]
        for kind, names in self.schema_added.items():
            lines.append(f"  added to the project's {kind}: {', '.join(names)}")
        for item in self.moved:
            lines.append(f"  re-anchored {item.where}: “{shortened(item.quote, _SHOWN_CHARS)}” {item.detail}")
        for item in self.not_placed:
            lines.append(f"  not placed  {item.where}: “{shortened(item.quote, _SHOWN_CHARS)}” {item.detail}")
        return lines


@dataclass
class AnnotationImportPlan:
    """What an import will do: the claims to add and the schema they need."""

    claims: list[Claim]
    schema: ClaimSchema | None  # the project's schema with the values the claims add, if any
    report: AnnotationImportReport


def annotation_format(path: str | os.PathLike, format: str | None = None) -> str:
    """The format to read `path` as: the one given, else the one its name says."""
    if format is not None:
        if format not in IMPORT_FORMATS:
            raise AnnotationFileError(f"Cannot import “{format}” files: choose one of {', '.join(IMPORT_FORMATS)}.")
        return format
    suffix = Path(path).suffix.lower()
    if suffix in _FORMAT_OF_SUFFIX:
        return _FORMAT_OF_SUFFIX[suffix]
    raise AnnotationFileError(
        f"Cannot tell the format of {Path(path).name}: name it .csv, .jsonl or .jsonld, or give the format "
        f"({', '.join(IMPORT_FORMATS)})."
    )


def read_annotations(path: str | os.PathLike, *, format: str | None = None, raw: bool | None = None):
    """The claim records in the file (see ClaimRecord)."""
    kind = annotation_format(path, format)
    if kind == "csv":
        from workbench.export.claims_csv import read_claims_csv

        return read_claims_csv(path, raw=raw)
    if kind == "jsonl":
        from workbench.export.jsonl import read_jsonl

        return read_jsonl(path)
    from workbench.export.w3c import read_w3c

    return read_w3c(path)


def plan_annotation_import(
    store: ProjectStore,
    path: str | os.PathLike,
    *,
    format: str | None = None,
    raw: bool | None = None,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> AnnotationImportPlan | None:
    """Read the file and decide where each claim goes, changing nothing. Returns the plan
    (None when cancelled); raises AnnotationFileError when the file cannot be read at all."""
    records = read_annotations(path, format=format, raw=raw)
    report = AnnotationImportReport(os.fspath(path))
    articles = _ArticleFinder(store)
    schema = store.schema()
    known = {"category": list(schema.category_names), "stance": list(schema.stances), "status": list(schema.statuses)}
    existing: dict[int, list[Claim]] = {}
    planned: list[Claim] = []
    for done, record in enumerate(records):
        if cancelled():
            return None
        progress(done, len(records), f"Placing {record.where}")
        if record.problem:
            report.not_placed.append(Placement(record.where, record.quote, record.problem))
            continue
        article, why = articles.find(record)
        if article is None:
            report.not_placed.append(Placement(record.where, record.quote, why))
            continue
        claim = _place(record, article, schema, report)
        if claim is None:
            continue
        if article.id not in existing:
            existing[article.id] = store.claims(article.id)
        if any(_same(claim, other, record) for other in existing[article.id]):
            report.present += 1
            continue
        existing[article.id].append(claim)
        planned.append(claim)
        for name, values in known.items():
            value = getattr(claim, name)
            if value not in values:
                values.append(value)
                report.schema_added.setdefault(SCHEMA_FIELDS[name], []).append(value)
    report.added = len(planned)
    progress(len(records), len(records), report.summary())
    return AnnotationImportPlan(planned, _grown(schema, report.schema_added), report)


class _ArticleFinder:
    """The project's article for a record: by content hash, else by source file name."""

    def __init__(self, store: ProjectStore):
        self.store = store
        self.by_source: dict[str, list[int]] = defaultdict(list)
        for summary in store.article_summaries():
            self.by_source[summary.source_file].append(summary.id)
        self.cache: dict[int, Article] = {}

    def find(self, record: ClaimRecord) -> tuple[Article | None, str]:
        article_id = self.store.article_id_by_hash(record.article_hash) if record.article_hash else None
        if article_id is None and record.source_file:
            ids = self.by_source.get(record.source_file, [])
            if len(ids) > 1:
                return None, f"{len(ids)} articles come from {record.source_file}: give its article_hash"
            article_id = ids[0] if ids else None
        if article_id is None:
            named = " or ".join(
                part
                for part in (
                    f"text hash {record.article_hash[:12]}…" if record.article_hash else "",
                    f"source file {record.source_file}" if record.source_file else "",
                )
                if part
            )
            return None, f"no article in the project with {named or 'an article_hash or source_file'}"
        if article_id not in self.cache:
            self.cache[article_id] = self.store.article(article_id)
        return self.cache[article_id], ""


def _place(record: ClaimRecord, article: Article, schema: ClaimSchema, report) -> Claim | None:
    where = anchor(article.text, record.quote, record.start, record.end, record.prefix, record.suffix)
    if not where.placed:
        detail = {
            AMBIGUOUS: f"occurs {len(where.candidates)} times in “{shortened(article.title, _SHOWN_CHARS)}” and the context "
            f"does not tell which (at {', '.join(map(str, where.candidates[:5]))})",
        }.get(where.outcome, f"{where.outcome} in “{shortened(article.title, _SHOWN_CHARS)}”")
        report.not_placed.append(Placement(record.where, record.quote, detail))
        return None
    if where.outcome == MOVED:
        was = f"{record.start}–{record.end}" if record.start is not None else "no offsets"
        report.moved.append(
            Placement(
                record.where,
                record.quote,
                f"{was} → {where.start}–{where.end} in “{shortened(article.title, _SHOWN_CHARS)}”",
            )
        )
    defaults = {
        "category": schema.category_names[0] if schema.categories else "Claim",
        "stance": schema.stances[0] if schema.stances else "asserts",
        "status": schema.statuses[0] if schema.statuses else "unverified",
    }
    values = {**defaults, **_given(record.fields, defaults)}
    values["tags"] = normalise_tags(values.get("tags", ()))
    shift = where.start - record.start if record.start is not None else 0
    values.update(_source_span(article.text, values, shift))
    return Claim(article_id=article.id, start=where.start, end=where.end, quote=record.quote, **values)


def _given(fields: dict, vocabulary: dict) -> dict:
    """The fields a file gave, as the project keeps them: a category, stance or status of
    white space only is not given (the default applies), and neither is a timestamp that
    is no date and time (the import's time applies)."""
    given = {}
    for name, value in fields.items():
        if name in vocabulary and isinstance(value, str) and not value.strip():
            continue
        if name in ("created_at", "updated_at") and value and not _timestamp(value):
            continue
        given[name] = value
    return given


def _timestamp(value) -> bool:
    try:
        datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _source_span(text: str, values: dict, shift: int) -> dict:
    """Where the text names the claim's source, moved as far as the claim moved; dropped
    when the name is not there any more."""
    start, end = values.get("source_start"), values.get("source_end")
    if start is None or end is None:
        return {}
    start, end = start + shift, end + shift
    if 0 <= start < end <= len(text) and (shift == 0 or text[start:end].casefold() == values["source"].casefold()):
        return {"source_start": start, "source_end": end}
    return {"source_start": None, "source_end": None}


def _same(claim: Claim, other: Claim, record: ClaimRecord) -> bool:
    """Whether `other` is this claim already: same place and the same value of every field
    the file gave (timestamps included when it gave them)."""
    return (other.start, other.end, other.quote) == (claim.start, claim.end, claim.quote) and all(
        getattr(other, name) == getattr(claim, name) for name in record.fields
    )


def _grown(schema: ClaimSchema, added: dict[str, list[str]]) -> ClaimSchema | None:
    if not added:
        return None
    start = len(schema.categories)
    categories = schema.categories + tuple(
        Category(name, NEW_CATEGORY_COLORS[(start + i) % len(NEW_CATEGORY_COLORS)])
        for i, name in enumerate(added.get("categories", []))
    )
    return replace(
        schema,
        categories=categories,
        stances=schema.stances + tuple(added.get("stances", [])),
        statuses=schema.statuses + tuple(added.get("statuses", [])),
    )


@dataclass
class ImportAnnotations:
    """Add a plan's claims (and schema values) in one transaction; undo removes them all."""

    plan: AnnotationImportPlan
    label: str = "Import annotations"
    _schema_before: ClaimSchema | None = None
    _done_before: bool = False

    def do(self, store: ProjectStore) -> ChangeSet:
        action = "imported (redo)" if self._done_before else "imported"
        with store.transaction():
            if self.plan.schema is not None:
                self._schema_before = store.schema()
                store.set_schema(self.plan.schema)
            # Redo re-inserts each claim under the id it had.
            self.plan.claims = [store.insert_claim(claim, action=action) for claim in self.plan.claims]
            for source in {claim.source for claim in self.plan.claims if claim.source}:
                store.ensure_actor(source)  # every source is an actor, as when typed in the window
        self._done_before = True
        return self._changes()

    def undo(self, store: ProjectStore) -> ChangeSet:
        with store.transaction():
            for claim in self.plan.claims:
                store.delete_claim(claim.id, action="deleted (undo)")
            if self._schema_before is not None:
                store.set_schema(self._schema_before)
        return self._changes()

    def _changes(self) -> ChangeSet:
        return ChangeSet(
            claims_changed=frozenset(c.id for c in self.plan.claims),
            claim_articles=frozenset(c.article_id for c in self.plan.claims),
            schema_changed=self.plan.schema is not None,
            actors_changed=any(c.source for c in self.plan.claims),
        )


def apply_annotation_import(session, plan: AnnotationImportPlan) -> ChangeSet:
    """Add the plan's claims to the session's project as one undoable command; returns what
    changed (nothing, and no command, when the plan adds nothing)."""
    if not plan.claims and plan.schema is None:
        return ChangeSet()
    return session.run_command(ImportAnnotations(plan))


def import_annotations(session, path: str | os.PathLike, **options) -> tuple[AnnotationImportReport, ChangeSet]:
    """Plan and apply an import (options as for `plan_annotation_import`); returns the report
    and what changed."""
    plan = plan_annotation_import(session.store, path, **options)
    return plan.report, apply_annotation_import(session, plan)
