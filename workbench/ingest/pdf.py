"""A PDF (.pdf) → its text, a paragraph a line with a blank line between them, read then
as a scraped page (headline, byline, date lines, body).

A PDF holds positioned glyphs, not words: PDFium places them (with the spacing, scaling
and kerning the content applies) and says where words and lines break; a line is cut where
a wide gap parts two runs (columns, a table's cells), and columns whose lines the content
interleaves are read one after the other (a table's rows are read across). Where PDFium
cannot open a file or reads a page's characters otherwise than pypdf, pypdf's reading of
the page is taken.

Lines are not paragraphs: a paragraph ends where the gap to the next
line is wider than the lines' usual spacing or the type size changes, and runs on over a
page break when the page ends mid-sentence (past the captions at the page's foot). What
the printer puts on every page (a browser's time stamp, the page's title and address,
"3/11", a running head) is left out, as are the loose letters a page break leaves of a cut
line, ligatures (ﬁ → fi) and hyphens that only break a word at a line's end. The address a
browser printed gives the site. The document's title is used only when the text holds it
as its headline: the properties' author and dates are whoever made the file, not the
article's; else the headline is the largest type near the top. A damaged page is left
out (the import's report says which), not the whole file; a file that lost the pointer to its
table of objects is read by finding the objects. A page whose text cannot be trusted
(set in fonts that map no glyph to a character, so that glyph numbers come out as letters
of scripts mixed at random, or as glyph names) is left out too, and a file mostly of such
pages is refused: an OCR'd copy can be read.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from workbench.core.text import url_host
from workbench.ingest.article import END_OF_DOCUMENT, Metadata
from workbench.ingest.errors import UnreadableFile

PDF_SUFFIXES = (".pdf",)
# pypdf logs how it works round a damaged file: into the app's log where there is one,
# never onto a terminal (the import reports what matters).
logging.getLogger("pypdf").addHandler(logging.NullHandler())
# A headline's type is at least this much larger than the body's.
HEADLINE_SCALE = 1.25
# A paragraph ends where the gap to the next line exceeds the usual spacing by this much.
PARAGRAPH_GAP = 1.3
# A line is the page's running head or foot when it opens or closes this share of the pages.
RUNNING_SHARE = 0.5
# A page's text is garbled when more than this share of its characters are unmapped glyphs;
# a file is refused when its garbled pages hold this share of its characters.
GARBLED_SHARE = 0.5
# Or when its letters change script between more than this share of neighbours (a page in
# Chinese with Latin numbers and names: 0.16; glyph numbers read as characters: 0.5 and up).
SCRIPT_CHANGES = 0.35
_SCRIPT_SAMPLE = 20  # letters a page needs for its scripts to tell
_EAST_ASIAN = {"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC", "FULLWIDTH", "HALFWIDTH", "VERTICAL"}
_CAPTIONS_BETWEEN = 6  # paragraphs (captions, credits) that may stand between a page's last words and the next's
_RUN_ON_WORDS = 10  # a paragraph a page break cuts is at least this long (a caption is shorter)
_TITLE_SEARCH = 60  # paragraphs searched for the title: a printed page may open with menus
_EDGE_LINES = 3  # lines at a page's top and bottom looked at for running heads and feet
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st", "\u00ad": ""}
)
# What a browser prints at a page's edges (Chromium, Firefox): the time of printing, the
# page's title and address, the page's number.
_DATE_STAMP = r"\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?"
_PRINT_STAMP = re.compile(
    rf"^{_DATE_STAMP}(?:\s|$)"  # Chromium: "12/6/26, 4:05 AM Title…"
    r"|^(?:\S.{0,160}\s)?(?:https?|file)://\S+(?:\s+\d+\s*(?:/|of)\s*\d+)?$"  # "[Title] https://… [1/11]"
    rf"|^(?:page\s+)?\d+(?:\s*(?:/|of)\s*\d+)?(?:\s+{_DATE_STAMP})?$",  # "3", "Page 1 of 3 12/6/26, 4:05 AM"
    re.IGNORECASE,
)
# What a browser leaves at a page's top of a line the page break cut through: the tails of
# its letters, read as loose characters (", , p j g wins or loses.").
_CLIPPED = re.compile(r"^(?:(?:[^\w\s]|[^\W\d])\s+){3,}(?=\w{2})|^(?:(?:[^\w\s]|[^\W\d])(?:\s+|$)){3,}$")
_PRINTED_ADDRESS = re.compile(r"(?:^|\s)(https?://\S+)(?=\s+\d+\s*(?:/|of)\s*\d+$|$)")
_SENTENCE_END = re.compile(r"""[.!?…:]["'”’)\]]*$""")
# A glyph the font gives no character for comes out as a control character (NUL).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# What a reader gives for a glyph it has no character for: a glyph's name ("/g437",
# "/uni4E00"), a character for private use, the replacement character.
_ODD = re.compile(r"(?<![\w/:.])(?:/(?:[A-Za-z]{1,5}\d+|uni[0-9A-Fa-f]{4,}))+|[\ue000-\uf8ff\ufffd]")
_WORD = re.compile(r"\w+(?:-\w+)*")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
# PDFium's reading of a page is taken when this share of its characters and pypdf's are the
# same (the rest: hyphens and characters they place or decode otherwise).
_AGREEMENT = 0.9
# A line goes on a column whose last line is at most this many type sizes above it.
_COLUMN_REACH = 3
# A gap this many type sizes wide parts runs of text on a line (columns, a table's cells).
_RUN_GAP = 1.0
# Lines whose baselines are less than this many type sizes apart are on one line of the page.
_SAME_BASELINE = 0.1
# Columns are read one after the other when the lines moved to do so hold this many words
# on average (text; a table's cells hold fewer, and its rows are read across).
_COLUMN_WORDS = 4
_PDFIUM = threading.Lock()
_TITLE_SEPARATOR = re.compile(r"\s*:\s+|\s+[|–—\-»/·]\s+")


