"""Whether an English pipeline can read a text. NER and the parser trained on English read
other languages as noise (Arabic words taken for people's names, Spanish clauses for
organisations), so articles in other languages are not given to them.

English is told by its function words: in English news they are 28–40% of the words (the
sample corpus and 16 articles of news sites); in Spanish 3.5%, and in the eight other
languages tried, none.
"""

from __future__ import annotations

import re

FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on with as was by it at from he his be are were has have had an this "
    "which but not they their said its will would been or who after she her we i you our more also than "
    "there about".split()
)
ENGLISH_FROM = 0.12  # share of function words from which a text is English
FEWEST_WORDS = 8  # a shorter text is too short to tell: it is read
SAMPLE_CHARS = 4_000  # some 600 words: the opening of a longer text tells its language
_WORD = re.compile(r"[^\W\d_]+")


def looks_english(text: str) -> bool:
    words = _WORD.findall(text[:SAMPLE_CHARS].lower())
    return len(words) < FEWEST_WORDS or sum(w in FUNCTION_WORDS for w in words) >= ENGLISH_FROM * len(words)


def pipeline_reads(pipeline_name: str, text: str) -> bool:
    """Whether the pipeline so named ("en_core_web_sm": spaCy names pipelines by their
    language first) can read the text: an English one, English text only."""
    return not pipeline_name.startswith("en_") or looks_english(text)
