"""JSON Lines: one JSON object per article with its whole text, its entity mentions and
its claims as character-offset spans. `text` with `spans` ({start, end, label}) is the
layout spaCy-based annotation tools read; the spans are the claims, labelled by category.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable

from workbench.core.anchoring import quote_context
from workbench.core.dataset import (
    AnnotatedArticle,
    AnnotationFileError,
    ClaimRecord,
    claim_creator,
    claim_field_names,
    optional_number_fields,
)
from workbench.core.text import content_hash, load_json
from workbench.export.reading import read_utf8, whole_number
from workbench.export.safety import write_atomically

NUMBERS = optional_number_fields()
# JSON allows these raw inside strings, but line splitters that follow Unicode
# (str.splitlines, JavaScript) break a line there: escape them.
_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"}


def article_object(item: AnnotatedArticle, default_creator: str = "") -> dict:
    article = item.article
    claims = []
    for claim in item.claims:
        fields = {name: getattr(claim, name) for name in claim_field_names()}
        fields["tags"] = list(claim.tags)
        claims.append({"id": claim.id, **fields, "creator": claim_creator(claim, default_creator)})
    return {
        "id": article.id,
        "article_hash": article.text_hash,
        "source_file": article.source_file,
        "title": article.title,
        "date": article.date,
        "date_raw": article.date_raw,
        "byline": article.byline,
        "text": article.text,
        "meta": {"article_hash": article.text_hash, "source_file": article.source_file, "title": article.title},
        "segments": [{"start": s.start, "end": s.end, "role": s.role.value} for s in article.segments],
        "spans": [{"start": c.start, "end": c.end, "label": c.category} for c in item.claims],
        "entities": [{"start": m.start, "end": m.end, "label": m.label, "text": m.text} for m in item.mentions],
        "model": {"name": item.model[0], "version": item.model[1]} if item.model else None,
        "claims": claims,
    }


def write_jsonl(dataset: Iterable[AnnotatedArticle], path: str | os.PathLike, *, default_creator: str = "") -> int:
    """One line per article; returns the number of lines written."""
    count = 0

    def write(tmp) -> None:
        nonlocal count
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            for item in dataset:
                line = json.dumps(article_object(item, default_creator), ensure_ascii=False, allow_nan=False)
                for char, escaped in _LINE_BREAKS.items():
                    line = line.replace(char, escaped)
                handle.write(line + "\n")
                count += 1

    write_atomically(path, write)
    return count


def read_jsonl(path: str | os.PathLike) -> list[ClaimRecord]:
    """The claims of a JSON Lines file: our export's `claims`, or, in a line without them,
    its `spans` (category from the label) as a span-annotation tool writes them."""
    records = []
    known = set(claim_field_names()) - {"start", "end", "quote"}
    for number, line in _lines(path):
        try:
            obj = load_json(line, parse_constant=_refuse_constant)
        except RecursionError:
            raise AnnotationFileError(f"Line {number} of {os.fspath(path)} is JSON nested too deeply.") from None
        except ValueError as exc:
            raise AnnotationFileError(f"Line {number} of {os.fspath(path)} is not JSON ({exc}).") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise AnnotationFileError(f"Line {number} of {os.fspath(path)} is not an article with a text.")
        text = obj["text"]
        meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
        article_hash = obj.get("article_hash") or meta.get("article_hash") or content_hash(text)
        source_file = obj.get("source_file") or meta.get("source_file") or ""
        spans = obj.get("claims")
        if spans is None:
            spans = [{**s, "category": s.get("label")} for s in obj.get("spans") or [] if isinstance(s, dict)]
        for index, span in enumerate(spans, start=1):
            where = f"line {number}, claim {index}"
            if not isinstance(span, dict):
                records.append(ClaimRecord(where, "", problem="not a JSON object"))
                continue
            records.append(_record(where, span, text, str(article_hash), str(source_file), known))
    return records


def _record(where, span, text, article_hash, source_file, known) -> ClaimRecord:
    start, end = span.get("start"), span.get("end")
    if not (whole_number(start) and whole_number(end)):
        return ClaimRecord(where, str(span.get("quote", "")), problem="start and end are not whole numbers")
    quote = span.get("quote")
    if not isinstance(quote, str):
        quote = text[start:end]  # span layout: the span is the text at its offsets
    prefix, suffix = quote_context(text, start, end) if text[start:end] == quote else ("", "")
    values = {}
    for name in known & span.keys():
        value = span[name]
        if name == "tags" and isinstance(value, list):
            values[name] = tuple(str(v) for v in value)
        elif name in NUMBERS and (value is None or whole_number(value)):
            values[name] = value
        elif isinstance(value, str) and not (name in ("category", "stance", "status") and not value):
            values[name] = value
    if isinstance(span.get("creator"), str) and "analyst" not in values:
        values["analyst"] = span["creator"]
    return ClaimRecord(where, quote, start, end, article_hash, source_file, prefix, suffix, values)


def _lines(path) -> list[tuple[int, str]]:
    # NOTE: split on LF only: str.splitlines would also split at U+2028 and others.
    return [(n, line) for n, line in enumerate(read_utf8(path).split("\n"), start=1) if line.strip()]


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")
