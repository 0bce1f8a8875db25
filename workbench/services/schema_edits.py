"""Changing a project's claim schema without ever leaving a claim pointing nowhere.

A change is a new schema plus what happens to the values it drops: each dropped value that
claims use is replaced by another (rename, merge) or its claims are deleted — explicitly.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace

from workbench.core.errors import WorkbenchError
from workbench.core.model import Claim, ClaimSchema
from workbench.services.commands import ChangeSchema

KINDS = {"category": "category", "stance": "stance", "status": "status"}  # schema kind → claim field
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")

# (kind, old value) → the value its claims take, or None: delete those claims
Replacements = Mapping[tuple[str, str], str | None]


# Keys the reader gives categories; its letters are taken (N, P, A, X, C, E…).
SHORTCUT_KEYS = tuple("123456789")


def check_schema(schema: ClaimSchema) -> None:
    """Raise WorkbenchError when a name is empty or repeated, a colour is not #rrggbb, or two
    categories share a shortcut key."""
    for kind, names in (("category", schema.category_names), ("stance", schema.stances), ("status", schema.statuses)):
        if not names:
            raise WorkbenchError(f"The schema needs at least one {kind}.")
        for name in names:
            if not name.strip():
                raise WorkbenchError(f"A {kind} needs a name.")
        repeated = [n for n, k in Counter(n.casefold() for n in names).items() if k > 1]
        if repeated:
            raise WorkbenchError(f"Two {kind} values are both called “{repeated[0]}”.")
    for category in schema.categories:
        if not _COLOR.match(category.color):
            raise WorkbenchError(f"The colour of “{category.name}” must look like #1f77b4, not “{category.color}”.")
    keys = [c.shortcut for c in schema.categories if c.shortcut]
    if any(k not in SHORTCUT_KEYS for k in keys):
        raise WorkbenchError(
            "A category's shortcut key is a digit from 1 to 9 (the reader's letters are its commands)."
        )
    clash = [k for k, n in Counter(keys).items() if n > 1]
    if clash:
        raise WorkbenchError(f"Two categories share the shortcut key “{clash[0]}”.")


def plan_schema_change(
    claims: list[Claim], before: ClaimSchema, after: ClaimSchema, replacements: Replacements
) -> ChangeSchema:
    """The command that moves the project from `before` to `after`, rewriting or deleting
    the claims `replacements` names. Raises WorkbenchError, changing nothing, when a claim
    would keep a value the new schema lacks."""
    check_schema(after)
    allowed = {"category": set(after.category_names), "stance": set(after.stances), "status": set(after.statuses)}
    for (kind, _old), new in replacements.items():
        if kind not in KINDS or (new is not None and new not in allowed[kind]):
            raise WorkbenchError(f"“{new}” is not a {kind} of the new schema.")
    rewritten: list[tuple[Claim, Claim | None]] = []
    stranded: Counter = Counter()
    for claim in claims:
        changed = claim
        deleted = False
        for kind, field in KINDS.items():
            key = (kind, getattr(claim, field))
            if key in replacements:
                if replacements[key] is None:
                    deleted = True
                    break
                changed = replace(changed, **{field: replacements[key]})
            elif getattr(claim, field) not in allowed[kind]:
                stranded[key] += 1
        if deleted:
            rewritten.append((claim, None))
        elif changed != claim:
            rewritten.append((claim, changed))
    if stranded:
        (kind, value), count = stranded.most_common(1)[0]
        raise WorkbenchError(
            f"{count} claim{'s use' if count > 1 else ' uses'} the {kind} “{value}”, which the new schema does not "
            f"have: move {'them' if count > 1 else 'it'} to another {kind}, or delete {'them' if count > 1 else 'it'}."
        )
    return ChangeSchema(before, after, rewritten)


def usage(claims: list[Claim]) -> Counter:
    """How many claims use each (kind, value)."""
    counts: Counter = Counter()
    for claim in claims:
        for kind, field in KINDS.items():
            counts[(kind, getattr(claim, field))] += 1
    return counts
