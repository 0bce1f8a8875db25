"""Edits as commands on one stack, so undo and redo work the same for every edit — claims,
suggestion decisions, the claim schema, actors — and can be tested without Qt. The stack
is the session's, not an article's: switching articles keeps the history.

Each command writes through the store, which records every claim change in the claim's
history with the action named here ("edited", "edited (undo)", …).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from typing import Protocol

from workbench.core.errors import WorkbenchError
from workbench.core.model import ANNOTATION_FIELDS, Actor, Article, ChangeSet, Claim, ClaimSchema, Suggestion
from workbench.store import ProjectStore
from workbench.store.removal import RemovedArticles


class Command(Protocol):
    label: str

    def do(self, store: ProjectStore) -> ChangeSet: ...

    def undo(self, store: ProjectStore) -> ChangeSet: ...


def claim_changes(*claims: Claim) -> ChangeSet:
    return ChangeSet(
        claims_changed=frozenset(c.id for c in claims), claim_articles=frozenset(c.article_id for c in claims)
    )


@dataclass
class _Redoable:
    """Knows whether `do` runs for the first time or as a redo (named so in the history)."""

    _done_before: bool = field(default=False, init=False, compare=False)

    def _action(self, verb: str) -> str:
        action = f"{verb} (redo)" if self._done_before else verb
        self._done_before = True
        return action


@dataclass
class AddClaim(_Redoable):
    claim: Claim  # without an id until first done; redo re-inserts it under the same id
    label: str = "Add claim"
    action: str = "created"

    def do(self, store: ProjectStore) -> ChangeSet:
        self.claim = store.insert_claim(self.claim, action=self._action(self.action))
        return claim_changes(self.claim)

    def undo(self, store: ProjectStore) -> ChangeSet:
        store.delete_claim(self.claim.id, action="deleted (undo)")
        return claim_changes(self.claim)


@dataclass
class DeleteClaim(_Redoable):
    claim: Claim
    label: str = "Delete claim"

    def do(self, store: ProjectStore) -> ChangeSet:
        store.delete_claim(self.claim.id, action=self._action("deleted"))
        return claim_changes(self.claim)

    def undo(self, store: ProjectStore) -> ChangeSet:
        self.claim = store.insert_claim(self.claim, action="restored (undo)")  # same id and timestamps
        return claim_changes(self.claim)


@dataclass
class EditClaim(_Redoable):
    before: Claim
    after: Claim
    label: str = "Edit claim"
    done_at: float = field(default=0.0, compare=False)

    def do(self, store: ProjectStore) -> ChangeSet:
        # First time: stamp now. Redo: restore the very state that was undone.
        redo = self._done_before
        action = self._action("edited")
        if redo:
            self.after = self._step(store, self.before, self.after, action)
        else:
            self.after = store.update_claim(self.after, action=action)
        self.done_at = time.monotonic()
        return claim_changes(self.after)

    def undo(self, store: ProjectStore) -> ChangeSet:
        return claim_changes(self._step(store, self.after, self.before, "edited (undo)"))

    def _step(self, store: ProjectStore, expected: Claim, wanted: Claim, action: str) -> Claim:
        """Set the fields this edit changed from their `expected` values to the `wanted`
        ones, leaving the claim's other fields as they are now: another window may have
        changed them since, and an undo here must not take that back."""
        fields = changed_fields(self.before, self.after)
        current = store.claim(wanted.id)
        since = sorted(
            name for name in fields if current is not None and getattr(current, name) != getattr(expected, name)
        )
        if since:
            raise WorkbenchError(f"Claim {wanted.id}'s {', '.join(since)} changed since, perhaps in another window.")
        values = {name: getattr(wanted, name) for name in fields}
        base = current or wanted  # a claim gone: update_claim says so
        return store.update_claim(replace(base, **values, updated_at=wanted.updated_at), touch=False, action=action)

    def merge(self, newer: EditClaim, window: float) -> bool:
        """Typing a note is one edit, not one per pause: a newer edit of only the note of the
        same claim, made soon after one that also changed only the note, folds into it."""
        if (
            newer.before.id != self.after.id
            or newer.before != self.after
            or time.monotonic() - self.done_at > window
            or changed_fields(self.before, self.after) != {"note"}
            or changed_fields(newer.before, newer.after) != {"note"}
        ):
            return False
        self.after, self.done_at = newer.after, newer.done_at
        return True


def changed_fields(a: Claim, b: Claim) -> set[str]:
    return {name for name in ANNOTATION_FIELDS if getattr(a, name) != getattr(b, name)}


@dataclass
class ChangeSchema(_Redoable):
    """A new claim schema, with the claims it rewrites (renamed or merged values) or deletes."""

    before: ClaimSchema
    after: ClaimSchema
    rewritten: list[tuple[Claim, Claim | None]]  # (claim before, claim after or None: deleted)
    label: str = "Change claim schema"

    def do(self, store: ProjectStore) -> ChangeSet:
        action = self._action("schema changed")
        with store.transaction():
            store.set_schema(self.after)
            for before, after in self.rewritten:
                if after is None:
                    store.delete_claim(before.id, action=action)
                else:
                    store.update_claim(after, touch=False, action=action)
        return self._changes()

    def undo(self, store: ProjectStore) -> ChangeSet:
        with store.transaction():
            store.set_schema(self.before)
            for before, after in self.rewritten:
                if after is None:
                    store.insert_claim(before, action="schema change undone")
                else:
                    store.update_claim(before, touch=False, action="schema change undone")
        return self._changes()

    def _changes(self) -> ChangeSet:
        changes = claim_changes(*(before for before, _ in self.rewritten))
        return changes | ChangeSet(schema_changed=True)


@dataclass
class EditActors:
    """A new list of actors (merge, rename, alias moved); undo restores the old list."""

    before: list[Actor]
    after: list[Actor]
    label: str = "Edit actors"

    def do(self, store: ProjectStore) -> ChangeSet:
        store.set_actors(self.after)
        return ChangeSet(actors_changed=True)

    def undo(self, store: ProjectStore) -> ChangeSet:
        store.set_actors(self.before)
        return ChangeSet(actors_changed=True)


@dataclass
class Compound:
    """Several commands as one undo step (e.g. accepting a suggestion: a claim and a decision)."""

    parts: list[Command]
    label: str

    def do(self, store: ProjectStore) -> ChangeSet:
        with store.transaction():
            return _union(part.do(store) for part in self.parts)

    def undo(self, store: ProjectStore) -> ChangeSet:
        with store.transaction():
            return _union(part.undo(store) for part in reversed(self.parts))


@dataclass
class DecideSuggestion:
    """Record the analyst's decision on a suggestion (accepted or rejected)."""

    article_id: int
    suggestion: Suggestion
    decision: str
    add: AddClaim | None = None  # the claim an acceptance made (done just before)
    label: str = "Reject suggestion"

    def do(self, store: ProjectStore) -> ChangeSet:
        claim_id = self.add.claim.id if self.add else None
        store.decide_suggestion(self.article_id, self.suggestion, self.decision, claim_id)
        return ChangeSet(suggestions_changed=frozenset({self.article_id}))

    def undo(self, store: ProjectStore) -> ChangeSet:
        store.undecide_suggestion(self.article_id, self.suggestion)
        return ChangeSet(suggestions_changed=frozenset({self.article_id}))


