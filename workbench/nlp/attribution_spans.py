"""Spans of text in a parsed paragraph: token ranges as trimmed character offsets, and
quotations."""

from __future__ import annotations

import re

QUOTE_MARKS = re.compile('[“”"]')
UNCLOSED = re.compile('[.,!?]?[”"]')
EDGE_PUNCT = frozenset(",;:—–-")


def subtree_bounds(token, drop=()) -> tuple[int, int]:
    """First and last token index of the token's subtree, leaving out the subtrees of the
    children in `drop` when they sit at the subtree's edges."""
    left, right = token.left_edge.i, token.right_edge.i
    dropped = sorted((c.left_edge.i, c.right_edge.i) for c in drop)
    for lo, hi in dropped:
        if lo == left:
            left = hi + 1
    for lo, hi in reversed(dropped):
        if hi == right:
            right = lo - 1
    return left, right


def char_bounds(doc, first: int, last: int) -> tuple[int, int] | None:
    """Character offsets of tokens first..last, without edge punctuation, a leading
    complementiser "that", a final full stop, or quotation marks around the whole span."""
    while first <= last and (doc[first].text in EDGE_PUNCT or doc[first].is_space or _is_that(doc[first])):
        first += 1
    while last >= first and (doc[last].text in EDGE_PUNCT or doc[last].text == "." or doc[last].is_space):
        last -= 1
    if first > last:
        return None
    end = doc[last].idx + len(doc[last].text)
    closing = UNCLOSED.match(doc.text, end)  # “according to plan[.”] — the mark hangs elsewhere
    if closing and _unclosed(doc.text[doc[first].idx : end]):
        end = closing.end()
    return trim_quotes(doc.text, doc[first].idx, end)


def _unclosed(span: str) -> bool:
    return span.count("“") > span.count("”") or span.count('"') % 2 == 1


def _is_that(token) -> bool:
    return token.lower_ == "that" and token.dep_ == "mark"


def trim_quotes(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without quotation marks that enclose all of it (with the comma wire copy
    puts inside the closing mark) and without unpaired marks at its edges."""
    while True:
        before = (start, end)
        while start < end and (text[start].isspace() or text[start] in EDGE_PUNCT):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in EDGE_PUNCT):
            end -= 1
        span = text[start:end]
        opens, closes, straight = span.count("“"), span.count("”"), span.count('"')
        if len(span) > 1 and span[0] in '“"' and span[-1] in '”"' and _first_close(span) == len(span) - 1:
            start, end = start + 1, end - 1
        elif span[:1] == "“" and opens > closes or span[:1] == '"' and straight % 2:
            start += 1
        elif span[-1:] == "”" and closes > opens or span[-1:] == '"' and straight % 2:
            end -= 1
        if (start, end) == before:
            return (start, end) if end > start else None


def _first_close(span: str) -> int:
    return span.find('"', 1) if span[0] == '"' else span.find("”")


def quotations(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inside of each double quotation in the text, curly or straight."""
    found, opened = [], None
    for mark in QUOTE_MARKS.finditer(text):
        i, ch = mark.start(), mark.group()
        if ch == "“" or (ch == '"' and opened is None):
            opened = i
        elif (ch == "”" or ch == '"') and opened is not None:
            found.append((opened + 1, i))
            opened = None
    return found


def quote_around(quotes, start: int, end: int) -> tuple[int, int] | None:
    """The quotation that holds the span [start, end), if any."""
    for q_start, q_end in quotes:
        if q_start <= start and end <= q_end + 1:
            return q_start, q_end
    return None


def token_at(doc, char: int) -> int:
    """Index of the token holding (or starting after) character `char`."""
    for token in doc:
        if token.idx + len(token.text) > char:
            return token.i
    return len(doc) - 1
