"""Layout rules on pages written the ways other sites write them."""

import pytest

from workbench.core.model import Role
from workbench.ingest.article import Metadata, build_article, derive_title

BODY = (
    "The defence ministry said on Tuesday that talks with its neighbour had resumed after a pause of "
    "several months, and that both sides had agreed to meet again before the end of the year.\n\n"
    "Officials declined to give details of the agenda, but analysts expect trade and border security "
    "to dominate the discussions, which will be held in the capital.\n"
)


def roles(article):
    return {s.role: article.text[s.start : s.end] for s in article.segments}


def test_published_label_and_by_line():
    a = build_article(
        "x.txt", "Talks resume between neighbours\n\nBy Jane Doe | Reuters\nPublished: 3 March 2022\n\n" + BODY
    )
    assert a.title == "Talks resume between neighbours"
    assert a.byline == "Jane Doe"
    assert a.date == "2022-03-03"


def test_posted_on_with_byline_after_the_date():
    a = build_article("x.txt", "Talks resume\n\nPosted on March 5, 2021 by John Smith\n\n" + BODY)
    assert a.date == "2021-03-05"
    assert "Posted on" in roles(a)[Role.META]


def test_updated_date_is_used_only_without_a_published_one():
    a = build_article("x.txt", "Talks resume\nUpdated: 2021-07-09 14:00 UTC\nPublished: 2021-07-08\n\n" + BODY)
    assert a.date == "2021-07-08"
    b = build_article("x.txt", "Talks resume\nLast updated 9 July 2021\n\n" + BODY)
    assert b.date == "2021-07-09"


def test_headline_repeated_in_other_case_and_spacing_is_metadata():
    a = build_article("x.txt", "Talks resume between neighbours\n\nTALKS  resume between\tneighbours\n\n" + BODY)
    assert a.title == "Talks resume between neighbours"
    assert "TALKS  resume" in roles(a)[Role.META] and "TALKS" not in a.body_text


def test_ambiguous_numeric_date_is_kept_raw_without_a_guess():
    a = build_article("x.txt", "Talks resume\nPublished 03/04/2022\n\n" + BODY)
    assert a.date is None and a.date_raw == "03/04/2022"


@pytest.mark.parametrize(
    "tail",
    ["Related News\nOther story", "Read more:\nhttp://example.com", "You may also like\nx", "Tags: politics, asia",
     "About the author\nJane writes about things.", "Share this article\nFacebook Twitter"],
)  # fmt: skip
def test_page_furniture_after_the_story_is_clutter(tail):
    a = build_article("x.txt", "Talks resume\n\n" + BODY + "\n" + tail + "\n")
    assert roles(a)[Role.CLUTTER].strip().startswith(tail.split("\n")[0])
    assert "Officials declined" in roles(a)[Role.BODY]


@pytest.mark.parametrize(
    "link",
    ["Read more: Looted colonial art: Germany to set up new contact office", "RELATED: Talks stall again | World"],
)
def test_a_link_to_another_story_inside_the_story_is_clutter_alone(link):
    text = "Talks resume\n\n" + BODY.replace("\n\nOfficials", f"\n\n{link}\n\nOfficials")
    a = build_article("x.txt", text)
    clutter = [a.text[s.start : s.end].strip() for s in a.segments if s.role is Role.CLUTTER]
    assert clutter == [link]
    assert "Officials declined" in a.body_text


def test_advertisement_line_inside_the_story_is_clutter_alone():
    text = "Talks resume\n\n" + BODY.replace("\n\nOfficials", "\n\nADVERTISEMENT\n\nOfficials")
    a = build_article("x.txt", text)
    clutter = [a.text[s.start : s.end].strip() for s in a.segments if s.role is Role.CLUTTER]
    assert clutter == ["ADVERTISEMENT"]
    assert "Officials declined" in a.body_text


@pytest.mark.parametrize(
    "furniture",
    ["Save\nPrint", "E-mail", "Listen", "Image source, Reuters\nImage caption, Firefighters at the site"],
)
def test_a_pages_buttons_and_picture_credits_copied_with_the_story_are_clutter(furniture):
    for text in (  # under the headline, or between paragraphs
        f"Talks resume\n\n{furniture}\n\n{BODY}",
        "Talks resume\n\n" + BODY.replace("\n\nOfficials", f"\n\n{furniture}\n\nOfficials"),
    ):
        a = build_article("x.txt", text)
        clutter = [a.text[s.start : s.end].strip() for s in a.segments if s.role is Role.CLUTTER]
        assert clutter == [furniture] and a.body_text.split() == BODY.split()


