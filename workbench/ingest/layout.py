"""Reading a scraped news page as text: headline, dateline, byline, body and page clutter.

The text is never changed here. The result marks stretches of it with a role, so the
reader can show clutter de-emphasised and NER can skip it, while nothing is deleted.

The rules are about how news pages are laid out in general, not about any one site:
- the headline is a short line at the top that does not read as a sentence; a very short
  line just above it is a section label ("World", "International Relations"). Where the
  file states the headline (a page's title), only the line that is it may be the headline,
  however the page sets it off with a site's name or writes it a little differently; a
  story's sentence or paragraph never is;
- prose is measured in words, and in scripts written without spaces (Chinese, Japanese,
  Thai) by their characters, its sentences ending with their own marks (。！？);
- datelines carry a label ("Published:", "Updated", "Posted on", "Date") and a date;
- bylines start with "By"; a line repeating the headline is metadata;
- the body starts at the first line that reads as running prose;
- page furniture after the story ("Related Articles", "Read more", "Share this article",
  an "About the author" box) ends the body: it and everything after it is clutter, and so
  are the short non-sentence lines (tag lists) just before it; where long paragraphs of
  story follow it at once, it was a box inside the story, and only the box is clutter.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property

from workbench.core.model import Role, Segment
from workbench.core.search import HAN_KANA_LETTERS, SOUTHEAST_ASIAN_LETTERS
from workbench.core.text import url_host
from workbench.ingest.dates import DATE_PATTERN, FoundDate, find_date

# A line that ends the story: what follows is the site's, not the article's.
_TAIL_MARKERS = re.compile(
    r"""^(?:
        similar\s+(?:news|stories|articles|posts)
      | related(?:\s+(?:articles?|news|stories|posts|content|coverage|reading|topics))?
      | read\s+(?:the\s+)?(?:full\s+)?(?:article|story)(?:\s+(?:here|at\s+.*))?
      | read\s+more(?:\s+(?:here|at\s+.*|on\s+.*))?
      | (?:see\s+)?more\s+(?:from|on|in|stories|news|articles)\b.*
      | (?:you|we\s+think\s+you)\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)
      | recommended(?:\s+(?:for\s+you|stories|articles|reading))?
      | (?:most\s+(?:read|popular|viewed|shared))|trending(?:\s+now)?
      | (?:about\s+the\s+)?authors?|(?:written|posted|published)\s+by
      | share\s+(?:this|the)\s+(?:article|story|post|page)|share\s+(?:on|via)\b.*|share
      | comments?|leave\s+a\s+(?:comment|reply)|\d+\s+comments?
      | (?:tags|topics|filed\s+under|categories)\s*:.*
      | (?:sign\s+up|subscribe)\b.*|newsletter
      | copyright\b.*|©.*|all\s+rights\s+reserved.*
      | classification  # a news database's index terms follow the story
    )\s*[:.|>»]*\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# A single line of page furniture inside the story; only that line is clutter.