def _union(changesets) -> ChangeSet:
    total = ChangeSet()
    for changes in changesets:
        total = total | changes
    return total


@dataclass
class CorrectArticle:
    """A correction of an article's title, date or site (see services.metadata)."""

    before: Article
    after: Article
    label: str = "Correct article details"

    def do(self, store: ProjectStore) -> ChangeSet:
        store.update_article_metadata(self.after)
        return ChangeSet(articles_changed=frozenset({self.after.id}))

    def undo(self, store: ProjectStore) -> ChangeSet:
        store.update_article_metadata(self.before)
        return ChangeSet(articles_changed=frozenset({self.before.id}))


@dataclass
class RemoveArticles:
    """Articles taken out of the project with all that is theirs; undo puts them back."""

    band_keys: dict[int, list[int]]  # article id → its band keys, computed from its body
    label: str = "Remove article"
    removed: RemovedArticles | None = field(default=None, compare=False)

    @property
    def ids(self) -> frozenset[int]:
        return frozenset(self.band_keys)

    def do(self, store: ProjectStore) -> ChangeSet:
        self.removed = store.remove_articles(self.band_keys)
        return self._changes(articles_removed=self.ids)

    def undo(self, store: ProjectStore) -> ChangeSet:
        store.restore_articles(self.removed)
        return self._changes(articles_restored=self.ids)

    def _changes(self, **moved: frozenset[int]) -> ChangeSet:
        removed = self.removed
        others = {row[1] if row[0] in self.ids else row[0] for row in removed.near_duplicates} - self.ids
        return ChangeSet(
            articles_changed=frozenset(others),  # their count of near-duplicates changed
            entities_changed=self.ids,
            claims_changed=frozenset(c.id for c in removed.claims),
            claim_articles=self.ids,
            suggestions_changed=self.ids,
            **moved,
        )


class CommandStack:
    MERGE_WINDOW = 3.0  # seconds

    def __init__(self) -> None:
        self._done: list[Command] = []
        self._undone: list[Command] = []

    def push(self, command: Command, store: ProjectStore) -> ChangeSet:
        """Do `command` and record it; the redo history is dropped."""
        changes = command.do(store)
        self._undone.clear()
        last = self._done[-1] if self._done else None
        if isinstance(last, EditClaim) and isinstance(command, EditClaim) and last.merge(command, self.MERGE_WINDOW):
            return changes
        self._done.append(command)
        return changes

    def undo(self, store: ProjectStore) -> ChangeSet:
        if not self._done:
            return ChangeSet()
        command = self._done.pop()
        changes = _or_dropped(command, "undo", lambda: command.undo(store))
        self._undone.append(command)
        return changes

    def redo(self, store: ProjectStore) -> ChangeSet:
        if not self._undone:
            return ChangeSet()
        command = self._undone.pop()
        changes = _or_dropped(command, "redo", lambda: command.do(store))
        self._done.append(command)
        return changes

    @property
    def undo_label(self) -> str | None:
        return self._done[-1].label if self._done else None

    @property
    def redo_label(self) -> str | None:
        return self._undone[-1].label if self._undone else None


def _or_dropped(command: Command, verb: str, step) -> ChangeSet:
    """The step's changes; a step that can no longer be made (its claim was deleted in
    another window) is dropped from the history with a message, so the steps before it
    can still be undone."""
    try:
        return step()
    except WorkbenchError as exc:
        raise WorkbenchError(f"Cannot {verb} “{command.label.lower()}”: {exc} It is left out of the history.") from None
