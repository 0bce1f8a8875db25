"""An annotated project with the values that break exports: formulas, emoji, quotes,
commas, line breaks."""

import pandas as pd
import pytest

from workbench.ingest.article import build_article

TRICKY = "Headline 😀 “quoted”\n\nKim 😀 said: =SUM(A1), +1, -2, @x, “yes, no”\nnew line; pipes | too, said officials on Friday."


def read(path):
    return pd.read_csv(path, keep_default_na=False, dtype=str)


@pytest.fixture
def annotated(seeded_session):
    s = seeded_session
    article_id = s.store.add_article(build_article("tricky.txt", TRICKY))
    start = TRICKY.index("=SUM")
    claim_a, _ = s.add_claim(
        article_id=article_id, start=start, end=start + 9, note='=HYPERLINK("http://x")', tags="a, b"
    )
    seed = s.article(1)
    kim = seed.text.index("Kim Jong Un")
    claim_b, _ = s.add_claim(
        article_id=1,
        start=kim,
        end=kim + 60,
        category="Intent",
        source="Kim Jong Un",
        stance="asserts",
        status="corroborated",
    )
    return s, claim_a, claim_b
