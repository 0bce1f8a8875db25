"""Zip archives of articles, read member by member without unpacking anything to disk.

An archive holding a path that would lead outside it (`../…`, `/…`, `C:…`) is refused
whole: it was made by mistake or to cause harm, and nothing in it is trusted.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from workbench.ingest.errors import UnreadableFile
from workbench.ingest.html import is_saved_page_assets

ARCHIVE_SUFFIXES = (".zip",)
_ENCRYPTED = 0x1


class Archive:
    """An open zip archive; use as a context manager."""

    def __init__(self, path: Path):
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, NotImplementedError, ValueError):  # ValueError: a name in bad UTF-8
            raise UnreadableFile("not a valid zip archive (damaged, or another kind of file)") from None
        except FileNotFoundError:
            raise UnreadableFile("no such file") from None
        except OSError as exc:
            raise UnreadableFile(f"cannot be read ({exc.strerror or exc})") from None
        for name in self._zip.namelist():
            if is_unsafe(name):
                self._zip.close()
                raise UnreadableFile(f"refused: it holds a path leading outside the archive (“{name}”)")

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc) -> None:
        self._zip.close()

    def members(self) -> list[zipfile.ZipInfo]:
        """The files in the archive, in name order, without folders, hidden files
        (.DS_Store, __MACOSX/…) and saved pages' asset folders ("Story_files/")."""
        files = [
            info
            for info in self._zip.infolist()
            if not info.is_dir() and not any(part.startswith((".", "__MACOSX")) for part in info.filename.split("/"))
        ]
        beside: dict[str, set[str]] = {}  # folder → names in it
        for info in files:
            folder, _, name = info.filename.rpartition("/")
            beside.setdefault(folder, set()).add(name)
        return sorted((info for info in files if not _in_page_assets(info.filename, beside)), key=lambda i: i.filename)

    def read(self, info: zipfile.ZipInfo, limit: int) -> bytes:
        """A member's bytes; refuses members larger than `limit` without inflating them."""
        return read_member(self._zip, info, limit)


def read_member(package: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """A zip member's bytes (an archive's file, a Word document's part); refuses one larger
    than `limit` without inflating it, and one that inflates past it whatever its entry says."""
    if info.flag_bits & _ENCRYPTED:
        raise UnreadableFile("encrypted in the archive (password-protected)")
    if info.file_size > limit:
        raise UnreadableFile(f"too large ({info.file_size / 1e6:.0f} MB; the limit is {limit / 1e6:.0f} MB)")
    try:
        with package.open(info) as member:
            data = member.read(limit + 1)  # the size in the directory may lie
    except (zipfile.BadZipFile, EOFError, ValueError, OSError, zlib.error) as exc:  # OSError: an offset out of the file
        raise UnreadableFile(f"damaged in the archive ({exc})") from None
    except NotImplementedError:
        raise UnreadableFile("compressed with a method that cannot be read") from None
    if len(data) > limit:
        raise UnreadableFile(f"too large (more than {limit / 1e6:.0f} MB)")
    return data


def is_unsafe(name: str) -> bool:
    """A member name that is absolute, names a drive, or climbs out with `..`."""
    return name.startswith(("/", "\\")) or bool(re.match(r"^[A-Za-z]:", name)) or ".." in re.split(r"[/\\]", name)


def _in_page_assets(path: str, beside: dict[str, set[str]]) -> bool:
    parts = path.split("/")[:-1]
    return any(is_saved_page_assets(part, beside.get("/".join(parts[:k]), ())) for k, part in enumerate(parts))
