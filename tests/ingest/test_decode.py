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


# Legacy pages as the web has them: real sentences in a page's markup, declared or not.
PAGE = """<!DOCTYPE html>
<html><head>{meta}<title>News</title>
<link rel="stylesheet" href="/static/site.css">
</head><body><nav><a href="/">Home</a> <a href="/world/">World</a></nav>
<article>{body}</article>
<footer>&copy; 2023 Example Media</footer></body></html>
"""
GERMAN = (
    "Die Bundesregierung hat am Mittwoch den Haushaltsentwurf für das kommende Jahr beschlossen. "
    "Nach Angaben des Finanzministers müssen alle Ressorts sparen; größere Kürzungen gibt es beim Bürgergeld. "
    "Die Opposition spricht von einem „Haushalt der verpassten Chancen“ und kündigt Widerstand an."
)
FRENCH = (
    "Le gouvernement a présenté mercredi un projet de loi de finances qui prévoit une hausse des dépenses. "
    "Selon le ministre de l’Économie, le déficit public devrait être ramené à 4,4 % du PIB l’an prochain. "
    "L’opposition dénonce un budget « d’austérité » qui pénalisera les ménages et les hôpitaux."
)


def page(text: str, declared: str | None = None) -> str:
    meta = f'<meta charset="{declared}">' if declared else ""
    return PAGE.format(meta=meta, body="".join(f"<p>{line}</p>\n" for line in text.split(". ")))


@pytest.mark.parametrize(
    ("encoding", "label", "text"),
    [
        ("gb2312", "gb2312", "国务院常务会议周三研究部署进一步扩大内需的措施，会议强调要稳定就业和促进消费。"),
        ("shift_jis", "Shift_JIS", "政府は水曜日、来年度予算案を閣議決定し、防衛費が過去最大となる見通しを示した。"),
        (
            "cp1256",
            "windows-1256",
            "أعلنت الحكومة عن خطة جديدة لدعم الأسر. كيف حالك؟ وقال وزير المالية إن الخطة ستكلف نحو مليار دولار.",
        ),
        ("big5", "big5", "行政院週三通過明年度中央政府總預算案，國防支出將創下歷史新高。"),
        ("euc-kr", "euc-kr", "정부는 수요일 내년도 예산안을 발표하며 국방비와 복지 예산을 크게 늘리겠다고 밝혔다."),
    ],
)
def test_a_declared_encoding_that_decodes_the_page_is_believed_though_some_byte_pairs_are_valid_utf8(
    encoding, label, text
):
    html = page(text, declared=label)
    data = html.encode(encoding)
    assert any(ch > "\x7f" and ch != "\ufffd" for ch in data.decode("utf-8", errors="replace"))
    assert decode_text(data, declared=label) == (html, codecs.lookup(encoding).name)


@pytest.mark.parametrize("text", [GERMAN, FRENCH])
def test_undeclared_windows_1252_pages_are_read_as_windows_1252(text):
    # charset-normalizer, which mostly sees the markup, reads these as cp1250 or cp775
    # ("f³r", "Geschõft", "d’ętre").
    html = page(text)
    assert decode_text(html.encode("cp1252")) == (html, "cp1252")
    assert decode_text(html.encode("cp1252"), declared="utf-8") == (html, "cp1252")  # a wrong declaration


@pytest.mark.parametrize(
    "text",
    [
        "Hallitus esitteli keskiviikkona ensi vuoden talousarvion, jossa leikataan sosiaaliturvasta ja lisätään "
        "puolustusmenoja. Valtiovarainministerin mukaan säästöt ovat välttämättömiä.",
        "Regeringen presenterade på onsdagen en budget som innehåller sänkt skatt på arbete och höjda anslag "
        "till försvaret. Enligt finansministern får de flesta hushåll några hundra kronor mer.",
        "Il governo ha approvato giovedì la legge di bilancio. Più di metà degli italiani, però, ritiene che il "
        "costo della vita sia il problema principale, soprattutto al Sud, così dicono.",
        "Ríkisstjórnin kynnti á þriðjudag fjárlagafrumvarp sem gerir ráð fyrir auknum útgjöldum til "
        "heilbrigðismála. Stjórnarandstaðan segir að frumvarpið taki ekki á húsnæðisvandanum.",
    ],
)
def test_undeclared_windows_1252_texts_of_other_languages(text):
    assert decode_text(text.encode("cp1252")) == (text, "cp1252")