@dataclass
class _Line:
    text: str = ""
    y: float | None = None  # the baseline, in points up from the page's foot
    size: float = 0.0  # the type size, in points
    parts: list[str] = field(default_factory=list)
    unmapped: int = 0  # characters set in a font that maps no glyph to a character
    left: float | None = None  # where the line starts and ends across the page, when known
    right: float | None = None
    row: int = 0  # lines cut at wide gaps from one line of the page share this


def read_pdf(data: bytes) -> tuple[str, Metadata, dict[int, str]]:
    """The document's text, a blank line between paragraphs, its title when the text holds
    it, and the pages left out because they cannot be read (number → why). Raises
    UnreadableFile (a damaged or password-protected file, or one with no page that can be
    read)."""
    reader = _open(data)
    try:
        count = len(reader.pages)
    except Exception as exc:  # noqa: BLE001 — NOTE: a damaged file makes pypdf raise anything
        raise UnreadableFile(f"damaged PDF ({type(exc).__name__}: {exc})") from None
    pages: list[list[_Line]] = []
    failed: dict[int, str] = {}
    garbled = read = 0  # characters on pages whose text is garbled, and on all pages
    with _laid_out(data, count) as laid_out:
        for number in range(count):
            try:
                lines = _page_lines(reader.pages[number])
            except Exception as exc:  # noqa: BLE001 — see above: only this page is lost
                failed[number + 1] = f"{type(exc).__name__}: {exc}"
                continue
            characters = sum(len("".join(line.text.split())) for line in lines)
            read += characters
            if _garbled(lines):
                garbled += characters
                failed[number + 1] = "its fonts map no glyph to a character"
            else:
                pages.append(_placed_lines(laid_out, number, lines) or lines)
    if garbled and garbled >= GARBLED_SHARE * read:
        raise UnreadableFile(
            "the PDF's fonts carry no map from their glyphs to characters, so its text cannot be read;"
            " an OCR'd copy can be imported"
        )
    if failed and not pages:
        raise UnreadableFile(f"damaged PDF ({next(iter(failed.values()))})")
    try:
        title = (reader.metadata or {}).get("/Title")
    except Exception:  # noqa: BLE001 — damaged properties: the text needs none of them
        title = None
    address = _drop_running_lines(pages, str(title or ""))
    paragraphs = _paragraphs(pages)
    texts = [text for text, _size in paragraphs]
    metadata = _stated_title(str(title or ""), texts) or _largest_heading(paragraphs)
    host = url_host(address)
    if host:
        origins = {**metadata.origins, "site": "the page's address, printed by the browser"}
        metadata = replace(metadata, site=host.removeprefix("www."), origins=origins)
    return "\n\n".join(texts), metadata, failed


