import pytest

from workbench.core.errors import SpanError
from workbench.core.model import ChangeSet, Claim, EntitySpan, normalise_tags
from workbench.core.spans import mentions_within, overlaps, trim_possessive, trim_span
from workbench.core.text import content_hash, normalise_newlines


def test_trim_span_drops_surrounding_white_space():
    text = "  Kim said so.\n"
    assert trim_span(text, 0, len(text)) == (2, 14)


@pytest.mark.parametrize("start,end", [(-1, 3), (3, 2), (0, 99)])
def test_trim_span_refuses_spans_outside_the_text(start, end):
    with pytest.raises(SpanError):
        trim_span("short", start, end)


def test_trim_span_drops_invisible_characters_at_the_edges_only():
    text = "\u200bKim\u200d said\u00ad\u200e \ufeff"
    start, end = trim_span(text, 0, len(text))
    assert text[start:end] == "Kim\u200d said"  # a joiner inside stays
    with pytest.raises(SpanError):
        trim_span("a\u200b\u2060\u200fb", 1, 4)  # nothing visible


@pytest.mark.parametrize(
    "visible",
    [
        "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",  # 🏴 of Scotland: its tags
        "\u0600\u0661\u0662\u0663",  # the Arabic number sign, drawn over the digits after it
    ],
)
def test_trim_span_keeps_characters_of_the_format_category_that_are_drawn(visible):
    text = f"{visible} waved"
    assert trim_span(text, 0, len(text)) == (0, len(text))
    text = f"waved {visible}"
    assert trim_span(text, 0, len(text)) == (0, len(text))


def test_trim_span_refuses_white_space_only():
    with pytest.raises(SpanError, match="no words"):
        trim_span("a   b", 1, 4)


def test_mentions_within_keeps_only_mentions_wholly_inside():
    mentions = [
        EntitySpan(0, 4, "GPE", "Kyiv"),
        EntitySpan(10, 15, "PERSON", "Putin"),
        EntitySpan(20, 26, "GPE", "Moscow"),
    ]
    assert mentions_within(mentions, 5, 22) == [mentions[1]]
    assert mentions_within(mentions, 0, 26) == mentions


def test_overlaps():
    assert overlaps((0, 5), (4, 9))
    assert not overlaps((0, 5), (5, 9))


@pytest.mark.parametrize(
    "text,expected", [("North Korea's", "North Korea"), ("Russia’s", "Russia"), ("Reuters'", "Reuters"), ("Kim", "Kim")]
)
def test_trim_possessive(text, expected):
    assert text[: trim_possessive(text, 0, len(text))] == expected


def test_normalise_newlines_only_touches_line_ends():
    assert normalise_newlines("a\r\nb\rc\n\u2028d") == "a\nb\nc\n\u2028d"


def test_content_hash_is_stable_and_distinguishes():
    assert content_hash("abc") == content_hash("abc") != content_hash("abd")


def test_tags_are_normalised():
    assert normalise_tags(" troops,  Kursk ,,troops") == ("troops", "Kursk")
    assert Claim(1, 0, 3, "abc", "Event").with_changes(tags=["a", " a ", "b  c"]).tags == ("a", "b c")


def test_claim_refuses_unknown_fields():
    with pytest.raises(ValueError):
        Claim(1, 0, 3, "abc", "Event").with_changes(quote="other")


def test_changeset_union_and_truth():
    assert not ChangeSet()
    merged = ChangeSet(claims_changed=frozenset({1})) | ChangeSet(entities_changed=frozenset({2}), schema_changed=True)
    assert merged.claims_changed == {1} and merged.entities_changed == {2} and merged.schema_changed
    assert merged.article_list_touched
