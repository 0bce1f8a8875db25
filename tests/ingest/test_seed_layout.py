"""The five sample articles: metadata and clutter as a reader of each page sees them."""

import pytest

from tests.conftest import SEEDS
from workbench.core.model import Role
from workbench.ingest.files import read_article


def article(prefix):
    return read_article(next(SEEDS.glob(f"{prefix}_*.txt")))


def role_text(a, role):
    return "".join(a.text[s.start : s.end] for s in a.segments if s.role is role)


def test_segments_cover_the_text_exactly():
    for path in sorted(SEEDS.glob("*.txt")):
        a = read_article(path)
        assert a.segments[0].start == 0 and a.segments[-1].end == len(a.text)
        assert all(x.end == y.start for x, y in zip(a.segments, a.segments[1:], strict=False))
        assert a.text == path.read_text(encoding="utf-8")  # kept whole


def test_000_title_date_and_trailing_similar_news():
    a = article("000")
    assert a.title == "North Korea Looks to Strengthen Security Partnership with Russia, Amidst Global Scrutiny"
    assert a.date == "2023-08-16"
    assert role_text(a, Role.CLUTTER).strip() == "Similar News"
    assert "Update: 2023-08-16 05:33 GMT" in role_text(a, Role.META)
    assert "Kim Jong Un" in role_text(a, Role.BODY)


def test_001_everything_from_read_full_article_on_is_clutter():
    a = article("001")
    assert a.title == "North Korea and Russia’s ‘far-reaching’ strategic relationship"
    assert a.date is None
    clutter = role_text(a, Role.CLUTTER)
    assert clutter.startswith("Read Full Article:")
    for piece in ("Share This Article", "Related Articles", "India targets net-zero", "China's climate policy"):
        assert piece in clutter
        assert piece not in role_text(a, Role.BODY)
    assert role_text(a, Role.BODY).rstrip().endswith("have continued unabated.")


def test_002_title_is_derived_from_the_first_sentence():
    a = article("002")
    assert a.origins["title"] == "first sentence of the body"
    assert a.text.startswith(a.title.rstrip("…"))
    assert 3 <= len(a.title.split()) <= 16
    assert a.date is None


def test_003_section_label_byline_date_and_publisher_blurb():
    a = article("003")
    assert a.title == "U.S. Concerned Over Deepening Cooperation Between North Korea and Russia"
    assert a.byline == "BNN Correspondents"
    assert a.date == "2024-01-14"
    meta = role_text(a, Role.META)
    assert "International Relations" in meta.split("\n")[0]
    clutter = role_text(a, Role.CLUTTER)
    assert clutter.startswith("International Relations North Korea United States")
    assert "Founded by visionary entrepreneur" in clutter
    assert "Founded by" not in role_text(a, Role.BODY)
    # the repeated headline under the dateline is metadata, not a second title or body
    assert role_text(a, Role.BODY).lstrip().startswith("The United States has expressed")


def test_004_leading_date_prefix():
    a = article("004")
    assert a.date == "2023-11-07"
    assert a.date_raw == "2023-11-07"
    assert role_text(a, Role.META).strip() == "date 2023-11-07"
    assert role_text(a, Role.BODY).lstrip().startswith("Amidst growing tensions")
    assert a.origins["title"] == "first sentence of the body"


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_body_is_most_of_the_story(prefix):
    a = article(prefix)
    assert len(a.body_text.split()) > 250
