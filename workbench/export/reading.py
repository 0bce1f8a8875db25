"""Reading a whole annotation file as text, with one clear message for each way it fails."""

from __future__ import annotations

import os

from workbench.core.dataset import AnnotationFileError


def read_utf8(path: str | os.PathLike) -> str:
    """The file's text (UTF-8, a byte-order mark dropped), line breaks untouched."""
    name = os.fspath(path)
    try:
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
