"""Importing files, folders and zip archives into a project, reported per file.

Each file — and each member of an archive — is imported whole or not at all, in a
savepoint of its own: a table with a malformed row, a cancel in the middle of a file, or
the process being killed leaves the project as it was before that file. Files are read
(and fingerprinted for near-duplicates) first, then stored a batch at a time, one
transaction per batch. One bad file does not stop the others.

A large table of CSV, TSV or JSON Lines is read through first, so that a malformed row
refuses it before any is stored, then read again a row at a time, its articles built and
kept compressed in a temporary file until they are stored, in a transaction of its own:
they are never all held at once, and the project is locked only while they are stored.

Reading a file — decoding it, finding its layout, fingerprinting its body — is most of
the work of importing it and needs no project: in a large import, other processes read
the files ahead while this one stores them.
"""

from __future__ import annotations

import logging
import os
import pickle
import tempfile
import time
import zlib
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.core.model import Article, ChangeSet
from workbench.core.processes import process_pool
from workbench.core.text import counted
from workbench.ingest.archives import Archive
from workbench.ingest.errors import EmptyFile, NotArticles, UnreadableFile
from workbench.ingest.files import MAX_FILE_BYTES, FoundFile, collect_files, file_size, read_file, table_file
from workbench.ingest.formats import Entry, TableEntries, is_archive, is_supported, read_entries, unsupported
from workbench.ingest.html import HTML_SUFFIXES
from workbench.ingest.tables import (
    BY_NAME,
    ROW_BY_ROW_SUFFIXES,
    TABLE_SUFFIXES,
    ColumnChoice,
    NoTextColumn,
    Table,
    guess_columns,
)
from workbench.services.duplicates import (
    NearDuplicate,
    NearDuplicateIndex,
    band_keys_of,
    index_older_articles,
)
from workbench.services.progress import Cancelled, Progress, never_cancelled, no_progress
from workbench.store import ProjectStore

IMPORTED, FAILED = "imported", "failed"
_LARGE = 1_000_000  # bytes from which reading a file is a stage worth announcing
_PART = 1_000  # articles of a table read row by row built, kept, and searched for near-duplicates together
# What an archive may unpack to: its members are read, and held, before they are stored.
MAX_ARCHIVE_BYTES = 500_000_000
# Files to read from which two other processes pay for starting them (measured on two
# cores: 500 text files no faster, 1,000 15% faster; 100 HTML pages slower, 300 pages 1.4
# to 1.6 times faster): an HTML page, read by trafilatura, counts as four.
PARALLEL_FROM = 1_000
_HTML_WEIGHT = 4
PROCESSES = min(2, os.cpu_count() or 1)
log = logging.getLogger(__name__)
DUPLICATE, EMPTY, UNSUPPORTED, UNREADABLE = "duplicate", "empty", "unsupported", "unreadable"  # kinds of skip


@dataclass(frozen=True)
class Skip:
    """Something of a file that was not imported, and why."""

    kind: str  # duplicate | empty | unsupported | unreadable
    reason: str
    where: str = ""  # "" for the whole file, "row 12" for a table's row
    article_id: int | None = None  # the article a duplicate repeats


