"""A word processor's document (Word's .docx, OpenDocument's .odt from LibreOffice) → its
text, a paragraph a line with a blank line between them, read then as a scraped page
(headline, byline, date lines, body). A footnote's or an endnote's paragraphs follow the
paragraph citing them, and a text box's the paragraph it is anchored in, as paragraphs of
their own.

The document's properties are not used: their author and dates are those of whoever saved
the file, not the article's. Both formats are zips of XML parts. A .docx's body is
`word/document.xml` (paragraphs `w:p`, their text in runs `w:t`; notes in
`word/footnotes.xml`, `word/endnotes.xml`); an .odt's is `content.xml` (paragraphs and
headings `text:p`, `text:h`, a note's inside the note). Text a tracked change deleted is left
out, and so is the copy of a shape that Word writes for older readers (`mc:Fallback`).
They are read with lxml, which resolves no entities and fetches nothing. No macro or embedded
object is opened.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from workbench.ingest.archives import read_member
from workbench.ingest.errors import UnreadableFile

WORD_SUFFIXES = (".docx", ".odt")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# What a .docx holds that is not its text: a tracked change's deleted or moved-away text,
# the older readers' copy of a shape (the same text box again), a field's code.
_NOT_READ = frozenset(
    (f"{_W}del", f"{_W}moveFrom", f"{_W}delText", f"{_W}instrText", f"{_W}delInstrText", f"{_MC}Fallback")
)
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_PART_LIMIT = 64 * 1024 * 1024  # bytes of XML the body may inflate to: a zip bomb is refused
_MOST_SPACES = 100  # an OpenDocument run of spaces is written as a count: a huge one is capped


def read_word(name: str, data: bytes) -> str:
    """The document's text: its paragraphs, a blank line between them. Raises UnreadableFile."""
    import lxml.etree  # NOTE: lazy, like every parser of a format not every import needs

    odt = name.lower().endswith(".odt")
    part, kind = ("content.xml", "OpenDocument text") if odt else ("word/document.xml", "Word document")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            xml = read_member(package, package.getinfo(part), _PART_LIMIT)
            note_parts = {} if odt else _docx_note_parts(package)
    except KeyError:
        raise UnreadableFile(f"not a{'n' if odt else ''} {kind} (no {part} in it)") from None
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, ValueError) as exc:
        raise UnreadableFile(f"not a readable {kind} ({exc})") from None
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        body = lxml.etree.fromstring(xml, parser)
    except lxml.etree.XMLSyntaxError as exc:
        raise UnreadableFile(f"damaged {kind} ({exc})") from None
    if odt:
        paragraphs = (_odf_text(p) for p in body.iter(f"{_TEXT}p", f"{_TEXT}h"))
    else:
        notes = _docx_notes(note_parts, parser)
        paragraphs = [*_docx_blocks(body, notes), *(p for note in notes.values() for p in note)]
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


def _docx_note_parts(package: zipfile.ZipFile) -> dict[str, bytes]:
    """The XML of a .docx's footnotes and endnotes parts, by kind ("footnote", "endnote").
    A part missing or damaged is left out: the body is read all the same."""
    parts = {}
    for kind in ("footnote", "endnote"):
        try:
            parts[kind] = read_member(package, package.getinfo(f"word/{kind}s.xml"), _PART_LIMIT)
        except KeyError:
            continue
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, ValueError):
            continue  # NOTE: a damaged note part loses only the notes
    return parts


def _docx_notes(note_parts: dict[str, bytes], parser) -> dict[tuple[str, str], list[str]]:
    """The paragraphs of a .docx's footnotes and endnotes, by kind and id, in their parts'
    order; not the separator lines Word keeps there. A damaged part gives none."""
    import lxml.etree

    notes: dict[tuple[str, str], list[str]] = {}
    for kind, xml in note_parts.items():
        try:
            part = lxml.etree.fromstring(xml, parser)
        except lxml.etree.XMLSyntaxError:
            continue  # NOTE: the body was read; a damaged note part loses only the notes
        for note in part.iter(f"{_W}{kind}"):
            if note.get(f"{_W}type", "normal") == "normal":
                notes[(kind, note.get(f"{_W}id", ""))] = list(_docx_blocks(note, {}))
    return notes


def _docx_blocks(element, notes: dict) -> Iterator[str]:
    """The text of the paragraphs in `element` (a body, a table, a cell, a content control…),
    each once, in order; a note's paragraphs (taken out of `notes`) after the one citing it."""
    for child in element:
        if child.tag == f"{_W}p":
            parts: list[str] = []
            inside: list = []
            _docx_runs(child, parts, inside)
            yield "".join(parts)
            for item in inside:
                if isinstance(item, tuple):
                    yield from notes.pop(item, ())
                else:
                    yield from _docx_blocks(item, notes)
        elif child.tag == f"{_MC}AlternateContent":
            yield from _docx_blocks(_choice(child), notes)
        elif child.tag not in _NOT_READ:
            yield from _docx_blocks(child, notes)


def _docx_runs(element, parts: list[str], inside: list) -> None:
    """A paragraph's text into `parts`; the text boxes anchored in it (read as paragraphs of
    their own) and the notes it cites into `inside`."""
    for child in element:
        tag = child.tag
        if tag == f"{_W}t":
            parts.append(child.text or "")
        elif tag in (f"{_W}tab", f"{_W}ptab"):
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif tag == f"{_W}txbxContent":
            inside.append(child)
        elif tag in (f"{_W}footnoteReference", f"{_W}endnoteReference"):
            inside.append((tag[len(_W) : -len("Reference")], child.get(f"{_W}id", "")))
        elif tag == f"{_MC}AlternateContent":
            _docx_runs(_choice(child), parts, inside)
        elif tag == f"{_W}p":  # NOTE: a paragraph only a text box may hold; read on its own
            inside.append([child])
        elif tag not in _NOT_READ:
            _docx_runs(child, parts, inside)


def _choice(alternatives) -> list:
    """What `mc:AlternateContent` offers first (Word's own shape), not its `mc:Fallback`."""
    choice = alternatives.find(f"{_MC}Choice")
    return [] if choice is None else list(choice)


def _odf_text(element) -> str:
    """An OpenDocument paragraph's text: its spans, spaces (`text:s`, `text:c` of them), tabs
    and line breaks; not a footnote's text, nor a paragraph inside it (read on its own)."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{_TEXT}s":
            count = child.get(f"{_TEXT}c", "1")
            parts.append(" " * (min(int(count), _MOST_SPACES) if count.isdigit() else 1))
        elif child.tag == f"{_TEXT}tab":
            parts.append("\t")
        elif child.tag == f"{_TEXT}line-break":
            parts.append("\n")
        elif child.tag not in (f"{_TEXT}note", f"{_TEXT}p", f"{_TEXT}h"):
            parts.append(_odf_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