def left_out(failed: dict[int, str]) -> tuple[str, str]:
    """Where the pages left out are ("pages 3, 5") and why, for the import's report."""
    where = ("page " if len(failed) == 1 else "pages ") + ", ".join(map(str, failed))
    reasons = "; ".join(dict.fromkeys(reason[:160] for reason in failed.values()))
    return where, f"left out, {'it' if len(failed) == 1 else 'they'} cannot be read ({reasons})"


def _open(data: bytes):
    """The file's reader; a file without the closing pointer to its table of objects
    ("startxref") is read again with the table rebuilt from the objects themselves."""
    from pypdf.errors import PdfReadError

    try:
        return _reader(data)
    except PdfReadError as exc:
        if not data.lstrip().startswith(b"%PDF") or b"startxref" in data[-1024:]:
            raise UnreadableFile(f"not a readable PDF ({exc})") from None
        try:  # NOTE: a pointer to no table makes pypdf rebuild it by scanning the file
            return _reader(data + b"\nstartxref\n0\n%%EOF\n")
        except (PdfReadError, UnreadableFile):
            raise UnreadableFile(f"not a readable PDF ({exc})") from None


def _reader(data: bytes):
    import pypdf  # NOTE: lazy, like every parser of a format not every import needs
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableFile("the PDF is protected by a password; save an unprotected copy to import it")
    except UnreadableFile:
        raise
    except (DependencyError, FileNotDecryptedError, NotImplementedError) as exc:
        raise UnreadableFile(f"the PDF is encrypted in a way that cannot be read here ({exc})") from None
    except PdfReadError:
        raise  # the caller may read the file again
    except Exception as exc:  # noqa: BLE001 — see read_pdf
        raise UnreadableFile(f"damaged PDF ({type(exc).__name__}: {exc})") from None
    return reader


@contextmanager
def _laid_out(data: bytes, count: int) -> Iterator:
    """The document as PDFium lays it out, or None where it cannot be opened or counts
    the pages otherwise than pypdf (a damaged file each repairs its own way); closed after.
    NOTE: PDFium is not thread-safe: one document is read at a time in a process."""
    with _PDFIUM:
        try:
            import pypdfium2  # NOTE: lazy, like pypdf

            document = pypdfium2.PdfDocument(data)
        except Exception:  # noqa: BLE001 — a file PDFium cannot open is read by pypdf alone
            yield None
            return
        try:
            yield document if len(document) == count else None
        finally:
            document.close()


def _placed_lines(document, number: int, read: list[_Line]) -> list[_Line] | None:
    """A page's lines by where PDFium places its glyphs, in reading order; None where it
    cannot read the page, or its characters are not those pypdf `read` (a font only one
    of them decodes, text only one of them finds): the page is then read as pypdf reads it."""
    if document is None:
        return None
    try:
        lines = _reading_order(_glyph_lines(document[number].get_textpage()))
    except Exception:  # noqa: BLE001 — see _laid_out
        return None
    placed, found = (Counter("".join("".join(line.text.split()) for line in x)) for x in (lines, read))
    if not placed or sum((placed & found).values()) < _AGREEMENT * max(placed.total(), found.total()):
        return None
    return lines


