"""Shingles are read from the first MAX_WORDS words of a body, however the words are spread."""

import re

import numpy as np
import pytest

from workbench.ingest import similarity


def reference(body: str):
    return np.unique(similarity.shingle_hashes(re.findall(r"\w+", body.casefold())[: similarity.MAX_WORDS]))


@pytest.mark.parametrize(
    "body",
    [
        "",
        "one two three four",
        "Officials said the talks would resume. " * 50,
        "word " * (similarity.MAX_WORDS + 7),  # longer than the limit
        "a" + " ...... " * 40_000 + "b c d e f g " * 5_000,  # words far apart: the window grows
        "Straße STRASSE straße ÉTÉ été " * 5_000,  # casefolding changes lengths
        # Words all ASCII, whatever the quotes, dashes and spaces between them
        "France’s “sanctions” widen—again… «vite» U.S.-led talks\u00a0resume at 10:30 a.m. " * 40,
        "Talks resume " * 50 + "at the café",  # one letter beyond ASCII, far in
        "Talks \ud83d resume \udce9 " * 20,  # lone surrogates between words (a broken emoji, a file name)
        "Census ٣ counts Ⅻ and x² ﬁnal ſtate K " * 20,  # digits, numerals and letters that are no ASCII
        "snake_case __init__ a_b " * 20,
    ],
)
def test_shingles_are_those_of_the_first_words(body):
    assert similarity.shingles(body).tolist() == reference(body).tolist()
