"""spaCy's binary training format (`.spacy`, a DocBin): one Doc per article, its entity
mentions as `doc.ents`, its claims in `doc.spans["claims"]` labelled by category, and every
claim's fields in `doc.user_data["claims"]`, in the order of the span group.

spaCy is imported only here, and only when such an export runs.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from workbench.core.dataset import AnnotatedArticle, claim_creator, claim_field_names
from workbench.export.safety import ExportError, write_atomically

SPAN_KEY = "claims"


def write_docbin(dataset: Iterable[AnnotatedArticle], path: str | os.PathLike, *, default_creator: str = "") -> int:
    """Write one Doc per article; returns the number of Docs written."""
    import spacy
    from spacy.tokens import DocBin
    from spacy.util import filter_spans

    nlp = spacy.blank("en")  # the tokenizer only: no model weights are needed
    docs = DocBin(store_user_data=True)
    for item in dataset:
        article = item.article
        starts = {m.start for m in item.mentions} | {c.start for c in item.claims}
        ends = {m.end for m in item.mentions} | {c.end for c in item.claims}
        doc = _doc(nlp, article.text, starts, ends)
        doc.ents = filter_spans([_span(doc, m.start, m.end, m.label, article) for m in item.mentions])
        doc.spans[SPAN_KEY] = [_span(doc, c.start, c.end, c.category, article) for c in item.claims]
        doc.user_data[SPAN_KEY] = [
            {"id": c.id, **_fields(c), "creator": claim_creator(c, default_creator)} for c in item.claims
        ]
        doc.user_data["article"] = {
            "id": article.id,
            "article_hash": article.text_hash,
            "source_file": article.source_file,
            "title": article.title,
            "date": article.date,
        }
        docs.add(doc)
    write_atomically(path, lambda tmp: docs.to_disk(tmp))
    return len(docs)


def _fields(claim) -> dict:
    fields = {name: getattr(claim, name) for name in claim_field_names()}
    fields["tags"] = list(claim.tags)
    return fields


def _doc(nlp, text: str, starts: set[int], ends: set[int]):
    """The text tokenized as usual, with tokens also split wherever a span starts or ends,
    so that every span covers whole tokens and its text is exactly its quote."""
    from spacy.tokens import Doc

    cuts = starts | ends
    words, spaces = [], []
    for token in nlp.tokenizer(text):
        begin, finish = token.idx, token.idx + len(token.text)
        inner = sorted(c for c in cuts if begin < c < finish)
        bounds = [begin, *inner, finish]
        for a, b in zip(bounds, bounds[1:], strict=False):
            words.append(text[a:b])
            spaces.append(False)
        if token.whitespace_:
            # A span that starts at this space, or ends just after it, needs the space as a token.
            if finish in starts or finish + 1 in ends:
                words.append(token.whitespace_)
                spaces.append(False)
            else:
                spaces[-1] = True
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    if doc.text != text:
        raise ExportError("spaCy could not keep an article's text as it is; export it as jsonl instead.")
    return doc


def _span(doc, start: int, end: int, label: str, article):
    span = doc.char_span(start, end, label=label)
    if span is None:
        raise ExportError(f"The span {start}–{end} of “{article.title}” does not fit spaCy's tokens.")
    return span
