import codecs

import pytest

from workbench.ingest.decode import UndecodableError, decode_text


def test_utf8_with_and_without_bom():
    assert decode_text("Kim’s 😀".encode()) == ("Kim’s 😀", "utf-8")
    assert decode_text(codecs.BOM_UTF8 + "Kim’s".encode())[0] == "Kim’s"


def test_utf16_with_bom():
    text, encoding = decode_text(codecs.BOM_UTF16_LE + "Pyongyang – Moscow".encode("utf-16-le"))
    assert text == "Pyongyang – Moscow" and encoding == "utf-16-le"


def test_windows_1252():
    data = "The minister’s “firm” reply — café déjà vu, naïve façade. ".encode("cp1252") * 4
    text, encoding = decode_text(data)
    assert text.startswith("The minister’s “firm” reply — café")


def test_binary_is_refused():
    with pytest.raises(UndecodableError, match="binary"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_damaged_utf8_is_refused_not_garbled():
    with pytest.raises(UndecodableError, match="invalid UTF-8"):
        decode_text("Kim’s reply".encode() + b"\xff\xfe broken" + "café".encode())


def test_declared_encoding_is_used_when_the_bytes_are_not_utf8():
    data = "Le café “noir”".encode("cp1252")
    assert decode_text(data, declared="ISO-8859-1") == ("Le café “noir”", "cp1252")  # as browsers read it
    assert decode_text("Kim’s".encode(), declared="windows-1252") == ("Kim’s", "utf-8")  # UTF-8 wins


def test_a_wrong_declaration_falls_back_to_detection():
    data = "The minister’s “firm” reply — café déjà vu, naïve façade. ".encode("cp1252") * 4
    text, _ = decode_text(data, declared="utf-8")
    assert text.startswith("The minister’s “firm” reply")
    assert decode_text(data, declared="no-such-encoding")[0] == text
