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
from workbench.nlp.attribution_rules import Frame, find_frames
from workbench.nlp.attribution_spans import quotations, token_at, trim_quotes
from workbench.nlp.attribution_speakers import Discourse, Mention
from workbench.nlp.pipeline import Pipeline, PipelineUnavailable, parse

Key = TypeVar("Key")

# Bumped whenever the suggestions for the same text and pipeline change, so stored
# suggestions made the old way count as stale.
SUGGESTION_RULES_VERSION = "1"
# Paragraphs per parser batch; a paragraph is far shorter than an article.
BATCH_SIZE = 64
PARAGRAPH = re.compile(r"[^\n]+")


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
            paragraphs = body_paragraphs(article) or [(0, "")]
            for i, (offset, text) in enumerate(paragraphs):
                yield text, (key, article, offset, i == len(paragraphs) - 1)

    parsed: list = []
    for doc, (key, article, offset, last) in parse(pipeline, stream(), batch_size=batch_size):
        parsed.append((offset, doc))
        if last:
            yield key, _suggestions(article.text, parsed)
            parsed = []


def body_paragraphs(article: Article) -> list[tuple[int, str]]:
    """(offset, text) of each non-blank line of the article's body segments."""
    paragraphs = []
    for segment in article.segments:
        if segment.role is Role.BODY:
            chunk = article.text[segment.start : segment.end]
            paragraphs += [
                (segment.start + m.start(), m.group()) for m in PARAGRAPH.finditer(chunk) if m.group().strip()
            ]
    return paragraphs


def _suggestions(text: str, parsed) -> list[Suggestion]:
    discourse = Discourse()
    found: dict[tuple, Suggestion] = {}
    sentence = 0
    last_quoted: tuple[Suggestion, int] | None = None  # a quoted suggestion and its paragraph
    for paragraph, (offset, doc) in enumerate(parsed):
        if not doc.text.strip():
            continue
        quotes = quotations(doc.text)
        frames = find_frames(doc, quotes)
        sentence_of = {token.i: sentence + n for n, sent in enumerate(doc.sents) for token in sent}
        discourse.add_doc(doc, offset, paragraph, sentence_of, quotes)
        speakers: dict[int, Mention] = {}
        for frame in frames:  # named speakers first: a pronoun may stand for a later one
            if frame.source is not None:
                s_start, s_end = frame.source[0] + offset, frame.source[1] + offset
                speakers[id(frame)] = discourse.speaker_at(
                    s_start, s_end, paragraph, _sentence_at(doc, frame, sentence_of)
                )
        for frame in sorted(frames, key=lambda f: f.pronoun.idx if f.pronoun is not None else f.cue[0]):
            if frame.pronoun is None:
                continue
            holder = speakers.get(id(frame.nested_in)) if frame.nested_in is not None else None
            mention = discourse.resolve(
                frame.pronoun, frame.pronoun.idx + offset, paragraph, sentence_of[frame.pronoun.i], holder
            )
            if mention is not None:
                speakers[id(frame)] = mention
        for frame in frames:
            mention = speakers.get(id(frame))
            if mention is None:
                continue  # a pronoun that stands for nobody the analyst could use
            suggestion = _suggestion(text, offset, frame, mention)
            found.setdefault((suggestion.start, suggestion.end, suggestion.source.casefold()), suggestion)
            if frame.quoted:
                last_quoted = (suggestion, paragraph)
        for q_start, q_end in _free_quotes(doc, quotes, frames):
            if last_quoted is None or last_quoted[1] < paragraph - 1 or last_quoted[0].start > q_start + offset:
                continue
            span = trim_quotes(doc.text, q_start, q_end)
            if span is None:
                continue
            previous = last_quoted[0]
            start, end = span[0] + offset, span[1] + offset
            stance = "questions" if text[start:end].rstrip().endswith("?") else "asserts"
            suggestion = Suggestion(
                start,
                end,
                text[start:end],
                previous.source,
                previous.source_start,
                previous.source_end,
                stance,
                previous.cue,
            )
            found.setdefault((start, end, suggestion.source.casefold()), suggestion)
            last_quoted = (suggestion, paragraph)
        sentence = sentence_of[len(doc) - 1] + 1
    return sorted(found.values(), key=lambda s: (s.start, s.end, s.source_start or 0))


def _sentence_at(doc, frame: Frame, sentence_of: dict[int, int]) -> int:
    return sentence_of[token_at(doc, frame.cue[0])]


def _suggestion(text: str, offset: int, frame: Frame, mention: Mention) -> Suggestion:
    start, end = frame.content[0] + offset, frame.content[1] + offset
    cue = text[frame.cue[0] + offset : frame.cue[1] + offset]
    if frame.pronoun is not None:
        pronoun = frame.pronoun
        p_start, p_end = pronoun.idx + offset, pronoun.idx + len(pronoun.text) + offset
        if p_end <= frame.cue[0] + offset and frame.cue[0] + offset - p_end <= 24:
            cue = text[p_start : frame.cue[1] + offset]  # "she told", "they also claimed"
        else:
            cue = f"{cue} {pronoun.text}" if p_start > frame.cue[0] + offset else f"{pronoun.text} {cue}"
    return Suggestion(
        start, end, text[start:end], text[mention.start : mention.end], mention.start, mention.end, frame.stance, cue
    )


def _free_quotes(doc, quotes, frames: list[Frame]) -> list[tuple[int, int]]:
    """Quotations that stand as whole sentences and are no attribution's content or cue."""
    free = []
    for q_start, q_end in quotes:
        if any(f.content[0] <= q_end and q_start <= f.content[1] for f in frames):
            continue
        sent = doc.char_span(q_start, q_end, alignment_mode="expand")
        if sent is None:
            continue
        sentences = {t.sent.start for t in sent}
        around = "".join(doc[s].sent.text for s in sorted(sentences))
        outside = around.replace(doc.text[q_start:q_end], "")
        if not re.sub(r"[\s\"“”.,!?]", "", outside):
            free.append((q_start, q_end))
    return free
