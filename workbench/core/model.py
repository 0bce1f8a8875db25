"""The domain objects. Plain, frozen data: no widgets, no SQL, no third-party types.

Every offset is a count of Unicode code points into `Article.text`, the article's text as
stored (line endings normalised at import, nothing else changed).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from functools import cached_property

from workbench.core.text import body_hash, content_hash, word_count


class Role(StrEnum):
    """What a stretch of an article's text is."""

    TITLE = "title"
    META = "meta"  # dateline, byline, section label, a repeated headline
    BODY = "body"
    CLUTTER = "clutter"  # share links, related articles, publisher blurbs

    @property
    def analysed(self) -> bool:
        """Only the headline and the body are read by NER; metadata and clutter are not."""
        return self in (Role.TITLE, Role.BODY)


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    role: Role


@dataclass(frozen=True)
class Article:
    source_file: str
    text: str
    text_hash: str
    title: str
    segments: tuple[Segment, ...]
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) when known
    date_raw: str | None = None  # the date as the page wrote it
    byline: str | None = None
    site: str | None = None  # the publication or web site, when the file says
    # Where each metadata field came from, e.g. {"title": "line 1", "date": "line 3: “…”"}.
    origins: dict[str, str] = field(default_factory=dict, compare=False)
    # The values as imported of the fields the user has corrected since ({"title": "…"}).
    original: dict[str, str | None] = field(default_factory=dict, compare=False)
    id: int | None = None
    imported_at: str = ""

    def analysed_runs(self) -> list[tuple[int, str]]:
        """The (offset, text) stretches NER reads: the headline and each run of body text.
        Metadata and clutter are skipped, so no entity is found in them or spans across them."""
        return [
            (seg.start, self.text[seg.start : seg.end])
            for seg in self.segments
            if seg.role.analysed and self.text[seg.start : seg.end].strip()
        ]

    @property
    def body_text(self) -> str:
        return "\n".join(self.text[s.start : s.end] for s in self.segments if s.role is Role.BODY)

    @cached_property  # NOTE: a frozen dataclass still has a __dict__ this can fill
    def body_hash(self) -> str:
        """Identifies the story whatever the page around it: the hash of the body with white
        space collapsed (the whole text when nothing reads as body)."""
        words = self.body_text.split()
        # Storing an article takes its words' count too: counted from this split, not another.
        self.__dict__.setdefault("body_words", len(words))
        return content_hash(" ".join(words)) if words else body_hash(self.text)

    @cached_property
    def body_words(self) -> int:
        return word_count(self.body_text)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the article list: what the list shows, without the text."""

    id: int
    title: str
    date: str | None
    source_file: str
    words: int
    entities: int
    claims: int
    byline: str | None = None
    site: str | None = None
    near_duplicates: int = 0  # other articles telling nearly the same story


@dataclass(frozen=True)
class ListFilter:
    """What narrows the article list: words of the title or text, an entity (text, label)
    the articles mention, a period (first, after: ISO date prefixes) their date falls in."""

    words: str = ""
    entity: tuple[str, str] | None = None
    period: tuple[str, str] | None = None

    def __bool__(self) -> bool:
        # a word narrows the list when it has a letter or a digit: "-" alone searches nothing
        return any(ch.isalnum() for ch in self.words) or bool(self.entity or self.period)


# Mention labels that are names (as against numbers, dates and amounts): the chart shows
# them, and a name keeps one of them throughout an article.
NAMED_LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE")


@dataclass(frozen=True, slots=True)
class EntitySpan:
    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class EntityCount:
    text: str
    label: str
    mentions: int
    articles: int


@dataclass(frozen=True)
class Claim:
    article_id: int
    start: int
    end: int
    quote: str
    category: str
    source: str = ""
    stance: str = "asserts"
    status: str = "unverified"
    tags: tuple[str, ...] = ()
    note: str = ""
    id: int | None = None
    created_at: str = ""
    updated_at: str = ""
    # The entity mention the source names, when it is one (offsets into the same article).
    source_start: int | None = None
    source_end: int | None = None
    analyst: str = ""  # who made the claim

    def with_changes(self, **changes) -> Claim:
        unknown = set(changes) - set(EDITABLE_CLAIM_FIELDS)
        if unknown:
            raise ValueError(f"not an editable claim field: {', '.join(sorted(unknown))}")
        if "tags" in changes:
            changes["tags"] = normalise_tags(changes["tags"])
        return replace(self, **changes)

    def fields_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


EDITABLE_CLAIM_FIELDS = ("category", "source", "stance", "status", "tags", "note", "source_start", "source_end")
# The fields an analyst sets, in the order forms and histories show them.
ANNOTATION_FIELDS = ("category", "source", "stance", "status", "tags", "note")
# The metadata of an article the user may correct; the imported values are kept.
CORRECTABLE_ARTICLE_FIELDS = ("title", "date", "site")


@dataclass(frozen=True)
class HistoryEntry:
    """One change of one claim: who, when, what it was before and after (None: absent)."""

    claim_id: int
    article_id: int
    at: str
    analyst: str
    action: str
    before: Claim | None
    after: Claim | None

    def changes(self) -> list[tuple[str, object, object]]:
        """(field, before, after) for each annotation field that differs."""
        if self.before is None or self.after is None:
            return []
        return [
            (name, getattr(self.before, name), getattr(self.after, name))
            for name in ANNOTATION_FIELDS
            if getattr(self.before, name) != getattr(self.after, name)
        ]


@dataclass(frozen=True)
class Actor:
    """Someone who makes claims, under every name the project knows them by."""

    id: int
    name: str
    aliases: tuple[str, ...]
    claims: int = 0


def normalise_tags(tags) -> tuple[str, ...]:
    """Tags from a list or a comma-separated string: stripped, empty ones and repeats dropped."""
    if isinstance(tags, str):
        tags = tags.split(",")
    seen: dict[str, None] = {}
    for tag in tags:
        tag = " ".join(str(tag).split())
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An attributed statement found in an article, proposed as a claim."""

    start: int
    end: int
    text: str  # the claim span: text == article.text[start:end]
    source: str  # who makes it, as a usable name or noun phrase
    source_start: int | None  # where that name stands in the text (for a pronoun: the person it refers to)
    source_end: int | None
    stance: str  # asserts | denies | questions | other
    cue: str  # the reporting cue as written ("said", "according to", "denied", …)


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    color: str  # "#rrggbb"
    shortcut: str = ""  # one key, e.g. "1"
    description: str = ""