def test_text_without_title_line_gets_a_derived_title():
    a = build_article("x.txt", BODY)
    assert a.title.startswith("The defence ministry said on Tuesday")
    assert a.title.endswith("…") and len(a.title) <= 91
    assert a.origins["title"] == "first sentence of the body"


def test_derive_title_prefers_the_main_clause_after_an_introduction():
    sentence = "Amid rising tensions in the region, the two governments agreed on Monday to restore a military hotline they cut in 2019."
    assert derive_title(sentence).startswith("The two governments agreed")


def test_derive_title_does_not_cut_a_number_at_its_comma():
    sentence = (
        "Australia's Commonwealth Bank on Wednesday said it plans to cut about 1,000 jobs even as it "
        "reported its profit rose 11 percent last fiscal year."
    )
    assert "1,000 jobs" in derive_title(sentence)


def test_derive_title_leaves_out_what_commas_set_off_after_the_subject():
    cases = {
        "The AFL's leading goal kicker, Tony Lockett, will nominate for the pre-season draft after all, "
        "his manager said.": "The AFL's leading goal kicker will nominate for the pre-season draft after all",
        "At least four people, including two policemen, have been killed during an attempted coup in Haiti "
        "overnight.": "At least four people have been killed during an attempted coup in Haiti overnight",
        "Palestinian hired gun Abu Nidal, whose violent death was reported last week from Baghdad, was murdered "
        "on the orders of Saddam Hussein.": "Palestinian hired gun Abu Nidal was murdered on the orders of Saddam "
        "Hussein",
    }
    for sentence, title in cases.items():
        assert derive_title(sentence) == title


def test_derive_title_leaves_out_the_day_after_an_introduction():
    sentence = (
        "On Sunday, October 29, Ahmed Azza was given permission to leave his neighborhood for the first time "
        "in three days."
    )
    assert (
        derive_title(sentence)
        == "Ahmed Azza was given permission to leave his neighborhood for the first time in three days"
    )


def test_derive_title_keeps_a_list_whole():
    sentence = (
        "Russia, China, and Iran signed an agreement on Tuesday to hold joint naval exercises in the Gulf of "
        "Oman next spring."
    )
    assert derive_title(sentence).startswith("Russia, China, and Iran signed")


def test_derive_title_short_sentence_is_kept_whole():
    assert derive_title("Storm hits the coast. More follows.") == "Storm hits the coast"


@pytest.mark.parametrize(
    "dateline",
    [
        "SEOUL, Aug. 20 (Yonhap) -- ",
        "WASHINGTON (CNN) — ",
        "(CNN) -- ",
        "MOSCOW, Jan 5 (Reuters) - ",
        "KYIV, Ukraine — ",
        "NEW YORK, March 2 - ",  # Reuters' older copy: a date, then a single hyphen
        "KYIV, Ukraine, Nov. 3, 2024 - ",
        "| KABUL, Afghanistan (AP) -- ",  # after a scraped page's stray bar
    ],
)
def test_a_wire_dateline_is_metadata_not_the_story(dateline):
    a = build_article("x.txt", dateline + BODY)
    assert [s.role for s in a.segments[:2]] == [Role.META, Role.BODY]
    assert a.text[: a.segments[0].end] == dateline
    assert a.body_text.startswith("The defence ministry said on Tuesday")
    assert a.title.startswith("The defence ministry said on Tuesday")


def test_a_news_apis_note_that_it_cut_the_text_is_clutter():
    content = (
        "MOSCOW (Reuters) - Russia and North Korea signed a defence pact on Wednesday, the Kremlin said… [+2345 chars]"
    )
    a = build_article("newsapi.json", content)
    assert [s.role for s in a.segments] == [Role.META, Role.BODY, Role.CLUTTER]
    assert a.text[a.segments[2].start :] == " [+2345 chars]"
    assert a.body_text == "Russia and North Korea signed a defence pact on Wednesday, the Kremlin said…"


@pytest.mark.parametrize(
    "opening",
    [
        "US - China talks resume in Geneva after a pause of several months, officials said on Tuesday.",
        "NATO, the alliance — which grew again this year — met in Brussels on Tuesday to discuss the war.",
    ],
)
def test_an_opening_like_a_dateline_stays_the_story(opening):
    a = build_article("x.txt", opening + "\n\n" + BODY)
    assert a.body_text.startswith(opening)