@dataclass(frozen=True)
class Flag:
    """A new article flagged as telling nearly the same story as others."""

    where: str
    article_id: int
    near: tuple[NearDuplicate, ...]  # most alike first

    @property
    def line(self) -> str:
        """What the report says of it: the likest article, and how many more there are (a
        table of one story told in many rows would otherwise take a line for each pair)."""
        first, more = self.near[0], len(self.near) - 1
        text = f"nearly the same story as article {first.other_id} “{first.other_title}” ({first.similarity:.0%} alike)"
        return text + (f" and {counted(more, 'other')}" if more else "")


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file (or one archive member)."""

    path: str
    imported: tuple[int, ...] = ()
    skipped: tuple[Skip, ...] = ()
    flagged: tuple[Flag, ...] = ()
    error: str = ""  # the file failed: nothing of it was imported
    columns: tuple[str, ...] = ()  # a table whose text column was not found: its columns
    in_archive: bool = False
    title: str = ""  # the title of a file's only article

    @property
    def status(self) -> str:
        if self.error:
            return FAILED
        if self.imported:
            return IMPORTED
        return self.skipped[0].kind if self.skipped else EMPTY

    def lines(self, folder: str = "") -> list[str]:
        """The report's lines for this file, its path shown from `folder` when given."""
        path = os.path.relpath(self.path, folder) if folder else self.path
        if self.error:
            return [f"  {FAILED:<11} {path}: {self.error}"]
        lines = []
        if self.imported:
            detail = f"“{self.title}”" if self.title else counted(len(self.imported), "article")
            lines.append(f"  {IMPORTED:<11} {path}: {detail}")
        for skip in self.skipped:
            lines.append(f"  {skip.kind:<11} {_at(path, skip.where)}: {skip.reason}")
        lines.extend(f"  {'similar':<11} {_at(path, flag.where)}: {flag.line}" for flag in self.flagged)
        return lines


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False
    files: int = 0  # files found
    attempted: int = 0  # files dealt with (all of them, unless cancelled)

    def count(self, status: str) -> int:
        """Articles imported, things skipped of a kind, or files failed."""
        if status == IMPORTED:
            return sum(len(o.imported) for o in self.outcomes)
        if status == FAILED:
            return sum(bool(o.error) for o in self.outcomes)
        return sum(skip.kind == status for o in self.outcomes for skip in o.skipped)

    @property
    def skipped(self) -> int:
        return sum(len(o.skipped) for o in self.outcomes)

    @property
    def flagged(self) -> int:
        return sum(len(o.flagged) for o in self.outcomes)

    @property
    def failed(self) -> bool:
        return self.count(FAILED) > 0

    @property
    def changes(self) -> ChangeSet:
        """New articles, and older ones newly flagged as near-duplicates of them."""
        added = frozenset(i for o in self.outcomes for i in o.imported)
        flagged = frozenset(n.other_id for o in self.outcomes for f in o.flagged for n in f.near) - added
        return ChangeSet(articles_added=added, articles_changed=flagged)

    @property
    def tables_without_text_column(self) -> list[FileOutcome]:
        """Tables on disk that failed for want of a text column: the user may name it."""
        return [o for o in self.outcomes if o.columns and not o.in_archive]

    def summary(self) -> str:
        text = f"{self.count(IMPORTED)} imported, {self.skipped} skipped, {self.count(FAILED)} failed"
        if self.flagged:
            text += f"; {counted(self.flagged, 'near-duplicate')} flagged"
        if self.cancelled:
            text += f" (cancelled: {self.files - self.attempted:,} of {self.files:,} files not imported)"
        return text

    def lines(self) -> list[str]:
        """The report a person reads: the summary, then what happened to each file."""
        folder = _shared_folder([outcome.path for outcome in self.outcomes])
        heading = [f"Files in {folder}:"] if folder else []
        return [self.summary(), *heading, *(line for outcome in self.outcomes for line in outcome.lines(folder))]


@dataclass(frozen=True)
class TablePreview:
    """The first rows of a table, for the user to say which column holds what."""

    path: Path
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    guess: ColumnChoice  # the columns whose names say what they hold


def preview_table(path: str | os.PathLike, *, rows: int = 5) -> TablePreview:
    """The columns and first `rows` rows of a table file, and the columns found by name.
    Raises WorkbenchError when the file cannot be read as a table."""
    path = Path(path)
    if not path.name.lower().endswith(TABLE_SUFFIXES):
        raise WorkbenchError(f"{path.name} is not a table ({', '.join(TABLE_SUFFIXES)}).")
    # NOTE: a table read row by row is read through, but not held, however large.
    table = Table(path.name, table_file(path) if path.name.lower().endswith(ROW_BY_ROW_SUFFIXES) else read_file(path))
    columns = table.columns
    if not columns:
        raise WorkbenchError(f"{path.name} has no columns.")
    guess = guess_columns(columns)
    records = table.records()
    sample = tuple(tuple(_preview_cell(r.values.get(c)) for c in columns) for r in islice(records, rows))
    records.close()
    return TablePreview(
        path, tuple(columns), sample, ColumnChoice(guess.get("text"), guess.get("title"), guess.get("date"))
    )


