"""Word documents: the text of their paragraphs, then read as a scraped page."""

import io
import zipfile

import pytest

from workbench.ingest.errors import EmptyFile, UnreadableFile
from workbench.ingest.formats import read_entries

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(*paragraphs: str, parts: dict | None = None) -> bytes:
    """A minimal Word package whose paragraphs hold the given runs' XML."""
    body = "".join(f"<w:p>{p}</w:p>" for p in paragraphs)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        for name, data in (
            parts
            if parts is not None
            else {"word/document.xml": f"<w:document {W}><w:body>{body}</w:body></w:document>"}
        ).items():
            package.writestr(name, data)
    return buffer.getvalue()


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_paragraphs_become_lines_and_the_layout_finds_headline_byline_and_date():
    data = docx(
        run("Kim visits Moscow for talks"),
        run("By Jane Doe"),
        run("Published: 19 June 2024"),
        run("North Korean leader Kim Jong Un arrived in Moscow on Wednesday for talks with ")
        + "<w:r><w:rPr><w:b/></w:rPr><w:t>Vladimir Putin</w:t></w:r>"
        + run(", state media said, adding that the visit was his first since 2019."),
        "",  # an empty paragraph
        run("Officials said") + "<w:r><w:tab/></w:r>" + run("the talks") + "<w:r><w:br/></w:r>" + run("went on."),
    )
    [entry] = read_entries("kim.docx", data)
    article = entry.article
    assert (article.title, article.byline, article.date) == ("Kim visits Moscow for talks", "Jane Doe", "2024-06-19")
    assert "talks with Vladimir Putin, state media said" in article.body_text
    assert article.text.endswith("Officials said\tthe talks\nwent on.")


def test_a_document_without_text_is_empty():
    with pytest.raises(EmptyFile):
        read_entries("blank.docx", docx("", ""))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK not really a zip", "not a readable Word document"),
        (docx(parts={"word/other.xml": "<x/>"}), "not a Word document"),
        (docx(parts={"word/document.xml": "<w:document"}), "damaged Word document"),
    ],
)
def test_what_is_no_word_document_is_reported(data, message):
    with pytest.raises(UnreadableFile, match=message):
        read_entries("bad.docx", data)


def test_entities_in_the_xml_are_not_expanded():
    # An XML bomb's entity is left alone, not expanded a billion times.
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>Officials said &b; the talks went on, according to the ministry.</w:t></w:r></w:p></w:body></w:document>"
    )
    [entry] = read_entries("bomb.docx", docx(parts={"word/document.xml": xml}))
    assert "aaaaaaaaaa" not in entry.article.text


def test_a_file_of_several_documents_gives_one_article_each():
    # As Nexis exports them: each document ends with a line "End of Document".
    story = [
        run("Talks resume in Geneva"),
        run("The ministry said on Tuesday that talks with its neighbour had resumed after a pause of months."),
        run("End of Document"),
    ]
    other = [
        run("Pact signed in Pyongyang"),
        run("Russia and North Korea signed a pact, the Kremlin said on Wednesday."),
        run("End of Document"),
    ]
    entries = read_entries("nexis.docx", docx(*story, *other))
    assert [(e.where, e.article.title) for e in entries] == [
        ("document 1", "Talks resume in Geneva"),
        ("document 2", "Pact signed in Pyongyang"),
    ]
    assert all("End of Document" not in e.article.text for e in entries)
    assert entries[1].article.source_file == "nexis.docx, document 2"


def test_a_file_of_one_document_leaves_its_end_marker_out():
    entries = read_entries(
        "nexis.docx",
        docx(run("Talks resume in Geneva"), run("The ministry said talks had resumed."), run("End of Document")),
    )
    assert [e.where for e in entries] == [""]
    assert "End of Document" not in entries[0].article.text


def test_a_body_larger_than_the_limit_is_refused(monkeypatch):
    from workbench.ingest import word

    monkeypatch.setattr(word, "_PART_LIMIT", 1_000)
    with pytest.raises(UnreadableFile, match="too large"):
        read_entries("huge.docx", docx(*[run("Officials said the talks went on. " * 10)] * 10))


MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def document(body: str, **parts: str) -> bytes:
    """A Word package of the given body XML and further parts (`footnotes=...` is word/footnotes.xml)."""
    return docx(
        parts={
            "word/document.xml": f"<w:document {W} {MC}><w:body>{body}</w:body></w:document>",
            **{f"word/{name}.xml": xml for name, xml in parts.items()},
        }
    )


def text_of(data: bytes) -> str:
    from workbench.ingest.word import read_word

    return read_word("x.docx", data)


