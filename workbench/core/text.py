"""Text rules shared by every layer: one normal form, one hash."""

import hashlib
import json
import re
from urllib.parse import urlsplit

# Half of a UTF-16 pair: a scraper's emoji cut in two ("\ud83d" in JSON), a file name in
# another encoding decoded by Python ("caf\udce9.txt"). UTF-8 cannot hold one, so SQLite
# refuses the whole string.
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # in JSON source


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else is rewritten.

    This runs once, before any offset into the text exists, so every offset the project
    stores counts code points of the text exactly as stored.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def content_hash(text: str) -> str:
    """SHA-256 of the UTF-8 text: identifies the same article across projects and exports."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def body_hash(text: str) -> str:
    """SHA-256 of the text with runs of white space made one space: the same story
    re-wrapped or re-indented hashes the same."""
    return content_hash(" ".join(text.split()))


def without_surrogates(text: str) -> str:
    """The text with each lone surrogate made U+FFFD (the replacement character)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def load_json(text: str, **options):
    """json.loads, with lone surrogates in its strings (escaped in the source) replaced."""
    value = json.loads(text, **options)
    return _cleaned(value) if _SURROGATE_ESCAPE.search(text) else value


def _cleaned(value):
    if isinstance(value, str):
        return without_surrogates(value)
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    if isinstance(value, dict):
        return {without_surrogates(k): _cleaned(v) for k, v in value.items()}
    return value


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """ "1 article", "2 articles", "1,200 articles"."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


def shortened(text: str, limit: int) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis when longer."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def word_count(text: str) -> int:
    return len(text.split())


def url_host(url: str | None) -> str | None:
    """The host an address names, or None: no address, or one that is not one
    ("https://[not-an-address")."""
    try:
        return urlsplit(url).hostname if url else None
    except ValueError:
        return None
