"""Which line is the headline: the stated one only, where the file states it; and paragraphs
of scripts written without spaces read as prose."""

import pytest

from workbench.core.model import Role
from workbench.ingest.article import Metadata, build_article

HEADLINE = "Kim and Putin sign defence pact"
BODY = (
    "The defence ministry said on Tuesday that talks with its neighbour had resumed after a pause of "
    "several months, and that both sides had agreed to meet again before the end of the year.\n\n"
    "Officials declined to give details of the agenda, but analysts expect trade and border security "
    "to dominate the discussions, which will be held in the capital.\n"
)


def role_text(article, role):
    return "".join(article.text[s.start : s.end] for s in article.segments if s.role is role)


def stated(text, title=HEADLINE):
    return build_article("page.html", text, Metadata(title=title))


@pytest.mark.parametrize(
    "opening",
    [
        "Hundreds of thousands of young couples are splitting up.",  # the story's first sentence
        "which were released online and are making the rounds on social media,",  # a piece of one
        "Courtesy of Forests News",  # a short line that is not the stated headline
        "Photos",
    ],
)
def test_a_line_that_is_not_the_stated_headline_is_never_the_headline(opening):
    a = stated(f"{opening}\n\n{BODY}")
    assert a.title == HEADLINE
    assert not role_text(a, Role.TITLE)
    assert a.body_text.startswith(opening)


def test_a_caption_that_is_the_whole_text_stays_the_body():
    caption = (
        "Taiwanese President Tsai Ing-wen speaks during a televised policy debate in Taipei on "
        "December 29 in the run-up to the presidential election. Photo: AP"
    )
    a = stated(caption, "Carrie Lam should study Tsai Ing-wen’s playbook")
    assert a.body_text == caption
    assert not role_text(a, Role.TITLE)


@pytest.mark.parametrize(
    "line",
    [
        HEADLINE,
        "KIM AND PUTIN SIGN DEFENCE PACT",
        f"# {HEADLINE}",
        f"{HEADLINE} | The Daily Planet",  # a site's name after it
        f"World - {HEADLINE}",  # a section's before it
        f"{HEADLINE} [Video]",
        "Kim and Putin sign a defence pact",  # written a little differently
        "Kim & Putin sign defence pact",
    ],
)
def test_the_stated_headline_is_found_as_the_page_writes_it(line):
    a = stated(f"{line}\n\nBy Jane Doe\n\n{BODY}")
    assert role_text(a, Role.TITLE).strip() == line
    assert a.body_text.startswith("The defence ministry said")


@pytest.mark.parametrize(
    "title",
    [f"{HEADLINE} | The Daily Planet", f"The Daily Planet: {HEADLINE}", f"{HEADLINE} - World - The Daily Planet"],
)
def test_the_line_is_the_headline_a_title_puts_a_sites_name_around(title):
    a = stated(f"{HEADLINE}\n\n{BODY}", title)
    assert role_text(a, Role.TITLE).strip() == HEADLINE


@pytest.mark.parametrize(
    "line",
    [
        "Kim and Putin met in Moscow on Tuesday",  # some of its words, another line
        "The Daily Planet",  # the site's name, which the title adds to the headline
        f"{HEADLINE} in Moscow after talks that lasted all night and into the morning",
    ],
)
def test_a_line_sharing_words_with_the_stated_headline_is_not_it(line):
    a = stated(f"{line}\n\n{BODY}", f"{HEADLINE} | The Daily Planet")
    assert not role_text(a, Role.TITLE)
    assert a.body_text.startswith(line)


def test_the_headline_alone_wins_over_the_headline_with_the_sites_name():
    a = stated(f"{HEADLINE} | The Daily Planet\n\n{HEADLINE}\n\n{BODY}")
    assert role_text(a, Role.TITLE).strip() == HEADLINE
    assert a.segments[0].role is Role.CLUTTER  # a printer's header above it