def _preview_cell(value) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= 200 else text[:199] + "…"


class _Stopped(Exception):
    """Cancelled in the middle of a file: its transaction is rolled back. `read` holds
    what was read of an archive before (its members are stored)."""

    def __init__(self, read: list | None = None):
        super().__init__()
        self.read = read or []


@dataclass(frozen=True)
class _Read:
    """A file (or archive member) read and ready to store: its entries and their MinHash
    band keys, computed before any write — for a table read row by row, kept (`keys` None)."""

    where: str
    name: str
    entries: list[Entry] | _Kept
    keys: list[list[int]] | None
    in_archive: bool = False

    @property
    def row_by_row(self) -> bool:
        return self.keys is None

    def keyed(self) -> Iterable[tuple[Entry, list[int]]]:
        """Its entries, each with its band keys."""
        return self.entries if self.row_by_row else zip(self.entries, self.keys, strict=True)


class _Kept:
    """A table's entries, read row by row, their articles built and band keys computed (the
    most of importing them), kept compressed in a temporary file a part at a time until
    they are stored: never all held, and none built while the project is locked. Iterated
    once, (entry, band keys) pairs; the file goes with the iteration's end."""

    def __init__(self, entries: TableEntries, name: str, meter, cancelled):
        self._count, self._parts = len(entries), 0
        try:
            self._file = tempfile.TemporaryFile()
        except OSError as exc:
            raise _not_kept(exc) from None
        try:
            part = []
            for number, entry in enumerate(entries, start=1):
                part.append((entry, _prepared(entry.article) if entry.article is not None else []))
                if len(part) == _PART or number == self._count:
                    if cancelled():
                        raise _Stopped
                    meter.report(f"Reading {name}: {entry.where} of {self._count}")
                    self._write(part)
                    part = []
        except BaseException:
            self._file.close()
            raise

    def _write(self, part: list) -> None:
        data = zlib.compress(pickle.dumps(part, pickle.HIGHEST_PROTOCOL), 1)
        try:
            self._file.write(len(data).to_bytes(8, "little") + data)
        except OSError as exc:
            raise _not_kept(exc) from None
        self._parts += 1

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[tuple[Entry, list[int]]]:
        with self._file:
            self._file.seek(0)
            for _ in range(self._parts):
                size = int.from_bytes(self._file.read(8), "little")
                yield from pickle.loads(zlib.decompress(self._file.read(size)))


def _not_kept(exc: OSError) -> UnreadableFile:
    return UnreadableFile(
        f"its articles could not be kept in the temporary folder {tempfile.gettempdir()} till stored"
        f" ({exc.strerror or exc})"
    )


def import_paths(
    store: ProjectStore,
    paths: Iterable[str | os.PathLike],
    *,
    columns: ColumnChoice = BY_NAME,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
    processes: int = PROCESSES,
) -> ImportReport:
    """Import the article files named, those inside folders named (recursively) and those
    inside zip archives. `columns` names the text, title and date columns of tables.

    Each file is imported whole or not at all; one bad file does not stop the others.
    Returns the per-file report; its `changes` lists new articles. Progress is counted in
    bytes of the files found. With `processes` > 1, that many other processes read small
    files ahead when there are many.
    """
    progress(0, 0, "Looking for files…")
    index_older_articles(store, progress, cancelled)
    found = [(f, file_size(f.path)) for f in collect_files(paths)]
    report = ImportReport(files=len(found))
    meter = _Meter(progress, sum(size for _, size in found), len(found))
    with _Reader(found, columns, meter, cancelled, processes) as reader, NearDuplicateIndex(store) as near:
        batch = _Batch(store, report, meter, cancelled, near)
        for number, (file, size) in enumerate(found, start=1):
            if cancelled():
                report.cancelled = True
                break
            meter.start(file.name, size, number)
            try:
                batch.add(reader.read(number - 1))
            except _Stopped as stop:
                batch.add(stop.read, whole=False)
                report.cancelled = True
                break
            batch.store_when_due()
            meter.finish()
        batch.store()
    meter.report(report.summary(), final=True)
    return report


