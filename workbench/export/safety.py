"""Spreadsheet safety and safe writing, shared by every export format."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from workbench.core.errors import WorkbenchError

# A cell starting with one of these can run as a formula in a spreadsheet program
# (OWASP, "CSV Injection"); LF is included because some programs trim it first.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
APOSTROPHE = "'"


class ExportError(WorkbenchError):
    """The export could not be written; nothing at the destination was changed."""


def neutralise(value):
    """A text value a spreadsheet shows as text: a leading apostrophe before any formula
    trigger. A value that itself begins with an apostrophe gets one more, so that
    `restore` can tell the two apart. Other values pass through unchanged."""
    if isinstance(value, str) and value.startswith((*FORMULA_TRIGGERS, APOSTROPHE)):
        return APOSTROPHE + value
    return value


def restore(value: str) -> str:
    """The value `neutralise` was given: one leading apostrophe removed."""
    return value[1:] if value.startswith(APOSTROPHE) else value


def looks_neutralised(cells) -> bool:
    """Whether text cells read from a file were written by `neutralise`: no cell starts with
    a formula trigger (such a file would not be safe), and some cell starts with an apostrophe
    followed by a trigger or another apostrophe (what only `neutralise` writes)."""
    marked = False
    for cell in cells:
        if cell.startswith(FORMULA_TRIGGERS):
            return False
        marked = marked or (cell.startswith(APOSTROPHE) and cell[1:2] in (*FORMULA_TRIGGERS, APOSTROPHE))
    return marked


def destination_problem(path: Path) -> str | None:
    """Why a file cannot be written at `path` ("Cannot write …: it is a folder"), or None."""
    if path.is_dir():
        return f"Cannot write {path}: it is a folder."
    journal = path.with_name(path.name.rsplit("-", 1)[0]) if path.name.endswith(_JOURNALS) else None
    if _is_database(path) or (journal is not None and _is_database(journal)):
        return f"Cannot write {path}: it is a project (or another database), which the export would destroy."
    if path.parent.is_dir():
        return None
    existing = next((p for p in path.parents if p.exists()), None)
    if existing is not None and not existing.is_dir():
        return f"Cannot write {path}: {existing} is a file, not a folder."
    return f"Cannot write {path}: the folder {path.parent} does not exist."


def _is_database(path: Path) -> bool:
    if not path.is_file():
        return False  # opening a pipe to look would wait for its writer
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:  # missing, a folder, unreadable: not a database we could destroy
        return False


_JOURNALS = ("-wal", "-shm", "-journal")


def write_atomically(path: str | os.PathLike, write: Callable[[Path], None]) -> None:
    """Call `write(tmp)` on a temporary file beside `path`, then move it into place, so an
    interrupted export never leaves a truncated file, and an existing file is replaced
    only by a complete one. A link is followed (the file it points to is replaced); a
    device or pipe (/dev/null) is written to, never replaced."""
    path = Path(path)
    problem = destination_problem(path)
    if problem:
        raise ExportError(problem)
    if path.is_symlink():
        path = path.resolve()
    if path.exists() and not path.is_file():
        try:
            write(path)
        except OSError as exc:
            raise ExportError(f"Cannot write {path}: {exc.strerror or exc}.") from None
        return
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise ExportError(f"Cannot write to {path.parent}: {exc.strerror or exc}.") from None
    os.close(fd)
    tmp = Path(tmp_name)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; an export is an ordinary file
    try:
        write(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
