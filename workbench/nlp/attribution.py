"""Suggested claims: the attributed statements in an article, with speaker, stance and cue.

Only the body is read (never the headline's telegraphic grammar, metadata or page
clutter), one paragraph (line) at a time, with the full English pipeline: the parser finds
the reporting structure (attribution_rules), the entities and role nouns say who can
speak, and pronoun speakers are resolved across the article (attribution_speakers); a
pronoun that stands for nobody usable is dropped rather than proposed as "She". A
quotation that follows a quoted statement as a sentence of its own is proposed with the
same speaker, as wire copy intends.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

from workbench.core.model import Article, Role, Suggestion
from workbench.nlp.attribution_rules import Frame, find_frames, is_fragment
from workbench.nlp.attribution_spans import quotations, token_at, trim_quotes
from workbench.nlp.attribution_speakers import Discourse, Mention
from workbench.nlp.casing import is_title_cased
from workbench.nlp.language import pipeline_reads
from workbench.nlp.pipeline import Pipeline, PipelineUnavailable, parse

Key = TypeVar("Key")

# Bumped whenever the suggestions for the same text and pipeline change, so stored
# suggestions made the old way count as stale.
SUGGESTION_RULES_VERSION = "5"
# Paragraphs per parser batch; a paragraph is far shorter than an article.
BATCH_SIZE = 64
PARAGRAPH = re.compile(r"[^\n]+")
# Longer lines are parsed in pieces: the parser's memory grows with the length of a doc.
MAX_PARAGRAPH = 20_000
# What a sentence may hold besides a quotation and still be a quotation alone.
NOT_QUOTE = re.compile(r"[\s\"“”.,!?]")
# Characters allowed between a pronoun and its verb for the cue to run from one to the other.
MAX_PRONOUN_GAP = 24


def suggestion_model(pipeline: Pipeline) -> tuple[str, str]:
    """(name, version) to record with stored suggestions; a change means recomputing."""
    return pipeline.name, f"{pipeline.version}+attribution{SUGGESTION_RULES_VERSION}"


def suggest_claims(pipeline: Pipeline, article: Article) -> list[Suggestion]:
    """The suggested claims of one article, sorted by start."""
    return next(suggest_many(pipeline, [(None, article)]))[1]


def suggest_many(
    pipeline: Pipeline, articles: Iterable[tuple[Key, Article]], *, batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Key, list[Suggestion]]]:
    """For each (key, article) yield (key, suggestions sorted by start), in input order,
    as each article is done. Parses in batches in the calling thread; the pipeline's NER-only
    setting for bulk entity recognition is left as it is.

    Raises PipelineUnavailable when the pipeline has no parser.
    """
    if not pipeline.can_parse:
        raise PipelineUnavailable(
            f"The spaCy pipeline {pipeline.name} has no dependency parser, which suggested claims need."
        )

    def stream():
        for key, article in articles:
            paragraphs = body_paragraphs(article)
            if not paragraphs or not pipeline_reads(pipeline.name, article.body_text):
                paragraphs = [(0, "")]
            for i, (offset, text) in enumerate(paragraphs):
                yield text, (key, article, offset, i == len(paragraphs) - 1)

    parsed: list = []
    for doc, (key, article, offset, last) in parse(pipeline, stream(), batch_size=batch_size):
        parsed.append((offset, doc))
        if last:
            yield key, _suggestions(article.text, parsed)
            parsed = []


def body_paragraphs(article: Article) -> list[tuple[int, str]]:
    """(offset, text) of each non-blank line of the article's body segments, but headings
    (a title-cased line: a subheading, another story's headline in a teaser, where "Americans
    Question Their Relationships" reads as a statement); a line longer than MAX_PARAGRAPH is
    cut after a sentence end (or a space) into pieces the parser takes."""
    paragraphs = []
    for segment in article.segments:
        if segment.role is Role.BODY:
            for line in PARAGRAPH.finditer(article.text, segment.start, segment.end):
                if line.group().strip() and not is_title_cased(line.group()):
                    paragraphs += _pieces(line.start(), line.group())
    return paragraphs


def _pieces(offset: int, text: str) -> list[tuple[int, str]]:
    pieces = []
    while len(text) > MAX_PARAGRAPH:
        cut = text.rfind(". ", 0, MAX_PARAGRAPH)
        cut = cut + 2 if cut > 0 else (text.rfind(" ", 0, MAX_PARAGRAPH) + 1 or MAX_PARAGRAPH)
        pieces.append((offset, text[:cut]))
        offset, text = offset + cut, text[cut:]
    return pieces + [(offset, text)]


def _suggestions(text: str, parsed) -> list[Suggestion]:
    reader = _ArticleReader(text)
    for paragraph, (offset, doc) in enumerate(parsed):
        if doc.text.strip():
            reader.read(paragraph, offset, doc)
    return sorted(reader.found.values(), key=lambda s: (s.start, s.end, s.source_start or 0))


class _ArticleReader:
    """Reads one article a paragraph at a time, remembering who was named and who was
    quoted last, so that pronouns and follow-on quotations find their speaker."""

    def __init__(self, text: str):
        self.text = text
        self.discourse = Discourse()
        self.found: dict[tuple[int, int, str], Suggestion] = {}
        self.sentence = 0  # index of the paragraph's first sentence in the article
        self.last_quoted: tuple[Suggestion, int] | None = None  # and its paragraph

    def read(self, paragraph: int, offset: int, doc) -> None:
        quotes = quotations(doc.text)
        frames = find_frames(doc, quotes)
        sentence_of = {token.i: self.sentence + n for n, sent in enumerate(doc.sents) for token in sent}
        self.discourse.add_doc(doc, offset, paragraph, sentence_of, quotes)
        speakers = self._speakers(frames, paragraph, offset, doc, sentence_of, quotes)
        for frame in frames:
            mention = speakers.get(id(frame))
            if mention is None:
                continue  # a pronoun that stands for nobody the analyst could use
            suggestion = _suggestion(self.text, offset, frame, mention)
            self._add(suggestion)
            if frame.quoted:
                self.last_quoted = (suggestion, paragraph)
        for q_start, q_end in _free_quotes(doc, quotes, frames):
            self._continue_quote(paragraph, q_start + offset, q_end + offset)
        self.sentence = sentence_of[len(doc) - 1] + 1

    def _speakers(self, frames, paragraph: int, offset: int, doc, sentence_of, quotes) -> dict[int, Mention]:
        """The mention standing for each frame's speaker (by frame id): named speakers first,
        since a pronoun may stand for a speaker named after it in the sentence. A speaker
        named inside a quotation (someone the quoted person reports) is not one a pronoun
        outside it can stand for."""
        speakers: dict[int, Mention] = {}
        for frame in frames:
            if frame.source is not None:
                sentence = sentence_of[token_at(doc, frame.cue[0])]
                start, end = frame.source[0] + offset, frame.source[1] + offset
                quoted = any(q0 <= frame.source[0] < q1 for q0, q1 in quotes)
                speakers[id(frame)] = self.discourse.speaker_at(start, end, paragraph, sentence, quoted=quoted)
        for frame in sorted((f for f in frames if f.pronoun is not None), key=lambda f: f.pronoun.idx):
            holder = speakers.get(id(frame.nested_in)) if frame.nested_in is not None else None
            pronoun = frame.pronoun
            mention = self.discourse.resolve(pronoun, pronoun.idx + offset, paragraph, sentence_of[pronoun.i], holder)
            if mention is not None:
                speakers[id(frame)] = mention
        return speakers

    def _continue_quote(self, paragraph: int, q_start: int, q_end: int) -> None:
        """A quotation standing alone right after a quoted statement: the same speaker's."""
        if self.last_quoted is None:
            return
        previous, previous_paragraph = self.last_quoted
        span = trim_quotes(self.text, q_start, q_end)
        if span is None or previous_paragraph < paragraph - 1 or previous.start > q_start:
            return
        start, end = span
        stance = "questions" if self.text[start:end].endswith("?") else "asserts"
        suggestion = Suggestion(
            start,
            end,
            self.text[start:end],
            previous.source,
            previous.source_start,
            previous.source_end,
            stance,
            previous.cue,
        )
        self._add(suggestion)
        self.last_quoted = (suggestion, paragraph)

    def _add(self, suggestion: Suggestion) -> None:
        self.found.setdefault((suggestion.start, suggestion.end, suggestion.source.casefold()), suggestion)


def _suggestion(text: str, offset: int, frame: Frame, mention: Mention) -> Suggestion:
    start, end = frame.content[0] + offset, frame.content[1] + offset
    cue_start, cue_end = frame.cue[0] + offset, frame.cue[1] + offset
    cue = text[cue_start:cue_end]
    if frame.pronoun is not None:  # the pronoun is part of the cue: "she told", "according to him"
        p_start = frame.pronoun.idx + offset
        p_end = p_start + len(frame.pronoun.text)
        if p_end <= cue_start <= p_end + MAX_PRONOUN_GAP:
            cue = text[p_start:cue_end]  # "they also claimed"
        else:
            cue = f"{cue} {frame.pronoun.text}" if p_start > cue_start else f"{frame.pronoun.text} {cue}"
    source = text[mention.start : mention.end]
    return Suggestion(start, end, text[start:end], source, mention.start, mention.end, frame.stance, cue)


def _free_quotes(doc, quotes, frames: list[Frame]) -> list[tuple[int, int]]:
    """Quotations that are whole sentences, say something (is_fragment) and are no
    attribution's content."""
    free = []
    for q_start, q_end in quotes:
        if any(f.content[0] <= q_end and q_start <= f.content[1] for f in frames) or is_fragment(doc, (q_start, q_end)):
            continue
        quoted = doc.char_span(q_start, q_end, alignment_mode="expand")
        if quoted is None:
            continue
        first, last = quoted[0].sent, quoted[-1].sent
        sentences = doc.text[first.start_char : last.end_char]  # one or more: “… . …”
        if not NOT_QUOTE.sub("", sentences.replace(doc.text[q_start:q_end], "")):
            free.append((q_start, q_end))
    return free
