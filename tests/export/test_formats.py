"""Every export format, read by the programs meant to read it: pandas, openpyxl, spaCy, a
JSON-LD processor; filters, counts, and failures that leave the destination as it was."""

import errno
import json
import os
from pathlib import Path

import pandas as pd
import pytest

from tests.export.conftest import read
from workbench.core.cells import join_list, split_list
from workbench.export.safety import ExportError
from workbench.export.tables import ARTICLE_COLUMNS, CLAIM_COLUMNS, CLAIM_MENTION_COLUMNS
from workbench.services.exporting import FORMATS, SUFFIXES, ExportFilter, export_dataset

ANNO_CONTEXT = Path(__file__).parent / "data" / "anno.jsonld"  # the W3C's context document, served offline


def test_xlsx_holds_text_cells_never_formulas_and_a_sheet_of_articles(annotated, tmp_path):
    import openpyxl

    s, claim_a, claim_b = annotated
    out = tmp_path / "claims.xlsx"
    assert export_dataset(s.store, out, format="xlsx").records == 2
    claims = pd.read_excel(out, sheet_name="Claims", dtype=str, keep_default_na=False)
    assert tuple(claims.columns) == CLAIM_COLUMNS
    row = claims[claims.claim_id == str(claim_a.id)].iloc[0]
    assert (row.quote, row.note, row.tags) == ("=SUM(A1),", '=HYPERLINK("http://x")', "a; b")
    articles = pd.read_excel(out, sheet_name="Articles", dtype=str, keep_default_na=False)
    assert tuple(articles.columns) == ARTICLE_COLUMNS and len(articles) == 6
    assert s.article(claim_b.article_id).text_hash in set(articles.article_hash)
    book = openpyxl.load_workbook(out)
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert {c.value for c in cells if c.data_type == "s"} >= {"=SUM(A1),", '=HYPERLINK("http://x")'}


def test_xlsx_refuses_a_value_longer_than_a_cell_holds(annotated, tmp_path):
    s, claim_a, _ = annotated
    s.edit_claim(claim_id=claim_a.id, note="x" * 40_000)
    (tmp_path / "out").mkdir()
    with pytest.raises(ExportError, match="at most 32,767"):
        export_dataset(s.store, tmp_path / "out" / "c.xlsx", format="xlsx")
    assert not list((tmp_path / "out").iterdir())


def test_spacy_docbin_loads_and_trains(annotated, tmp_path):
    import spacy
    from spacy.tokens import DocBin
    from spacy.training import Example

    s, claim_a, claim_b = annotated
    out = tmp_path / "train.spacy"
    assert export_dataset(s.store, out, format="spacy", analyst="Ann").records == 6
    nlp = spacy.blank("en")
    docs = list(DocBin().from_disk(out).get_docs(nlp.vocab))
    assert len(docs) == 6
    by_hash = {doc.user_data["article"]["article_hash"]: doc for doc in docs}
    for claim in (claim_a, claim_b):
        doc = by_hash[s.article(claim.article_id).text_hash]
        assert doc.text == s.article(claim.article_id).text
        (span,) = doc.spans["claims"]
        assert (span.text, span.label_, span.start_char) == (claim.quote, claim.category, claim.start)
        (fields,) = doc.user_data["claims"]
        assert (fields["note"], tuple(fields["tags"]), fields["creator"]) == (claim.note, claim.tags, "Ann")
    seed = by_hash[s.article(1).text_hash]
    assert [(e.text, e.label_) for e in seed.ents][:1] == [
        (m.text, m.label) for m in s.entities(1) if m.start == seed.ents[0].start_char
    ]
    assert all(e.text == m.text for e, m in zip(seed.ents, s.entities(1), strict=True))
    # What a user does with it: train a recogniser on the entities.
    ner = nlp.add_pipe("ner")
    for doc in docs:
        for ent in doc.ents:
            ner.add_label(ent.label_)
    optimizer = nlp.initialize()
    losses = nlp.update([Example(nlp.make_doc(d.text), d) for d in docs], sgd=optimizer)
    assert losses["ner"] > 0