@dataclass(frozen=True)
class ClaimSchema:
    """The project's own vocabulary for claims."""

    categories: tuple[Category, ...]
    stances: tuple[str, ...]
    statuses: tuple[str, ...]

    @property
    def category_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.categories)

    def category(self, name: str) -> Category | None:
        return next((c for c in self.categories if c.name == name), None)


@dataclass(frozen=True)
class ChangeSet:
    """What a mutation changed, so that views refresh only that (and nothing when empty)."""

    articles_added: frozenset[int] = frozenset()
    articles_changed: frozenset[int] = frozenset()
    entities_changed: frozenset[int] = frozenset()  # ids of articles whose mentions changed
    claims_changed: frozenset[int] = frozenset()  # ids of claims added, edited or removed
    claim_articles: frozenset[int] = frozenset()  # ids of articles whose claims changed
    schema_changed: bool = False
    actors_changed: bool = False
    suggestions_changed: frozenset[int] = frozenset()  # ids of articles whose suggestions changed
    articles_removed: frozenset[int] = frozenset()
    articles_restored: frozenset[int] = frozenset()  # removed ones put back (undo)

    def __or__(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(
            self.articles_added | other.articles_added,
            self.articles_changed | other.articles_changed,
            self.entities_changed | other.entities_changed,
            self.claims_changed | other.claims_changed,
            self.claim_articles | other.claim_articles,
            self.schema_changed or other.schema_changed,
            self.actors_changed or other.actors_changed,
            self.suggestions_changed | other.suggestions_changed,
            self.articles_removed | other.articles_removed,
            self.articles_restored | other.articles_restored,
        )

    def __bool__(self) -> bool:
        return bool(
            self.articles_added
            or self.articles_changed
            or self.entities_changed
            or self.claims_changed
            or self.claim_articles
            or self.schema_changed
            or self.actors_changed
            or self.suggestions_changed
            or self.articles_removed
            or self.articles_restored
        )

    @property
    def article_list_touched(self) -> bool:
        """Rows of the article list show counts of entities and claims, and metadata."""
        return bool(
            self.articles_added
            or self.articles_changed
            or self.entities_changed
            or self.claim_articles
            or self.articles_removed
            or self.articles_restored
        )