class _Batch:
    """Files read but not stored yet. They are stored together, in one transaction, once a
    quarter of a second's worth has been read — each file in a savepoint of its own, so
    still whole or not at all: one disk sync per batch instead of one per file, and while
    files are read between batches the project is free for the window's own edits."""

    SECONDS = 0.25
    ENTRIES = 5_000  # and at most this many articles held in memory

    def __init__(
        self, store: ProjectStore, report: ImportReport, meter: _Meter, cancelled: Cancelled, near: NearDuplicateIndex
    ):
        self._store, self._report, self._meter, self._cancelled = store, report, meter, cancelled
        self._near = near
        self._files: list[tuple[list, bool]] = []  # (what was read of a file, whether all of it)
        self._entries = 0
        self._alone = False  # a table read row by row: stored in a batch of its own
        self._since = time.monotonic()

    def add(self, read: list, *, whole: bool = True) -> None:
        alone = any(isinstance(item, _Read) and item.row_by_row for item in read)
        if alone:
            self.store()
        self._files.append((read, whole))
        self._entries += sum(len(item.entries) for item in read if isinstance(item, _Read))
        self._alone = alone

    def store_when_due(self) -> None:
        if self._alone or self._entries >= self.ENTRIES or time.monotonic() - self._since >= self.SECONDS:
            self.store()

    def store(self) -> None:
        files, self._files, self._entries = self._files, [], 0
        if files:
            with self._store.transaction():
                outcomes, new = [], []
                for read, whole in files:
                    try:
                        for item in read:
                            if isinstance(item, FileOutcome):
                                outcomes.append(item)
                            else:
                                outcome, articles = self._store_read(item)
                                outcomes.append(outcome)
                                new += articles
                    except _Stopped:
                        self._report.cancelled = True
                        break  # the files after it are not stored
                    self._report.attempted += whole
                # The batch's articles are searched for near-duplicates together: one query.
                found = self._near.add([(article_id, article, keys) for article_id, _, article, keys in new])
                where = {article_id: where for article_id, where, _, _ in new}
                self._report.outcomes += [_flagged(outcome, found, where) for outcome in outcomes]
        self._since = time.monotonic()

    def _store_read(self, read: _Read) -> tuple[FileOutcome, list[tuple[int, str, Article, list[int]]]]:
        if not read.row_by_row:
            # A file of one article is stored by one statement, whole or not at all by itself:
            # a savepoint is for a file of several, which a cancel may stop in the middle.
            with self._store.transaction() if len(read.entries) > 1 else nullcontext():
                outcome, new = _store_entries(self._store, read, self._meter, self._cancelled)
            return replace(outcome, in_archive=True) if read.in_archive else outcome, new
        # Its articles are searched for near-duplicates a part at a time, as they are stored.
        found: dict[int, list[NearDuplicate]] = {}
        where: dict[int, str] = {}

        def index(new: list[tuple[int, str, Article, list[int]]]) -> None:
            near = self._near.add([(article_id, article, keys) for article_id, _, article, keys in new])
            found.update(near)
            where.update((article_id, at) for article_id, at, _, _ in new if article_id in near)

        with self._near.transaction():
            outcome, _ = _store_entries(self._store, read, self._meter, self._cancelled, index)
        return _flagged(outcome, found, where), []


