"""Finding where an annotation belongs in a text: at its offsets when the text there is
its quote, else by its quote and the text around it (the W3C TextQuoteSelector rule).

An annotation is placed only where there is no doubt; otherwise the reason is returned,
never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT = 32  # characters of prefix and suffix recorded with a quote

EXACT, MOVED, NOT_FOUND, AMBIGUOUS, NO_QUOTE = "exact", "moved", "not found", "ambiguous", "no quote"


@dataclass(frozen=True)
class Anchoring:
    outcome: str  # exact | moved | not found | ambiguous | no quote
    start: int | None = None
    end: int | None = None
    candidates: tuple[int, ...] = ()  # starts of equally good places, when ambiguous

    @property
    def placed(self) -> bool:
        return self.outcome in (EXACT, MOVED)


def quote_context(text: str, start: int, end: int, width: int = CONTEXT) -> tuple[str, str]:
    """The prefix and suffix recorded with the quote text[start:end]."""
    return text[max(0, start - width) : start], text[end : end + width]


def anchor(
    text: str, quote: str, start: int | None = None, end: int | None = None, prefix: str = "", suffix: str = ""
) -> Anchoring:
    """Where `quote` belongs in `text`: at start–end when the text there is the quote;
    else at its only occurrence; else at the one occurrence whose surroundings match
    `prefix` and `suffix` best. Ties and absences are reported, not resolved."""
    if not quote:
        return Anchoring(NO_QUOTE)
    if start is not None and end is not None and 0 <= start < end <= len(text) and text[start:end] == quote:
        return Anchoring(EXACT, start, end)
    found = _occurrences(text, quote)
    if not found:
        return Anchoring(NOT_FOUND)
    if len(found) > 1:
        scores = {pos: _context_score(text, pos, pos + len(quote), prefix, suffix) for pos in found}
        best = max(scores.values())
        found = [pos for pos in found if scores[pos] == best]
        if best == 0 or len(found) > 1:
            return Anchoring(AMBIGUOUS, candidates=tuple(found))
    return Anchoring(MOVED, found[0], found[0] + len(quote))


def _occurrences(text: str, quote: str) -> list[int]:
    found, pos = [], text.find(quote)
    while pos != -1:
        found.append(pos)
        pos = text.find(quote, pos + 1)
    return found


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many characters of the recorded prefix and suffix surround this occurrence."""
    before, after = text[max(0, start - len(prefix)) : start], text[end : end + len(suffix)]
    left = 0
    while left < min(len(before), len(prefix)) and before[-1 - left] == prefix[-1 - left]:
        left += 1
    right = 0
    while right < min(len(after), len(suffix)) and after[right] == suffix[right]:
        right += 1
    return left + right