_LINE_CLUTTER = re.compile(
    r"""^(?:
        advertisement|sponsored(?:\s+content)?|ad
      | (?:also\s+read|read\s+also|see\s+also|watch|listen|click\s+here)\b.{0,160}
      | (?:read\s+more|related|more\s+on\s+this(?:\s+story)?)\s*[:|>»]\s*\S.{0,160}  # "Read more: <another headline>"
      | follow\s+(?:us|@)\b.{0,120}|(?:sign\s+up|subscribe)\s+(?:to|for|now)\b.{0,120}
      | (?:image|photo|video|picture)\s*(?:credit|source|caption)?\s*:.{0,160}
      | (?:image|photo|video|picture)\s+(?:credit|source|caption)\s*,.{0,160}  # "Image source, Reuters"
      | share|save|print|e-?mail|listen|bookmark|copy\s+link|gift\s+(?:this\s+)?article  # a page's buttons
      | (?:story\s+continues\s+below|continue\s+reading).{0,40}
      | \S+\.(?:jpe?g|png|gif|webp|avif|svg|mp4|mov)  # a picture's file name left by the scraper
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

_DATE_LABEL = (
    r"(?P<label>first\s+published|last\s+updated|published|updated?|posted|modified|date[d]?|released?)"
    r"(?:\s+(?:on|at))?\s*[:\-–—]?\s*"
)
_DATE_LEAD = re.compile(r"^\s*" + _DATE_LABEL, re.IGNORECASE)
_BYLINE = re.compile(
    r"^\s*(?:byline|by|(?:written|words|reporting|reported|analysis|opinion|commentary|interview|text)\s+by|author)"
    r"\s*[:\-–—]?\s*(?P<name>\S.*?)\s*$",
    re.IGNORECASE,
)
# Markdown's marks: a heading's or a block quote's opening, emphasis around words. Only a
# line opening with one is read past them (checking the opening alone keeps paragraphs cheap).
_MARKED = re.compile(r"\s{0,3}[#>*_]")
_MARK_OPENERS = frozenset(" \t#>*_")
_MARKDOWN = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?)+|(?<![\w*_])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*_])")
# A sentence's end, in the scripts' own marks too (Chinese and Japanese 。！？, Hindi's ।,
# Arabic's ؟, Urdu's ۔, Burmese ။, Khmer ។, Amharic ።), and the quotes or brackets closing on it.
_SENTENCE_END = re.compile(r"""[.!?…。！？｡।॥؟۔။።។]["'”’)\]」』）】》〉]*$""")
# Scripts that write no space between words: Chinese characters and Japanese kana, about two
# characters a word; Thai, Lao, Burmese and Khmer, about four (vowels and tones are marks of
# their own). A line in them is measured by its characters, as that many words.
_HAN_KANA = HAN_KANA_LETTERS + "\uff66-\uff9f"  # and halfwidth katakana
_SOUTHEAST_ASIAN = SOUTHEAST_ASIAN_LETTERS
_UNSPACED = re.compile(f"(?P<han>[{_HAN_KANA}]+)|[{_SOUTHEAST_ASIAN}]+")
_HAN_KANA_PER_WORD, _SOUTHEAST_ASIAN_PER_WORD = 2, 4


def _combining_marks() -> str:
    """A character class's ranges of the combining marks of the scripts written with
    spaces (Devanagari's vowel signs, Arabic's and Hebrew's points, Latin's accents as
    separate characters): part of a word, though `\\w` does not match them."""
    marks = [
        code
        for start, end in ((0x0300, 0x0E00), (0x0F00, 0x1000), (0x10A0, 0x1780), (0x1800, 0x1E00), (0x20D0, 0x2100))
        for code in range(start, end)
        if unicodedata.category(chr(code)) in ("Mn", "Mc", "Me")
    ]
    ranges: list[list[int]] = []
    for code in marks:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(f"\\u{a:04x}-\\u{b:04x}" if a < b else f"\\u{a:04x}" for a, b in ranges)


# A word of a spaced script: letters or digits (not of the scripts above), each perhaps with
# combining marks; "don't", "U.S.", "Ing-wen" are one.
_MARKS = _combining_marks()
_LETTER = rf"(?:[^\W{_HAN_KANA}{_SOUTHEAST_ASIAN}][{_MARKS}]*)+"
_WORD = re.compile(rf"{_LETTER}(?:[’'\-.]{_LETTER})*")
# Where a line has no combining mark and no character of the unspaced scripts (nearly every
# line of English, French, Russian, Arabic…), a word is a run of \w as _WORD reads it: the
# same words, several times faster to find than by trying the marks after every letter.
_MARKED_OR_UNSPACED = re.compile(f"[{_HAN_KANA}{_SOUTHEAST_ASIAN}{_MARKS}]")
_PLAIN_WORD = re.compile(r"\w+(?:[’'\-.]\w+)*")
_MANY_WORDS = 25  # a line of this many words reads as prose, whatever its length
_BOX_LINES = 4  # at most this many short lines in a box of furniture inside the story
_WORDS_PREFIX = 256  # characters: 25 words nearly always fit in them
# A wire story's dateline opening its first paragraph: "SEOUL, Aug. 20 (Yonhap) --",
# "WASHINGTON (CNN) —", "(CNN) --", "MOSCOW, Jan 5 (Reuters) -", "KYIV, Ukraine —",
# "NEW YORK, March 2 -". A single hyphen after a place alone is not one ("US - China talks").
_PLACE = r"[A-Z][A-Z.'’]*(?:[ -][A-Z][A-Z.'’]*)*"  # SEOUL, WINSTON-SALEM, ST. LOUIS
_WHERE_WHEN = r"(?:,\s*[A-Z0-9][\w.'’]*(?:\s+[A-Z0-9][\w.'’]*)*){1,2}"  # , Aug. 20 · , Ukraine · , Nov. 3, 2024
_MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?"
_WIRE_DATELINE = re.compile(
    rf"^[\s|•·]*(?:{_PLACE}(?:{_WHERE_WHEN})?\s*\([^()\n]{{1,30}}\)\s*(?:--|[-–—])"  # SEOUL, Aug. 20 (Yonhap) --
    rf"|{_PLACE}{_WHERE_WHEN}\s+(?:--|[–—])"  # KYIV, Ukraine —
    rf"|{_PLACE}(?:,\s*[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*)*)?,\s*{_MONTH_DAY}\s+-"  # NEW YORK, March 2 -
    r"|\([^()\n]{1,30}\)\s*(?:--|[-–—])"  # (CNN) --
    rf"|{_PLACE}\s*--)"  # MOSCOW --
    r"\s+(?=\S)"
)
# A news database's field lines around a story (Nexis: "Length: 512 words", "Section: WORLD",
# "Load-Date: …", "Body" above the text), a copyright line above it, a forwarded e-mail's
# header: metadata.
_FIELD_LINE = re.compile(
    r"^\s*(?:(?:length|load-date|section|dateline|highlight|publication-type|document-type|journal\s+code|graphic"
    r"|language|subject|geographic|industry|organization|company|person|ticker|correction-date)\s*:.*"
    r"|(?:copyright|©)\s*(?:\(c\)\s*|©\s*)?\d{4}\b.*|body"
    # A forwarded e-mail's header: "---------- Forwarded message ---------", "From: …".
    r"|-*\s*(?:forwarded\s+message|original\s+message)\s*-*|begin\s+forwarded\s+message\s*:"
    r"|(?:from|to|cc|subject|sent)\s*:.*)\s*$",
    re.IGNORECASE,
)
_HEADER_DATE_WORDS = 10  # at most this many words on a date line beside the headline
_BODY_FIELD = re.compile(r"^\s*body\s*$", re.IGNORECASE)
# A news API's note that it cut the text short (NewsAPI's content ends "… [+2345 chars]").
_TRUNCATED = re.compile(r"\s*\[\+\d+ chars\]\s*$")
_CUT_NOTE_END = "chars]"  # checked first: searching every paragraph with the pattern is slow
# A copyright notice run on to the story's last paragraph, after a sentence: "… contributed to
# this story. © 2016 The Associated Press. All rights reserved. This material may not be …"
_COPYRIGHT_TAIL = re.compile(r"(?<=[.!?”\"’)]\s)(?:©|\(c\)|copyright\b)\s*(?:©\s*)?\d{4}\b.{0,400}$", re.IGNORECASE)
# What may follow a date on a dateline: a byline, a time zone, a weekday ("June 19, 2024 Wednesday").
_AFTER_DATE = re.compile(r"^(?:by\s+\S.*|\(?[A-Z]{2,5}\)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)$", re.IGNORECASE)
# The longest dateline: "Published: Monday, January 14, 2024 at 10:30 a.m. EST | Updated: … By …".
_DATELINE_MAX = 240


@dataclass
class Layout:
    title: str | None
    date: FoundDate | None
    byline: str | None
    segments: tuple[Segment, ...]
    origins: dict[str, str] = field(default_factory=dict)
    site: str | None = None  # from front matter, or a news database's header


@dataclass
class _Line:
    number: int  # 1-based line number in the file, for provenance
    start: int
    end: int
    text: str
    # The line without Markdown's marks (a heading's "#", a quote's ">", emphasis), as the
    # rules read it: "# Kim visits Moscow", "*By Jane Doe*" are a headline and a byline.
    plain: str

    @cached_property
    def words(self) -> int:
        """Words in the line, counted up to _MANY_WORDS: every rule compares a line's count
        with at most that, and a paragraph's opening says whether it has that many (the
        matches in a prefix are the line's matches starting in it), so most paragraphs are
        not counted to the end."""
        text = self.text
        if len(text) > _WORDS_PREFIX and _count_words(text, _WORDS_PREFIX) >= _MANY_WORDS:
            return _MANY_WORDS
        return min(_count_words(text), _MANY_WORDS)

    @cached_property
    def is_prose(self) -> bool:
        """Reads as running text: a long line, or a sentence-sized one ending like a sentence."""
        words = self.words
        if words >= _MANY_WORDS:
            return True
        text = self.text.rstrip()
        note = _cut_note(text)
        return words >= 10 and bool(_SENTENCE_END.search(text[: note.start()] if note else text))


def read_layout(text: str, headline: str | None = None) -> Layout:
    """Find headline, dateline, byline and the roles of every stretch of `text`. With
    `headline` (the file states it), the line that is that headline is the title, and the
    lines above it that are not dates or bylines are the page's furniture (a saved page's
    menus), provided none of them reads as prose; where no line is that headline, no line
    is the title."""
    lines = _lines(text)
    roles: dict[int, Role] = {}
    layout = Layout(title=None, date=None, byline=None, segments=())
    dates: list[tuple[bool, FoundDate, str]] = []  # (is an update?, the date, where it was found)
    prefix_end = _split_leading_date(lines, dates)
    front = _front_matter(lines, layout, dates)  # lines of a leading "---" block of fields
    tail, boxed = _tail_start(lines)
    body_lines = lines[:tail]
    headline_at = _headline_line(body_lines, front, headline) if headline and layout.title is None else None
    if headline_at is not None:
        layout.title = _clean(body_lines[headline_at].plain)
        layout.origins["title"] = f"line {body_lines[headline_at].number}"
        front_matter_end, front = front, headline_at + 1
    title_key, title_words = (layout.title.casefold(), _words(layout.title)) if layout.title else (None, 0)

    first_prose = next((i for i, line in enumerate(body_lines) if i >= front and line.is_prose), None)
    header_end = min(first_prose if first_prose is not None else front + 1, front + 8, len(body_lines))
    if first_prose is None and len(body_lines) > front + 1:
        header_end = front + 1  # no running prose at all: only a first line can be a headline

    for i, line in enumerate(body_lines):
        in_header = i < header_end
        if headline_at is not None and front_matter_end <= i <= headline_at:
            dated = _date_line(line, dates) or _byline(line, layout, dates)
            roles[i] = Role.TITLE if i == headline_at else Role.META if dated else Role.CLUTTER
        elif i < front:
            roles[i] = Role.META
        elif (
            _date_line(line, dates)
            or _byline(line, layout, dates)
            or (_FIELD_LINE.match(line.plain) and line.words <= 12)
        ):
            roles[i] = Role.META
        elif i in boxed or _LINE_CLUTTER.match(line.plain):
            roles[i] = Role.CLUTTER
        elif in_header and layout.title is None and not headline and not line.is_prose and line.words:
            if _reads_as_story(line):
                header_end = i  # the story has begun: no line below it is the headline
                roles[i] = Role.BODY
            elif _is_section_label(body_lines, i, header_end):
                roles[i] = Role.META
            else:
                layout.title = _clean(line.plain)
                layout.origins["title"] = f"line {line.number}"
                roles[i] = Role.TITLE
                # Only a line of as many words can repeat it: most lines are not compared.
                title_key, title_words = layout.title.casefold(), line.words
        elif (
            layout.title
            and _opens_like(line, title_key)
            and line.words == title_words
            and _clean(line.plain).casefold() == title_key
        ):
            roles[i] = Role.META  # the headline repeated above the story
        else:
            roles[i] = Role.BODY
    for i in range(tail, len(lines)):
        roles[i] = Role.CLUTTER
    _database_header(body_lines, roles, layout, first_prose)
    if not dates:
        _date_by_the_headline(body_lines, roles, dates)

    if dates:
        _, layout.date, layout.origins["date"] = min(dates, key=lambda d: d[0])  # published beats updated
    layout.segments = _segments(text, lines, roles, prefix_end, _inner_stretches(lines, roles, tail))
    return layout


def _date_by_the_headline(lines: list[_Line], roles: dict[int, Role], dates: list) -> None:
    """A short line next to the headline that holds a full date among a section's or an
    author's name ("North Korea 09:31 August 20, 2019", "TOM BENNETT BUSINESS NOV 7, 2023
    2:00 AM"): the publication's date, and the line metadata. Read only when no labelled
    dateline gave a date."""
    title = next((i for i, role in roles.items() if role is Role.TITLE), None)
    if title is None:
        return
    for i in (title - 1, title + 1, title + 2):
        if not 0 <= i < len(lines) or roles.get(i) not in (Role.BODY, Role.CLUTTER):
            continue
        line = lines[i]
        if line.words > _HEADER_DATE_WORDS or _SENTENCE_END.search(line.text.rstrip()):
            continue
        found = find_date(line.plain)
        if found is not None and found.iso is not None:  # a day, not an ambiguous 03/04/2024
            roles[i] = Role.META
            _record_date(dates, line, found.raw, update=False)
            return


def _database_header(lines: list[_Line], roles: dict[int, Role], layout: Layout, first_prose: int | None) -> None:
    """A news database's header (Nexis: headline, publication, date, fields, then a line
    "Body"): every line between the headline and "Body" is metadata, and the one right
    under the headline names the publication."""
    marker = next((i for i in range(first_prose or 0) if _BODY_FIELD.match(lines[i].plain)), None)
    if marker is None:
        return
    title = next((i for i in range(marker) if roles[i] is Role.TITLE), None)
    for i in range(title + 1 if title is not None else 0, marker):
        if roles[i] is Role.BODY:
            roles[i] = Role.META
            if title is not None and i == title + 1 and layout.site is None and lines[i].words <= 8:
                layout.site = _clean(lines[i].plain)
                layout.origins["site"] = f"line {lines[i].number}"


def _headline_line(lines: list[_Line], start: int, headline: str) -> int | None:
    """The line that is the stated headline, when no sentence of prose comes before it (a
    saved page's menus may be long lines, but they hold no sentence). A line that is the
    headline as stated wins over one that adds a site's name to it or writes it a little
    differently (a printer's header above a PDF's headline: "Headline | Site")."""
    key, forms = _headline_key(headline), _headline_forms(headline)
    # What a line's form leaves out is its lesser part: a longer line cannot be the headline.
    longest = 2 * len(headline) + _SPACING_ROOM
    found: list[tuple[int, int]] = []  # (how closely the line is the headline, 0 best; where)
    for i in range(start, len(lines)):
        line = lines[i]
        if len(line.plain) <= longest and (closeness := _closeness(line.plain, key, forms)) is not None:
            if closeness == 0:
                return i
            found.append((closeness, i))
        if line.is_prose and _SENTENCE_END.search(line.text.rstrip()):
            break
    return min(found)[1] if found else None


# What sites put between a headline and a site's or section's name around it ("… | CNN",
# "World - …", "LinkNaija | …: …", "…-新华网", "…_新浪网"); and a bracketed word before or after
# it ("[Video]", "【速報】", "（写真＝ロイター）").
_AFFIX_SEPARATOR = re.compile(
    r"\s+[|:/»«·•~–—-]+\s+|\s*[|»«·•｜]\s*|:\s+|：|_|(?<=[^\x00-\u2e7f])[-–—]|[-–—](?=[^\x00-\u2e7f])"
)
_BRACKETED = re.compile(
    r"^\s*[\[(【（〔「][^\[\]()【】（）〔〕「」]*[\])】）〕」]|[\[(【（〔「][^\[\]()【】（）〔〕「」]*[\])】）〕」]\s*$"
)
_AFFIXES = 2  # at most this many parts taken off either end ("Headline | Section | Site")
_SPACING_ROOM = 40  # characters: spaces, quotes and marks a line may write its headline with
_NEARLY_SAME = 0.9  # a headline written with small differences (a word, a few letters)


def _headline_forms(text: str) -> set[str]:
    """A headline's forms to compare: the whole, and what is left when a shorter part set
    off by a separator (a site's name) or in brackets is taken off either end; each as its
    words alone, in one case."""
    separators = [(m.start(), m.end()) for m in _AFFIX_SEPARATOR.finditer(text)]
    starts = [0, *(end for _, end in separators[:_AFFIXES])]  # after no part, after one, after two
    ends = [*(start for start, _ in separators[-_AFFIXES:]), len(text)]
    kept = [
        text[start:end]
        for start in starts
        for end in ends
        if 2 * (end - start) > len(text)  # what is taken off is the lesser part
    ]
    kept += [
        part[: m.start()] + part[m.end() :]
        for part in kept
        for m in _BRACKETED.finditer(part)
        if 2 * (m.end() - m.start()) < len(part)
    ]
    return {key for part in kept if (key := _headline_key(part))}


def _headline_key(text: str) -> str:
    return " ".join(_KEY_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


_KEY_WORD = re.compile(r"[^\W_]+")


def _closeness(line: str, key: str, forms: set[str]) -> int | None:
    """How closely a line is the stated headline (its key, its forms): 0, it is, but for
    case, spacing and punctuation; 1, without a site's name or a bracketed word around
    either; 2, with small differences; None, it is not."""
    line_key = _headline_key(line)
    if line_key == key:
        return 0
    line_forms = _headline_forms(line)
    if line_forms & forms:
        return 1
    nearly = any(_nearly_same(a, b) for a in line_forms for b in forms)
    return 2 if nearly else None


def _nearly_same(a: str, b: str) -> bool:
    if 2 * min(len(a), len(b)) < _NEARLY_SAME * (len(a) + len(b)):
        return False  # the ratio cannot be as high
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() >= _NEARLY_SAME and matcher.ratio() >= _NEARLY_SAME  # the quick bound first


def _inner_stretches(lines: list[_Line], roles: dict[int, Role], tail: int) -> dict[int, list[tuple[int, Role]]]:
    """Stretches of the story's first and last paragraphs that are not story: a wire
    dateline opening it, and a news API's note that the text was cut ("… [+2345 chars]")
    or a copyright notice ending it."""
    body = [i for i in range(tail) if roles[i] is Role.BODY]
    inner: dict[int, list[tuple[int, Role]]] = {}
    if body and (wire := _WIRE_DATELINE.match(lines[body[0]].text)):
        inner[body[0]] = [(0, Role.META), (wire.end(), Role.BODY)]
    if body and (cut := _cut_note(lines[body[-1]].text) or _COPYRIGHT_TAIL.search(lines[body[-1]].text)):
        inner.setdefault(body[-1], []).append((cut.start(), Role.CLUTTER))
    return inner


def _cut_note(line: str) -> re.Match | None:
    """A news API's note ending the line that it cut the text ("… [+2345 chars]")."""
    return _TRUNCATED.search(line) if line.rstrip().endswith(_CUT_NOTE_END) else None


# Front matter's fields by what they give, the first found winning (Obsidian's and other
# web clippers' notes open with them).
_FRONT_FIELDS = {
    "title": ("title", "headline"),
    "byline": ("author", "authors", "byline"),
    "date": ("published", "date", "pubdate", "created"),
    "site": ("site", "site_name", "publisher", "source", "url"),
}
_FIELD = re.compile(r"^([A-Za-z][\w -]*?)\s*:\s*(.*)$")
_FRONT_FENCES = ("---", "...")


def _front_matter(lines: list[_Line], layout: Layout, dates: list) -> int:
    """A note's front matter: a "---" line opening the text, "key: value" lines, a closing
    "---" (YAML's simple form). Its title, author, date and site fill the layout. Returns
    how many lines it takes (0: none)."""
    if not lines or lines[0].number != 1 or lines[0].text.strip() != "---":
        return 0
    end = next((k for k, line in enumerate(lines[1:50], start=1) if line.text.strip() in _FRONT_FENCES), None)
    if end is None:
        return 0
    fields: dict[str, tuple[list[str], _Line]] = {}
    key = None
    for line in lines[1:end]:
        entry = _FIELD.match(line.text)
        if entry:
            key = entry.group(1).strip().casefold().replace(" ", "_")
            fields.setdefault(key, ([], line))[0].extend(_field_values(entry.group(2)))
        elif key and line.text.strip().startswith("- "):  # a list's item under its key
            fields[key][0].extend(_field_values(line.text.strip()[2:]))
    for role, keys in _FRONT_FIELDS.items():
        found = next(((k, *fields[k]) for k in keys if fields.get(k, ([], None))[0]), None)
        if found is None:
            continue
        name, values, line = found
        where = f"front matter “{name}”, line {line.number}"
        if role == "date":
            date = find_date(values[0])
            if date is not None:
                _record_date(dates, line, values[0], update=name == "created", where=where)
            continue
        value = "; ".join(values) if role == "byline" else values[0]
        if role == "site" and "://" in value:
            value = url_host(value) or ""
        if value:
            setattr(layout, role, value)
            layout.origins[role] = where
    return end + 1


def _field_values(raw: str) -> list[str]:
    """A field's values: one, or an inline list "[a, b]"; quotes and wiki links' brackets off."""
    raw = raw.strip()
    items = raw[1:-1].split(",") if raw.startswith("[") and raw.endswith("]") and not raw.startswith("[[") else [raw]
    values = [item.strip().strip("\"'").strip() for item in items]
    return [v[2:-2] if v.startswith("[[") and v.endswith("]]") else v for v in values if v]


def _unmarked(line: str) -> str:
    if line[:1] not in _MARK_OPENERS:  # most lines open with a letter: no regular expression run
        return line
    return _MARKDOWN.sub("", line) if _MARKED.match(line) else line


def _words(text: str) -> int:
    return min(_count_words(text), _MANY_WORDS)


def _count_words(text: str, end: int | None = None) -> int:
    """Words in `text` (up to `end`): a spaced script's words, and runs of a script written
    without spaces as the words their characters make."""
    end = len(text) if end is None else end
    if text.isascii() or not _MARKED_OR_UNSPACED.search(text, 0, end):  # most lines
        return len(_PLAIN_WORD.findall(text, 0, end))
    count = len(_WORD.findall(text, 0, end))
    for run in _UNSPACED.finditer(text, 0, end):
        per_word = _HAN_KANA_PER_WORD if run.group("han") else _SOUTHEAST_ASIAN_PER_WORD
        count += -(-len(run.group()) // per_word)
    return count


def _lines(text: str) -> list[_Line]:
    lines, offset = [], 0
    for number, raw in enumerate(text.split("\n"), start=1):
        if raw.strip():
            lines.append(_Line(number, offset, offset + len(raw), raw, _unmarked(raw)))
        offset += len(raw) + 1
    return lines


def _split_leading_date(lines: list[_Line], dates: list) -> int | None:
    """A page that opens with "date 2023-11-07 Amidst …": the label and date are metadata,
    the rest of the line is the story. Returns where the story starts, or None."""
    if not lines:
        return None
    first = lines[0]
    lead = _DATE_LEAD.match(first.text)
    if not lead:
        return None
    found = DATE_PATTERN.match(first.text, lead.end())
    if not found:
        return None
    rest = first.text[found.end() :]
    if _count_words(rest) < 3:
        return None  # a whole dateline: handled as a line of its own
    split = found.end() + len(rest) - len(rest.lstrip(" \t|-–—:"))
    dates.append((_is_update(lead.group("label")), _found(first.text[: found.end()], first.start), _where(first)))
    lines[0] = _Line(first.number, first.start + split, first.end, first.text[split:], _unmarked(first.text[split:]))
    return lines[0].start


def _where(line: _Line) -> str:
    return f"line {line.number}: “{_clean(line.text)[:80]}”"


def _record_date(dates: list, line: _Line, raw: str, *, update: bool, where: str | None = None) -> None:
    """Note a date `raw` as the line writes it (an update's, or the publication's)."""
    dates.append((update, _found(raw, line.start + line.text.find(raw)), where or _where(line)))


def _found(text: str, offset: int) -> FoundDate:
    found = find_date(text)
    return FoundDate(found.raw, found.iso, found.start + offset, found.end + offset)


def _is_update(label: str) -> bool:
    return label.lower().startswith(("update", "last", "modified"))


def _date_line(line: _Line, dates: list) -> bool:
    """A line that is nothing but datelines ("Published: … | Updated: …", "Update: 2023-08-16
    05:33 GMT", a bare "14 January 2024"), perhaps with a byline after the date."""
    if len(line.text) > _DATELINE_MAX:
        return False  # a paragraph, not a dateline (and searching it for dates is slow)
    opening = line.plain.strip()
    if not (_DATE_LEAD.match(opening) or DATE_PATTERN.match(opening, len(opening) - len(opening.lstrip(" :,-")))):
        return False  # its first part neither has a date label nor opens with a date
    parts = [p for p in re.split(r"\s+[|•·]\s+|\s{3,}", opening) if p.strip()]
    found_any = []
    for part in parts:
        lead = _DATE_LEAD.match(part)
        if lead:
            found = DATE_PATTERN.search(part, lead.end())
        else:
            # Without a label the date must open the part: matching there, rather than
            # searching the whole line, keeps long paragraphs cheap (no date starts with
            # one of the skipped characters, so the result is the same).
            found = DATE_PATTERN.match(part, len(part) - len(part.lstrip(" :,-")))
        if not found:
            return False
        rest = part[found.end() :].strip(" ,.;")
        if rest and not _AFTER_DATE.match(rest):
            return False
        found_any.append((_is_update(lead.group("label")) if lead else False, found))
    if not found_any:
        return False
    for is_update, found in found_any:
        _record_date(dates, line, found.group(0), update=is_update)
    return True


def _byline(line: _Line, layout: Layout, dates: list) -> bool:
    """A "By …" line; a date after the name ("By Jane Doe | June 19, 2024", "By Jane Doe
    June 19, 2024 3:53 PM EDT") is the page's."""
    match = _BYLINE.match(line.plain)
    if not match or line.words > 12 or _SENTENCE_END.search(match.group("name")):
        return False
    name, *rest = re.split(r"\s+[|•·]\s+", match.group("name"))
    dated = DATE_PATTERN.search(name)
    if dated and dated.start() > 0:  # "By Jane Doe November 2, 2023 3:53 PM EDT"
        name, rest = name[: dated.start()], [name[dated.start() :], *rest]
    name = name.strip(" ,;")
    if not name or not name[0].isupper():
        return False
    if layout.byline is None:
        layout.byline = name
        layout.origins["byline"] = f"line {line.number}"
    for part in rest:
        lead = _DATE_LEAD.match(part)
        found = DATE_PATTERN.match(part, lead.end() if lead else 0)
        if found:
            _record_date(dates, line, found.group(0), update=bool(lead) and _is_update(lead.group("label")))
    return True


def _opens_like(line: _Line, key: str) -> bool:
    """Whether the line may read `key` (a casefolded headline) once cleaned: it opens with the
    key's first letter. Asked before its words are counted: most lines of a story need their
    count for nothing else."""
    return key.startswith(line.plain.lstrip()[:1].casefold())


def _reads_as_story(line: _Line) -> bool:
    """A short line that is a piece of a sentence, not a headline: it ends with a comma or a
    semicolon ("which were released online and are making the rounds on social media,")."""
    return bool(_CLAUSE_END.search(line.text.rstrip()))


_CLAUSE_END = re.compile(r"""[,;，；、]["'”’)\]」』）】》〉]*$""")


def _is_section_label(lines: list[_Line], i: int, header_end: int) -> bool:
    """A very short line followed, still in the header, by a longer headline-like line."""
    if lines[i].words > 4:
        return False
    for later in lines[i + 1 : header_end]:
        if later.words > lines[i].words and not later.is_prose and not _DATE_LEAD.match(later.plain):
            return not _BYLINE.match(later.plain) and not _reads_as_story(later)
    return False


def _tail_start(lines: list[_Line]) -> tuple[int, set[int]]:
    """Index of the first line of trailing page clutter (len(lines) when there is none),
    and the lines of boxes inside the story: furniture the story resumes after ("RELATED
    ARTICLE" and a headline, a newsletter sign-up, where the page was saved whole)."""
    seen_prose = False
    tail = len(lines)
    boxed: set[int] = set()
    for i, line in enumerate(lines):
        if seen_prose and _TAIL_MARKERS.match(line.text.strip()) and line.words <= 10:
            box = _box_before_prose(lines, i)
            if box is None:
                tail = i
                break
            boxed.update(box)
        seen_prose = seen_prose or line.is_prose
    # Short lines that do not read as sentences just before the clutter (or at the very
    # end) are tag lists and share buttons, not the story.
    while tail > 0 and _is_tag_line(lines[tail - 1]) and any(line.is_prose for line in lines[: tail - 1]):
        tail -= 1
    return tail, boxed


def _box_before_prose(lines: list[_Line], marker: int) -> range | None:
    """The marker's box, when the story resumes right after it: within a few short lines
    and no other furniture, long paragraphs follow, as many as came before the marker. (A
    trailing "Related Articles" list may hold a teaser paragraph or two.)"""
    after = lines[marker + 1 : marker + 1 + _BOX_LINES]
    resumes = next((k for k, line in enumerate(after) if line.words >= _MANY_WORDS and line.is_prose), None)
    if resumes is None or any(_TAIL_MARKERS.match(line.text.strip()) for line in after[:resumes]):
        return None
    before = sum(1 for line in lines[:marker] if line.is_prose)
    if sum(1 for line in lines[marker + 1 :] if line.words >= _MANY_WORDS and line.is_prose) < max(2, before):
        return None
    return range(marker, marker + 1 + resumes)


def _is_tag_line(line: _Line) -> bool:
    text = line.text.strip()
    return 0 < line.words <= 12 and not _SENTENCE_END.search(text) and not text.endswith((":", ","))


def _segments(
    text: str,
    lines: list[_Line],
    roles: dict[int, Role],
    prefix_end: int | None,
    inner: dict[int, list[tuple[int, Role]]],
) -> tuple[Segment, ...]:
    """Cover the whole text: each line keeps its role and the white space after a line
    goes with it, so a run of body paragraphs is one contiguous segment. `inner`: where,
    within a line, a stretch of another role starts (offset in the line, role), such as a
    wire dateline opening the story."""
    marks = [(0, prefix_end, Role.META)] if prefix_end else []
    for i, line in enumerate(lines):
        if i in inner:
            starts = {0: roles[i], **dict(inner[i])}  # offset in the line → role from there
            marks += [(line.start + at, line.end, role) for at, role in sorted(starts.items())]
        else:
            marks.append((line.start, line.end, roles[i]))
    if not marks:
        return (Segment(0, len(text), Role.BODY),) if text else ()
    segments: list[Segment] = []
    for k, (start, _end, role) in enumerate(marks):
        start = 0 if k == 0 else start
        end = marks[k + 1][0] if k + 1 < len(marks) else len(text)
        if segments and segments[-1].role is role:
            segments[-1] = Segment(segments[-1].start, end, role)
        else:
            segments.append(Segment(start, end, role))
    return tuple(segments)


def _clean(line: str) -> str:
    return " ".join(line.split())