def _glyph_lines(textpage) -> list[_Line]:
    """A text page's lines, each with its baseline, type size and extent across the page,
    cut where a gap wider than a few spaces parts two runs of text (columns, a table's
    cells) or the text goes back across the page (columns the content interleaves). PDFium decides where the words and lines break from the glyphs' places (with
    the spacing of words and characters, the scaling and the kerning the content applies)."""
    import ctypes

    from pypdfium2 import raw

    handle = textpage.raw
    x, y = ctypes.c_double(), ctypes.c_double()
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    matrix = raw.FS_MATRIX()
    lines: list[_Line] = []
    characters: list[str] = []
    row = 0  # lines cut from one line of the page share its number
    first = last = -1  # the line's first and last glyph that is not a space
    size = 0.0
    spaced = False  # a space since the last glyph

    def close() -> None:
        text = " ".join(_CONTROL.sub("", "".join(characters)).translate(_LIGATURES).split())
        if text and first >= 0:
            raw.FPDFText_GetCharOrigin(handle, first, x, y)
            raw.FPDFText_GetCharBox(handle, last, left, right, bottom, top)
            line = _Line(text=text, y=y.value, size=size, left=x.value, right=max(right.value, x.value), row=row)
            if lines and abs(lines[-1].y - line.y) < _SAME_BASELINE * size and line.left >= lines[-1].right:
                line.row = lines[-1].row  # a table's cell PDFium put on a line of its own
            lines.append(line)
        characters.clear()

    for index in range(textpage.count_chars()):
        code = raw.FPDFText_GetUnicode(handle, index)
        hyphen = raw.FPDFText_IsHyphen(handle, index)
        if code in (0x0A, 0x0D) or hyphen:
            if hyphen:
                # PDFium joins a word a hyphen breaks at a line's end and marks the hyphen:
                # the line ends there; whether the hyphen stays is decided with all the
                # document's words in view (_join).
                characters.append("-")
            close()
            row += 1
            first = last = -1
            continue
        character = chr(code)
        if character.isspace():
            spaced = True
        elif first < 0:
            first = last = index
            raw.FPDFText_GetMatrix(handle, index, matrix)
            size = raw.FPDFText_GetFontSize(handle, index) * (matrix.c**2 + matrix.d**2) ** 0.5
        else:
            if spaced:
                raw.FPDFText_GetCharBox(handle, last, left, right, bottom, top)
                end = right.value
                raw.FPDFText_GetCharBox(handle, index, left, right, bottom, top)
                if not -size < left.value - end <= _RUN_GAP * size:  # far on, or back
                    close()
                    first = index
            last = index
        if not character.isspace():
            spaced = False
        characters.append(character)
    close()
    return lines


def _reading_order(lines: list[_Line]) -> list[_Line]:
    """Lines in the order they are read: as the content gives them, except that a line
    goes on the column whose last line stands right above it (overlapping it across the
    page, at most a few lines' spacing higher), so that columns of text whose lines the
    content interleaves (a form's, set line by line across the page) are read one after
    the other. A table's cells stay in rows: a line cut into short runs is one line."""
    columns: list[list[_Line]] = []
    current: list[_Line] | None = None  # the column the line before went on
    for line in lines:
        above = [
            column
            for column in columns
            if 0 < column[-1].y - line.y <= _COLUMN_REACH * max(line.size, column[-1].size, 1)
            and min(column[-1].right, line.right) > max(column[-1].left, line.left)
        ]
        if current is not None and any(column is current for column in above):
            pass  # the content goes on down its column
        elif above:
            current = min(above, key=lambda column: column[-1].y - line.y)
        else:
            current = []
            columns.append(current)
        current.append(line)
    ordered = [line for column in columns for line in column]
    moved = [line for line, before in zip(ordered, lines, strict=True) if line is not before]
    if moved and statistics.mean(len(line.text.split()) for line in moved) >= _COLUMN_WORDS:
        return ordered
    rows: list[_Line] = []
    for line in lines:
        if rows and rows[-1].row == line.row:
            rows[-1] = replace(rows[-1], text=f"{rows[-1].text} {line.text}", right=line.right)
        else:
            rows.append(line)
    return rows


