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
    ],
)
def test_shingles_are_those_of_the_first_words(body):
    assert similarity.shingles(body).tolist() == reference(body).tolist()