def test_markdown_headline_and_byline_are_read_without_their_marks():
    a = build_article("x.md", "# Kim visits Moscow for talks\n\n*By Jane Doe* | June 19, 2024\n\n" + BODY)
    assert (a.title, a.byline, a.date) == ("Kim visits Moscow for talks", "Jane Doe", "2024-06-19")
    assert a.text.startswith("# Kim visits")  # the text keeps its marks
    hashtag = build_article("x.txt", "#BreakingNews from the capital\n\n" + BODY)
    assert hashtag.title == "#BreakingNews from the capital"


CLIPPED = """---
title: "Kim visits Moscow for talks"
source: "https://www.bbc.com/news/world-asia-123"
author:
  - "[[Jane Doe]]"
  - "[[John Roe]]"
published: 2024-06-19
created: 2024-06-20
tags: [clippings, korea]
---
# Kim visits Moscow for talks

"""


def test_a_clipped_notes_front_matter_gives_its_metadata():
    a = build_article("x.md", CLIPPED + BODY)
    assert (a.title, a.byline, a.date, a.site) == (
        "Kim visits Moscow for talks",
        "Jane Doe; John Roe",
        "2024-06-19",
        "www.bbc.com",
    )
    assert a.origins["date"] == "front matter “published”, line 7"
    assert [s.role for s in a.segments] == [Role.META, Role.BODY]  # the fields and the repeated headline
    assert a.body_text.startswith("The defence ministry said")


def test_without_a_title_field_the_heading_after_the_front_matter_is_the_headline():
    a = build_article("x.md", "---\ntags: [news]\n---\n\n# Talks resume in the capital\n\n" + BODY)
    assert a.title == "Talks resume in the capital" and a.origins["title"] == "line 5"


def test_a_rule_opening_a_text_is_no_front_matter_without_its_closing_fence():
    a = build_article("x.txt", "---\nTalks resume in the capital\n\n" + BODY)
    assert a.title == "Talks resume in the capital"


NEXIS = """Kim visits Moscow for talks with Putin
The Guardian (London)
June 19, 2024 Wednesday
Copyright 2024 Guardian Newspapers Limited All Rights Reserved
Section: WORLD NEWS; Version:2
Length: 512 words
Byline: Jane Doe in Seoul
Body
North Korean leader Kim Jong Un arrived in Moscow on Wednesday for talks with Vladimir Putin, state media said.
Copyright lawyers were not involved, officials in Seoul said on Thursday, adding that the talks could last two days.
Classification
Language: ENGLISH
Subject: DEFENSE (90%); MILITARY (89%)
Load-Date: June 20, 2024
"""


def test_a_news_databases_field_lines_are_metadata():
    a = build_article("nexis.docx, document 1", NEXIS)
    assert (a.title, a.date, a.byline) == ("Kim visits Moscow for talks with Putin", "2024-06-19", "Jane Doe in Seoul")
    assert a.body_text.startswith("North Korean leader")
    assert a.site == "The Guardian (London)"  # the publication, under the headline
    assert "Copyright lawyers were not involved" in a.body_text  # a sentence, not a copyright line
    assert "Length:" not in a.body_text and "Load-Date" not in a.body_text and "DEFENSE" not in a.body_text


def test_derive_title_reads_past_abbreviations():
    sentence = "Gen. Kim Yong Chol met Sen. Smith on Aug. 3 in Washington. More."
    assert derive_title(sentence) == "Gen. Kim Yong Chol met Sen. Smith on Aug. 3 in Washington"


def test_a_pictures_file_name_above_the_story_is_no_headline():
    a = build_article("x.txt", "google.JPG\n\n" + BODY)
    assert a.title.startswith("The defence ministry said on Tuesday")
    assert a.text[a.segments[0].start : a.segments[0].end].startswith("google.JPG")
    assert a.segments[0].role is Role.CLUTTER


def test_a_one_line_text_is_body_with_a_derived_title():
    a = build_article("x.txt", "Just one line of text without much else in it at all, really.")
    assert a.body_text.startswith("Just one line")
    assert a.title


def test_crlf_is_normalised_before_offsets_exist():
    a = build_article("x.txt", ("Talks resume\r\n\r\n" + BODY).replace("\n", "\r\n").replace("\r\r\n", "\r\n"))
    assert "\r" not in a.text
    assert a.title == "Talks resume"