def _page_lines(page) -> list[_Line]:
    """The page's lines in reading order, each with its baseline and type size."""
    lines = [_Line()]

    def visit(text, cm, tm, font, size):
        unmapped = _unmapped(font)
        for n, piece in enumerate(text.split("\n")):
            if n:
                lines.append(_Line())
            line = lines[-1]
            line.parts.append(piece)
            if unmapped:
                line.unmapped += len("".join(piece.split()))
            if piece.strip() and line.y is None:
                line.y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                line.size = abs(size * (tm[3] or 1) * (cm[3] or 1))

    page.extract_text(visitor_text=visit)
    for line in lines:
        line.text = " ".join(_CONTROL.sub("", "".join(line.parts)).translate(_LIGATURES).split())
    return [line for line in lines if line.text]


def _unmapped(font) -> bool:
    """Whether a font's codes are glyph numbers with no map to characters: a composite font
    in the Identity encoding without a ToUnicode map (what is read of it is glyph numbers
    taken for characters)."""
    try:
        font = font.get_object()
        return (
            font.get("/Subtype") == "/Type0"
            and font.get("/Encoding") in ("/Identity-H", "/Identity-V")
            and "/ToUnicode" not in font
        )
    except Exception:  # noqa: BLE001 — no font, or a damaged one: the text is judged by itself
        return False


def _garbled(lines: list[_Line]) -> bool:
    """Whether a page's text cannot be trusted: most of it set in fonts that map no glyph to
    a character, or glyph names and private characters; or its letters change script at
    every turn (glyph numbers read as characters), as no writing does."""
    text = "\n".join(line.text for line in lines)
    characters = len("".join(text.split()))
    if not characters:
        return False
    odd = sum(line.unmapped for line in lines) + sum(len(x) for x in _ODD.findall(text))
    if odd > GARBLED_SHARE * characters:
        return True
    scripts = [_script(c) for c in unicodedata.normalize("NFC", text) if unicodedata.category(c)[0] == "L"]
    changes = sum(a != b for a, b in zip(scripts, scripts[1:], strict=False))
    return len(scripts) >= _SCRIPT_SAMPLE and changes > SCRIPT_CHANGES * (len(scripts) - 1)


def _script(letter: str) -> str:
    """A letter's script, as the first word of its name; the scripts of Chinese, Japanese
    and Korean, which mix within words, as one."""
    script = unicodedata.name(letter, "?").split(" ", 1)[0]
    return "CJK" if script in _EAST_ASIAN else script


def _drop_running_lines(pages: list[list[_Line]], title: str = "") -> str | None:
    """Leave out a browser's print stamps, page numbers, the lines at the pages' edges that
    most pages repeat, or most odd or most even pages (numbers and spacing aside): running
    heads and feet, and the remains of a line cut by a page break. The first page keeps its
    copy of a running head that is the document's title or set larger there (the headline
    the later pages repeat). Returns the web address a browser printed, if any."""
    printed = next(
        (found[1] for lines in pages for line in _edges(lines) if (found := _PRINTED_ADDRESS.search(line.text))),
        None,
    )
    edges: list[Counter] = [Counter(), Counter()]  # odd pages, even pages
    sizes: dict[str, float] = {}  # the smallest type each shape is set in
    for number, lines in enumerate(pages):
        if len(lines) > 1:  # a page's only line is its text, not a head (a one-line page, repeated)
            shaped = [(_shape(line.text), line.size) for line in _edges(lines)]
            edges[number % 2].update({shape for shape, _size in shaped})
            for shape, size in shaped:
                sizes[shape] = min(size, sizes.get(shape, size))
    odd, even = (len(pages) + 1) // 2, len(pages) // 2
    repeated = {
        shape
        for shape in edges[0].keys() | edges[1].keys()
        if len(pages) >= 3
        and (
            edges[0][shape] + edges[1][shape] >= RUNNING_SHARE * len(pages)
            # on alternate pages: on two thirds of one side's, at least three, and none of the
            # other's (a live blog's "10:16 GMT" on pages 2 and 4, a line on pages 2, 6, 10: text)
            or min(edges[0][shape], edges[1][shape]) == 0
            and (edges[0][shape] >= max(3, 2 * odd / 3) or edges[1][shape] >= max(3, 2 * even / 3))
        )
    }
    title = " ".join(title.split()).casefold()
    for number, lines in enumerate(pages):
        edge = {id(line) for line in _edges(lines)}
        lines[:] = [
            line
            for line in lines
            if id(line) not in edge
            or END_OF_DOCUMENT.match(line.text)
            or (number == 0 and _headline(line, title, sizes))
            or not (_PRINT_STAMP.match(line.text) or _shape(line.text) in repeated)
        ]
    for lines in pages:
        if lines and (clipped := _CLIPPED.match(lines[0].text)):
            lines[0].text = lines[0].text[clipped.end() :]
            if not lines[0].text:
                del lines[0]
    return printed