def test_jsonl_is_one_article_per_line_with_spans_that_fit(annotated, tmp_path):
    s, claim_a, _ = annotated
    out = tmp_path / "data.jsonl"
    assert export_dataset(s.store, out, format="jsonl").records == 6
    frame = pd.read_json(out, lines=True)
    assert len(frame) == 6 and {"text", "spans", "entities", "claims", "article_hash"} <= set(frame.columns)
    for line in out.read_text(encoding="utf-8").split("\n")[:-1]:
        record = json.loads(line)
        text = record["text"]
        for span, claim in zip(record["spans"], record["claims"], strict=True):
            assert set(span) == {"start", "end", "label"} and span["label"] == claim["category"]
            assert text[span["start"] : span["end"]] == claim["quote"]
        for mention in record["entities"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
    tricky = next(json.loads(line) for line in out.read_text().splitlines() if '"tricky.txt"' in line)
    assert tricky["claims"][0]["note"] == '=HYPERLINK("http://x")' and tricky["claims"][0]["tags"] == ["a", "b"]


def test_w3c_export_is_json_ld_a_processor_reads(annotated, tmp_path):
    from pyld import jsonld

    s, claim_a, _ = annotated
    out = tmp_path / "claims.jsonld"
    assert export_dataset(s.store, out, format="w3c", analyst="Ann").records == 2

    def offline_loader(url, options=None):
        assert url.rstrip("/") == "http://www.w3.org/ns/anno.jsonld"
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
                "document": json.loads(ANNO_CONTEXT.read_text())}  # fmt: skip

    document = json.loads(out.read_text(encoding="utf-8"))
    expanded = jsonld.expand(document, {"documentLoader": offline_loader})
    oa, dcterms = "http://www.w3.org/ns/oa#", "http://purl.org/dc/terms/"
    items = expanded[0]["http://www.w3.org/ns/activitystreams#first"][0]["http://www.w3.org/ns/activitystreams#items"]
    annotations = items[0]["@list"]
    assert len(annotations) == 2
    mine = next(a for a in annotations if a["@id"].endswith(f":{claim_a.id}"))
    assert mine["@type"] == [oa + "Annotation"]
    assert mine[dcterms + "created"][0]["@type"] == "http://www.w3.org/2001/XMLSchema#dateTime"
    assert mine[dcterms + "creator"][0]["http://xmlns.com/foaf/0.1/name"][0]["@value"] == "Ann"
    target = mine[oa + "hasTarget"][0]
    assert target[oa + "hasSource"][0]["@id"] == "urn:sha256:" + s.article(claim_a.article_id).text_hash
    selectors = {sel["@type"][0]: sel for sel in target[oa + "hasSelector"]}
    quote = selectors[oa + "TextQuoteSelector"]
    assert quote[oa + "exact"][0]["@value"] == claim_a.quote
    assert quote[oa + "prefix"][0]["@value"].endswith("said: ")
    position = selectors[oa + "TextPositionSelector"]
    assert int(position[oa + "start"][0]["@value"]) == claim_a.start
    purposes = {
        (body[oa + "hasPurpose"][0]["@id"], body["http://www.w3.org/1999/02/22-rdf-syntax-ns#value"][0]["@value"])
        for body in mine[oa + "hasBody"]
    }
    assert {(oa + "tagging", claim_a.category), (oa + "tagging", claim_a.stance)} <= purposes
    assert (oa + "commenting", claim_a.note) in purposes
    assert jsonld.to_rdf(document, {"documentLoader": offline_loader, "format": "application/n-quads"})


def test_csv_with_one_row_per_entity_mention(seeded_session, tmp_path):
    s = seeded_session
    text = s.article(1).text
    start = text.index("Kim Jong Un")
    claim, _ = s.add_claim(article_id=1, start=start, end=text.index(".", start) + 1)
    lonely, _ = s.add_claim(article_id=1, start=0, end=5)
    out = tmp_path / "mentions.csv"
    result = export_dataset(s.store, out, per_mention=True)
    frame = read(out)
    assert tuple(frame.columns) == CLAIM_MENTION_COLUMNS and result.records == len(frame)
    inside = [m for m in s.entities(1) if claim.start <= m.start and m.end <= claim.end]
    rows = frame[frame.claim_id == str(claim.id)]
    assert len(inside) >= 2 and len(rows) == len(inside)
    assert list(zip(rows.entity_text, rows.entity_label, strict=True)) == [(m.text, m.label) for m in inside]
    assert all(
        text[int(a) : int(b)] == t for a, b, t in zip(rows.entity_start, rows.entity_end, rows.entity_text, strict=True)
    )
    (empty,) = frame[frame.claim_id == str(lonely.id)].itertuples()
    assert (empty.entity_start, empty.entity_text, empty.quote) == ("", "", lonely.quote)