@pytest.mark.parametrize(
    ("header", "date"),
    [
        ("Kim and Putin sign defence pact\n\nNorth Korea 09:31 August 20, 2019\n\n", "2019-08-20"),
        # A saved page's, whose headline the file states (a PDF's title).
        ("TOM BENNETT BUSINESS NOV 7, 2023 2:00 AM\n\nKim and Putin sign defence pact\n\n", "2023-11-07"),
        ("Kim and Putin sign defence pact\n\nBy Jane Doe November 2, 2023 3:53 PM EDT\n\n", "2023-11-02"),
    ],
)
def test_an_unlabelled_date_beside_the_headline_is_the_pages(header, date):
    a = build_article("x.txt", header + BODY, Metadata(title="Kim and Putin sign defence pact"))
    assert a.title == "Kim and Putin sign defence pact"
    assert a.date == date
    assert a.body_text.startswith(BODY.split()[0])


@pytest.mark.parametrize("opening", ["By", "Written by", "Analysis by", "Opinion by", "Byline:"])
def test_a_byline_may_name_its_kind_of_piece(opening):
    a = build_article("x.txt", f"Kim and Putin sign defence pact\n\n{opening} Jane Doe\n\n" + BODY)
    assert a.byline == "Jane Doe"


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        # An introduction, then a subject with a long object: no apposition to leave out.
        (
            "After months of delays, the company behind plans for a multi-billion dollar Timor Sea gas development "
            "has reached an agreement with East Timor, to allow the project to go ahead.",
            "The company behind plans for a multi-billion dollar Timor Sea gas development has reached…",
        ),
        # The first comma ends a clause, not a subject.
        (
            "Yasser Arafat has accused Israel of escalating violence by killing three Palestinians, including a "
            "child, one day after he called for an end to all anti-Israeli attacks.",
            "Yasser Arafat has accused Israel of escalating violence by killing three Palestinians",
        ),
    ],
)
def test_derive_title_leaves_an_apposition_only_after_a_subject(sentence, title):
    assert derive_title(sentence) == title


def test_an_ambiguous_date_beside_the_headline_is_no_date_and_no_fault():
    a = build_article("x.txt", "Kim and Putin sign defence pact\n\nWorld 03/04/2024 10:00\n\n" + BODY)
    assert a.title == "Kim and Putin sign defence pact" and a.date is None


def test_a_copyright_notice_run_on_to_the_last_paragraph_is_clutter():
    content = (
        "Talks resume\n\nOfficials said on Monday the talks would resume next month in Geneva after a pause.\n\n"
        "Jane Doe in Seoul contributed to this story. © 2016 The Associated Press. All rights reserved. "
        "This material may not be published, broadcast, rewritten or redistributed."
    )
    a = build_article("x.txt", content)
    assert a.body_text.endswith("Jane Doe in Seoul contributed to this story. ")
    assert a.text[a.segments[-1].start :].startswith("© 2016 The Associated Press.")


@pytest.mark.parametrize(
    "line",
    [
        "The ministry said talks with U.S. envoys would resume, officials don't expect a deal.",
        "France’s “sanctions” widen—again… as Tsai Ing-wen visits; «vite» 10:30 a.m.",
        "naïve café au lait",  # letters written whole
        "nai\u0308ve cafe\u0301 au lait",  # the same with combining marks: as many words
        "मंत्रालय ने कहा कि बातचीत फिर से शुरू होगी।",  # vowel signs are marks
        "北京时间3月5日，中国国家主席在人民大会堂会见了来访的美国国务卿。",
        "ประเทศไทย มีประชากร ประมาณ 70 ล้านคน",
        "Tokyo 東京 and Bangkok กรุงเทพ, Seoul " * 20,
        "word " * 300,  # a long line: counted from its opening
    ],
)
def test_words_are_counted_as_the_word_pattern_reads_them(line):
    """A line without combining marks or unspaced scripts is counted by a simpler pattern:
    the same count as the full one gives."""
    from workbench.ingest import layout

    def reference(text, end=None):
        end = len(text) if end is None else end
        count = len(layout._WORD.findall(text, 0, end))
        for run in layout._UNSPACED.finditer(text, 0, end):
            count += -(-len(run.group()) // (2 if run.group("han") else 4))
        return count

    for end in (None, 7, layout._WORDS_PREFIX):
        assert layout._count_words(line, end) == reference(line, end)
    assert layout._count_words("nai\u0308ve cafe\u0301 au lait") == layout._count_words("naïve café au lait") == 4
