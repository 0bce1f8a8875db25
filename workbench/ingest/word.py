"""A word processor's document (Word's .docx, OpenDocument's .odt from LibreOffice) → its
text, a paragraph a line with a blank line between them, read then as a scraped page
(headline, byline, date lines, body).

The document's properties are not used: their author and dates are those of whoever saved
the file, not the article's. Both formats are zips of XML parts. A .docx's body is
`word/document.xml` (paragraphs `w:p`, their text in runs `w:t`); an .odt's is
`content.xml` (paragraphs and headings `text:p`, `text:h`; footnotes left out). They are
read with lxml, which resolves no entities and fetches nothing. No macro or embedded
object is opened.
"""

from __future__ import annotations

import io
import zipfile

from workbench.ingest.archives import read_member
from workbench.ingest.errors import UnreadableFile

WORD_SUFFIXES = (".docx", ".odt")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
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
        paragraphs = ("".join(map(_run_text, p.iter(f"{_W}t", f"{_W}tab", f"{_W}br"))) for p in body.iter(f"{_W}p"))
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


def _run_text(node) -> str:
    if node.tag == f"{_W}t":
        return node.text or ""
    return "\t" if node.tag == f"{_W}tab" else "\n"


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