def text_box(*paragraphs: str) -> str:
    """A text box as Word writes it: a drawing, and a VML copy of it for older readers."""
    content = "<w:txbxContent>" + "".join(f"<w:p>{run(p)}</w:p>" for p in paragraphs) + "</w:txbxContent>"
    return (
        f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="urn:wps">{content}'
        f'</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox xmlns:v="urn:v">{content}'
        "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_a_text_box_is_read_once_as_paragraphs_of_its_own():
    body = (
        f"<w:p>{run('Kim visits Moscow for talks')}</w:p>"
        f"<w:p>{run('North Korean leader Kim Jong Un arrived in Moscow.')}{text_box('Fact box', 'Kim last visited in 2019.')}"
        f"{run(' State media said so.')}</w:p>"
    )
    assert text_of(document(body)) == (
        "Kim visits Moscow for talks\n\nNorth Korean leader Kim Jong Un arrived in Moscow. State media said so."
        "\n\nFact box\n\nKim last visited in 2019."
    )


def test_what_only_the_fallback_holds_is_not_read():
    body = (
        f'<w:p><mc:AlternateContent><mc:Choice Requires="w14">{run("Choice text")}</mc:Choice>'
        f"<mc:Fallback>{run('Fallback text')}</mc:Fallback></mc:AlternateContent></w:p>"
    )
    assert text_of(document(body)) == "Choice text"


def test_a_tables_cells_and_content_controls_are_read_once_each():
    cell = "<w:tc><w:p>{}</w:p><w:p>{}</w:p></w:tc>"
    inner = f"<w:tbl><w:tr>{cell.format(run('Inner'), '')}</w:tr></w:tbl>"
    body = (
        f"<w:tbl><w:tr>{cell.format(run('Seoul'), run('12'))}<w:tc><w:p>{run('Busan')}</w:p>{inner}</w:tc></w:tr></w:tbl>"
        f"<w:sdt><w:sdtPr/><w:sdtContent><w:p>{run('Control block')}</w:p></w:sdtContent></w:sdt>"
        f"<w:p>{run('Inline ')}<w:sdt><w:sdtContent>{run('control')}</w:sdtContent></w:sdt></w:p>"
    )
    assert text_of(document(body)).split("\n\n") == ["Seoul", "12", "Busan", "Inner", "Control block", "Inline control"]


def test_a_tracked_changes_deleted_text_is_left_out_and_its_inserted_text_read():
    body = (
        f'<w:p>{run("Talks resumed on ")}<w:del w:id="1"><w:r><w:delText>Monday</w:delText></w:r></w:del>'
        f'<w:ins w:id="2">{run("Tuesday")}</w:ins>{run(" in Geneva")}'
        f'<w:moveFrom w:id="3">{run(" (moved away)")}</w:moveFrom><w:moveTo w:id="4">{run(", officials said")}</w:moveTo>'
        f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>{run(".")}</w:p>'
    )
    assert text_of(document(body)) == "Talks resumed on Tuesday in Geneva, officials said."


NOTE_SEPARATORS = (
    '<w:{0} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{0}>'
    '<w:{0} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{0}>'
)


def notes(kind: str, *texts: str) -> str:
    body = "".join(
        f'<w:{kind} w:id="{i}"><w:p><w:r><w:{kind}Ref/></w:r>{run(" " + t)}</w:p></w:{kind}>'
        for i, t in enumerate(texts, 1)
    )
    return f"<w:{kind}s {W}>{NOTE_SEPARATORS.format(kind)}{body}</w:{kind}s>"


def test_footnotes_and_endnotes_follow_the_paragraph_citing_them():
    body = (
        f"<w:p>{run('Kim visits Moscow for talks')}</w:p>"
        f'<w:p>{run("Officials said so.")}<w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
        f'<w:p>{run("The pact was signed.")}<w:r><w:endnoteReference w:id="1"/></w:r></w:p>'
        f"<w:p>{run('Talks went on.')}</w:p>"
    )
    data = document(
        body,
        footnotes=notes("footnote", "Per the ministry.", "A note cited nowhere."),
        endnotes=notes("endnote", "See the text of the pact."),
    )
    assert text_of(data).split("\n\n") == [
        "Kim visits Moscow for talks",
        "Officials said so.",
        "Per the ministry.",
        "The pact was signed.",
        "See the text of the pact.",
        "Talks went on.",
        "A note cited nowhere.",
    ]


def test_a_document_of_only_a_footnote_is_not_empty():
    data = document(
        '<w:p><w:r><w:footnoteReference w:id="1"/></w:r></w:p>',
        footnotes=notes("footnote", "Officials said the talks went on, according to the ministry."),
    )
    [entry] = read_entries("note.docx", data)
    assert entry.article.text == "Officials said the talks went on, according to the ministry."


def test_a_damaged_notes_part_loses_only_the_notes():
    data = document(f"<w:p>{run('Officials said the talks went on.')}</w:p>", footnotes="<w:footnotes")
    assert text_of(data) == "Officials said the talks went on."


TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def odt(body: str) -> bytes:
    """A minimal OpenDocument text, as LibreOffice writes it, with `body` in office:text."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        f'xmlns:text="{TEXT_NS}" office:version="1.3"><office:body><office:text>{body}'
        "</office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", content)
    return buffer.getvalue()


def test_an_opendocument_text_reads_as_a_word_document_does():
    data = odt(
        '<text:h text:outline-level="1">Kim visits Moscow for talks</text:h>'
        "<text:p>By Jane Doe</text:p>"
        "<text:p>Published: 19 June 2024</text:p>"
        '<text:p>North Korean leader <text:span text:style-name="T1">Kim Jong Un</text:span> arrived in'
        '<text:s/>Moscow,<text:s text:c="3"/>state media said.<text:note text:note-class="footnote">'
        "<text:note-citation>1</text:note-citation><text:note-body><text:p>A footnote.</text:p></text:note-body>"
        "</text:note></text:p>"
        "<text:list><text:list-item><text:p>Talks<text:tab/>resume<text:line-break/>today.</text:p></text:list-item></text:list>"
    )
    [entry] = read_entries("story.odt", data)
    article = entry.article
    assert (article.title, article.byline, article.date) == ("Kim visits Moscow for talks", "Jane Doe", "2024-06-19")
    assert "North Korean leader Kim Jong Un arrived in Moscow,   state media said." in article.text
    assert "Talks\tresume\ntoday." in article.text
    assert article.text.count("A footnote.") == 1  # read on its own, not inside the paragraph too


def test_a_file_that_is_not_an_opendocument_text_says_so():
    with pytest.raises(UnreadableFile, match="not an OpenDocument text"):
        read_entries("story.odt", docx(run("text")))