def _flagged(outcome: FileOutcome, found: dict[int, list[NearDuplicate]], where: dict[int, str]) -> FileOutcome:
    flags = tuple(Flag(where[i], i, tuple(found[i])) for i in outcome.imported if found.get(i))
    return replace(outcome, flagged=flags) if flags else outcome


class _Reader:
    """Reads the files found, in their order. When there are enough small files that are
    not archives, other processes read those ahead, a few at a time: far enough ahead to
    go on reading while a batch is stored (else they wait for it, and it for them), and
    within a bound of bytes, since what they read is held until stored. The rest is read
    here. Should the other processes fail, what they have not delivered is read here."""

    CHUNK = 16  # files per task given to another process
    AHEAD = 32  # tasks in hand per process at most…
    AHEAD_BYTES = 32_000_000  # …and of files of at most this many bytes, beyond a task per process

    def __init__(self, found: list[tuple[FoundFile, int]], columns, meter, cancelled, processes: int):
        self._columns, self._meter, self._cancelled = columns, meter, cancelled
        self._files = [file for file, _ in found]
        elsewhere = [i for i, (file, size) in enumerate(found) if _readable_elsewhere(file, size)]
        self._pool = None
        self._place: dict[int, tuple[int, int]] = {}  # index in found → (task, position in it)
        self._tasks: list[list[FoundFile]] = []
        self._futures: dict = {}  # task → its future, for the tasks given out
        self._bytes = [0]  # bytes of the files of the tasks before each, and of all
        work = sum(_HTML_WEIGHT if self._files[i].name.lower().endswith(HTML_SUFFIXES) else 1 for i in elsewhere)
        if processes > 1 and work >= PARALLEL_FROM:
            for at in range(0, len(elsewhere), self.CHUNK):
                task = elsewhere[at : at + self.CHUNK]
                self._place.update((index, (len(self._tasks), k)) for k, index in enumerate(task))
                self._tasks.append([self._files[index] for index in task])
                self._bytes.append(self._bytes[-1] + sum(found[index][1] for index in task))
            self._pool = process_pool(processes)
            self._processes, self._ahead = processes, processes * self.AHEAD

    def __enter__(self) -> _Reader:
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def read(self, index: int) -> list:
        """What the `index`th file found holds (see _read_file)."""
        place = self._place.get(index)
        if place is not None and self._pool is not None:
            task, position = place
            try:
                for ahead in range(task, min(task + self._ahead, len(self._tasks))):
                    if (
                        ahead >= task + self._processes
                        and self._bytes[ahead + 1] - self._bytes[task] > self.AHEAD_BYTES
                    ):
                        break
                    if ahead not in self._futures:
                        self._futures[ahead] = self._pool.submit(_read_files, self._tasks[ahead], self._columns)
                read = self._futures[task].result()[position]
            except Exception as exc:  # noqa: BLE001 — a process died or failed: read here, as without them
                log.warning(
                    "reading files in other processes failed (%s: %s); reading them here", type(exc).__name__, exc
                )
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
            else:
                if position == len(self._tasks[task]) - 1:
                    del self._futures[task]
                return read
        return _read_file(self._files[index], self._columns, self._meter, self._cancelled)


def _readable_elsewhere(file: FoundFile, size: int) -> bool:
    """A file another process may read: one the reader would not announce or cancel within."""
    return size < _LARGE and is_supported(file.name) and not is_archive(file.name)


def _read_files(files: list[FoundFile], columns) -> list[list]:
    """_read_file of each file, in another process (no progress to report, no cancel)."""
    meter = _Meter(no_progress, 1, 1)
    return [_read_file(file, columns, meter, never_cancelled) for file in files]


