"""Session: one open project as the GUI and the command line use it."""

from __future__ import annotations

import logging
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.core.model import (
    Actor,
    Article,
    ArticleSummary,
    ChangeSet,
    Claim,
    ClaimSchema,
    EntityCount,
    EntitySpan,
    HistoryEntry,
    Suggestion,
)
from workbench.core.spans import trim_span
from workbench.services.commands import (
    AddClaim,
    CommandStack,
    Compound,
    CorrectArticle,
    DecideSuggestion,
    DeleteClaim,
    EditActors,
    EditClaim,
    RemoveArticles,
)
from workbench.services.schema_edits import Replacements, plan_schema_change, usage
from workbench.store import ProjectStore
from workbench.store.article_list import ArticleListStore

# Who can make a claim: the mention types offered as a claim's source.
SOURCE_LABELS = ("PERSON", "ORG", "GPE", "NORP")
CURRENT_ARTICLE_KEY = "current_article_id"
CURRENT_CLAIM_KEY = "current_claim_id"

log = logging.getLogger(__name__)


class Session:
    """An open project: reads for the views, and the edits, each committed when made."""

    def __init__(self, store: ProjectStore, *, analyst: str = ""):
        self.store = store
        self.commands = CommandStack()
        self._schema: ClaimSchema | None = None
        self._schema_version = -1  # the project's data_version when the schema was read
        self.analyst = analyst

    @property
    def analyst(self) -> str:
        """Who is working: recorded on new claims and in every claim's history."""
        return self.store.analyst

    @analyst.setter
    def analyst(self, name: str) -> None:
        self.store.analyst = " ".join(name.split())

    @property
    def path(self) -> Path:
        return self.store.path

    def close(self) -> None:
        self.store.close()

    # -- reading -------------------------------------------------------------------------

    @property
    def schema(self) -> ClaimSchema:
        # NOTE: re-read when another connection (a second window, the command line) changed
        # the project: claims are checked against it, and must not take a category renamed
        # or deleted there.
        version = self.store.data_version()
        if self._schema is None or version != self._schema_version:
            self._schema, self._schema_version = self.store.schema(), version
        return self._schema

    def article_summaries(self) -> list[ArticleSummary]:
        return self.store.article_summaries()

    @property
    def article_list(self) -> ArticleListStore:
        """What the article list reads, a page at a time: counts, ids in order, summaries."""
        return self.store

    def article(self, article_id: int) -> Article:
        article = self.store.article(article_id)
        if article is None:
            raise WorkbenchError(f"There is no article {article_id} in this project.")
        return article

    def near_duplicates(self, article_id: int) -> list[tuple[int, str, float]]:
        """(id, title, similarity 0–1) of the articles telling nearly the same story."""
        return self.store.near_duplicates(article_id)

    def entities(self, article_id: int) -> list[EntitySpan]:
        return self.store.entities(article_id)

    def claims(self, article_id: int | None = None) -> list[Claim]:
        return self.store.claims(article_id)

    def claim(self, claim_id: int) -> Claim | None:
        return self.store.claim(claim_id)

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

    def set_position(self, *, article_id: int | None, claim_id: int | None) -> None:
        """Remember the open article and claim, in one write (one disk sync per switch);
        none when they are the ones remembered (a project reopening where it was left)."""
        if (article_id, claim_id) == (self.current_article_id, self.current_claim_id):
            return
        try:
            with self.store.transaction():
                self.set_current_article(article_id=article_id)
                self.set_current_claim(claim_id=claim_id)
        except (WorkbenchError, sqlite3.Error) as exc:
            # NOTE: a convenience for the next opening: reading a read-only project (or one
            # moved away) must not fail on every article shown. Edits still say why.
            log.info("the open article is not remembered: %s", exc)

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
        claim = self._new_claim(article_id, start, end, category, source, stance, status).with_changes(
            tags=tags, note=note
        )
        command = AddClaim(self._linked(claim))
        changes = self._push(command)
        return command.claim, changes

    def edit_claim(self, *, claim_id: int, **changes) -> ChangeSet:
        """Change editable fields (category, source, stance, status, tags, note) of a claim;
        a new source is linked to the article's mention of it. An edit that changes nothing
        records nothing."""
        before = self._existing(claim_id)
        if isinstance(changes.get("source"), str):
            # as a new claim's: the actor is made under this spelling, and claims find
            # their actor by it (a doubled space kept them apart)
            changes["source"] = " ".join(changes["source"].split())
        after = before.with_changes(**changes)
        if "source" in changes and "source_start" not in changes:
            after = self._linked(after)
        if after == before:
            return ChangeSet()
        self._check_vocabulary(after)
        return self._push(EditClaim(before, after))

    def delete_claim(self, *, claim_id: int) -> ChangeSet:
        return self._push(DeleteClaim(self._existing(claim_id)))

    def history(self, claim_id: int) -> list[HistoryEntry]:
        return self.store.history(claim_id)

    def undo(self) -> ChangeSet:
        return self._fresh(self.commands.undo(self.store))

    def redo(self) -> ChangeSet:
        return self._fresh(self.commands.redo(self.store))

    # -- articles ------------------------------------------------------------------------

    def remove_articles(self, *, article_ids: Iterable[int]) -> ChangeSet:
        """Take articles out of the project, with their mentions, claims and suggestions.
        One undoable step."""
        from workbench.services.duplicates import band_keys_of  # NOTE: lazy: numpy is not needed to start

        articles = [self.store.article(i) for i in set(article_ids)]
        articles = [a for a in articles if a is not None]
        if not articles:
            return ChangeSet()
        label = "Remove article" if len(articles) == 1 else f"Remove {len(articles):,} articles"
        keys = {a.id: band_keys_of(a) for a in articles}
        return self._push(RemoveArticles(keys, label))

    # -- the claim schema ----------------------------------------------------------------

    def change_schema(self, *, schema: ClaimSchema, replacements: Replacements | None = None) -> ChangeSet:
        """Replace the claim schema; `replacements` says where the claims of dropped values go
        ((kind, old) → new value, or None to delete those claims). One undoable step."""
        command = plan_schema_change(self.store.claims(), self.schema, schema, replacements or {})
        return self._push(command)

    def schema_usage(self) -> Counter:
        """How many claims use each (kind, value) of the schema."""
        return usage(self.store.claims())

    # -- actors --------------------------------------------------------------------------

    def actors(self) -> list[Actor]:
        return self.store.actors()

    def merge_actors(self, *, target_id: int, source_ids: Iterable[int]) -> ChangeSet:
        """Make the actors `source_ids` aliases of `target_id` (one undoable step)."""
        before = self.store.actors()
        by_id = {a.id: a for a in before}
        sources = [by_id[i] for i in source_ids if i in by_id and i != target_id]
        if target_id not in by_id or not sources:
            return ChangeSet()
        target = by_id[target_id]
        merged = replace(
            target, aliases=tuple(sorted({*target.aliases, *(a for s in sources for a in s.aliases)}, key=str.casefold))
        )
        after = [merged if a.id == target_id else a for a in before if a not in sources]
        return self._push(EditActors(before, after, "Merge actors"))

    def rename_actor(self, *, actor_id: int, name: str) -> ChangeSet:
        """Call the actor `name` (which also becomes one of its aliases)."""
        name = " ".join(name.split())
        before = self.store.actors()
        actor = next((a for a in before if a.id == actor_id), None)
        if actor is None or not name or name == actor.name:
            return ChangeSet()
        owner = self.store.actor_named(name)
        if owner is not None and owner.id != actor_id:
            raise WorkbenchError(f"“{name}” is already a name of the actor “{owner.name}”: merge the two instead.")
        renamed = replace(actor, name=name, aliases=tuple(sorted({*actor.aliases, name}, key=str.casefold)))
        after = [renamed if a.id == actor_id else a for a in before]
        return self._push(EditActors(before, after, "Rename actor"))

    def detach_alias(self, *, alias: str) -> ChangeSet:
        """Split `alias` off its actor into an actor of its own (undoes a wrong merge)."""
        before = self.store.actors()
        actor = next((a for a in before if alias.casefold() in {x.casefold() for x in a.aliases}), None)
        if actor is None or len(actor.aliases) < 2:
            return ChangeSet()
        rest = tuple(a for a in actor.aliases if a.casefold() != alias.casefold())
        name = actor.name if actor.name.casefold() != alias.casefold() else rest[0]
        new_id = max(a.id for a in before) + 1
        after = [replace(a, name=name, aliases=rest) if a.id == actor.id else a for a in before]
        after.append(Actor(new_id, alias, (alias,)))
        return self._push(EditActors(before, after, "Split actor"))

    def find_claims(self, *, actor_id: int | None = None, **filters) -> list[Claim]:
        """Claims across the project matching every filter (see ProjectStore.find_claims);
        `actor_id` finds the claims made under any of the actor's names."""
        return self.store.find_claims(**self.claim_filters(actor_id=actor_id, **filters))

    def claim_filters(self, *, actor_id: int | None = None, **filters) -> dict:
        """The filters as ProjectStore.find_claims takes them: an actor as its names."""
        if actor_id is not None:
            actor = self.store.actor(actor_id)
            filters["sources"] = list(actor.aliases) if actor else []
        return filters

    # -- suggestions ---------------------------------------------------------------------

    def suggestions(self, article_id: int) -> list[Suggestion]:
        """Suggestions of the article not accepted or rejected yet, in text order."""
        return self.store.suggestions(article_id)

    def accept_suggestion(
        self, *, article_id: int, suggestion: Suggestion, span: tuple[int, int] | None = None, **fields
    ) -> tuple[Claim, ChangeSet]:
        """Make the suggestion a claim with its proposed source and stance (and any `fields`
        given, e.g. a category), as one undoable step; `span` (start, end) replaces the
        proposed claim span when the analyst corrected it. Returns the claim and what changed."""
        stance = fields.pop("stance", None) or suggestion.stance
        if stance not in self.schema.stances:
            stance = None
        start, end = span or (suggestion.start, suggestion.end)
        claim = self._new_claim(article_id, start, end, fields.pop("category", None), suggestion.source, stance, None)
        claim = replace(claim, source_start=suggestion.source_start, source_end=suggestion.source_end)
        claim = claim.with_changes(**fields) if fields else claim
        add = AddClaim(claim, action="created from a suggestion")
        decide = DecideSuggestion(article_id, suggestion, "accepted", add=add)
        changes = self._push(Compound([add, decide], "Accept suggestion"))
        self.store.ensure_actor(add.claim.source)
        return add.claim, changes

    def reject_suggestion(self, *, article_id: int, suggestion: Suggestion) -> ChangeSet:
        """Reject the suggestion: it is not proposed again (undoable)."""
        return self._push(DecideSuggestion(article_id, suggestion, "rejected"))

    # -- internals -----------------------------------------------------------------------

    def run_command(self, command) -> ChangeSet:
        """Do a command (e.g. an import of annotations) on the session's stack, so that one
        undo takes it back; returns what changed."""
        return self._push(command)

    def _push(self, command) -> ChangeSet:
        return self._fresh(self.commands.push(command, self.store))

    def _fresh(self, changes: ChangeSet) -> ChangeSet:
        if changes.schema_changed:
            self._schema = None  # re-read on next use
        return changes

    def _new_claim(self, article_id, start, end, category, source, stance, status) -> Claim:
        article = self.article(article_id)
        start, end = trim_span(article.text, start, end)
        schema = self.schema
        claim = Claim(
            article_id=article_id,
            start=start,
            end=end,
            quote=article.text[start:end],
            category=category or (schema.category_names[0] if schema.categories else "Claim"),
            source=" ".join(source.split()),
            stance=stance or (schema.stances[0] if schema.stances else "asserts"),
            status=status or (schema.statuses[0] if schema.statuses else "unverified"),
        )
        self._check_vocabulary(claim)
        return claim

    def _linked(self, claim: Claim) -> Claim:
        """The claim with its source linked to the mention of that source in the article
        nearest the claim (inside it first, then before it, then after), and the source
        known as an actor. A source that is not a mention keeps its free text only."""
        if not claim.source:
            return replace(claim, source_start=None, source_end=None)
        self.store.ensure_actor(claim.source)
        actor = self.store.actor_named(claim.source)
        names = {n.casefold() for n in (actor.aliases if actor else (claim.source,))}
        mentions = [m for m in self.store.entities(claim.article_id) if m.text.casefold() in names]
        if not mentions:
            return replace(claim, source_start=None, source_end=None)

        def distance(m):
            if claim.start <= m.start and m.end <= claim.end:
                return (0, 0)
            return (1, claim.start - m.end) if m.end <= claim.start else (2, m.start - claim.end)

        best = min(mentions, key=distance)
        return replace(claim, source_start=best.start, source_end=best.end)

    def correct_article(self, *, article_id: int, **changes: str | None) -> ChangeSet:
        """Correct an article's title, date or site (undoable; the imported values are kept
        and exports use the corrected ones). Returns what changed: nothing when the values
        are already those."""
        from workbench.services.metadata import corrected  # NOTE: here, as its date patterns are slow to compile

        before = self.article(article_id)
        after = corrected(before, **changes)
        if after == before:
            return ChangeSet()
        return self.commands.push(CorrectArticle(before, after), self.store)

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
