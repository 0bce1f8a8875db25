"""Text rules shared by every layer: one normal form, one hash."""

import hashlib
from urllib.parse import urlsplit


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


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """ "1 article", "2 articles", "1,200 articles"."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


def word_count(text: str) -> int:
    return len(text.split())


def url_host(url: str | None) -> str | None:
    """The host an address names, or None: no address, or one that is not one
    ("https://[not-an-address")."""
    try:
        return urlsplit(url).hostname if url else None
    except ValueError:
        return None
