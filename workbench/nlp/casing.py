"""Headline capitals lowered for NER.

News headlines and subheadings are often in Title Case ("Federal Reserve Holds Rates
Steady"), and a recogniser trained on running text reads a run of capitalised words as
one name ("Federal Reserve Holds"). Before NER, the title-cased lines of an article get
the capitals of their common words lowered and keep those of names ("Apple unveils new
iPhone"). The rest of the article tells which is which: a word is common when it is
written in lower case there more often than capitalised within a sentence, or not
written there at all, in any form (a news story repeats its headline's names; a form
capitalised within a sentence, "Russians" for "Russian", or at a sentence's start,
keeps the capital). Only the case of first letters changes, so every offset stays the
same, and mentions are cut from the original text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_WORD = re.compile(r"[^\W\d_]\w*(?:['’.\-][^\W\d_]\w*)*")
# Left in lower case by most headline styles: not evidence either way.
_MINOR = frozenset(
    "a an and as at but by for from if in into nor of off on onto or per so the to up via vs with yet".split()
)
_OPENERS = "\"'“‘([«"
_SENTENCE_END = ".!?…:"
_MIN_WORDS = 4
_TITLED_SHARE = 0.7  # of a line's words after the first, not minor


def lowered_for_ner(runs: list[tuple[int, str]]) -> list[str]:
    """The texts of an article's runs (offset, text), as NER should read them: the same
    texts, but for the common words of title-cased lines, lowered."""
    texts = [text for _, text in runs]
    lines = [[(line, is_title_cased(line)) for line in text.splitlines(keepends=True)] for text in texts]
    if not any(titled for text in lines for _, titled in text):
        return texts
    counts = _case_counts(line for text in lines for line, titled in text if not titled)
    return ["".join(_lowered(line, *counts) if titled else line for line, titled in text) for text in lines]


def is_title_cased(line: str) -> bool:
    """A headline-like line: no sentence end, most words after the first capitalised."""
    stripped = line.rstrip()
    if not stripped or stripped[-1] in ".!?…":
        return False
    words = [w for w in _WORD.findall(stripped)[1:] if w.casefold() not in _MINOR]
    if len(words) < _MIN_WORDS - 1:
        return False
    return sum(w[0].isupper() for w in words) >= _TITLED_SHARE * len(words)


def _case_counts(lines: Iterable[str]) -> tuple[Counter, Counter, set, set]:
    """How often each word (_key) is written capitalised within a sentence, and in lower
    case; the words seen capitalised where a sentence starts; and the stems of the words
    written capitalised within a sentence."""
    capital, lower, initial = Counter(), Counter(), set()
    for line in lines:
        for match in _WORD.finditer(line):
            word = match.group()
            key = _key(word)
            if word[0].islower():
                lower[key] += 1
            elif _starts_sentence(line, match.start()):
                initial.add(key)
            else:
                capital[key] += 1
    return capital, lower, initial, {_stem(key) for key in capital}


def _key(word: str) -> str:
    """The word casefolded, without a possessive ending: "Putin's" is "putin"."""
    key = word.casefold()
    return key[:-2] if key.endswith(("'s", "’s")) else key


def _stem(key: str) -> str:
    """A crude stem, enough to tell that "Russians" and "Russian" are one word."""
    for suffix in ("ing", "ed", "es", "s"):
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            key = key[: -len(suffix)]
            break
    return key[:-1] if key.endswith("e") and len(key) > 3 else key


def _starts_sentence(line: str, at: int) -> bool:
    i = at - 1
    while i >= 0 and (line[i].isspace() or line[i] in _OPENERS):
        i -= 1
    return i < 0 or line[i] in _SENTENCE_END


def _lowered(line: str, capital: Counter, lower: Counter, initial: set, capital_stems: set) -> str:
    """The title-cased line with the capitals of its common words lowered, if the article
    writes at least one of its capitalised words in lower case: a line of names alone
    ("Additional Reporting: John Smith, Jane Doe") is left as it is."""
    chars, evidence = list(line), False
    for match in list(_WORD.finditer(line))[1:]:
        word = match.group()
        if not word[0].isupper() or any(c.isupper() for c in word[1:]):
            continue  # lower case already, an acronym (NATO, U.S.) or a name like McCain
        key = _key(word)
        if capital[key] or lower[key]:
            common = lower[key] > capital[key]
            evidence |= common
        else:
            common = key not in initial and _stem(key) not in capital_stems
        first = word[0].lower()
        if common and len(first) == 1:
            chars[match.start()] = first
    return "".join(chars) if evidence else line