def _headline(line: _Line, title: str, sizes: dict[str, float]) -> bool:
    """Whether a line is the document's title, or words set larger than their copies elsewhere."""
    if not _LETTER_WORD.search(line.text):
        return False  # a number: the page's
    return line.text.casefold() == title or line.size >= HEADLINE_SCALE * sizes.get(_shape(line.text), line.size)


def _edges(lines: list[_Line]) -> list[_Line]:
    """The lines at a page's top and bottom, where printers put what they repeat."""
    return lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]


def _shape(text: str) -> str:
    """A line as running heads repeat it: numbers and spacing aside ("-4- Notes", "-5-Notes")."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text.casefold()))


def _paragraphs(pages: list[list[_Line]]) -> list[tuple[str, float]]:
    """Lines joined into paragraphs, each with its first line's type size: a break at a
    wide gap or a change of type size; a page that ends mid-sentence runs on into the next."""
    spacing = _usual_spacing(pages)
    paragraphs: list[list[_Line]] = []
    for lines in pages:
        previous = None
        for line in lines:
            if previous is None:
                broken = _broken_off(paragraphs, line)
                new = broken is None
                if broken is not None:  # on after the pictures' captions that came between
                    paragraphs.append(paragraphs.pop(broken))
            else:
                new = _breaks(previous, line, spacing)
            if new:
                paragraphs.append([line])
            else:
                paragraphs[-1].append(line)
            previous = line
    words = _vocabulary([line.text for lines in paragraphs for line in lines])
    return [(_join([line.text for line in lines], words), lines[0].size) for lines in paragraphs]


def _broken_off(paragraphs: list[list[_Line]], line: _Line) -> int | None:
    """The paragraph a page's first line goes on with: the last one of some length in its
    type, before any captions of pictures at the foot of the page before, when it ends
    mid-sentence and the line opens in lower case."""
    if not line.text[0].islower():
        return None
    for at in range(len(paragraphs) - 1, max(-1, len(paragraphs) - 1 - _CAPTIONS_BETWEEN), -1):
        lines = paragraphs[at]
        if round(lines[0].size) == round(line.size) and sum(len(x.text.split()) for x in lines) >= _RUN_ON_WORDS:
            return None if _SENTENCE_END.search(lines[-1].text) else at
    return None


def _vocabulary(lines: list[str]) -> set[str]:
    """The words the document writes, hyphenated ones whole and in parts, less the pieces
    around a hyphen at a line's end (which are what is in question)."""
    words: set[str] = set()
    broken = False
    for line in lines:
        found = _WORD.findall(line)
        if broken:
            found = found[1:]
        broken = line.endswith("-")
        if broken:
            found = found[:-1]
        for word in found:
            words.add(word.casefold())
            if "-" in word:
                words.update(part.casefold() for part in word.split("-"))
    return words


def _usual_spacing(pages: list[list[_Line]]) -> dict[int, float | None]:
    """The commonest gap between successive lines of each type size; None where no gap is
    wider (every paragraph one line, or no space between paragraphs): gaps tell nothing."""
    gaps: dict[int, list[float]] = {}
    for lines in pages:
        for a, b in zip(lines, lines[1:], strict=False):
            if a.y is not None and b.y is not None and round(a.size) == round(b.size) and 0 < a.y - b.y:
                gaps.setdefault(round(a.size), []).append(round(a.y - b.y, 1))
    spacing: dict[int, float | None] = {}
    for size, values in gaps.items():
        usual = statistics.mode(values)
        spacing[size] = usual if any(gap > PARAGRAPH_GAP * usual for gap in values) else None
    return spacing


