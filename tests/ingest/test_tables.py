"""Tables of articles: one article per row, columns found by name or named, errors that
name the row and the column."""

import codecs
import json

import pytest

from workbench.core.errors import WorkbenchError
from workbench.ingest.errors import EmptyFile, UnreadableFile
from workbench.ingest.tables import ColumnChoice, NoTextColumn, Table, read_rows, read_table

BODY = "Officials said on Monday that the new policy would take effect next month."
BY_NAME_MAPPING = {"text": "text", "title": "title"}


def test_csv_with_a_quoted_multiline_field_and_crlf():
    data = f'id,title,text\r\n1,"First, with comma","{BODY}\r\nSecond ""quoted"" line."\r\n2,Second,Plain\r\n'
    rows = read_table("news.csv", data.encode())
    assert [r.where for r in rows] == ["row 1", "row 2"]
    assert rows[0].text == f'{BODY}\nSecond "quoted" line.'
    assert rows[0].metadata.title == "First, with comma"
    assert rows[0].metadata.origins["title"] == "column “title”, row 1"


def test_bom_never_reaches_the_header():
    rows = read_table("news.csv", codecs.BOM_UTF8 + f"text,headline\n{BODY},H\n".encode())
    assert rows[0].text == BODY and rows[0].metadata.title == "H"
    utf16 = codecs.BOM_UTF16_LE + f"text\tdate\n{BODY}\t2024-01-14\n".encode("utf-16-le")
    assert read_table("news.tsv", utf16)[0].metadata.date == "2024-01-14"


def test_semicolon_csv_and_column_names_in_any_case():
    rows = read_table("news.csv", f"Headline;Body;Published At\nH;{BODY};14 January 2024\n".encode())
    meta = rows[0].metadata
    assert rows[0].text == BODY and meta.title == "H"
    assert meta.date == "2024-01-14" and meta.date_raw == "14 January 2024"


def test_column_names_in_other_languages_of_the_news():
    rows = read_table(
        "news.csv", f"Titel;Datum;Autor;Quelle;Text\nH;14.01.2024;Anna Schmidt;Die Zeit;{BODY}\n".encode()
    )
    meta = rows[0].metadata
    assert (rows[0].text, meta.title, meta.date, meta.byline, meta.site) == (
        BODY,
        "H",
        "2024-01-14",
        "Anna Schmidt",
        "Die Zeit",
    )
    assert read_table("news.csv", f"titre,texte\nT,{BODY}\n".encode())[0].metadata.title == "T"


def test_blank_lines_before_the_header_and_an_empty_table():
    assert read_table("news.csv", f"\n\n  \ntitle,text\nH,{BODY}\n".encode())[0].metadata.title == "H"
    with pytest.raises(EmptyFile):
        read_table("news.csv", b"\n")


def test_missing_text_column_lists_the_columns():
    with pytest.raises(NoTextColumn) as caught:
        read_table("news.csv", b"id,headline,summary\n1,H,S\n")
    assert caught.value.columns == ["id", "headline", "summary"]
    assert "“summary”" in str(caught.value)


def test_columns_named_by_the_user():
    data = f"id,headline,summary,when\n1,H,{BODY},2024-02-03\n".encode()
    rows = read_table("news.csv", data, ColumnChoice(text="summary", date="WHEN"))
    assert rows[0].text == BODY and rows[0].metadata.date == "2024-02-03"
    assert rows[0].metadata.title == "H"  # still found by its name
    with pytest.raises(UnreadableFile, match="no column “body”"):
        read_table("news.csv", data, ColumnChoice(text="body"))
    none = read_table("news.csv", data, ColumnChoice(text="summary", title=""))
    assert none[0].metadata.title is None  # "": no title column, even one named so


def test_row_with_the_wrong_number_of_columns_names_row_and_line():
    data = f'title,text\nA,"{BODY}\nmore"\nB,text,extra\n'.encode()
    with pytest.raises(UnreadableFile, match=r"row 2 \(line 4\) has 3 columns; the header has 2"):
        read_table("news.csv", data)


