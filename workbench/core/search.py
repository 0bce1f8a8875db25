"""Where a search's words occur in a text, as the article list's filter matches them: each
word the start of a word of the text (`russ` finds *Russia*), case and diacritics aside
(`cafe` finds *Café*); a word with inner punctuation (`north-korea`) finds those words in a
row. A word of a script written without spaces between words (Chinese, Japanese, Thai…)
is found anywhere, not only at a word's start: there, a "word" is a whole run of text.
Offsets are code points into the text, as everywhere in the core."""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"[^\W_]+")
# Combining marks: in decomposed text (NFD, as some PDFs and Macs write it) part of the
# letter before them, so "de\u0301clare\u0301" is one word that "déclaré" finds.
_MARK = "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
_LETTER = rf"(?:[^\W_]|{_MARK})"
# Scripts written without spaces between words, as ranges of a character class: Thai, Lao,
# Myanmar and Khmer; kana and CJK ideographs (and compatibility ones).
SOUTHEAST_ASIAN_LETTERS = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
HAN_KANA_LETTERS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_UNSPACED = re.compile(f"[{SOUTHEAST_ASIAN_LETTERS}{HAN_KANA_LETTERS}]")


def is_unspaced(word: str) -> bool:
    """A word of a script written without spaces: searched for as a stretch of text."""
    return bool(_UNSPACED.search(word))


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """The stretches of `text` that match a word of `query`, in text order, overlaps merged."""
    folded = fold(text)
    spans = []
    for word in query.split():
        if is_unspaced(word):  # as written: folding would take the marks off kana (が → か)
            spans += [m.span() for m in re.finditer(re.escape(word), text)]
            continue
        tokens = _TOKEN.findall(fold(_unmarked(word)))
        if not tokens:
            continue
        *whole, prefix = map(_spelled, tokens)
        pattern = rf"(?<![^\W_])(?<!{_MARK})" + "".join(rf"{t}(?!{_LETTER})[\W_]+" for t in whole)
        spans += [m.span() for m in re.finditer(rf"{pattern}{prefix}{_LETTER}*", folded)]
    return _merged(sorted(spans))


def comparable(text: str) -> str:
    """The text composed, lowered and without diacritics: to find a stretch in it, as
    `needle in comparable(text)` (its offsets are not the text's)."""
    return text.lower() if text.isascii() else fold(_unmarked(text))


def _unmarked(text: str) -> str:
    """The text without its combining marks, those of composed letters too (é → e), and
    those Unicode has no composed letter for (Yoruba's ọ̀ → o)."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _spelled(token: str) -> str:
    """A pattern of the token's letters, each with any marks that follow it."""
    return "".join(re.escape(letter) + _MARK + "*" for letter in token)


def fold(text: str) -> str:
    """The text lowered and without diacritics, one character for one, so that offsets
    into it are offsets into the text."""
    if text.isascii():
        return text.lower()
    return text.translate(_Folding())


class _Folding(dict):
    """str.translate's table, filled as characters come: each to its base letter, lowered."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        if c.isascii():
            folded = c.lower()
        else:
            base = unicodedata.normalize("NFD", c)[0].casefold()
            folded = base[0] if base else c
        self[code] = folded
        return folded


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
