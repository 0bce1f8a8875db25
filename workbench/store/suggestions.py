"""Suggested claims, which pipeline proposed them, and the analyst's decisions on them.

Decisions are kept apart from suggestions: re-analysis replaces an article's suggestions,
but one the analyst rejected is not proposed again, and one accepted is not shown twice.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from workbench.core.model import Suggestion
from workbench.store.claims import now

_COLUMNS = "start, end, text, source, source_start, source_end, stance, cue"
# A decision is about one statement from one speaker.
_SAME = "d.article_id = s.article_id AND d.start = s.start AND d.end = s.end AND d.source = s.source"


class SuggestionStore:
    """Mixed into ProjectStore: needs `_db`, `transaction()`, `_model_id()`, `holds_text()` and `analyst`."""

    def articles_to_suggest(self, model_name: str, model_version: str) -> list[int]:
        """Articles without suggestions from this pipeline and rules on their current text."""
        rows = self._db.execute(
            "SELECT a.id FROM articles a LEFT JOIN suggestion_runs r ON r.article_id = a.id"
            " LEFT JOIN models m ON m.id = r.model_id"
            " WHERE r.article_id IS NULL OR r.text_hash != a.text_hash OR m.name != ? OR m.version != ?"
            " ORDER BY a.id",
            (model_name, model_version),
        )
        return [row[0] for row in rows]

    def save_suggestions(
        self, article_id: int, text_hash: str, suggestions: Sequence[Suggestion], model_name: str, model_version: str
    ) -> None:
        with self.transaction() as db:
            if not self.holds_text(article_id, text_hash):
                return  # removed while it was being analysed
            model_id = self._model_id(model_name, model_version)
            db.execute("DELETE FROM suggestions WHERE article_id = ?", (article_id,))
            db.executemany(
                f"INSERT INTO suggestions(article_id, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (article_id, s.start, s.end, s.text, s.source, s.source_start, s.source_end, s.stance, s.cue)
                    for s in suggestions
                ],
            )
            db.execute(
                "INSERT OR REPLACE INTO suggestion_runs(article_id, model_id, text_hash, analysed_at) VALUES (?, ?, ?, ?)",
                (article_id, model_id, text_hash, now()),
            )

    def suggestions(self, article_id: int, *, pending: bool = True) -> list[Suggestion]:
        """The article's suggestions in text order; by default only those not decided yet."""
        undecided = f" AND NOT EXISTS (SELECT 1 FROM suggestion_decisions d WHERE {_SAME})" if pending else ""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM suggestions s WHERE s.article_id = ?{undecided} ORDER BY s.start, s.end",
            (article_id,),
        )
        return [Suggestion(*row) for row in rows]

    def pending_suggestion_counts(self) -> dict[int, int]:
        rows = self._db.execute(
            "SELECT s.article_id, count(*) FROM suggestions s WHERE NOT EXISTS (SELECT 1 FROM suggestion_decisions d"
            f" WHERE {_SAME}) GROUP BY s.article_id"
        )
        return dict(rows)

    def all_suggestions(self) -> Iterator[tuple[int, str, Suggestion, str | None]]:
        """(article_id, source_file, suggestion, decision or None) for every suggestion."""
        rows = self._db.execute(
            f"SELECT s.article_id, a.source_file, {', '.join('s.' + c.strip() for c in _COLUMNS.split(','))}, d.decision"
            " FROM suggestions s JOIN articles a ON a.id = s.article_id"
            f" LEFT JOIN suggestion_decisions d ON {_SAME}"
            " ORDER BY s.article_id, s.start, s.end"
        )
        for row in rows:
            yield row[0], row[1], Suggestion(*row[2:10]), row[10]

    def decide_suggestion(self, article_id: int, suggestion: Suggestion, decision: str, claim_id: int | None) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO suggestion_decisions(article_id, start, end, source, decision, claim_id, at,"
                " analyst) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    suggestion.start,
                    suggestion.end,
                    suggestion.source,
                    decision,
                    claim_id,
                    now(),
                    self.analyst,
                ),
            )

    def undecide_suggestion(self, article_id: int, suggestion: Suggestion) -> None:
        with self.transaction() as db:
            db.execute(
                "DELETE FROM suggestion_decisions WHERE article_id = ? AND start = ? AND end = ? AND source = ?",
                (article_id, suggestion.start, suggestion.end, suggestion.source),
            )
