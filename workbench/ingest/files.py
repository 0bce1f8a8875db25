"""Finding article files on disk and reading their bytes."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from workbench.core.model import Article
from workbench.ingest.errors import UnreadableFile
from workbench.ingest.formats import read_entries
from workbench.ingest.html import is_saved_page_assets

MAX_FILE_BYTES = 200 * 1024 * 1024
# A table of CSV, TSV or JSON Lines is read a row at a time and never held whole, so it may
# be as large as the news datasets published as one file; its limit bounds the time an
# import takes (some minutes a gigabyte) and what it adds to the project.
MAX_TABLE_BYTES = 2_000_000_000
# What to do with a table in a format read whole that is too large to read so.
_ROW_BY_ROW = {
    ".json": "as JSON Lines (one object a line) it may be up to",
    ".xlsx": "saved as CSV it may be up to",
}
# Folders that tools leave beside files, holding nothing a person put there.
_MACHINE_FOLDERS = frozenset({"__pycache__", "__MACOSX"})


@dataclass(frozen=True)
class FoundFile:
    path: Path
    name: str  # how articles name it: relative to the folder imported, or the file's name
    named: bool  # named by the user (not found in a folder)


def collect_files(paths: Iterable[str | os.PathLike]) -> Iterator[FoundFile]:
    """Files named, and the files inside folders named (recursively, in name order; hidden
    ones and tools' caches left out). A path that does not exist is yielded as it is, so the caller
    reports it per file."""
    for root in map(Path, paths):
        if not root.is_dir():
            yield FoundFile(root, root.name, named=True)
            continue
        for folder, dirs, names in os.walk(root):
            dirs[:] = sorted(
                d
                for d in dirs
                if not d.startswith(".") and d not in _MACHINE_FOLDERS and not is_saved_page_assets(d, names)
            )
            for name in sorted(names):
                if not name.startswith("."):
                    path = Path(folder, name)
                    yield FoundFile(path, path.relative_to(root).as_posix(), named=False)


def file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def read_file(path: Path, limit: int | None = None) -> bytes:
    """A regular file's bytes, when it is no larger than `limit` (MAX_FILE_BYTES). Raises
    UnreadableFile with the reason."""
    limit = MAX_FILE_BYTES if limit is None else limit
    with _opened(path, limit) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise UnreadableFile(f"too large (more than {limit / 1e6:,.0f} MB)")
    return data


def table_file(path: Path) -> Path:
    """A table read a row at a time (CSV, TSV, JSON Lines: see Table), checked as read_file
    checks a file, with a table's limit. Raises UnreadableFile with the reason."""
    with _opened(path, MAX_TABLE_BYTES):
        return path


@contextmanager
def _opened(path: Path, limit: int) -> Iterator[BinaryIO]:
    """A regular file open for reading, when it is no larger than `limit`."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableFile("is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile("not a regular file (a device, pipe or socket)")
        if info.st_size > limit:
            raise UnreadableFile(_too_large(path, info.st_size, limit))
        handle = path.open("rb")
    except FileNotFoundError:
        raise UnreadableFile(_missing(path)) from None
    except PermissionError:
        raise UnreadableFile("permission denied") from None
    except IsADirectoryError:
        raise UnreadableFile("is a folder") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableFile("a link that leads back to itself (a loop of symbolic links)") from None
        raise UnreadableFile(f"cannot be read ({exc.strerror or exc})") from None
    with handle:
        try:
            yield handle
        except OSError as exc:
            raise UnreadableFile(f"cannot be read ({exc.strerror or exc})") from None


def _too_large(path: Path, size: int, limit: int) -> str:
    text = f"too large ({size / 1e6:,.0f} MB; the limit is {limit / 1e6:,.0f} MB)"
    suffix = path.suffix.lower()
    if suffix in _ROW_BY_ROW and size <= MAX_TABLE_BYTES and limit < MAX_TABLE_BYTES:
        text = text[:-1] + f"; {_ROW_BY_ROW[suffix]} {MAX_TABLE_BYTES / 1e6:,.0f} MB)"
    return text


def _missing(path: Path) -> str:
    if path.is_symlink():
        return f"a link to {os.readlink(path)}, which does not exist"
    return "no such file or folder"


def read_article(path: Path, source_file: str | None = None) -> Article:
    """The one article in a text or HTML file. Raises UnreadableFile with the reason."""
    entries = read_entries(source_file or path.name, read_file(path))
    if len(entries) != 1 or entries[0].article is None:
        raise UnreadableFile("not a file holding one article")
    return entries[0].article
