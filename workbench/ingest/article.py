"""Text of a scraped page → Article, with its metadata and the role of every stretch."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from workbench.core.model import Article, Role
from workbench.core.text import content_hash, normalise_newlines, without_surrogates
from workbench.ingest.layout import read_layout

TITLE_MAX = 90
SUBJECT_WORDS = 10  # a subject longer than this is no noun phrase an apposition follows
# The end of a sentence: terminal punctuation (and closing quotes) before white space,
# unless the word before it is an initial or a short abbreviation ("U.S.", "Dr.", "Jan.").
_SENTENCE_BREAK = re.compile(r"""(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\bSt)[.!?…]["'”’)]*\s""")
# The line a news database ends each document of an export with (Nexis).
END_OF_DOCUMENT = re.compile(r"^[ \t]*End of Document[ \t]*$", re.MULTILINE)
# Punctuation that ends a clause; a comma or colon between digits does not ("1,000", "4:00").
_CLAUSE_BREAK = re.compile(r"[;–—]|(?<!\d)[,:]|[,:](?!\d)")
# A name, a description or a relative clause set off by commas after the subject ("The
# AFL's leading goal kicker, Tony Lockett, will…", "Abu Nidal, whose death was reported last
# week, was…", "Batasuna, a political party…, faces…"): left out of a headline, so that the
# subject keeps its verb. Not the middle of a list ("Russia, China, and Iran signed…").
_APPOSITION = re.compile(
    r"(?<=\w),\s(?:[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3}|"
    r"(?:who|whose|which|where|including|one\sof|a|an|the)\s[^,;:–—]*),(?=\s(?!and\b|or\b|but\b)[a-z])"
)
# Abbreviations of three letters or more that a full stop follows within a sentence.
_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec gen gov sen rep col capt sgt lt rev "
    "inc corp ltd bros est dept univ approx".split()
)


@dataclass(frozen=True)
class Metadata:
    """What a file states about an article outside its text (an HTML page's meta tags, a
    table's columns). Each value given wins over what the text's layout suggests;
    `origins` says where each came from."""

    title: str | None = None
    date: str | None = None  # ISO 8601, when the raw date could be read
    date_raw: str | None = None
    byline: str | None = None
    site: str | None = None
    origins: dict[str, str] = field(default_factory=dict)


def build_article(source_file: str, raw_text: str, stated: Metadata = Metadata()) -> Article:
    """An Article from a page's text; the text is kept whole (line endings normalised, a
    lone surrogate, which no UTF-8 store holds, made U+FFFD)."""
    text = without_surrogates(normalise_newlines(raw_text))
    source_file = without_surrogates(source_file)  # a file name in another encoding
    stated = _without_surrogates(stated)
    layout = read_layout(text, stated.title)
    origins = {key: where for key, where in layout.origins.items() if not _stated(stated, key)}
    origins.update((key, where) for key, where in stated.origins.items() if _stated(stated, key))
    title = stated.title or layout.title
    if not title:
        title = derive_title(_first_body_text(text, layout.segments))
        origins["title"] = "first sentence of the body" if title else "file name"
        title = title or source_file.rsplit("/", 1)[-1]
    date, date_raw = (stated.date, stated.date_raw) if stated.date_raw else (None, None)
    if date_raw is None and layout.date is not None:
        date, date_raw = layout.date.iso, layout.date.raw
    return Article(
        source_file=source_file,
        text=text,
        text_hash=content_hash(text),
        title=title,
        segments=layout.segments,
        date=date,
        date_raw=date_raw,
        byline=stated.byline or layout.byline,
        site=stated.site or layout.site,
        origins=origins,
    )


def _without_surrogates(stated: Metadata) -> Metadata:
    fields = ("title", "date_raw", "byline", "site")
    return replace(stated, **{f: without_surrogates(v) for f in fields if (v := getattr(stated, f, None))})


def _stated(stated: Metadata, key: str) -> bool:
    return bool(getattr(stated, "date_raw" if key == "date" else key, None))


def _first_body_text(text: str, segments) -> str:
    return next(
        (text[s.start : s.end].strip() for s in segments if s.role is Role.BODY and text[s.start : s.end].strip()), ""
    )


def derive_title(body: str) -> str:
    """A short headline from the first sentence: the sentence when short; else its first
    clause when that says enough, or the main clause after an introductory one ("Amid …,");
    else its first words and an ellipsis."""
    if not body:
        return ""
    first_line = body.split("\n", 1)[0]
    ends = (m for m in _SENTENCE_BREAK.finditer(first_line + " ") if not _after_abbreviation(first_line, m.start()))
    match = next(ends, None)
    sentence = first_line[: match.start()] if match else first_line
    sentence = " ".join(sentence.split()).rstrip(" .!?…")
    if len(sentence) <= TITLE_MAX:
        return sentence
    clause = _CLAUSE_BREAK.search(sentence)
    if clause:
        head, rest = sentence[: clause.start()].strip(), sentence[clause.end() :].strip()
        if _INTRODUCTORY.match(head) and len(rest.split()) >= 5:
            rest = _DAY_OPENING.sub("", rest)  # "On Sunday, October 29, Ahmed Azza …"
            sentence = rest[0].upper() + rest[1:]
            if len(sentence) <= TITLE_MAX:
                return sentence
        sentence = _without_apposition(sentence)
        clause = _CLAUSE_BREAK.search(sentence)
        head = sentence[: clause.start()].strip() if clause else sentence
        if clause and 25 <= len(head) <= TITLE_MAX and len(head.split()) >= 5:
            return head
    if len(sentence) <= TITLE_MAX:
        return sentence
    return sentence[: TITLE_MAX + 1].rsplit(" ", 1)[0].rstrip(" ,;:–—") + "…"


def _without_apposition(sentence: str) -> str:
    """The sentence less what its first commas set off after a subject of a few words."""
    apposition = _APPOSITION.search(sentence)
    first_comma = sentence.find(",")
    if apposition is None or apposition.start() != first_comma or len(sentence[:first_comma].split()) > SUBJECT_WORDS:
        return sentence
    return sentence[: apposition.start()] + sentence[apposition.end() :]


def _after_abbreviation(text: str, stop: int) -> bool:
    word = re.search(r"(\w+)$", text[:stop])
    return word is not None and text[stop] == "." and word.group(1).lower() in _ABBREVIATIONS


# A day that goes on an introduction ("On Sunday, October 29, …", "On Monday, 3 June, …").
_DAY_OPENING = re.compile(
    r"^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}"
    r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)(?:,?\s+\d{4})?,\s+(?=\S)",
    re.IGNORECASE,
)
# Openings of a sentence-initial adverbial clause, which makes a poor headline on its own.
_INTRODUCTORY = re.compile(
    r"^(?:amid|amidst|after|as|while|following|despite|in|on|at(?!\s+(?:least|most)\b)|during|with|since|when|although|though|"
    r"before|according|following|earlier|later|meanwhile|however|nevertheless)\b",
    re.IGNORECASE,
)


def split_documents(text: str) -> list[str]:
    """The documents of a file that holds several, as news databases export them (Nexis ends
    each with a line "End of Document"): one text each, the marker left out. A file without
    the marker is one document."""
    parts = [part.strip() for part in END_OF_DOCUMENT.split(text)]
    return [part for part in parts if part] if len(parts) > 1 else [text]