def test_filters_limit_every_format_and_the_count_says_so(annotated, tmp_path):
    s, claim_a, claim_b = annotated
    intent = ExportFilter(categories=frozenset({"Intent"}))
    assert export_dataset(s.store, tmp_path / "a.csv", selection=intent).records == 1
    assert read(tmp_path / "a.csv").claim_id.tolist() == [str(claim_b.id)]
    assert export_dataset(s.store, tmp_path / "a.jsonl", format="jsonl", selection=intent).records == 1
    only_first = ExportFilter(article_ids=frozenset({claim_b.article_id}))
    assert export_dataset(s.store, tmp_path / "b.jsonl", format="jsonl", selection=only_first).records == 1
    corroborated = ExportFilter(statuses=frozenset({"corroborated"}))
    assert export_dataset(s.store, tmp_path / "c.jsonld", format="w3c", selection=corroborated).records == 1
    by_ann = ExportFilter(analysts=frozenset({"Ann"}))
    assert export_dataset(s.store, tmp_path / "d.csv", selection=by_ann, analyst="Ann").records == 2
    assert export_dataset(s.store, tmp_path / "e.csv", selection=by_ann, analyst="Bob").records == 0
    assert export_dataset(s.store, tmp_path / "f.spacy", format="spacy", selection=by_ann, analyst="Bob").records == 0


@pytest.mark.parametrize("format", FORMATS)
def test_an_export_never_overwrites_the_project_or_its_journal(annotated, format):
    s, _, _ = annotated
    project = Path(s.store.path)
    articles = s.store.article_count()
    for target in (project, project.with_name(project.name + "-wal")):
        with pytest.raises(ExportError, match="it is a project"):
            export_dataset(s.store, target, format=format)
    assert project.read_bytes().startswith(b"SQLite format 3") and s.store.article_count() == articles


def test_an_export_writes_through_a_link_and_into_a_pipe(annotated, tmp_path):
    import threading

    s, _, _ = annotated
    shared = tmp_path / "shared.csv"
    shared.write_text("the previous export")
    link = tmp_path / "link.csv"
    link.symlink_to(shared)
    export_dataset(s.store, link, format="csv")
    assert link.is_symlink() and shared.read_text(encoding="utf-8").startswith("claim_id,")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    export_dataset(s.store, pipe, format="csv")  # written to, as to /dev/null, never replaced by a file
    reader.join(timeout=30)
    assert received and received[0].startswith(b"claim_id,") and not pipe.is_file()


@pytest.mark.parametrize("format", FORMATS)
def test_failures_give_a_clear_message_and_leave_the_old_file(annotated, tmp_path, monkeypatch, format):
    s, _, _ = annotated
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / f"out{SUFFIXES[format]}"
    out.write_text("the previous export")
    with pytest.raises(ExportError, match="is a folder"):
        export_dataset(s.store, folder, format=format)
    with pytest.raises(ExportError, match="does not exist"):
        export_dataset(s.store, tmp_path / "missing" / out.name, format=format)

    def full(_fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError, match="No space left on device"):
        export_dataset(s.store, out, format=format)
    monkeypatch.undo()

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr("tempfile.mkstemp", denied)
    with pytest.raises(ExportError, match="Permission denied"):
        export_dataset(s.store, out, format=format)
    assert out.read_text() == "the previous export"
    assert [p.name for p in folder.iterdir()] == [out.name]  # no temporary file left behind


@pytest.mark.parametrize("values", [["a", "b"], ["x;y", "back\\slash", "end\\"], ["; ;", "\\;"], []])
def test_list_cells_split_back_into_the_same_values(values):
    assert split_list(join_list(values)) == values


def test_xlsx_on_a_full_disk_says_so(annotated, tmp_path, monkeypatch):
    import xlsxwriter.workbook

    def full(_self):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(xlsxwriter.workbook.Workbook, "_store_workbook", full)
    (tmp_path / "out").mkdir()
    with pytest.raises(ExportError, match="No space left on device"):
        export_dataset(annotated[0].store, tmp_path / "out" / "claims.xlsx", format="xlsx")
    assert list((tmp_path / "out").iterdir()) == []
