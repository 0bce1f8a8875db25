"""Rules on character spans: what a claim may cover, and which mentions fall inside it."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from workbench.core.errors import SpanError
from workbench.core.model import EntitySpan


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the white space and invisible characters (zero-width spaces and
    joiners, direction marks, soft hyphens) around it; a selection usually drags some along.

    Raises SpanError when the span lies outside the text or holds nothing visible.
    """
    if not 0 <= start <= end <= len(text):
        raise SpanError(f"The span {start}–{end} lies outside the text (length {len(text)}).")
    while start < end and _invisible(text[start]):
        start += 1
    while end > start and _invisible(text[end - 1]):
        end -= 1
    if start == end:
        raise SpanError("Select some text first: the selection holds no words.")
    return start, end


# Zero-width spaces and joiners, direction marks and embeddings, the word joiner and its
# kin, the byte-order mark, the soft hyphen. NOTE: not all of Unicode's "format" category:
# it also holds the tags of flag emoji (🏴 of Scotland) and Arabic signs that are drawn.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u061c") | frozenset(
    map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
)


def _invisible(character: str) -> bool:
    return character.isspace() or character in _INVISIBLE


def mentions_within(mentions: Sequence[EntitySpan], start: int, end: int) -> list[EntitySpan]:
    """Mentions lying wholly inside [start, end). `mentions` must be sorted by start."""
    i = bisect_left([m.start for m in mentions], start)
    inside = []
    for mention in mentions[i:]:
        if mention.start >= end:
            break
        if mention.end <= end:
            inside.append(mention)
    return inside


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def trim_possessive(text: str, start: int, end: int) -> int:
    """End of a mention without a trailing possessive ("North Korea's" → "North Korea"),
    so that counts and filters see one entity, not two spellings of it."""
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix, start, end) and end - len(suffix) > start:
            return end - len(suffix)
    return end