ZH_HEADLINE = "外国专家：中美合作共赢符合国际社会利益"
ZH_BODY = (
    "在美国旧金山举行的中美元首会晤吸引了全世界的目光。多名外国专家告诉记者，中美合作共赢符合国际社会利益，"
    "美方应当采取更多行动。\n\n"
    "美中合作基金会执行主席认为，共同繁荣还是互相毁灭，这是两国面临的抉择。众所周知，21世纪的金融往来和军事"
    "技术发展让超级大国也无法在冲突中成为赢家。\n"
)


def test_a_chinese_paragraph_is_never_the_headline():
    a = stated(ZH_BODY, ZH_HEADLINE)
    assert a.title == ZH_HEADLINE
    assert not role_text(a, Role.TITLE)
    assert a.body_text == ZH_BODY


def test_a_chinese_headline_is_the_line_above_its_paragraphs():
    a = build_article("page.txt", f"{ZH_HEADLINE}\n\n{ZH_BODY}")
    assert a.title == ZH_HEADLINE
    assert role_text(a, Role.TITLE).strip() == ZH_HEADLINE
    assert a.body_text == ZH_BODY


def test_a_chinese_paragraph_is_no_headline_without_one_stated():
    a = build_article("page.txt", ZH_BODY)
    assert not role_text(a, Role.TITLE)
    assert a.body_text == ZH_BODY


def test_a_japanese_headline_is_found_without_the_credit_its_title_adds():
    body = "６月12日の歴史的な米朝首脳会談を巡って戦っていたのは、米大統領と北朝鮮委員長ばかりではなかった。中国国家主席も重要な陰の参戦者だった。\n"
    a = stated(
        f"米朝首脳直通電話　習氏に挑むトランプ戦術の成否\n\n{body}",
        "米朝首脳直通電話 習氏に挑むトランプ戦術の成否（写真＝ロイター）",
    )
    assert role_text(a, Role.TITLE).strip() == "米朝首脳直通電話　習氏に挑むトランプ戦術の成否"
    assert a.body_text == body


def test_a_thai_paragraph_without_a_full_stop_is_prose():
    headline = "ผล DNA ยืนยัน ศพลอยแม่น้ำโขงเป็นคนสนิท อ.สุรชัย"
    paragraph = (
        "ปรานี ด่านวัฒนานุสรณ์ ภรรยาของสุรชัยกล่าวว่า ได้ทราบข่าวจากบุตรชายของภูชนะแล้ว แต่ยังไม่ขอพูดอะไร "
        "โดยเบื้องต้นได้ทำใจแต่แรกแล้วว่าเหตุการณ์ลักษณะนี้จะต้องเกิดขึ้นสักวันหนึ่ง"
    )
    a = build_article("page.txt", f"{paragraph}\n\n{paragraph}\n")
    assert not role_text(a, Role.TITLE)
    a = build_article("page.txt", f"{headline}\n\n{paragraph}\n\n{paragraph}\n")
    assert role_text(a, Role.TITLE).strip() == headline


def test_a_hindi_headline_is_not_read_as_a_paragraph():
    # Vowel signs are characters of their own, but part of the word: the headline has 18
    # words, not the 25 a count breaking words at them made of it.
    headline = "प्रधानमंत्री ने दिल्ली में विदेशी निवेशकों से मुलाकात की और कहा कि भारत की अर्थव्यवस्था तेजी से बढ़ेगी"
    body = (
        "रक्षा मंत्रालय ने मंगलवार को कहा कि दोनों देशों के बीच बातचीत कई महीनों के अंतराल के बाद फिर से शुरू "
        "हो गई है और दोनों पक्ष साल के अंत से पहले फिर मिलने पर सहमत हुए हैं।\n"
    )
    a = build_article("page.txt", f"{headline}\n\n{body}")
    assert role_text(a, Role.TITLE).strip() == headline
    assert a.body_text == body


def test_a_line_ending_with_a_comma_is_no_headline_of_a_plain_text():
    fragment = "which were released online and are making the rounds on social media,"
    a = build_article("page.txt", f"{fragment}\n\nshow the actress looking stunning\n\n{BODY}")
    assert not role_text(a, Role.TITLE)
    assert a.body_text.startswith(fragment)
