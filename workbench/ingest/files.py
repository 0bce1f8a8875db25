"""Finding article files on disk and reading them."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.core.model import Article
from workbench.ingest.article import build_article
from workbench.ingest.decode import decode_text

TEXT_SUFFIXES = (".txt", ".text", ".md")
MAX_FILE_BYTES = 200 * 1024 * 1024


class UnreadableFile(WorkbenchError):
    """A file that could not be read as an article; the message says why."""


def collect_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Files named, and text files inside folders named (recursively, in name order).

    A path that does not exist is yielded as it is, so the caller reports it per file.
    """
    for path in map(Path, paths):
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if name.lower().endswith(TEXT_SUFFIXES) and not name.startswith("."):
                        yield Path(root, name)
        else:
            yield path


def read_article(path: Path, source_file: str | None = None) -> Article:
    """The Article in a text file. Raises UnreadableFile with the reason."""
    if not path.exists():
        raise UnreadableFile("no such file or folder")
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise UnreadableFile(
            f"unsupported file type “{path.suffix or path.name}” (expected {', '.join(TEXT_SUFFIXES)})"
        )
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableFile(f"too large ({size / 1e6:.0f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFile("no such file") from None
    except IsADirectoryError:
        raise UnreadableFile("is a folder") from None
    except PermissionError:
        raise UnreadableFile("permission denied") from None
    except OSError as exc:
        raise UnreadableFile(f"cannot be read ({exc.strerror or exc})") from None
    text, _encoding = decode_text(data)
    if not text.strip():
        raise UnreadableFile("empty (no text)")
    return build_article(source_file or path.name, text)
