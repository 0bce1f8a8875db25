"""PDF files: positioned lines read back into paragraphs, then as a scraped page."""

import io
import re
import textwrap

import pytest

from workbench.core.model import Role
from workbench.ingest.errors import EmptyFile, UnreadableFile
from workbench.ingest.formats import read_entries


def pdf(
    pages: list[list[tuple[float, float, float, str]]],
    info: dict[str, str] | None = None,
    raw: dict[int, bytes] | None = None,
) -> bytes:
    """A PDF whose pages hold the given (x, y, type size, text) lines, in Helvetica; `raw`
    gives some pages' (0-based) content streams as they are."""
    objects: list[bytes | None] = []

    def add(body: bytes | None) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    cid_font = add(JAPANESE_FONT)
    page_ids = []
    for number, lines in enumerate(pages):
        ops = (raw or {}).get(number) or b"\n".join(
            b"BT /F1 %g Tf %g %g Td (" % (size, x, y)
            + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252")
            + b") Tj ET"
            for x, y, size, text in lines
        )
        contents = add(b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"\nendstream")
        page_ids.append((add(None), contents))
    tree = add(None)
    for page, contents in page_ids:
        objects[page - 1] = (
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R /J1 %d 0 R >> >> "
            b"/Contents %d 0 R >>" % (tree, font, cid_font, contents)
        )
    kids = b" ".join(b"%d 0 R" % page for page, _ in page_ids)
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % tree)
    fields = b" ".join(b"/%s (%s)" % (k.encode(), v.encode("cp1252")) for k, v in (info or {}).items())
    info_id = add(b"<< " + fields + b" >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\n" % (len(objects) + 1, catalog, info_id)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


# A Japanese font whose codes are glyph numbers (Identity-H), with no ToUnicode map.
JAPANESE_FONT = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /Ryumin-Light /Encoding /Identity-H /DescendantFonts "
    b"[<< /Type /Font /Subtype /CIDFontType0 /BaseFont /Ryumin-Light /DW 1000 "
    b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> >>] >>"
)


def japanese(lines: int) -> bytes:
    """A page's content: lines of Japanese in glyph numbers (the numbers of "日本語の文章です")."""
    glyphs = b"<0D6E0E4A0DF304A10FE60F7804A5>"
    return b"\n".join(b"BT /J1 12 Tf 72 %d Td %s Tj ET" % (700 - 16 * n, glyphs * 3) for n in range(lines))


def page(*blocks: tuple[float, str], top: float = 740, width: int = 90) -> list[tuple[float, float, float, str]]:
    """Blocks of (type size, text) set from the top down: wrapped lines 1.4 sizes apart,
    a gap of one more line between blocks."""
    lines, y = [], top
    for size, text in blocks:
        for line in textwrap.wrap(text, width):
            lines.append((72, y, size, line))
            y -= 1.4 * size
        y -= 1.4 * size
    return lines


FIRST = (
    "North Korean leader Kim Jong Un and Russian President Vladimir Putin signed a mutual defence pact on "
    "Wednesday, state media said, in a move analysts called the strongest tie between the two since the Cold War."
)
SECOND = (
    "The agreement commits each side to come to the other's aid if attacked, according to the text published "
    "by the official news agency. Officials in Seoul said they were studying it closely."
)


def only(data: bytes, name: str = "story.pdf"):
    entries = read_entries(name, data)
    assert len(entries) == 1
    return entries[0].article


def test_lines_become_paragraphs_and_the_layout_finds_headline_byline_and_date():
    article = only(
        pdf(
            [
                page(
                    (20, "Kim and Putin sign defence pact"),
                    (10, "By Jane Doe"),
                    (10, "June 19, 2024"),
                    (10, FIRST),
                    (10, SECOND),
                )
            ]
        )
    )
    assert article.title == "Kim and Putin sign defence pact"
    assert article.byline == "Jane Doe"
    assert article.date == "2024-06-19"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[-2:] == [FIRST, SECOND]
    body = [s for s in article.segments if s.role is Role.BODY]
    assert article.text[body[0].start : body[-1].end].strip() == f"{FIRST}\n\n{SECOND}"