def _read_file(file: FoundFile, columns, meter, cancelled) -> list:
    """What a file holds, as _Read items and outcomes of what cannot be imported."""
    where = str(file.path)
    if is_archive(file.name):
        return _read_archive(file, columns, meter, cancelled)
    if not is_supported(file.name):
        if not file.named:
            return [FileOutcome(where, skipped=(Skip(UNSUPPORTED, unsupported(file.name)),))]
        exists = file.path.exists()
        return [FileOutcome(where, error=unsupported(file.name, explain=True) if exists else "no such file or folder")]
    try:
        data = table_file(file.path) if _row_by_row(file.name, file_size(file.path)) else read_file(file.path)
    except WorkbenchError as exc:
        return [FileOutcome(where, error=str(exc))]
    return [_read_data(where, file.name, data, columns, meter, cancelled)]


def _row_by_row(name: str, size: int) -> bool:
    """Whether a table is read a row at a time from its file: a large CSV, TSV or JSON Lines
    file (a small one is read whole, and stored in a batch with other files)."""
    return size >= _LARGE and name.lower().endswith(ROW_BY_ROW_SUFFIXES)


def _read_archive(file: FoundFile, columns, meter, cancelled) -> list:
    read = []
    try:
        with Archive(file.path) as archive:
            members = archive.members()
            total = sum(info.compress_size for info in members) or 1
            inflated = sum(info.file_size for info in members)
            if inflated > MAX_ARCHIVE_BYTES:
                raise UnreadableFile(
                    f"too large unpacked ({inflated / 1e6:,.0f} MB; an archive's limit is "
                    f"{MAX_ARCHIVE_BYTES / 1e6:,.0f} MB): unpack it and import the folder"
                )
            budget = MAX_ARCHIVE_BYTES  # what is read is held until stored: the sizes listed may lie
            for info in members:
                if cancelled():
                    raise _Stopped(read)
                where = f"{file.path}/{info.filename}"
                name = f"{file.name}/{info.filename}"
                if not is_supported(info.filename):
                    read.append(FileOutcome(where, skipped=(Skip(UNSUPPORTED, unsupported(name)),), in_archive=True))
                elif is_archive(info.filename):
                    read.append(FileOutcome(where, error="an archive inside an archive: unpack it first"))
                else:
                    try:
                        data = archive.read(info, min(MAX_FILE_BYTES, budget))
                        budget -= len(data)
                    except WorkbenchError as exc:
                        read.append(FileOutcome(where, error=str(exc), in_archive=True))
                    else:
                        item = _read_data(where, name, data, columns, meter, cancelled)
                        read.append(replace(item, in_archive=True))
                meter.part_done(info.compress_size / total)
    except WorkbenchError as exc:
        return [FileOutcome(str(file.path), error=str(exc))]
    if not read:
        return [FileOutcome(str(file.path), skipped=(Skip(EMPTY, "empty archive (no files in it)"),))]
    return read


def _read_data(where: str, name: str, data: bytes | Path, columns, meter, cancelled) -> _Read | FileOutcome:
    """One file's articles, read and indexed for near-duplicates, ready to store; a table's
    file (a path) read row by row (see _Kept)."""
    size = len(data) if isinstance(data, bytes) else file_size(data)
    if size >= _LARGE:
        meter.report(f"Reading {name} ({size / 1e6:.0f} MB)…")
    try:
        if not isinstance(data, bytes):
            return _Read(where, name, _Kept(TableEntries(name, data, columns), name, meter, cancelled), None)
        entries = read_entries(name, data, columns)
    except _Stopped:
        raise
    except Exception as exc:  # noqa: BLE001 — a fault in reading one file must not stop the others
        return _unread(where, exc)
    keys = [_prepared(entry.article) if entry.article is not None else [] for entry in entries]
    return _Read(where, name, entries, keys)


def _unread(where: str, exc: Exception) -> FileOutcome:
    """What becomes of a file that could not be read, as `exc` says."""
    if isinstance(exc, NoTextColumn):
        return FileOutcome(where, error=str(exc), columns=tuple(exc.columns))
    if isinstance(exc, EmptyFile):
        return FileOutcome(where, skipped=(Skip(EMPTY, str(exc)),))
    if isinstance(exc, NotArticles):
        return FileOutcome(where, skipped=(Skip(UNSUPPORTED, str(exc)),))
    if isinstance(exc, WorkbenchError):
        return FileOutcome(where, error=str(exc))
    if logging.getLogger().hasHandlers():
        log.error("reading %s failed", where, exc_info=exc)
    return FileOutcome(where, error=f"could not be read: an unexpected error ({type(exc).__name__}: {exc})")


