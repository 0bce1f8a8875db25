"""Annotated data on its way out of a project and back in: plain records for exporters
and importers, which know nothing of the project file."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from workbench.core.errors import WorkbenchError
from workbench.core.model import Article, Claim, EntitySpan

# Fields that belong to the project a claim is in, not to the claim: never exported as
# claim fields, never imported.
PROJECT_FIELDS = ("id", "article_id")


class AnnotationFileError(WorkbenchError):
    """A file of annotations that cannot be read at all; nothing was imported from it."""


@dataclass(frozen=True)
class AnnotatedArticle:
    """One article as exports see it: its text, its entity mentions, its claims."""

    article: Article
    mentions: tuple[EntitySpan, ...] = ()
    claims: tuple[Claim, ...] = ()
    model: tuple[str, str] | None = None  # (name, version) of the model that found the mentions


@dataclass(frozen=True)
class ClaimRecord:
    """A claim read from a file, before it is matched to an article and anchored in it.

    `fields` holds the claim fields the file gave (category, tags, created_at, …), already
    typed; fields it did not give take the project's defaults.
    """

    where: str  # where in the file, for the report: "line 12", "annotation 3"
    quote: str
    start: int | None = None
    end: int | None = None
    article_hash: str = ""
    source_file: str = ""
    prefix: str = ""
    suffix: str = ""
    fields: dict = field(default_factory=dict)
    problem: str = ""  # why this record cannot be imported, when the file itself says so


def claim_field_names() -> tuple[str, ...]:
    """The fields of a claim that travel with it between projects (all but its id and article)."""
    return tuple(f.name for f in fields(Claim) if f.name not in PROJECT_FIELDS)


def optional_number_fields() -> frozenset[str]:
    """Claim fields holding a whole number or nothing (e.g. where the source is named)."""
    return frozenset(f.name for f in fields(Claim) if f.type == "int | None")


def claim_creator(claim: Claim, default: str = "") -> str:
    """Who made the claim (a format's "creator"): its analyst, else `default` for a claim
    that does not record one."""
    return claim.analyst or default
