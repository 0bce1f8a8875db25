"""Reading a whole annotation file as text, with one clear message for each way it fails."""

from __future__ import annotations

import os
import stat

from workbench.core.dataset import AnnotationFileError

# The largest annotation file read: an export of 100k claims is about 100 MB.
MAX_ANNOTATION_BYTES = 1_000_000_000


def read_utf8(path: str | os.PathLike) -> str:
    """The file's text (UTF-8, a byte-order mark dropped), line breaks untouched. Only a
    regular file is read (not /dev/zero, not a pipe that may never end), up to a limit."""
    name = os.fspath(path)
    try:
        mode, size = (info := os.stat(path)).st_mode, info.st_size
        if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
            raise AnnotationFileError(f"{name} is not a regular file (a device, pipe or socket).")
        if size > MAX_ANNOTATION_BYTES:
            raise AnnotationFileError(
                f"{name} is too large ({size / 1e6:,.0f} MB; the limit is {MAX_ANNOTATION_BYTES / 1e6:,.0f} MB)."
            )
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return handle.read()
    except FileNotFoundError:
        raise AnnotationFileError(f"No such file: {name}.") from None
    except IsADirectoryError:
        raise AnnotationFileError(f"{name} is a folder, not a file.") from None
    except UnicodeDecodeError:
        raise AnnotationFileError(f"{name} is not UTF-8 text.") from None
    except OSError as exc:
        raise AnnotationFileError(f"Cannot read {name}: {exc.strerror or exc}.") from None


def whole_number(value) -> bool:
    """Whether a value read from JSON is a count of characters: an int, not a bool, not negative."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
