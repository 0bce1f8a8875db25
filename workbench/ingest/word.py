"""A Word document (.docx) → its text, a paragraph a line with a blank line between them,
read then as a scraped page (headline, byline, date lines, body).

The document's properties are not used: their author and dates are those of whoever saved
the file, not the article's. A .docx is a zip of XML parts; the body is `word/document.xml`
(paragraphs `w:p`, their text in runs `w:t`), read with lxml, which resolves no entities
and fetches nothing. No macro or embedded object is opened.
"""

from __future__ import annotations

import io
import zipfile

from workbench.ingest.archives import read_member
from workbench.ingest.errors import UnreadableFile

WORD_SUFFIXES = (".docx",)
_BODY = "word/document.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PART_LIMIT = 64 * 1024 * 1024  # bytes of XML the body may inflate to: a zip bomb is refused


def read_word(data: bytes) -> str:
    """The document's text: its paragraphs, a blank line between them. Raises UnreadableFile."""
    import lxml.etree  # NOTE: lazy, like every parser of a format not every import needs

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            xml = read_member(package, package.getinfo(_BODY), _PART_LIMIT)
    except KeyError:
        raise UnreadableFile(f"not a Word document (no {_BODY} in it)") from None
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise UnreadableFile(f"not a readable Word document ({exc})") from None
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        body = lxml.etree.fromstring(xml, parser)
    except lxml.etree.XMLSyntaxError as exc:
        raise UnreadableFile(f"damaged Word document ({exc})") from None
    paragraphs = ("".join(map(_run_text, p.iter(f"{_W}t", f"{_W}tab", f"{_W}br"))) for p in body.iter(f"{_W}p"))
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


def _run_text(node) -> str:
    if node.tag == f"{_W}t":
        return node.text or ""
    return "\t" if node.tag == f"{_W}tab" else "\n"