def _breaks(a: _Line, b: _Line, spacing: dict[int, float | None]) -> bool:
    """Whether a paragraph ends between lines a and b of a page: at a change of type size,
    at a gap wider than the size's usual one; where gaps tell nothing, after a sentence."""
    if a.y is None or b.y is None:
        return _ends(a)
    if round(a.size) != round(b.size):
        return True
    usual = spacing.get(round(a.size))
    if usual is None:
        return _ends(a)
    return not 0 < a.y - b.y <= PARAGRAPH_GAP * usual


def _ends(line: _Line) -> bool:
    return bool(_SENTENCE_END.search(line.text))


def _join(lines: list[str], words: set[str]) -> str:
    """A paragraph's lines as one; a hyphen at a line's end stays (with no space after it)
    where it joins a compound, and goes where it breaks a word."""
    text = lines[0]
    for line in lines[1:]:
        head = re.search(r"(\w+)-$", text)
        tail = re.match(r"\w+", line)
        if head is None or tail is None:
            text = f"{text} {line}"
        elif _compound(text[: head.end() - 1], tail[0], words):
            text += line  # "Israel-" "Hamas"
        else:
            text = text[:-1] + line  # "con-" "tinued"
    return text


def _compound(before: str, after: str, words: set[str]) -> bool:
    """Whether "before-after", broken at its hyphen, is a compound: the document writes it so,
    or does not write it whole and writes both parts as words, or it is a name's ("Russia-
    backed"), or already a compound ("on-the-" "spot"); else a word broken by a typesetter
    ("manip-" "ulation")."""
    head = re.search(r"[\w-]+$", before)[0]
    whole, hyphenated = (head + after).casefold(), f"{head}-{after}".casefold()
    if whole in words and hyphenated not in words:
        return False
    if hyphenated in words or "-" in head or head[0].isupper():
        return True
    return head.casefold() in words and after.casefold() in words


def _stated_title(title: str, paragraphs: list[str]) -> Metadata | None:
    """The PDF's title as the headline when a paragraph near the top is that title, or
    its longest part between separators ("Headline | Site")."""
    title = " ".join(title.translate(_LIGATURES).split())
    if not title:
        return None
    # The headline without the site's name first: a printer may repeat the whole title
    # above the page ("Headline | Site"), the page itself has the headline alone.
    parts = sorted(set(_TITLE_SEPARATOR.split(title)) - {title}, key=len, reverse=True) + [title]
    top = {paragraph.casefold(): paragraph for paragraph in reversed(paragraphs[:_TITLE_SEARCH])}
    for part in parts:
        if len(part.split()) >= 3 and part.casefold() in top:
            return Metadata(title=top[part.casefold()], origins={"title": "the PDF's title, as the text's headline"})
    return None


def _largest_heading(paragraphs: list[tuple[str, float]]) -> Metadata:
    """The headline where the title does not say: the paragraph near the top in the
    largest type, when that is clearly larger than the body's and a few words long."""
    sizes = Counter()
    for text, size in paragraphs:
        sizes[round(size)] += len(text)
    if not sizes:
        return Metadata()
    body = sizes.most_common(1)[0][0]
    candidates = [
        (round(size), -n, text)
        for n, (text, size) in enumerate(paragraphs[:_TITLE_SEARCH])
        if size >= HEADLINE_SCALE * body
        and len(_LETTER_WORD.findall(text)) >= 3  # not a date, a time or a counter in large type
        and len(text.split()) <= 30
        and not _SENTENCE_END.search(text)
    ]
    if not candidates:
        return Metadata()
    return Metadata(title=max(candidates)[2], origins={"title": "the largest type near the top of the PDF"})