def test_a_windows_1252_page_with_a_few_byte_pairs_valid_as_utf8_is_not_taken_for_damaged_utf8():
    # The page itself carries a word garbled long ago ("SprÃ¼hregen" is valid UTF-8 once written in
    # Windows-1252): one such word does not make the page a UTF-8 one.
    html = page(GERMAN + ". Wetter: SprÃ¼hregen, 12 °C")
    assert decode_text(html.encode("cp1252")) == (html, "cp1252")


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        (
            "cp1250",
            "Prezydent Warszawy zapowiedział w środę, że miasto przeznaczy dodatkowe środki na rozbudowę "
            "metra. Według rzecznika ratusza prace ruszą jesienią, a pierwsze pociągi pojadą za trzy lata.",
        ),
        (
            "iso8859-2",
            "Vláda v pondělí schválila návrh rozpočtu na příští rok, který počítá se schodkem 252 "
            "miliard korun. Opozice kritizuje, že škrty nedostatečně řeší zadlužení země.",
        ),
        (
            "cp1250",
            "A kormány szerdán bejelentette, hogy jövő évtől emelkedik a minimálbér. A pénzügyminiszter "
            "szerint az intézkedés több mint egymillió munkavállalót érint közvetlenül.",
        ),
        (
            "cp1251",
            "Правительство России в среду одобрило проект бюджета на следующий год. По словам министра "
            "финансов, дефицит бюджета составит около двух процентов.",
        ),
        (
            "koi8-r",
            "Правительство России в среду одобрило проект бюджета на следующий год. По словам министра "
            "финансов, дефицит бюджета составит около двух процентов.",
        ),
        (
            "koi8-u",
            "Уряд України у вівторок ухвалив рішення про підвищення мінімальної заробітної плати. "
            "Експерти застерігають, що таке підвищення може посилити інфляцію.",
        ),
        (
            "cp1253",
            "Η κυβέρνηση ανακοίνωσε την Τετάρτη νέα μέτρα στήριξης για τα νοικοκυριά. Σύμφωνα με τον "
            "υπουργό Οικονομικών, το πακέτο θα κοστίσει περίπου ένα δισεκατομμύριο ευρώ.",
        ),
        (
            "cp1255",
            "הממשלה אישרה ביום רביעי את תקציב המדינה לשנה הבאה. לדברי שר האוצר, התקציב כולל הגדלה של "
            "ההוצאה על חינוך ובריאות.",
        ),
        (
            "cp1254",
            "Merkez Bankası perşembe günü politika faizini yüzde kırk beşe yükselttiğini açıkladı. "
            "İstanbul ve İzmir'deki esnaf ise yüksek faizden şikâyet ediyor.",
        ),
        (
            "cp1257",
            "Lietuvos Seimas antradienį priėmė įstatymą, kuriuo didinamos išlaidos krašto apsaugai. "
            "Opozicija teigia, kad sprendimas buvo priimtas skubotai.",
        ),
        (
            "iso8859-13",
            "Latvijas valdība otrdien apstiprināja nākamā gada budžeta projektu. Finanšu ministrs "
            "sacīja, ka ārstu algas pieaugs un rindas slimnīcās saīsināsies.",
        ),
        (
            "cp874",
            "รัฐบาลประกาศเมื่อวันพุธว่าจะเพิ่มค่าแรงขั้นต่ำทั่วประเทศตั้งแต่ต้นปีหน้า "
            "รัฐมนตรีว่าการกระทรวงแรงงานกล่าวว่ามาตรการนี้จะช่วยเหลือแรงงานกว่าสามล้านคน",
        ),
        ("gbk", "国家统计局数据显示，上个月全国居民消费价格同比上涨百分之零点二，涨幅比上月有所回落。"),
        ("big5", "行政院週三通過明年度中央政府總預算案，國防支出將創下歷史新高。財政部長表示將推動稅制改革。"),
        ("euc-kr", "기획재정부 장관은 재정 건전성을 유지하면서도 경기 회복을 지원하겠다고 말했다."),
        ("shift_jis", "野党は物価高への対策が不十分だと批判し、国会での徹底的な審議を求めている。"),
        ("euc-jp", "東京や大阪では、食料品の値上がりに対する不安の声が広がっている。"),
    ],
)
def test_undeclared_legacy_pages_of_other_languages(encoding, text):
    html = page(text)
    assert decode_text(html.encode(encoding))[0] == html


def test_a_short_latin_text_is_not_taken_for_chinese():
    assert decode_text("Máma mele maso.".encode("cp1250"))[0] == "Máma mele maso."  # not "M嫥a"


@pytest.mark.parametrize("wrong", ["iso-8859-1", "windows-1252"])
def test_a_single_byte_declaration_the_page_does_not_read_in_is_not_believed(wrong):
    # Old Central European sites often declare Latin-1: read so, Polish comes out as "Wroc³aw".
    text = (
        "Prezydent Wrocławia zapowiedział w środę, że miasto przeznaczy dodatkowe środki na rozbudowę "
        "tramwajów. Według rzecznika ratusza prace ruszą jesienią, a pierwsze pociągi pojadą za trzy lata."
    )
    html = page(text, declared=wrong)
    assert decode_text(html.encode("cp1250"), declared=wrong) == (html, "cp1250")


@pytest.mark.parametrize("declared", [None, "utf-8", "windows-1252", "iso-8859-1"])
def test_damaged_utf8_is_refused_whatever_the_page_declares(declared):
    data = page(GERMAN, declared).encode()
    data = data[:600] + b"\xff" + data[600:]
    with pytest.raises(UndecodableError, match="invalid UTF-8"):
        decode_text(data, declared)


def test_text_no_code_page_reads_is_refused():
    # UTF-8 text with every other byte lost reads as no language in any code page.
    data = bytes(b for i, b in enumerate("Привет, как дела? Всё хорошо, спасибо.".encode()) if i % 3)
    with pytest.raises(UndecodableError, match="unknown text encoding"):
        decode_text(data)


@pytest.mark.parametrize(
    ("declared", "superset", "text"),
    [
        ("euc-kr", "cp949", "똠방각하는 수요일 내년도 예산안을 발표하며 국방비를 크게 늘리겠다고 밝혔다."),
        ("Shift_JIS", "cp932", "①また明日から自転車通勤再開です～。今朝は道路がアイスバーンになってました。"),
        ("gb2312", "gbk", "政府周三公布明年预算草案，国防开支将创历史新高。镕基说。"),
    ],
)
def test_a_page_declaring_a_multibyte_encoding_is_read_in_its_windows_superset(declared, superset, text):
    html = page(text, declared)
    assert decode_text(html.encode(superset), declared) == (html, superset)
