"""Session: one open project as the GUI and the command line use it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.core.model import Article, ArticleSummary, ChangeSet, Claim, ClaimSchema, EntityCount, EntitySpan
from workbench.core.spans import trim_span
from workbench.services.commands import AddClaim, CommandStack, DeleteClaim, EditClaim
from workbench.store import ProjectStore

# Who can make a claim: the mention types offered as a claim's source.
SOURCE_LABELS = ("PERSON", "ORG", "GPE", "NORP")
CURRENT_ARTICLE_KEY = "current_article_id"
CURRENT_CLAIM_KEY = "current_claim_id"


class Session:
    """An open project: reads for the views, and the edits, each committed when made."""

    def __init__(self, store: ProjectStore):
        self.store = store
        self.commands = CommandStack()
        self._schema: ClaimSchema | None = None

    @property
    def path(self) -> Path:
        return self.store.path

    def close(self) -> None:
        self.store.close()

    # -- reading -------------------------------------------------------------------------

    @property
    def schema(self) -> ClaimSchema:
        if self._schema is None:
            self._schema = self.store.schema()
        return self._schema

    def article_summaries(self) -> list[ArticleSummary]:
        return self.store.article_summaries()

    def article(self, article_id: int) -> Article:
        article = self.store.article(article_id)
        if article is None:
            raise WorkbenchError(f"There is no article {article_id} in this project.")
        return article

    def entities(self, article_id: int) -> list[EntitySpan]:
        return self.store.entities(article_id)

    def claims(self, article_id: int | None = None) -> list[Claim]:
        return self.store.claims(article_id)

    def claim(self, claim_id: int) -> Claim | None:
        return self.store.claim(claim_id)

    def search_articles(self, query: str) -> list[int]:
        return self.store.search_articles(query)

    def articles_mentioning(self, text: str, label: str) -> list[int]:
        return self.store.articles_mentioning(text, label)

    def top_entities(self, limit: int, *, article_id: int | None = None, labels=None) -> list[EntityCount]:
        return self.store.top_entities(limit, article_id=article_id, labels=labels)

    def source_candidates(self, article_id: int) -> list[str]:
        """Who may make a claim in this article: its people, organisations, places and
        groups, most mentioned first."""
        counts = Counter(m.text for m in self.store.entities(article_id) if m.label in SOURCE_LABELS)
        return [text for text, _ in counts.most_common()]

    # -- where the user was --------------------------------------------------------------

    @property
    def current_article_id(self) -> int | None:
        value = self.store.get_meta(CURRENT_ARTICLE_KEY)
        return int(value) if value and value.isdigit() else None

    def set_current_article(self, *, article_id: int | None) -> None:
        self.store.set_meta(CURRENT_ARTICLE_KEY, None if article_id is None else str(article_id))

    @property
    def current_claim_id(self) -> int | None:
        value = self.store.get_meta(CURRENT_CLAIM_KEY)
        return int(value) if value and value.isdigit() else None

    def set_current_claim(self, *, claim_id: int | None) -> None:
        self.store.set_meta(CURRENT_CLAIM_KEY, None if claim_id is None else str(claim_id))

    # -- editing claims ------------------------------------------------------------------

    def add_claim(
        self,
        *,
        article_id: int,
        start: int,
        end: int,
        category: str | None = None,
        source: str = "",
        stance: str | None = None,
        status: str | None = None,
        tags=(),
        note: str = "",
    ) -> tuple[Claim, ChangeSet]:
        """Make a claim of the text between `start` and `end` (code points; surrounding white
        space is dropped). Returns the stored claim and what changed."""
        article = self.article(article_id)
        start, end = trim_span(article.text, start, end)
        schema = self.schema
        claim = Claim(
            article_id=article_id,
            start=start,
            end=end,
            quote=article.text[start:end],
            category=category or (schema.category_names[0] if schema.categories else "Claim"),
            source=source.strip(),
            stance=stance or (schema.stances[0] if schema.stances else "asserts"),
            status=status or (schema.statuses[0] if schema.statuses else "unverified"),
        ).with_changes(tags=tags, note=note)
        self._check_vocabulary(claim)
        command = AddClaim(claim)
        changes = self.commands.push(command, self.store)
        return command.claim, changes

    def edit_claim(self, *, claim_id: int, **changes) -> ChangeSet:
        """Change editable fields (category, source, stance, status, tags, note) of a claim.
        An edit that changes nothing records nothing."""
        before = self._existing(claim_id)
        after = before.with_changes(**changes)
        if after == before:
            return ChangeSet()
        self._check_vocabulary(after)
        return self.commands.push(EditClaim(before, after), self.store)

    def delete_claim(self, *, claim_id: int) -> ChangeSet:
        return self.commands.push(DeleteClaim(self._existing(claim_id)), self.store)

    def undo(self) -> ChangeSet:
        return self.commands.undo(self.store)

    def redo(self) -> ChangeSet:
        return self.commands.redo(self.store)

    def _existing(self, claim_id: int) -> Claim:
        claim = self.store.claim(claim_id)
        if claim is None:
            raise WorkbenchError(f"Claim {claim_id} no longer exists.")
        return claim

    def _check_vocabulary(self, claim: Claim) -> None:
        schema = self.schema
        for field, allowed in (
            ("category", schema.category_names),
            ("stance", schema.stances),
            ("status", schema.statuses),
        ):
            value = getattr(claim, field)
            if allowed and value not in allowed:
                raise WorkbenchError(f"“{value}” is not a {field} of this project ({', '.join(allowed)}).")
