"""A long article in the reader: mentions are formatted and claims marked as they come into
view, never by going over the whole text again; claim edits touch only the claim marks."""

from PySide6.QtGui import QFont, QTextCursor

from workbench.core.model import Article, Claim, EntitySpan, Role, Segment
from workbench.qt.palette import label_style
from workbench.qt.widgets.reader import ReaderView
from workbench.services.projects import default_schema

PARAGRAPH = "Officials in 😀 Oslo met envoys from Lima on Monday, and both sides said the talks went well. "


def long_article(paragraphs: int = 600):
    text = "A long report\n\n" + "\n\n".join(PARAGRAPH * 3 for _ in range(paragraphs))
    mentions = []
    for word, label in (("Oslo", "GPE"), ("Lima", "GPE"), ("Monday", "DATE")):
        start = text.find(word)
        while start >= 0:
            mentions.append(EntitySpan(start, start + len(word), label, word))
            start = text.find(word, start + 1)
    mentions.sort(key=lambda m: (m.start, m.end))
    body = text.index("Officials")
    article = Article(
        "long.txt",
        text,
        "h",
        "A long report",
        (Segment(0, body, Role.TITLE), Segment(body, len(text), Role.BODY)),
        id=1,
    )
    sentences = [(m.start, m.start + len(PARAGRAPH) - 1) for m in mentions if m.text == "Oslo"]
    claims = [
        Claim(1, sentences[i][0] - 13, sentences[i][1], "", "Event", id=i + 1) for i in range(0, len(sentences), 40)
    ]
    return article, mentions, claims


def scroll(qtbot, reader: ReaderView, value: int) -> None:
    """Scroll as the program does, and let the reader catch up (it does from the event loop)."""
    reader.verticalScrollBar().setValue(value)
    qtbot.waitUntil(lambda: not reader._view_moved.isActive(), timeout=2000)


def background_at(reader: ReaderView, offset: int) -> str:
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader.offset_map.to_qt(offset) + 1)
    return cursor.charFormat().background().color().name()


def marked(reader: ReaderView, claim: Claim) -> bool:
    start = reader.offset_map.to_qt(claim.start)
    return any(s.cursor.selectionStart() == start for s in reader.extraSelections())


def make_reader(qtbot):
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.resize(700, 500)
    reader.show()
    article, mentions, claims = long_article()
    reader.show_article(article, mentions, claims, default_schema())
    return reader, article, mentions, claims


def test_mentions_and_claims_far_down_appear_when_scrolled_to(qtbot):
    reader, article, mentions, claims = make_reader(qtbot)
    gpe = label_style("GPE").color.name()
    assert background_at(reader, mentions[0].start) == gpe
    assert marked(reader, claims[0])
    last_oslo = [m for m in mentions if m.text == "Oslo"][-1]
    reader.select_claim(claims[-1].id)  # scrolls the last claim into view
    qtbot.waitUntil(lambda: marked(reader, claims[-1]), timeout=2000)
    scroll(qtbot, reader, reader.verticalScrollBar().maximum())
    assert background_at(reader, last_oslo.start) == gpe
    assert reader.toPlainText() == article.text  # formats never change the text


def test_a_claim_edit_redraws_claim_marks_only(qtbot, monkeypatch):
    reader, article, mentions, claims = make_reader(qtbot)
    formatted = []
    monkeypatch.setattr(reader, "_merge", lambda runs: formatted.append(list(runs)))
    edited = [*claims[:-1], Claim(1, claims[-1].start, claims[-1].end, "", "Intent", id=claims[-1].id)]
    reader.set_claims(edited, default_schema(), selected=claims[0].id)
    assert formatted == []  # no character format touched
    assert marked(reader, claims[0])


def test_hiding_a_label_takes_its_highlights_off_everywhere_formatted(qtbot):
    reader, article, mentions, claims = make_reader(qtbot)
    scroll(qtbot, reader, reader.verticalScrollBar().maximum() // 2)
    oslo = [m for m in mentions if m.text == "Oslo"]
    shown = [m for m in oslo if background_at(reader, m.start) == label_style("GPE").color.name()]
    assert len(shown) >= 2  # at the top and in the middle
    reader.set_hidden_labels({"GPE"})
    assert all(background_at(reader, m.start) != label_style("GPE").color.name() for m in oslo)
    middle = reader.offset_map.from_qt(reader.cursorForPosition(reader.viewport().rect().center()).position())
    in_view = next(m for m in mentions if m.label == "DATE" and m.start >= middle)
    assert background_at(reader, in_view.start) == label_style("DATE").color.name()  # other labels stay
    reader.set_hidden_labels(set())
    scroll(qtbot, reader, 0)
    assert background_at(reader, oslo[0].start) == label_style("GPE").color.name()


def test_a_new_article_starts_without_the_old_ones_formats(qtbot):
    reader, article, mentions, claims = make_reader(qtbot)
    short = Article(
        "s.txt",
        "Short\n\nNothing in Oslo here.",
        "s",
        "Short",
        (Segment(0, 7, Role.TITLE), Segment(7, 27, Role.BODY)),
        id=2,
    )
    reader.show_article(short, [], [], default_schema())
    cursor = QTextCursor(reader.document())
    cursor.setPosition(20)
    assert cursor.charFormat().background().color().name() != label_style("GPE").color.name()
    assert reader.extraSelections() == []


def test_switching_articles_in_the_window_carries_no_format_over(open_window):
    """The first article's headline opens with a mention (bold, highlighted); the next
    article's body must come out plain."""
    window = open_window()
    assert window.reader.article.title.startswith("North Korea")
    window.show_article(2)
    body = window.reader.article.text.index("\n\n", 200) + 2
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.offset_map.to_qt(body) + 3)
    assert cursor.charFormat().fontWeight() != QFont.Weight.Bold
    assert cursor.charFormat().background().color().name() == "#000000"  # no highlight


def test_text_dragged_into_view_is_formatted_before_it_is_painted(qtbot):
    """Dragging the scroll bar (or the wheel, or its keys) formats and marks the text coming
    into view at once, before Qt lays it out and paints it, not from the event loop after."""
    reader, article, mentions, claims = make_reader(qtbot)
    bar = reader.verticalScrollBar()
    far = claims[len(claims) * 3 // 4]
    block = reader.document().findBlock(reader.offset_map.to_qt(far.start))
    assert background_at(reader, far.start + 13) != label_style("GPE").color.name()  # Oslo, not formatted yet
    bar.setSliderPosition(block.firstLineNumber())  # what a drag does
    assert reader.firstVisibleBlock().blockNumber() == block.blockNumber()  # where the drag went
    assert background_at(reader, far.start + 13) == label_style("GPE").color.name()
    assert marked(reader, far)
    assert reader.toPlainText() == article.text
