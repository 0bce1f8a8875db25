"""Bytes → text, refusing what is not text rather than guessing.

Byte-order marks are honoured first, then UTF-8 is tried, then the encoding the file
declares for itself (an HTML page's `<meta charset>`), then detection (charset-normalizer)
for legacy encodings; a file that is binary, or whose encoding cannot be told with
confidence, is refused with the reason.
"""

from __future__ import annotations

import codecs
import re

from workbench.core.errors import WorkbenchError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters other than tab, LF, CR and form feed do not occur in real text.
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}
_CONTROL_CHARACTERS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CONTROL)) + "]")


class UndecodableError(WorkbenchError):
    """The bytes are not text we can read with confidence."""


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """The text of `data` and the name of its encoding. The BOM never reaches the text.
    `declared` is the encoding the file names for itself, if any: used when the bytes are
    not UTF-8 and decode cleanly with it."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom) :].decode(encoding)), encoding
            except UnicodeDecodeError as exc:
                raise UndecodableError(f"invalid {encoding} at byte {exc.start + len(bom)}") from None
    if b"\x00" in data[:8192]:
        raise UndecodableError("binary file (contains NUL bytes)")
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Mostly valid UTF-8 with a bad byte in the middle is a damaged UTF-8 file, not a
    # legacy one: decoding it as Latin-1 would garble every non-ASCII character.
    if _mostly_utf8(data):
        raise UndecodableError(f"invalid UTF-8 at byte {utf8_error.start}")
    codec = _codec(declared)
    if codec is not None:
        try:
            return _checked(data.decode(codec)), codec
        except UnicodeDecodeError:
            pass  # the declaration is wrong: detect instead
    return _detected(data)


def _codec(declared: str | None) -> str | None:
    """Python's codec for a declared encoding name. As browsers do, a page declaring
    Latin-1 or ASCII is read as Windows-1252, which it nearly always is."""
    if not declared:
        return None
    try:
        name = codecs.lookup(declared.strip()).name
    except LookupError:
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return None if name.startswith(("utf-16", "utf-32")) else name


def _detected(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # NOTE: lazy, only legacy files need it

    best = from_bytes(data, cp_isolation=None).best()
    if best is None or best.encoding.startswith(("utf_16", "utf_32")) or best.chaos > 0.2:
        raise UndecodableError("unknown text encoding (not UTF-8, and no other encoding fits with confidence)")
    return _checked(str(best)), best.encoding


def _mostly_utf8(data: bytes) -> bool:
    """Valid UTF-8 multi-byte sequences are present: the file was written as UTF-8."""
    text = data.decode("utf-8", errors="replace")
    return any(ord(ch) > 127 and ch != "\ufffd" for ch in text)


def _checked(text: str) -> str:
    sample = text[:65536]
    if sample and len(_CONTROL_CHARACTERS.findall(sample)) > max(2, len(sample) // 1000):
        raise UndecodableError("binary file (contains control characters)")
    return text
