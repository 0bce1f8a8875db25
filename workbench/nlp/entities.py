"""Named-entity recognition over articles' analysed runs."""

from __future__ import annotations

import multiprocessing
import re
import signal
import threading
import warnings
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TypeVar

from workbench.core.model import NAMED_LABELS, EntitySpan
from workbench.core.processes import forked_children_leave_interrupts_to_parent
from workbench.core.spans import trim_possessive
from workbench.nlp.casing import lowered_for_ner
from workbench.nlp.language import pipeline_reads
from workbench.nlp.pipeline import Pipeline

Key = TypeVar("Key")

# Labels of names the recogniser writes with or without "the" ("the United States", "United
# States"): trimmed, they count as one. Titles of works keep theirs, and so does a
# sentence-initial "The" ("The Hague", "The Associated Press").
ARTICLE_FREE = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW"})
_WORD = re.compile(r"\w+")
# Peak memory grows with the batch: 64 news articles stay near 0.5 GB (1000 went past 3 GB).
BATCH_SIZE = 64
# spaCy refuses a text longer than nlp.max_length (1,000,000 characters), and its memory
# grows with a text's length: longer runs are read in pieces, cut at line breaks.
PIECE_CHARS = 100_000


def find_entities(
    pipeline: Pipeline,
    articles: Iterable[tuple[Key, list[tuple[int, str]]]],
    *,
    batch_size: int = BATCH_SIZE,
    processes: int = 1,
) -> Iterator[tuple[Key, list[EntitySpan]]]:
    """For each (key, runs) — runs being (offset, text) stretches of one article — yield
    (key, mentions) with offsets into the whole article, in input order, as each article
    is done. Title-cased lines are read with their common words lowered (nlp.casing); an
    article not in the pipeline's language has no mentions (nlp.language).
    Only the enabled components (NER) run; with `processes` > 1, in that many
    worker processes (spaCy's n_process: never from a process running other threads, such
    as the window's, as it forks)."""

    # NOTE: texts go in plain, their keys wait here in the same order (spaCy yields docs
    # in input order). With as_tuples, spaCy makes each Doc in this process and ships it to
    # the workers serialised, which takes CPU time from them (300 articles in two workers
    # on two cores: 16.8 s that way, 14.4 s this way).
    waiting: deque[tuple[Key, int, str, bool]] = deque()

    def texts():
        for key, runs in articles:
            if not runs or not pipeline_reads(pipeline.name, "".join(text for _, text in runs)):
                runs = [(0, "")]  # nothing to read, or not in the pipeline's language: no mentions
            pieces = [
                (start, piece, read[start - offset : start - offset + len(piece)])
                for (offset, text), read in zip(runs, lowered_for_ner(runs), strict=True)
                for start, piece in _pieces(offset, text)
            ]
            for i, (offset, text, read) in enumerate(pieces):
                waiting.append((key, offset, text, i == len(pieces) - 1))
                yield read

    found: list[EntitySpan] = []
    read: list[str] = []  # the article's texts read so far
    docs = pipeline.nlp.pipe(texts(), batch_size=batch_size, n_process=processes)
    with _workers_stopped_on_interrupt(processes > 1) as stop_workers:
        try:
            for doc in docs:
                key, offset, text, last = waiting.popleft()
                found.extend(mentions_in(doc, text, offset))
                read.append(text)
                if last:
                    yield key, consistent_labels(found, "\n".join(read))
                    found, read = [], []
        except BaseException:  # stopped early: Ctrl+C, or the caller is done with us
            stop_workers()
            raise
        finally:
            docs.close()


@contextmanager
def _workers_stopped_on_interrupt(forking: bool) -> Iterator[Callable[[], None]]:
    """spaCy's worker processes (n_process) ignore Ctrl+C, and are ended here when it comes:
    spaCy joins them as the interrupt passes through it, and they would first finish their
    queues, or wait forever on a full pipe. Yields the function that ends them (which does
    nothing without them: another thread's processes, an import's, are not ours to end)."""
    if not forking:
        yield lambda: None
        return
    others = set(multiprocessing.active_children())

    def stop() -> None:
        for worker in set(multiprocessing.active_children()) - others:
            worker.terminate()
        # spaCy's W127, "not all workers completed", would now be printed: we ended them
        warnings.filterwarnings("ignore", message=r"\[W127\]")

    forked_children_leave_interrupts_to_parent()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def on_interrupt(_signal, _frame) -> None:
        stop()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


def _pieces(offset: int, text: str) -> Iterator[tuple[int, str]]:
    """(offset, text) pieces of at most PIECE_CHARS, cut after a line break when there is one."""
    start = 0
    while len(text) - start > PIECE_CHARS:
        cut = text.rfind("\n", start, start + PIECE_CHARS) + 1
        if cut <= start:
            cut = start + PIECE_CHARS
        yield offset + start, text[start:cut]
        start = cut
    yield offset + start, text[start:]


def mentions_in(doc, text: str, offset: int = 0) -> list[EntitySpan]:
    """The doc's entities as spans of the whole article, possessives and a leading "the"
    trimmed, cut from `text`: the doc's text as the article has it (its headline's
    capitals, unlike the text NER read, and without Doc.text joining it again from every
    token). A mention with no letter or digit in it (an emoji read as a number, a lone
    dash) names nothing and is dropped."""
    mentions = []
    for ent in doc.ents:
        start, end = ent.start_char, trim_possessive(text, ent.start_char, ent.end_char)
        if ent.label_ in ARTICLE_FREE and text.startswith("the ", start, end) and end - start > 4:
            start += 4  # "the Supreme Court" is "Supreme Court", as the recogniser writes it half the time
        if (newline := text.find("\n", start, end)) >= 0:
            end = newline  # a name ends at a line break (the recogniser ran one into the next paragraph)
        while end > start and text[end - 1].isspace():
            end -= 1
        if any(c.isalnum() for c in text[start:end]):
            mentions.append(EntitySpan(start + offset, end + offset, ent.label_, text[start:end]))
    return mentions


def consistent_labels(mentions: list[EntitySpan], text: str) -> list[EntitySpan]:
    """One label for each name throughout an article, as its reader would give it: the
    recogniser labels a name anew at each mention, and en_core_web_sm gives the same
    "Trump" PERSON 28 times and ORG 25 times in one story. A name written alone that is the
    last word of a person's full name in the article ("Adelson" after "Sheldon Adelson") is
    that person, unless it is an acronym or the article `text` also writes it in lower case
    (a word: "Venetian Hotel" read as a person's name); any other name takes the label most
    of its mentions have (a tie changes nothing). Numbers, dates and amounts keep theirs."""
    last_words = {m.text.split()[-1] for m in mentions if m.label == "PERSON" and len(m.text.split()) > 1}
    written = set(_WORD.findall(text)) if last_words else set()
    surnames = {word for word in last_words if not word.isupper() and word.lower() not in written}
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if m.label in NAMED_LABELS:
            votes[m.text][m.label] += 1
    chosen = {name: _label_of(counts, name in surnames) for name, counts in votes.items()}
    return [
        replace(m, label=chosen[m.text]) if m.label in NAMED_LABELS and chosen[m.text] not in (None, m.label) else m
        for m in mentions
    ]


def _label_of(counts: Counter, surname: bool) -> str | None:
    if surname:
        return "PERSON"
    (best, most), *rest = counts.most_common()
    return best if not rest or rest[0][1] < most else None  # a tie: no label is the name's
