"""Near-duplicates: the same story syndicated with small edits.

A body is the set of its word 5-grams ("shingles"); two bodies are near-duplicates when
those sets overlap enough (Jaccard similarity). Comparing every pair does not scale, so
each body gets a MinHash signature, cut into bands: bodies sharing a band are candidates
(locality-sensitive hashing), and only candidates are compared exactly.

Shingles are 64-bit hashes combined from the words' CRC-32 with numpy, so a body costs a
pass over its words in Python and no string per 5-gram; the MinHash permutations are
universal hashes ((a·x + b) mod p) applied to all shingles at once.

With 32 bands of 4 rows, a pair at similarity 0.5 becomes a candidate with probability
0.87, at 0.6 with 0.99; pairs below 0.3 rarely do.
"""

from __future__ import annotations

import hashlib
import re
import zlib

import numpy as np

SHINGLE_WORDS = 5
BANDS, ROWS = 32, 4
THRESHOLD = 0.5  # Jaccard similarity from which two bodies are flagged
MIN_SHINGLES = 8  # shorter bodies say too little to be compared
MAX_WORDS = 20_000  # a body is compared on its first 20,000 words (a long report's worth)
_WORD = re.compile(r"\w+")
# Band keys are stored in projects: the constants and seed are fixed so they stay comparable.
_PRIME = np.uint64(4_294_967_291)  # the largest prime below 2^32: (a·x + b) stays below 2^64
_MIX = np.uint64(1_000_003)
_RANDOM = np.random.default_rng(20261123)
_A = _RANDOM.integers(1, int(_PRIME), BANDS * ROWS, dtype=np.uint64)
_B = _RANDOM.integers(0, int(_PRIME), BANDS * ROWS, dtype=np.uint64)
_LOW32 = np.uint64(0xFFFFFFFF)


def shingles(body: str) -> np.ndarray:
    """Hashes of the body's word 5-grams (of its first MAX_WORDS words), case and
    punctuation ignored: sorted, each once."""
    return shingle_hashes(_first_words(body, MAX_WORDS))


def shingle_hashes(words: list[str]) -> np.ndarray:
    if len(words) < SHINGLE_WORDS:
        return np.empty(0, dtype=np.uint64)
    # NOTE: map() of C functions: no Python frame per word.
    crc = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))
    count = len(words) - SHINGLE_WORDS + 1
    grams = np.zeros(count, dtype=np.uint64)
    for k in range(SHINGLE_WORDS):
        grams = grams * _MIX ^ crc[k : k + count]  # NOTE: uint64 arithmetic wraps, as a hash should
    return np.unique(grams)


def _first_words(text: str, count: int) -> list[str]:
    """The first `count` words of `text`, casefolded, reading only as much of it as needed
    (a window holding more than `count` words holds the first `count` whole)."""
    window = count * 8
    while True:
        words = _WORD.findall(text[:window].casefold())
        if len(words) > count or window >= len(text):
            return words[:count]
        window *= 4


def band_keys(grams: np.ndarray) -> list[int]:
    """One key per band of the MinHash signature (64-bit signed, as SQLite stores them);
    empty when the body is too short to compare."""
    if len(grams) < MIN_SHINGLES:
        return []
    folded = (grams & _LOW32) ^ (grams >> np.uint64(32))  # below 2^32, so a·x + b cannot overflow
    signature = ((np.multiply.outer(folded, _A) + _B) % _PRIME).min(axis=0).astype(np.uint32).tobytes()
    band = ROWS * 4  # bytes: a band's rows, as uint32
    return [
        int.from_bytes(hashlib.blake2b(signature[at : at + band], digest_size=8).digest(), "big") - (1 << 63)
        for at in range(0, BANDS * band, band)
    ]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity of two shingle sets (as `shingles` returns them)."""
    if not len(a) or not len(b):
        return 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared)