def test_unterminated_quote_is_malformed():
    with pytest.raises(UnreadableFile, match="malformed CSV"):
        read_table("news.csv", b'title,text\nA,"never closed\n')


def test_jsonl_malformed_line_names_line_and_column():
    data = json.dumps({"text": BODY}) + "\n\n" + '{"text": "ok", "title": broken}\n'
    with pytest.raises(UnreadableFile, match=r"line 3, column 25: not valid JSON"):
        read_table("news.jsonl", data.encode())


def test_json_nan_is_an_empty_value_never_the_text_nan():
    data = '[{"text": NaN, "title": "A"}, {"text": "BODY", "date": NaN, "title": Infinity}]'.replace("BODY", BODY)
    rows = read_table("news.json", data.encode())
    assert rows[0].text == ""  # an empty row: skipped on import
    assert rows[1].text == BODY and rows[1].metadata.date_raw is None and rows[1].metadata.title is None


def test_json_shapes():
    single = read_table("one.json", json.dumps({"content": BODY}).encode())
    assert len(single) == 1 and single[0].where == "item 1"
    paragraphs = read_table("p.json", json.dumps([{"body": ["One.", "Two."]}]).encode())
    assert paragraphs[0].text == "One.\n\nTwo."
    with pytest.raises(UnreadableFile, match="expected an array of objects"):
        read_table("x.json", b'"just a string"')
    with pytest.raises(UnreadableFile, match="item 2: expected an object"):
        read_table("x.json", b'[{"text": "a"}, 3]')
    with pytest.raises(NoTextColumn, match="“text.nested”"):  # an object's values are columns of their own
        read_table("x.json", b'[{"text": {"nested": 1}}]')
    with pytest.raises(UnreadableFile, match="item 1, column “text”: expected text, found a list"):
        read_table("x.json", b'[{"text": [1, 2]}]')


def test_authors_as_a_list_of_names_or_of_people():
    rows = read_table("a.jsonl", json.dumps({"text": BODY, "authors": ["Jane Doe", "John Roe"]}).encode())
    assert rows[0].metadata.byline == "Jane Doe, John Roe"
    feed = {"version": "https://jsonfeed.org/version/1.1", "items": [
        {"id": "1", "content_text": BODY, "authors": [{"name": "Jane Doe", "url": "https://x.org"}]},
    ]}  # fmt: skip
    assert read_table("feed.json", json.dumps(feed).encode())[0].metadata.byline == "Jane Doe"


def test_a_news_please_record():
    record = {"authors": ["Jane Doe"], "date_download": "2024-06-20 10:00:00", "date_publish": "2024-06-19 08:00:00",
              "maintext": BODY, "source_domain": "www.reuters.com", "title": "Talks resume"}  # fmt: skip
    [row] = read_table("article.json", json.dumps(record).encode())
    assert (row.text, row.metadata.title, row.metadata.date, row.metadata.byline, row.metadata.site) == (
        BODY, "Talks resume", "2024-06-19", "Jane Doe", "www.reuters.com",
    )  # fmt: skip


def test_a_news_apis_response_is_read_as_its_list_of_articles():
    # NewsAPI: the articles in a list beside the status, the outlet an object, dates in camelCase.
    response = {
        "status": "ok",
        "totalResults": 2,
        "articles": [
            {"source": {"id": None, "name": "BBC News"}, "author": "Jane Doe", "title": "Kim visits Moscow",
             "publishedAt": "2024-06-19T08:00:00Z", "content": BODY},
            {"source": {"id": "reuters", "name": "Reuters"}, "title": "Pact signed", "content": BODY + " More."},
        ],
    }  # fmt: skip
    rows = read_table("newsapi.json", json.dumps(response).encode())
    assert [(r.where, r.metadata.title, r.metadata.site) for r in rows] == [
        ("articles: item 1", "Kim visits Moscow", "BBC News"),
        ("articles: item 2", "Pact signed", "Reuters"),
    ]
    assert rows[0].metadata.date == "2024-06-19" and rows[0].metadata.byline == "Jane Doe"
    assert rows[0].metadata.origins["site"] == "column “source.name”, articles: item 1"