def _prepared(article: Article) -> list[int]:
    """The article's near-duplicate band keys, with what storing it takes computed now
    (cached on it): the costly part of storing, done while reading, maybe elsewhere."""
    _ = article.body_hash, article.body_words
    return band_keys_of(article)


def _store_entries(
    store, read: _Read, meter, cancelled, index=None
) -> tuple[FileOutcome, list[tuple[int, str, Article, list[int]]]]:
    """Store a file's articles; returns its outcome and, for the near-duplicate search, the
    new articles: (id, where in the file, article, band keys). With `index`, they are given
    to it instead, a part at a time as they are stored, and not held."""
    imported, skipped, new = [], [], []
    entries, name = read.entries, read.name
    readable, title = 0, ""  # entries not left out as unreadable; the title of the first stored
    for number, (entry, keys) in enumerate(read.keyed()):
        if len(entries) > 1:  # a table: a cancel stops it, all of it left out
            if cancelled():
                raise _Stopped
            meter.within(number / len(entries), f"Importing {name}: {entry.where} of {len(entries)}")
        readable += not entry.unreadable
        if entry.article is None:
            skipped.append(
                Skip(UNREADABLE, entry.unreadable, entry.where)
                if entry.unreadable
                else Skip(EMPTY, "empty (no text)", entry.where)
            )
            continue
        existing = store.article_id_repeated_by(entry.article)
        if existing is not None:
            title = store.article(existing).title
            skipped.append(Skip(DUPLICATE, f"same body as article {existing} “{title}”", entry.where, existing))
            continue
        article_id = store.add_article(entry.article)
        imported.append(article_id)
        title = title or entry.article.title
        new.append((article_id, entry.where, entry.article, keys))
        if index is not None and len(new) >= _PART:
            index(new)
            new = []
    if index is not None and new:
        index(new)
        new = []
    title = title if readable == 1 else ""  # a file of one article (a PDF's pages left out aside)
    return FileOutcome(read.where, tuple(imported), tuple(skipped), title=title), new


def _shared_folder(paths: list[str]) -> str:
    """The folder all the files are in, named once so that each line shows what tells the
    files apart; "" for one file, when they share none but the root, or a path is not absolute."""
    if len(paths) < 2 or not all(os.path.isabs(p) for p in paths):
        return ""
    try:
        folder = os.path.commonpath([os.path.dirname(p) for p in paths])
    except ValueError:  # different drives
        return ""
    return "" if folder == os.path.dirname(folder) else folder


def _at(path: str, where: str) -> str:
    return f"{path}, {where}" if where else path


class _Meter:
    """Progress in bytes of the files found, with the file in hand named."""

    def __init__(self, progress: Progress, total: int, files: int):
        self._progress = progress
        self._total = max(total, 1)
        self._files = files
        self._done = 0  # bytes of the files finished
        self._size = 0  # bytes of the file in hand
        self._part = 0.0  # how much of it is done (archives: members done)
        self._name = ""

    def start(self, name: str, size: int, number: int) -> None:
        self._name, self._size, self._part = name, size, 0.0
        self.report(f"Importing {name} ({number:,} of {self._files:,} files)")

    def within(self, fraction: float, message: str) -> None:
        self._progress(self._position(fraction), self._total, message)

    def part_done(self, fraction: float) -> None:
        self._part += fraction

    def finish(self) -> None:
        self._done += self._size
        self._size = 0

    def report(self, message: str, *, final: bool = False) -> None:
        self._progress(self._total if final else self._position(0.0), self._total, message)

    def _position(self, fraction: float) -> int:
        return min(self._done + int(self._size * min(1.0, self._part + fraction)), self._total - 1)