def test_a_sentence_runs_on_over_a_page_break_and_running_heads_and_page_numbers_go():
    words = FIRST.split()
    pages = [
        page((20, "Kim and Putin sign defence pact"), (10, " ".join(words[:20]))),
        page((10, " ".join(words[20:])), (10, SECOND)),
        page((10, "Analysts in Seoul expect the pact to be tested within months.")),
    ]
    for number, lines in enumerate(pages, 1):
        lines.insert(0, (72, 770, 8, "The Daily Planet · World"))
        lines.append((300, 40, 8, f"Page {number} of 3"))
    article = only(pdf(pages))
    assert article.text.split("\n\n") == [
        "Kim and Putin sign defence pact",
        FIRST,
        SECOND,
        "Analysts in Seoul expect the pact to be tested within months.",
    ]


@pytest.mark.parametrize(
    ("head", "foot"),
    [
        (  # Chromium
            "12/6/26, 4:05 AM Kim and Putin sign defence pact | World News",
            "https://www.news.example.com/world/kim-putin-pact 1/1",
        ),
        (  # Firefox
            "Kim and Putin sign defence pact | World News https://news.example.com/world/kim",
            "Page 1 of 1 12/6/26, 4:05 AM",
        ),
    ],
)
def test_a_browsers_print_stamps_are_left_out(head, foot):
    lines = page((20, "Kim and Putin sign defence pact"), (10, FIRST), top=720)
    lines.insert(0, (20, 770, 8, head))
    lines.append((20, 30, 8, foot))
    article = only(pdf([lines]))
    assert article.text.split("\n\n") == ["Kim and Putin sign defence pact", FIRST]
    assert article.site == "news.example.com"  # the address printed is the page's


def test_the_pdfs_title_is_the_headline_when_the_text_holds_it_and_menus_above_it_are_clutter():
    menu = "Home World Politics Business Tech Science Health Sport Culture Video Podcasts Newsletters Sign in"
    data = pdf(
        [page((9, menu), (16, "Kim and Putin sign defence pact"), (10, FIRST), (10, SECOND))],
        {"Title": "Kim and Putin sign defence pact | The Daily Planet"},
    )
    article = only(data)
    assert article.title == "Kim and Putin sign defence pact"
    assert article.origins["title"] == "the PDF's title, as the text's headline"
    assert article.segments[0].role is Role.CLUTTER
    assert article.text[article.segments[0].start : article.segments[0].end].strip() == menu


def test_without_a_title_the_largest_type_near_the_top_is_the_headline():
    data = pdf([page((9, "Sections"), (9, "Search"), (22, "Kim and Putin sign defence pact"), (10, FIRST))])
    article = only(data)
    assert article.title == "Kim and Putin sign defence pact"
    assert article.origins["title"] == "the largest type near the top of the PDF"


def test_a_title_the_text_does_not_hold_is_not_used():
    data = pdf([page((10, "Kim and Putin sign defence pact"), (10, FIRST))], {"Title": "Microsoft Word - draft3.docx"})
    assert only(data).title == "Kim and Putin sign defence pact"


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        # A word the document writes whole elsewhere; compounds of names and of compounds.
        (
            ["Officials said the talks con-", "tinued into the night, and the Israel-",
             "Hamas truce held. Talks continued on Thursday, on-the-", "spot reports said."],
            ["talks continued into the night", "the Israel-Hamas truce", "on-the-spot reports"],
        ),
        # A typesetter's break (its parts are no words of the document); a compound of words.
        (
            ["The library handles manip-", "ulation of encoded data for the Kremlin-", "backed agency, a long-",
             "term deal, the term of which is long."],
            ["handles manipulation of encoded data", "the Kremlin-backed agency", "a long-term deal"],
        ),
    ],
)  # fmt: skip
def test_words_broken_at_a_lines_end(printed, read):
    text = only(pdf([[(72, 700 - 14 * n, 10, line) for n, line in enumerate(printed)]])).text
    for words in read:
        assert words in text


def test_ligatures_and_unmapped_glyphs_are_read_as_plain_characters():
    from workbench.ingest.pdf import _page_lines

    class Page:  # what pypdf hands the visitor for a line set with ligatures, and a NUL
        def extract_text(self, visitor_text):
            visitor_text("The ﬁnal text was ﬂagged \x00as secret.", [1, 0, 0, 1, 0, 0], [1, 0, 0, 1, 72, 700], None, 10)

    assert [line.text for line in _page_lines(Page())] == ["The final text was flagged as secret."]


