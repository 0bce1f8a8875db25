"""The W3C Web Annotation Data Model as JSON-LD: one annotation per claim.

Each annotation targets its article (identified by its content hash, `urn:sha256:…`) with a
TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (code points, as the
model defines them). Its bodies are TextualBodies: category and stance (and each tag) with
the purpose `tagging`, the status `assessing`, the source `identifying`, the note
`commenting`. The model cannot tell a category from a stance by purpose alone, so each body
also names the claim field it holds (`field`, a term of our own added to the context).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable

from workbench.core.anchoring import quote_context
from workbench.core.dataset import AnnotatedArticle, AnnotationFileError, ClaimRecord, claim_creator
from workbench.core.text import load_json
from workbench.export.reading import read_utf8, whole_number
from workbench.export.safety import write_atomically

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
VOCABULARY = "urn:analyst-workbench:"
CONTEXT = [
    ANNO_CONTEXT,
    {
        "awb": VOCABULARY,
        "field": "awb:claimField",
        "articleTitle": "awb:articleTitle",
        "sourceFile": "awb:sourceFile",
        "sourceStart": {"@id": "awb:sourceStart", "@type": "xsd:nonNegativeInteger"},
        "sourceEnd": {"@id": "awb:sourceEnd", "@type": "xsd:nonNegativeInteger"},
    },
]
HASH_URN = "urn:sha256:"
# (claim field, purpose of its body); a claim's tags follow, each a `tagging` body.
BODY_FIELDS = (
    ("category", "tagging"),
    ("stance", "tagging"),
    ("status", "assessing"),
    ("source", "identifying"),
    ("note", "commenting"),
)
# What another program's bodies mean to us when they do not name their field.
FIELD_OF_PURPOSE = {"classifying": "category", "assessing": "status", "identifying": "source", "commenting": "note"}


def annotation(item: AnnotatedArticle, claim, default_creator: str = "") -> dict:
    article = item.article
    prefix, suffix = quote_context(article.text, claim.start, claim.end)
    bodies = [
        {
            "type": "TextualBody",
            "purpose": purpose,
            "field": name,
            "value": getattr(claim, name),
            "format": "text/plain",
        }
        for name, purpose in BODY_FIELDS
        if getattr(claim, name)
        or name in ("category", "stance", "status")
        or (name == "source" and claim.source_start is not None)
    ]
    for body in bodies:
        if body["field"] == "source" and claim.source_start is not None:  # where the text names the source
            body.update(sourceStart=claim.source_start, sourceEnd=claim.source_end)
    bodies += [{"type": "TextualBody", "purpose": "tagging", "field": "tag", "value": tag} for tag in claim.tags]
    result = {
        "id": f"{VOCABULARY}claim:{article.text_hash}:{claim.id}",
        "type": "Annotation",
        "motivation": "classifying",
        "created": claim.created_at,
        "modified": claim.updated_at,
        "body": bodies,
        "target": {
            "source": {
                "id": HASH_URN + article.text_hash,
                "type": "Text",
                "format": "text/plain",
                "articleTitle": article.title,
                "sourceFile": article.source_file,
            },
            "selector": [
                {"type": "TextQuoteSelector", "exact": claim.quote, "prefix": prefix, "suffix": suffix},
                {"type": "TextPositionSelector", "start": claim.start, "end": claim.end},
            ],
        },
    }
    creator = claim_creator(claim, default_creator)
    if creator:
        result["creator"] = {"type": "Person", "name": creator}
    return result


def write_w3c(dataset: Iterable[AnnotatedArticle], path: str | os.PathLike, *, default_creator: str = "") -> int:
    """An AnnotationCollection with one page holding every claim; returns the annotations written."""
    items = [annotation(item, claim, default_creator) for item in dataset for claim in item.claims]
    collection = {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": "Claims exported from Analyst Workbench",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }

    def write(tmp) -> None:
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            json.dump(collection, handle, ensure_ascii=False, allow_nan=False, indent=1)
            handle.write("\n")

    write_atomically(path, write)
    return len(items)


def read_w3c(path: str | os.PathLike) -> list[ClaimRecord]:
    """The claims in a Web Annotation file: a collection (its pages inline), a page, a list
    of annotations or one annotation. Annotations without a text quote are reported."""
    try:
        document = load_json(read_utf8(path))
    except RecursionError:
        raise AnnotationFileError(f"{os.fspath(path)} is JSON nested too deeply.") from None
    except ValueError as exc:
        raise AnnotationFileError(f"{os.fspath(path)} is not JSON ({exc}).") from None
    annotations = _annotations(document)
    if annotations is None:
        raise AnnotationFileError(f"{os.fspath(path)} holds no Web Annotations.")
    return [_record(f"annotation {n}", a) for n, a in enumerate(annotations, start=1)]


def _annotations(document) -> list | None:
    if isinstance(document, list):
        return document
    if not isinstance(document, dict):
        return None
    kind = document.get("type")
    if kind == "Annotation":
        return [document]
    if kind == "AnnotationPage":
        return list(_as_list(document.get("items")))
    if kind == "AnnotationCollection":
        found, page = [], document.get("first")
        while isinstance(page, dict):
            found += _as_list(page.get("items"))
            page = page.get("next")
        return found
    return None


def _record(where: str, item) -> ClaimRecord:
    if not isinstance(item, dict):
        return ClaimRecord(where, "", problem="not a JSON object")
    target = next((t for t in _as_list(item.get("target")) if isinstance(t, dict)), {})
    source = target.get("source")
    source_id = source.get("id", "") if isinstance(source, dict) else str(source or "")
    quote = position = None
    for selector in _as_list(target.get("selector")):
        if isinstance(selector, dict) and selector.get("type") == "TextQuoteSelector":
            quote = selector
        elif isinstance(selector, dict) and selector.get("type") == "TextPositionSelector":
            position = selector
    if quote is None or not isinstance(quote.get("exact"), str):
        return ClaimRecord(where, "", problem="no TextQuoteSelector")
    start = end = None
    if position is not None and whole_number(position.get("start")) and whole_number(position.get("end")):
        start, end = position["start"], position["end"]
    return ClaimRecord(
        where,
        quote=quote["exact"],
        start=start,
        end=end,
        article_hash=source_id.removeprefix(HASH_URN) if source_id.startswith(HASH_URN) else "",
        source_file=str(source.get("sourceFile", "")) if isinstance(source, dict) else "",
        prefix=str(quote.get("prefix", "")),
        suffix=str(quote.get("suffix", "")),
        fields=_fields(item),
    )


def _fields(item: dict) -> dict:
    values, tags = {}, []
    for body in _as_list(item.get("body")):
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            continue
        purpose = body.get("purpose")
        name = body.get("field") or FIELD_OF_PURPOSE.get(purpose) or ("tag" if purpose == "tagging" else None)
        if name == "tag":
            tags.append(body["value"])
        elif name in {field for field, _ in BODY_FIELDS} and name not in values:
            values[name] = body["value"]
            if name == "source" and whole_number(body.get("sourceStart")) and whole_number(body.get("sourceEnd")):
                values.update(source_start=body["sourceStart"], source_end=body["sourceEnd"])
    values["tags"] = tuple(tags)
    values.setdefault("source", "")
    values.setdefault("note", "")
    for key, name in (("created", "created_at"), ("modified", "updated_at")):
        if isinstance(item.get(key), str) and item[key]:
            values[name] = item[key]
    who = item.get("creator")
    who = who.get("name") if isinstance(who, dict) else who
    if isinstance(who, str):
        values["analyst"] = who
    return values


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
