"""Importing article files into a project, reported per file."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.core.model import ChangeSet
from workbench.ingest.files import collect_files, read_article
from workbench.services.progress import Cancelled, Progress, never_cancelled, no_progress
from workbench.store import ProjectStore

IMPORTED, DUPLICATE, EMPTY, FAILED = "imported", "duplicate", "empty", "failed"


@dataclass(frozen=True)
class FileOutcome:
    path: str
    status: str  # imported | duplicate | empty | failed
    detail: str = ""
    article_id: int | None = None


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def changes(self) -> ChangeSet:
        return ChangeSet(articles_added=frozenset(o.article_id for o in self.outcomes if o.status == IMPORTED))

    @property
    def failed(self) -> bool:
        return self.count(FAILED) > 0

    def summary(self) -> str:
        skipped = self.count(DUPLICATE) + self.count(EMPTY)
        text = f"{self.count(IMPORTED)} imported, {skipped} skipped, {self.count(FAILED)} failed"
        return text + (" (cancelled before the end)" if self.cancelled else "")

    def lines(self) -> list[str]:
        """The report a person reads: one line per file that was not simply imported."""
        lines = [self.summary()]
        for outcome in self.outcomes:
            if outcome.status == IMPORTED:
                lines.append(f"  imported   {outcome.path}")
            else:
                lines.append(f"  {outcome.status:<10} {outcome.path}: {outcome.detail}")
        return lines


def import_paths(
    store: ProjectStore,
    paths: Iterable[str | os.PathLike],
    *,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> ImportReport:
    """Import the article files named, and those inside folders named.

    Each file is imported whole or not at all, in its own transaction; one bad file does
    not stop the others. Returns the per-file report; its `changes` lists new articles.
    """
    report = ImportReport()
    jobs = [(path, _source_name(path, root)) for root in map(Path, paths) for path in collect_files([root])]
    for done, (path, source_name) in enumerate(jobs):
        if cancelled():
            report.cancelled = True
            break
        progress(done, len(jobs), f"Importing {source_name}")
        report.outcomes.append(_import_one(store, path, source_name))
    progress(len(report.outcomes), len(jobs), report.summary())
    return report


def _source_name(path: Path, root: Path) -> str:
    """How the article names its file: relative to the folder imported, or the file name."""
    if root.is_dir():
        return path.relative_to(root).as_posix()
    return path.name


def _import_one(store: ProjectStore, path: Path, source_name: str) -> FileOutcome:
    try:
        article = read_article(path, source_name)
    except WorkbenchError as exc:
        message = str(exc)
        return FileOutcome(str(path), EMPTY if message.startswith("empty") else FAILED, message)
    existing = store.article_id_by_hash(article.text_hash)
    if existing is not None:
        title = store.article(existing).title
        return FileOutcome(str(path), DUPLICATE, f"same text as article {existing} (“{title}”)", existing)
    return FileOutcome(str(path), IMPORTED, article.title, store.add_article(article))