def test_a_file_of_several_documents_gives_one_article_each():
    first = page(
        (14, "Talks resume in Geneva"),
        (10, "The ministry said on Tuesday that talks had resumed."),
        (10, "End of Document"),
    )
    second = page(
        (14, "Pact signed in Pyongyang"), (10, "Russia and North Korea signed a pact."), (10, "End of Document")
    )
    entries = read_entries("nexis.pdf", pdf([first, second]))
    assert [(e.where, e.article.title) for e in entries] == [
        ("document 1", "Talks resume in Geneva"),
        ("document 2", "Pact signed in Pyongyang"),
    ]


def test_a_pdf_encrypted_without_a_password_is_read():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(
        clone_from=PdfReader(io.BytesIO(pdf([page((20, "Kim and Putin sign defence pact"), (10, FIRST))])))
    )
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert only(buffer.getvalue()).title == "Kim and Putin sign defence pact"


def test_a_password_protected_pdf_is_refused_with_the_reason():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf([page((10, FIRST))]))))
    writer.encrypt(user_password="secret", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(UnreadableFile, match="password"):
        read_entries("locked.pdf", buffer.getvalue())


def test_a_pdf_without_text_is_empty_and_says_why():
    with pytest.raises(EmptyFile, match="OCR"):
        read_entries("scan.pdf", pdf([[]]))


@pytest.mark.parametrize("data", [b"not a pdf at all", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", b""])
def test_a_damaged_pdf_is_refused(data):
    with pytest.raises(UnreadableFile):
        read_entries("broken.pdf", data)


def test_the_headline_without_the_sites_name_wins_over_a_printed_title():
    lines = page(
        (8, "Kim and Putin sign defence pact | The Daily Planet"),
        (16, "Kim and Putin sign defence pact"),
        (10, FIRST),
    )
    article = only(pdf([lines], {"Title": "Kim and Putin sign defence pact | The Daily Planet"}))
    assert article.title == "Kim and Putin sign defence pact"
    assert article.segments[0].role is Role.CLUTTER


def test_the_remains_of_a_line_cut_by_a_page_break_are_left_out():
    words = FIRST.split()
    first = page((20, "Kim and Putin sign defence pact"), (10, " ".join(words[:20])))
    second = page((10, ", , p j g " + " ".join(words[20:])), (10, SECOND))
    assert only(pdf([first, second])).text.split("\n\n") == ["Kim and Putin sign defence pact", FIRST, SECOND]


def test_a_sentence_runs_on_past_the_captions_at_the_foot_of_a_page():
    words = FIRST.split()
    first = page(
        (20, "Kim and Putin sign defence pact"), (10, " ".join(words[:20])), (10, "Kim and Putin in Pyongyang")
    )
    first.append((72, 120, 7, "Photograph: Reuters"))
    second = page((10, " ".join(words[20:])), (10, SECOND))
    assert only(pdf([first, second])).text.split("\n\n") == [
        "Kim and Putin sign defence pact",
        "Kim and Putin in Pyongyang",
        "Photograph: Reuters",
        FIRST,
        SECOND,
    ]


def test_a_date_in_large_type_is_no_headline():
    data = pdf([page((22, "Thursday, 24 July 2014"), (18, "Kim and Putin sign defence pact"), (10, FIRST))])
    assert only(data).title == "Kim and Putin sign defence pact"


def test_a_page_that_cannot_be_read_is_left_out_and_the_rest_imported_and_said(tmp_path):
    from workbench.services.importing import import_paths
    from workbench.store import ProjectStore

    broken = b"BT /F1 10 Tf 72 700 Td (Potato) Tj ET\nBI /W 1 /H 1 /BPC 8 /CS /G ID x"  # an image cut short
    data = pdf([page((20, "Kim and Putin sign defence pact"), (10, FIRST)), [], page((10, SECOND))], raw={1: broken})
    story, left_out = read_entries("story.pdf", data)
    assert story.article.text.split("\n\n") == ["Kim and Putin sign defence pact", FIRST, SECOND]
    assert (left_out.where, left_out.article) == ("page 2", None)
    assert left_out.unreadable.startswith("left out, it cannot be read (")
    (tmp_path / "story.pdf").write_bytes(data)
    store = ProjectStore.open(tmp_path / "p.wbproj")
    report = import_paths(store, [tmp_path / "story.pdf"])
    store.close()
    lines = "\n".join(report.lines())
    assert "“Kim and Putin sign defence pact”" in lines
    assert "story.pdf, page 2: left out, it cannot be read" in lines


def test_a_pdf_whose_only_page_cannot_be_read_is_refused():
    with pytest.raises(UnreadableFile, match="damaged"):
        read_entries(
            "broken.pdf", pdf([[]], raw={0: b"BT /F1 10 Tf 72 700 Td (Potato) Tj ET\nBI /W 1 /H 1 /BPC 8 /CS /G ID x"})
        )


def test_a_pdf_without_its_closing_pointer_to_the_objects_is_read():
    data = pdf([page((20, "Kim and Putin sign defence pact"), (10, FIRST))])
    root = re.search(rb"/Root \d+ 0 R", data)[0]
    cut = data[: data.rindex(b"xref\n0 ")] + b"trailer\n<< " + root + b" >>\n%%EOF\n"  # no table, no startxref
    assert only(cut).text.split("\n\n") == ["Kim and Putin sign defence pact", FIRST]


def test_a_line_alone_on_each_page_is_the_text_not_a_running_head():
    lines = [[(72, 700, 10, "Potato")] for _ in range(3)]
    assert only(pdf(lines)).text.split("\n\n") == ["Potato", "Potato", "Potato"]


def test_a_pdf_whose_fonts_map_no_glyph_to_a_character_is_refused_not_imported_as_garbage():
    with pytest.raises(UnreadableFile, match="no map from their glyphs to characters.*OCR"):
        read_entries("kampo.pdf", pdf([[], []], raw={0: japanese(20), 1: japanese(20)}))


def test_a_page_whose_fonts_map_no_glyph_to_a_character_is_left_out():
    pages = [page((20, "Kim and Putin sign defence pact"), (10, FIRST)), [], page((10, SECOND))]
    story, left_out = read_entries("story.pdf", pdf(pages, raw={1: japanese(2)}))
    assert story.article.text.split("\n\n") == ["Kim and Putin sign defence pact", FIRST, SECOND]
    assert (left_out.where, left_out.unreadable) == (
        "page 2",
        "left out, it cannot be read (its fonts map no glyph to a character)",
    )


@pytest.mark.parametrize(
    ("text", "garbled"),
    [
        ("ୈ ೋ ৚ ୈ Ұ ߲ ͷ ද ͷ ੨ ৭ ͷ ౮ Ր ͷ ߲ ୈ ࡾ ߸ தủ ؚ ΉỐỜỨ Λủ ؚ ΉỐ ੨ ৭ ͷ ౮ Ր ͷ ໼ ҹ ͷ ߲ Λ আ ͖ỏ", True),
        ("ίϯύϥϒϧͳ৽ฉࣄه͔Βͷ ݻ༗දݱͷൃݟ ৽ࢁ༞հ ࠜؔ૱ ڀݚͷഎܠ", True),  # glyph numbers read as letters
        ("/g437/g258 /g12/g13/g14", True),  # glyph names
        ("\ue001\ue002\ue003 \ue004\ue005", True),  # characters for private use
        ("日本語の文章です。東京でGPUとAIの会議が開かれ、NHKが報じた。", False),
        ("Η κυβέρνηση ανακοίνωσε νέα μέτρα για την ενέργεια (EU, NATO) την Τρίτη.", False),
        ("Президент России Владимир Путин прибыл в Пхеньян, сообщает Reuters и BBC News.", False),
        ("See https://example.com/g437 and /v1/users, and/or the 2024/25 figures.", False),
    ],
)  # fmt: skip
def test_text_that_cannot_be_trusted_is_told_from_writing_that_mixes_scripts(text, garbled):
    from workbench.ingest.pdf import _garbled, _Line

    assert _garbled([_Line(text=text)]) is garbled


def paged(heads: list[str | None], feet: list[str | None], *, first: list | None = None) -> list[list]:
    """Pages of a few paragraphs each, under a head and over a foot where given."""
    pages = []
    for number, (head, foot) in enumerate(zip(heads, feet, strict=True), 1):
        lines = list(first) if number == 1 and first else []
        word = "one two three four five six seven eight nine ten eleven twelve".split()[number - 1]
        lines += page(
            *[(10, f"Report {word} {verb}.") for verb in ("opens", "goes on", "says more")],
            (10, SECOND),
            *[(10, f"Report {word} {verb}.") for verb in ("adds", "ends", "closes")],
            top=700,
        )
        if head:
            lines.insert(0, (72, 760, 9, head))
        if foot:
            lines.append((72, 40, 9, foot))
        pages.append(lines)
    return pages


def test_running_heads_that_alternate_between_odd_and_even_pages_go():
    heads = [None] + ["Turk J Med Sci", "June 2009 Effect of exercise"] * 3
    text = only(pdf(paged(heads, [None, "362", "363", "364", "365", "366", "367"]))).text
    assert "Turk J Med Sci" not in text and "June 2009" not in text
    assert text.count(SECOND) == 7


def test_a_line_on_a_few_pages_of_one_side_is_text():
    """A live blog's times, a Q&A's recurring question: on pages 2 and 4, or 2, 6 and 10."""
    lines = [None, "10:16 GMT", None, "12:18 GMT", None]
    assert only(pdf(paged(lines, [None] * 5))).text.count("GMT") == 2
    lines = [("What happens next?" if number in (2, 6, 10) else None) for number in range(1, 13)]
    assert only(pdf(paged(lines, [None] * 12))).text.count("What happens next?") == 3


def test_running_feet_that_differ_only_in_spacing_and_numbers_go():
    feet = [
        None,
        "-2- Instructions for Form 1040NR",
        "-3-Instructions for Form 1040NR",
        "-4- Instructions for Form 1040NR",
    ]
    text = only(pdf(paged([None] * 4, feet))).text
    assert "Instructions" not in text
    assert text.count(SECOND) == 4


@pytest.mark.parametrize("info", [{"Title": "The Digital Millennium Copyright Act"}, None])
def test_the_first_pages_headline_stays_when_later_pages_repeat_it_as_their_running_head(info):
    headline = [(72, 740, 16, "THE DIGITAL MILLENNIUM COPYRIGHT ACT")]
    heads = [None] + ["The Digital Millennium Copyright Act"] * 3
    article = only(pdf(paged(heads, [None] * 4, first=headline), info))
    assert article.title == "THE DIGITAL MILLENNIUM COPYRIGHT ACT"
    assert article.text.casefold().count("digital millennium") == 1


def placed(runs: list[tuple[float, float, float, str, float]]) -> bytes:
    """A one-page PDF of runs of text placed by (x, y, type size, text, word spacing)."""
    ops = b"\n".join(
        b"BT /F1 %g Tf %g Tw %g %g Td (%s) Tj ET" % (size, spacing, x, y, text.encode("cp1252"))
        for x, y, size, text, spacing in runs
    )
    return pdf([[]], raw={0: ops})


def test_a_word_set_in_two_runs_with_no_gap_stays_one_word():
    # Justified text: the word spacing (Tw) widens the line's spaces, and the word's last
    # letter is placed where the widened run ends.
    line = "The ministry made certain technica"
    spaced = 3.0
    widths = {" ": 278, "a": 556, "c": 500, "d": 556, "e": 556, "h": 556, "i": 222, "k": 500, "m": 833}
    widths |= {"n": 556, "r": 333, "s": 500, "t": 278, "y": 500, "T": 611}
    width = sum(widths[c] for c in line) / 1000 * 12 + line.count(" ") * spaced
    text = only(placed([(72, 700, 12, line, spaced), (72 + width, 700, 12, "l amendments.", 0)])).text
    assert "technical amendments" in text


def test_columns_the_content_interleaves_are_read_one_after_the_other():
    left = ["The first column opens the story of", "the treaty and tells who signed it", "and when they met."]
    right = ["The second column goes on with what", "the officials said about the pact", "in the capital."]
    runs = []
    for n, (a, b) in enumerate(zip(left, right, strict=True)):
        runs += [(72, 700 - 14 * n, 10, a, 0), (320, 698 - 14 * n, 10, b, 0)]  # baselines a little apart
    assert only(placed(runs)).text.split("\n\n") == [" ".join(left), " ".join(right)]


def test_a_tables_cells_are_read_row_by_row():
    rows = [("Mazda", "21.0", "6"), ("Datsun", "22.8", "4"), ("Valiant", "18.1", "6")]
    runs = [
        (x, 700 - 14 * n, 10, cell, 0)
        for n, row in enumerate(rows)
        for x, cell in zip((72, 200, 300), row, strict=True)
    ]
    assert "Mazda 21.0 6 Datsun 22.8 4 Valiant 18.1 6" in only(placed(runs)).text