def test_a_json_feeds_items_with_their_markup_read_as_paragraphs():
    feed = {
        "version": "https://jsonfeed.org/version/1",
        "title": "Technology",
        "items": [
            {"id": "1", "url": "https://www.npr.org/2021/10/29/a", "title": "Delivery drones",
             "content_html": f"<p>{BODY}</p><p>Second <b>paragraph</b>.<br>Its next line.</p>",
             "date_published": "2021-10-29T05:00:00-04:00"},
        ],
    }  # fmt: skip
    [row] = read_table("feed.json", json.dumps(feed).encode())
    assert row.text == f"{BODY}\n\nSecond paragraph.\n\nIts next line."
    assert (row.metadata.title, row.metadata.date, row.metadata.site) == (
        "Delivery drones",
        "2021-10-29",
        "www.npr.org",
    )


def test_a_text_cell_of_markup_is_read_as_paragraphs_and_plain_text_stays():
    data = f'title,text\nA,"<div><p>{BODY}</p><p>More.</p></div>"\nB,"Plain <b>bold</b> text stays as written."\n'
    first, second = read_table("scraped.csv", data.encode())
    assert first.text == f"{BODY}\n\nMore."
    assert second.text == "Plain <b>bold</b> text stays as written."


def test_nested_fields_are_found_by_their_own_names():
    # The Guardian: {"response": {"results": [{"webTitle": …, "fields": {"bodyText": …}}]}}.
    result = {"webTitle": "Talks resume", "webPublicationDate": "2024-01-14T09:30:00Z", "fields": {"bodyText": BODY}}
    response = {"response": {"status": "ok", "results": [result]}}
    [row] = read_table("guardian.json", json.dumps(response).encode())
    assert row.text == BODY and row.where == "response.results: item 1"
    assert (row.metadata.title, row.metadata.date) == ("Talks resume", "2024-01-14")


def test_site_from_a_column_or_the_address():
    rows = read_table("n.jsonl", json.dumps({"text": BODY, "url": "https://www.example.com/a"}).encode())
    assert rows[0].metadata.site == "www.example.com"
    assert rows[0].metadata.origins["site"] == "address in column “url”, line 1"
    rows = read_table("n.csv", f"text,source\n{BODY},Reuters\n".encode())
    assert rows[0].metadata.site == "Reuters"
    rows = read_table("n.jsonl", json.dumps({"text": BODY, "url": "https://[not-an-address/a"}).encode())
    assert rows[0].text == BODY and rows[0].metadata.site is None  # no site, and the row still reads


def test_ambiguous_date_is_kept_raw_without_a_guess():
    meta = read_table("n.csv", f"text,date\n{BODY},03/04/2024\n".encode())[0].metadata
    assert meta.date is None and meta.date_raw == "03/04/2024"


def test_duplicate_column_names_hide_no_cell():
    columns, rows = read_rows("n.csv", b"text,text\na,b\n")
    assert columns == ["text", "text (2)"] and rows[0].values == {"text": "a", "text (2)": "b"}


def test_long_cells_are_read_whole():
    long = "word " * 100_000
    assert len(read_table("n.csv", f'text\n"{long}"\n'.encode())[0].text) == len(long)


def test_an_excel_workbooks_sheet_with_a_text_column_is_read(tmp_path):
    from datetime import datetime

    from openpyxl import Workbook

    book = Workbook()
    notes = book.active
    notes.title = "Notes"
    notes.append(["Collected by", "Jane"])
    sheet = book.create_sheet("Articles")
    sheet.append(["Headline", "Body", "Published", "URL", "Words"])
    sheet.append(["Talks resume", BODY, datetime(2024, 1, 14), "https://www.example.com/a", "=LEN(B2)"])
    sheet.append([None, None, None, None, None])  # an empty row: not an article
    sheet.append(["Pact signed", BODY + " More.", datetime(2024, 6, 19, 8, 30), None, 12.0])
    book.save(tmp_path / "news.xlsx")
    rows = read_table("news.xlsx", (tmp_path / "news.xlsx").read_bytes())
    assert [(r.where, r.metadata.title, r.metadata.date) for r in rows] == [
        ("Articles, row 1", "Talks resume", "2024-01-14"),
        ("Articles, row 2", "Pact signed", "2024-06-19"),
    ]
    assert rows[0].text == BODY and rows[0].metadata.site == "www.example.com"


