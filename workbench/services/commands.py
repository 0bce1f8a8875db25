"""Edits as commands on one stack, so undo and redo work the same for every edit and
can be tested without Qt. The stack is the session's, not an article's: switching
articles keeps the history."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Protocol

from workbench.core.model import ChangeSet, Claim
from workbench.store import ProjectStore


class Command(Protocol):
    label: str

    def do(self, store: ProjectStore) -> ChangeSet: ...

    def undo(self, store: ProjectStore) -> ChangeSet: ...


def _claim_changes(claim: Claim) -> ChangeSet:
    return ChangeSet(claims_changed=frozenset({claim.id}), claim_articles=frozenset({claim.article_id}))


@dataclass
class AddClaim:
    claim: Claim  # without an id until first done; redo re-inserts it under the same id
    label: str = "Add claim"

    def do(self, store: ProjectStore) -> ChangeSet:
        self.claim = store.insert_claim(self.claim)
        return _claim_changes(self.claim)

    def undo(self, store: ProjectStore) -> ChangeSet:
        store.delete_claim(self.claim.id)
        return _claim_changes(self.claim)


@dataclass
class DeleteClaim:
    claim: Claim
    label: str = "Delete claim"

    def do(self, store: ProjectStore) -> ChangeSet:
        store.delete_claim(self.claim.id)
        return _claim_changes(self.claim)

    def undo(self, store: ProjectStore) -> ChangeSet:
        self.claim = store.insert_claim(self.claim)  # same id and timestamps as before
        return _claim_changes(self.claim)


@dataclass
class EditClaim:
    before: Claim
    after: Claim
    label: str = "Edit claim"
    done_at: float = field(default=0.0, compare=False)
    _applied_once: bool = field(default=False, compare=False)

    def do(self, store: ProjectStore) -> ChangeSet:
        # First time: stamp now. Redo: restore the very state that was undone.
        self.after = store.update_claim(self.after, touch=not self._applied_once)
        self._applied_once = True
        self.done_at = time.monotonic()
        return _claim_changes(self.after)

    def undo(self, store: ProjectStore) -> ChangeSet:
        store.update_claim(self.before, touch=False)
        return _claim_changes(self.before)

    def merge(self, newer: EditClaim, window: float) -> bool:
        """Typing a note is one edit, not one per pause: a newer edit of the same text field
        of the same claim, made soon after, folds into this one."""
        changed = _changed_fields(self.before, newer.after)
        if (
            newer.before.id != self.after.id
            or newer.before != self.after
            or time.monotonic() - self.done_at > window
            or not changed <= {"note"}
            or _changed_fields(newer.before, newer.after) != {"note"}
        ):
            return False
        self.after, self.done_at = newer.after, newer.done_at
        return True


def _changed_fields(a: Claim, b: Claim) -> set[str]:
    return {
        name
        for name in ("category", "source", "stance", "status", "tags", "note")
        if getattr(a, name) != getattr(b, name)
    }


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
        changes = command.undo(store)
        self._undone.append(command)
        return changes

    def redo(self, store: ProjectStore) -> ChangeSet:
        if not self._undone:
            return ChangeSet()
        command = self._undone.pop()
        changes = command.do(store)
        self._done.append(command)
        return changes

    @property
    def undo_label(self) -> str | None:
        return self._done[-1].label if self._done else None

    @property
    def redo_label(self) -> str | None:
        return self._undone[-1].label if self._undone else None
