"""Code points ↔ UTF-16, the one conversion at the Qt boundary (no Qt needed to test it)."""

from hypothesis import given
from hypothesis import strategies as st

from workbench.qt.offsets import OffsetMap


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_emoji_and_astral_characters():
    text = "a😀b𝄞c👩‍👩‍👧 d"
    offsets = OffsetMap(text)
    for i in range(len(text) + 1):
        assert offsets.to_qt(i) == utf16_len(text[:i])
        assert offsets.from_qt(offsets.to_qt(i)) == i
    assert offsets.qt_length == utf16_len(text)


def test_position_inside_a_surrogate_pair_maps_to_its_character():
    offsets = OffsetMap("x😀y")
    assert offsets.from_qt(2) == 1


def test_bmp_only_text_is_identity():
    offsets = OffsetMap("Pyongyang – Москва “quoted” \u2028 é")
    assert [offsets.to_qt(i) for i in range(5)] == list(range(5))


@given(st.text())
def test_round_trip_for_any_text(text):
    offsets = OffsetMap(text)
    for i in range(len(text) + 1):
        q = offsets.to_qt(i)
        assert q == utf16_len(text[:i])
        assert offsets.from_qt(q) == i