def test_a_file_that_is_no_workbook_is_reported():
    with pytest.raises(UnreadableFile, match="not a readable Excel workbook"):
        read_table("news.xlsx", b"title,text\nA,B\n")


def test_a_workbook_with_one_far_cell_reads_only_the_cells_it_holds():
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet["A1"], sheet["B1"] = "title", "text"
    sheet["A2"], sheet["B2"] = "Talks", "The minister said on Monday that talks would continue next week."
    sheet["XFD1048576"] = "x"  # the sheet's range: 17 billion cells, nearly all empty
    data = io.BytesIO()
    book.save(data)
    columns, rows = read_rows("far.xlsx", data.getvalue())
    assert columns == ["title", "text"] and rows[0].values["title"] == "Talks"


def test_a_number_too_long_to_read_is_a_reason_not_a_crash():
    with pytest.raises(UnreadableFile, match="cannot be read"):
        read_table("n.jsonl", ('{"text": "Officials said so.", "n": ' + "9" * 5000 + "}\n").encode())


def test_a_table_file_is_read_as_its_bytes_are_whatever_its_encoding(tmp_path):
    """Read from its file, a line at a time when its start tells the encoding, a table gives
    the rows its bytes give: UTF-8 with and without a BOM, UTF-16, a legacy code page (read
    whole), a file whose lines end with CR alone."""
    text = f'title,text\r"Grüße, München","{BODY}\rZweite Zeile"\rB,{BODY}\r'
    for name, data in (
        ("utf8.csv", text.encode()),
        ("bom.csv", codecs.BOM_UTF8 + text.encode()),
        ("utf16.csv", codecs.BOM_UTF16_LE + text.encode("utf-16-le")),
        ("cp1252.csv", text.encode("cp1252")),
    ):
        (tmp_path / name).write_bytes(data)
        rows = list(Table(name, tmp_path / name).rows(BY_NAME_MAPPING))
        assert rows == read_table(name, data) and [r.metadata.title for r in rows] == ["Grüße, München", "B"], name
        assert rows[0].text == f"{BODY}\nZweite Zeile"


def test_a_malformed_row_of_a_file_not_all_utf8_is_told_as_when_read_whole(tmp_path):
    """A row read as UTF-8 is malformed, but bytes after it are not UTF-8: the file is
    judged as decode_text judges it whole (here: damaged UTF-8), not by that row."""
    data = b'title,text\nA,"quoted"and more\n' + "B,Grüße\n".encode() * 200 + b"C,\xff\n"
    (tmp_path / "news.csv").write_bytes(data)
    with pytest.raises(WorkbenchError, match="invalid UTF-8 at byte"):
        Table("news.csv", tmp_path / "news.csv")


def test_a_table_file_changed_after_it_was_read_through_is_refused(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(f"title,text\nA,{BODY}\n")
    table = Table("news.csv", path)
    assert len(table) == 1
    path.write_text(f"title,text\nA,{BODY}\nB,{BODY} again\n")
    with pytest.raises(UnreadableFile, match="changed while it was imported"):
        list(table.records())


def test_json_lines_cells_that_are_not_text_are_found_before_any_row_is_used():
    """Every key of every line is a column; the first row with a list or object where text
    is wanted refuses the file, whichever column of it comes first."""
    lines = [{"text": BODY}, {"text": BODY, "tags": [1, 2]}, {"text": BODY, "title": [{"x": 1}], "author": [3]}]
    data = "\n".join(json.dumps(line) for line in lines).encode()
    table = Table("news.jsonl", data)
    assert table.columns == ["text", "tags", "title", "author"] and len(table) == 3
    with pytest.raises(UnreadableFile, match=r"^line 3, column “title”: expected text, found a list$"):
        table.mapping()
    with pytest.raises(UnreadableFile, match=r"^line 3, column “author”"):
        table.mapping(ColumnChoice(title=""))
