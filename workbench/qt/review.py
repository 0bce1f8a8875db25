"""SuggestionReview: working through suggested claims with the keyboard — which one is under
review, next and previous (on to the next article that has some), accept and reject, the
next one coming under review after each decision."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.core.model import Suggestion
from workbench.core.spans import overlaps

if TYPE_CHECKING:
    from workbench.qt.main_window import MainWindow


class SuggestionReview:
    def __init__(self, window: MainWindow):
        self.window = window
        self.suggestions: list[Suggestion] = []  # the open article's, not decided yet
        self.current: int | None = None  # the one under review: an index into `suggestions`

    def load(self, *, current: int | None = None) -> None:
        """Read the open article's pending suggestions; `current` stays under review."""
        w = self.window
        self.suggestions = w.session.suggestions(w.article.id) if w.article else []
        if current is not None:
            current = min(current, len(self.suggestions) - 1) if self.suggestions else None
        self.current = current
        w.reader.set_suggestions(self.suggestions, current)
        w.panel.set_suggestions(self.suggestions, current)

    def show(self, index: int | None) -> None:
        """Put suggestion `index` under review and bring it into view."""
        w = self.window
        if index is not None and w.panel.claim is not None:
            w.select_claim(None)  # one thing at a time is chosen: keys 1–9 act on it
        self.current = index
        w.reader.show_suggestion(index)
        w.panel.select_suggestion(index)
        if index is not None:
            suggestion = self.suggestions[index]
            w.panel.tabs.setCurrentIndex(1)
            w.say(
                f"Suggestion {index + 1} of {len(self.suggestions)}: {suggestion.source or 'unknown source'} "
                f"{suggestion.cue} ({suggestion.stance}). A accepts, 1–9 accepts as a category, X rejects."
            )

    def step(self, step: int) -> None:
        """Next (+1) or previous (-1) suggestion; past the article's last one, on to the next
        article (in list order) that has suggestions."""
        w = self.window
        if self.suggestions:
            target = (0 if step > 0 else len(self.suggestions) - 1) if self.current is None else self.current + step
            if 0 <= target < len(self.suggestions):
                self.show(target)
                return
        pending = w.session.store.pending_suggestion_counts()
        article_id = w.articles.neighbour(w.article.id if w.article else None, step, lambda i: pending.get(i, 0) > 0)
        if article_id is None:
            w.say("No more suggestions." if step > 0 else "No earlier suggestions.")
            return
        w.show_article(article_id)
        self.show(0 if step > 0 else len(self.suggestions) - 1)

    def accept(self, *, index: int | None = None, category: str | None = None) -> None:
        """Make the suggestion under review (or `index`) a claim, with `category` or the one
        last used. Text selected over the suggestion corrects its span first."""
        w = self.window
        suggestion, index = self._chosen(index)
        if suggestion is None:
            return
        selected = w.reader.selection_span()
        span = selected if selected and overlaps(selected, (suggestion.start, suggestion.end)) else None
        made = w.attempt(
            lambda: w.session.accept_suggestion(
                article_id=w.article.id, suggestion=suggestion, span=span, category=category or w.last_category()
            )
        )
        if made is not None:
            w.claim_made(*made)
            self._next(index, f"Accepted as a claim: “{preview(suggestion.text)}”")

    def reject(self, *, index: int | None = None) -> None:
        w = self.window
        suggestion, index = self._chosen(index)
        if suggestion is None:
            return
        w.apply(w.session.reject_suggestion(article_id=w.article.id, suggestion=suggestion))
        self._next(index, "Suggestion rejected (Ctrl+Z brings it back).")

    def _chosen(self, index: int | None) -> tuple[Suggestion | None, int | None]:
        index = self.current if index is None else index
        if self.window.article is None or index is None or not 0 <= index < len(self.suggestions):
            self.window.say("No suggestion selected: N goes to the next one.")
            return None, None
        return self.suggestions[index], index

    def _next(self, index: int, message: str) -> None:
        """After a decision the next suggestion comes under review (the list has shrunk, so
        it has the same index)."""
        self.load()
        if index < len(self.suggestions):
            self.show(index)
        self.window.say(message)


def preview(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
