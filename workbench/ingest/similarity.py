"""Near-duplicates: the same story syndicated with small edits.

A body is the set of its word 5-grams ("shingles"); two bodies are near-duplicates when
those sets overlap enough (Jaccard similarity). Comparing every pair does not scale, so
each body gets a MinHash signature, cut into bands: bodies sharing a band are candidates
(locality-sensitive hashing), and only candidates are compared exactly.

Shingles are 64-bit hashes combined from the words' CRC-32 with numpy, so a body costs a
pass over its words in Python and no string per 5-gram. The signature is a one-permutation
MinHash (Li, Owen & Zhang 2012): each shingle's mixed hash falls in one of 128 bins by its
top bits, and a bin's row is the smallest hash in it — one sort of the shingles instead of
128 hash functions over all of them. A bin no shingle fell in borrows the row of the first
filled bin in a fixed order of its own ("optimal densification", Shrivastava 2017), so two
bodies' rows agree with the probability MinHash promises.

With 32 bands of 4 rows, a pair at similarity 0.5 becomes a candidate with probability
0.87, at 0.6 with 0.99; pairs below 0.3 rarely do.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

SHINGLE_WORDS = 5
BANDS, ROWS = 32, 4
THRESHOLD = 0.5  # Jaccard similarity from which two bodies are flagged
MIN_SHINGLES = 8  # shorter bodies say too little to be compared
MAX_WORDS = 20_000  # a body is compared on its first 20,000 words (a long report's worth)
_WORD = re.compile(r"\w+")
BINS = BANDS * ROWS
# Band keys are stored in projects: every constant below is fixed (no random generator,
# whose stream may change between numpy versions) so they stay comparable.
_MIX = np.uint64(1_000_003)
_BIN_SHIFT = np.uint64(64 - BINS.bit_length() + 1)  # a mixed hash's top 7 bits: its bin of 128
_BIN_NUMBERS = np.arange(BINS, dtype=np.uint64)

_33, _FMIX1, _FMIX2 = np.uint64(33), np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53)


def _mixed(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser: every bit of the result depends on every bit of the value."""
    values = values ^ (values >> _33)
    values *= _FMIX1  # NOTE: array arithmetic wraps silently
    values ^= values >> _33
    values *= _FMIX2
    values ^= values >> _33
    return values


_ROW_WEIGHTS = _mixed(np.arange(1, ROWS + 1, dtype=np.uint64)) | np.uint64(1)
# Bin i's order of bins to borrow from when empty: a fixed permutation of all bins.
_BORROW = np.argsort(_mixed(np.arange(BINS * BINS, dtype=np.uint64) + np.uint64(0x5EED)).reshape(BINS, BINS), axis=1)


def shingles(body: str) -> np.ndarray:
    """Hashes of the body's word 5-grams (of its first MAX_WORDS words), case and
    punctuation ignored: sorted, each once."""
    return np.unique(_grams(_word_hashes(body, MAX_WORDS)))


def body_band_keys(body: str) -> list[int]:
    """band_keys of the body's shingles (without sorting them into a set first)."""
    return band_keys(_grams(_word_hashes(body, MAX_WORDS)))


def shingle_hashes(words: list[str]) -> np.ndarray:
    """Hashes of the 5-grams of `words`, in text order, repeats kept."""
    # NOTE: map() of C functions: no Python frame per word.
    return _grams(np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words)))


def _grams(crc: np.ndarray) -> np.ndarray:
    """Hashes of the 5-grams of words hashed `crc` (each word's CRC-32), in text order."""
    count = len(crc) - SHINGLE_WORDS + 1
    if count <= 0:
        return np.empty(0, dtype=np.uint64)
    grams = crc[:count].copy()  # the first word's step: 0 * _MIX ^ crc
    for k in range(1, SHINGLE_WORDS):
        grams *= _MIX  # NOTE: uint64 arithmetic wraps, as a hash should
        grams ^= crc[k : k + count]
    return grams


def _word_hashes(text: str, count: int) -> np.ndarray:
    """CRC-32 of each of the first `count` words of `text`, casefolded, reading only as much
    of it as needed (a window holding more than `count` words holds the first `count` whole)."""
    window = count * 8
    while True:
        part = text[:window].casefold()
        words = _ascii_words(part)
        if words is None:
            words = list(map(str.encode, _WORD.findall(part)))
        if len(words) > count or window >= len(text):
            words = words[:count]
            return np.fromiter(map(zlib.crc32, words), dtype=np.uint64, count=len(words))
        window *= 4


# Each ASCII byte a word's (\w) as itself, any other as a space.
_ASCII_WORD_BYTES = bytes(b if _WORD.fullmatch(chr(b)) else 0x20 for b in range(128)) + b" " * 128
_ASCII = bytes(range(128))


def _ascii_words(text: str) -> list[bytes] | None:
    """The words of `text` (what `_WORD` finds, as UTF-8), when every letter and digit in it
    is ASCII, as in most English text whatever its quotes and dashes; None when one is not.
    A table of bytes and a split find them several times faster than the pattern, which
    tests every character's Unicode category."""
    data = text.encode("utf-8", "surrogatepass")  # NOTE: a lone surrogate is no word's: kept out of words
    if not text.isascii() and _WORD.search(data.translate(None, _ASCII).decode("utf-8", "surrogatepass")):
        return None  # a word character beyond ASCII ("café"): the pattern reads it
    return data.translate(_ASCII_WORD_BYTES).split()


def band_keys(grams: np.ndarray) -> list[int]:
    """One key per band of the MinHash signature of shingle hashes `grams` (in any order,
    repeats allowed), 64-bit signed as SQLite stores them; empty when the body is too short
    to compare."""
    hashes = np.sort(_mixed(grams))  # distinct grams, distinct hashes: the mix is a bijection
    if len(hashes) < MIN_SHINGLES or 1 + np.count_nonzero(np.diff(hashes)) < MIN_SHINGLES:
        return []
    bins = hashes >> _BIN_SHIFT
    starts = np.empty(len(bins), dtype=bool)  # where a bin's hashes start: sorted, the first is the smallest
    starts[0] = True
    np.not_equal(bins[1:], bins[:-1], out=starts[1:])
    firsts = np.flatnonzero(starts)
    filled = np.zeros(BINS, dtype=bool)
    rows = np.zeros(BINS, dtype=np.uint64)
    filled[bins[firsts]] = True
    rows[bins[firsts]] = hashes[firsts]
    empty = np.flatnonzero(~filled)
    if len(empty):
        order = _BORROW[empty]
        rows[empty] = rows[order[np.arange(len(empty)), filled[order].argmax(axis=1)]]
    # A band's key: its rows weighed by fixed odd numbers, summed (wrapping) and mixed.
    keys = _mixed((rows.reshape(BANDS, ROWS) * _ROW_WEIGHTS).sum(axis=1, dtype=np.uint64))
    return keys.view(np.int64).tolist()


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity of two shingle sets (as `shingles` returns them)."""
    if not len(a) or not len(b):
        return 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared)
