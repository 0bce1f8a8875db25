"""ReaderView: an article's text, read-only, with its entities and claims marked.

- The text is set with setPlainText: article text is never interpreted as HTML.
- Page structure and entity mentions are character formats applied through one cursor
  in one edit block, redone only when the article or the visible labels change. Mentions
  are formatted a stretch of text at a time as it comes into view (and a screenful
  around it), so a 50k-word article with thousands of mentions shows as fast as its
  plain text; a short article is formatted whole at once.
- Claims are extra selections (cheap to redraw on every claim edit): an underline in the
  category's colour, a wavy underline where claims overlap, a tint on the selected one,
  and a bar per claim in the left gutter, in lanes, so overlapping claims stay apart and
  each can be clicked. Suggested claims are quieter: a dotted grey underline, and a
  light tint on the one being reviewed.
- Offsets cross into Qt only through OffsetMap.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from operator import attrgetter

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from workbench.core.model import Article, Claim, ClaimSchema, EntitySpan, Role, Suggestion
from workbench.core.search import match_spans
from workbench.qt.messages import plain_tip
from workbench.qt.offsets import OffsetMap
from workbench.qt.palette import label_style

_GREY = QColor("#8a939b")
_OVERLAP = QColor("#37474f")
_SUGGESTED = QColor("#7a8691")
_SUGGESTED_TINT = QColor(255, 214, 90, 90)
_FOUND = QColor("#ffeb3b")  # the filter's words in the text, as a browser marks what it finds
_KEEP_ANCHOR = QTextCursor.MoveMode.KeepAnchor
# Mentions are formatted this many UTF-16 units at a time, and this far around the view
# (claims and suggestions are marked in view only).
_CHUNK = 4096
_MARGIN = 1024


class ReaderView(QPlainTextEdit):
    claim_clicked = Signal(int)  # a claim was clicked (in the text or its gutter bar)
    suggestion_clicked = Signal(int)  # index of a suggestion clicked in the text
    selection_made = Signal(bool)  # whether some text is selected now

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("readerView")
        self.setAccessibleName("Article text")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.5) * 1.08)
        self.setFont(font)
        self.document().setDocumentMargin(14)
        self.setPlaceholderText("Choose an article from the list.")
        self._article: Article | None = None
        self._map = OffsetMap("")
        self._mentions: list[EntitySpan] = []
        self._hidden: set[str] = set()
        self._claims: list[Claim] = []
        self._colors: dict[str, QColor] = {}
        self._selected: int | None = None
        self._suggestions: list[Suggestion] = []
        self._current_suggestion: int | None = None
        self._search = ""  # the article list's filter words
        self._matches: list[tuple[int, int]] = []  # where they occur in the text
        self._shown: list[EntitySpan] = []  # mentions of the labels not hidden, by start
        self._shown_starts: list[int] = []
        self._label_formats: dict[str, QTextCharFormat] = {}
        self._formatted: set[int] = set()  # chunks whose mentions are formatted
        self._marks: list[tuple[int, int, QTextCharFormat]] = []  # claims and suggestions: (qt start, qt end, format)
        self._marked: tuple[int, int] | None = None  # the stretch whose marks are extra selections
        self._gutter = ClaimGutter(self)
        self.set_gutter_width(self._gutter.sizeHint().width())
        self.updateRequest.connect(self._gutter.on_update_request)
        # NOTE: formats and marks for text scrolled into view are applied from the event
        # loop, not inside the scroll: Qt scrolls in the middle of its own cursor and layout
        # work (setTextCursor, resizing), and changing the document there crashes it.
        self._view_moved = QTimer(self, singleShot=True, interval=0)
        self._view_moved.timeout.connect(self._on_view_moved)
        self.verticalScrollBar().valueChanged.connect(self._schedule_view_update)
        self.verticalScrollBar().actionTriggered.connect(self._before_user_scroll)
        self.selectionChanged.connect(lambda: self.selection_made.emit(self.textCursor().hasSelection()))

    # -- what is shown -------------------------------------------------------------------

    @property
    def article(self) -> Article | None:
        return self._article

    def show_article(
        self, article: Article | None, mentions: list[EntitySpan], claims: list[Claim], schema: ClaimSchema
    ) -> None:
        self._article = article
        self._mentions = list(mentions)
        self._selected = None
        self._suggestions, self._current_suggestion = [], None
        text = article.text if article else ""
        self._map = OffsetMap(text)
        # A new text has no formats and no marks yet (nothing of the old one must reach it).
        self._shown, self._shown_starts, self._formatted, self._marks, self._marked = [], [], set(), [], None
        # The gutter takes its width for these claims first: a width change after the text
        # is set would make Qt wrap all of it again.
        self._gutter.set_claims(sorted(claims, key=lambda c: (c.start, -c.end)), {}, None)
        # NOTE: setPlainText writes the new text in the format at the cursor (in the last
        # article, a headline's bold and a mention's colour): start from no format at all.
        self.setCurrentCharFormat(QTextCharFormat())
        self.setPlainText(text)
        self._apply_roles()
        self._apply_mentions()
        self._matches = self._find_matches()
        self.set_claims(claims, schema)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def set_mentions(self, mentions: list[EntitySpan]) -> None:
        self._mentions = list(mentions)
        self._apply_mentions()
        self._apply_claims()

    def set_hidden_labels(self, labels: Iterable[str]) -> None:
        hidden = set(labels)
        if hidden != self._hidden:
            self._hidden = hidden
            self._apply_mentions()
            self._apply_claims()

    def set_claims(self, claims: list[Claim], schema: ClaimSchema, selected: int | None = None) -> None:
        self._claims = sorted(claims, key=lambda c: (c.start, -c.end))
        self._colors = {c.name: QColor(c.color) for c in schema.categories}
        if selected is not None or self._selected not in {c.id for c in self._claims}:
            self._selected = selected
        self._apply_claims()

    def select_claim(self, claim_id: int | None, *, scroll: bool = True) -> None:
        self._selected = claim_id
        self._apply_claims()
        claim = self._claim(claim_id)
        if claim is not None and scroll:
            cursor = self.qt_cursor(claim.start, claim.start)
            self.setTextCursor(cursor)  # also clears any text selection
            if not self.viewport().rect().contains(self.cursorRect().center()):
                self.centerCursor()

    def set_suggestions(self, suggestions: list[Suggestion], current: int | None = None) -> None:
        """Suggested claims, drawn more quietly than claims; `current` is tinted."""
        self._suggestions = list(suggestions)
        self._current_suggestion = current if current is not None and 0 <= current < len(suggestions) else None
        self._apply_claims()

    def show_suggestion(self, index: int | None) -> None:
        """Make suggestion `index` the current one and bring it into view."""
        self.set_suggestions(self._suggestions, index)
        if self._current_suggestion is not None:
            suggestion = self._suggestions[self._current_suggestion]
            self.setTextCursor(self.qt_cursor(suggestion.start, suggestion.start))
            if not self.viewport().rect().contains(self.cursorRect().center()):
                self.centerCursor()

    def set_search(self, query: str) -> None:
        """Mark where the article list's filter words occur in the text."""
        self._search = query
        self._matches = self._find_matches()
        self._apply_claims()

    def _find_matches(self) -> list[tuple[int, int]]:
        if self._article is None or not self._search.strip():
            return []
        return match_spans(self._article.text, self._search)

    @property
    def matches(self) -> list[tuple[int, int]]:
        return list(self._matches)

    def step_match(self, step: int) -> int | None:
        """Select the next (step +1) or previous (-1) match after or before the cursor,
        round the end; returns its index, or None when there is none."""
        if not self._matches:
            return None
        cursor = self.textCursor()
        here = self._map.from_qt(cursor.selectionStart())
        if step > 0:
            passed = here if cursor.hasSelection() else here - 1  # a match at the cursor is the next one
            index = next((i for i, (start, _) in enumerate(self._matches) if start > passed), 0)
        else:
            index = next((i for i in range(len(self._matches) - 1, -1, -1) if self._matches[i][0] < here), -1)
            index %= len(self._matches)
        start, end = self._matches[index]
        self.setTextCursor(self.qt_cursor(start, end))
        self.centerCursor()
        return index

    def selection_span(self) -> tuple[int, int] | None:
        """The selected text as code-point offsets into the article, or None."""
        cursor = self.textCursor()
        if self._article is None or not cursor.hasSelection():
            return None
        return self._map.from_qt(cursor.selectionStart()), self._map.from_qt(cursor.selectionEnd())

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    def select_span(self, start: int, end: int) -> None:
        """Select article text by code-point offsets (as a user dragging over it would)."""
        self.setTextCursor(self.qt_cursor(start, end))

    def claims_at(self, offset: int) -> list[Claim]:
        """Claims covering the character at `offset`, innermost first."""
        covering = [c for c in self._claims if c.start <= offset < c.end]
        return sorted(covering, key=lambda c: c.end - c.start)

    def mentions_at(self, offset: int) -> list[EntitySpan]:
        return [m for m in self._mentions if m.start <= offset < m.end and m.label not in self._hidden]

    # -- formats -------------------------------------------------------------------------

    @property
    def offset_map(self) -> OffsetMap:
        return self._map

    def qt_cursor(self, start: int, end: int) -> QTextCursor:
        """A cursor selecting [start, end), given in code points."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(start))
        cursor.setPosition(self._map.to_qt(end), _KEEP_ANCHOR)
        return cursor

    @contextmanager
    def _placing_cursors(self) -> Iterator[None]:
        """NOTE: outside an edit block, placing a cursor lays out the paragraph it lands in
        (to know its x position); cursors for extra selections need no x, and in a long
        article that layout would be paid once per claim."""
        guard = QTextCursor(self.document())
        guard.beginEditBlock()
        try:
            yield
        finally:
            guard.endEditBlock()

    def _apply_roles(self) -> None:
        """Page roles as character formats, on a freshly set text, all at once (they are few).
        NOTE: only the stretches given a format change: touching the whole document would
        make Qt lay all of it out again."""
        if self._article is None:
            return
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for segment in self._article.segments:
            fmt = _role_format(segment.role, self.font())
            if fmt is not None:
                cursor.setPosition(self._map.to_qt(segment.start))
                cursor.setPosition(self._map.to_qt(segment.end), _KEEP_ANCHOR)
                cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()

    def _apply_mentions(self) -> None:
        """Take the highlights off what was formatted, and format the mentions now shown as
        they come into view (see _format_visible)."""
        if self._formatted:
            plain = QTextCharFormat()
            plain.setBackground(QBrush())
            self._merge(((start, stop, plain) for start, stop, _ in self._runs_in(self._formatted)))
        self._formatted = set()
        shown = [m for m in self._mentions if m.label not in self._hidden] if self._article is not None else []
        starts = [m.start for m in shown]
        if starts != sorted(starts):  # mentions come sorted from the project; others may not
            shown.sort(key=attrgetter("start"))
            starts = [m.start for m in shown]
        self._shown, self._shown_starts = shown, starts
        self._format_visible()

    def _runs_in(self, chunks: Iterable[int]) -> Iterator[tuple[int, int, QTextCharFormat]]:
        """(Qt start, Qt end, format) of the mentions shown in these chunks, cut at their edges."""
        to_qt = self._map.to_qt
        for chunk in sorted(chunks):
            low, high = chunk * _CHUNK, (chunk + 1) * _CHUNK
            first = self._map.from_qt(low)
            i = bisect_left(self._shown_starts, first)
            while i > 0 and self._shown[i - 1].end > first:  # a mention reaching in from before
                i -= 1
            for mention in self._shown[i:]:
                start, stop = to_qt(mention.start), to_qt(mention.end)
                if start >= high:
                    break
                if stop > low:
                    yield max(start, low), min(stop, high), self._label_format(mention.label)

    def _label_format(self, label: str) -> QTextCharFormat:
        fmt = self._label_formats.get(label)
        if fmt is None:
            fmt = self._label_formats[label] = QTextCharFormat()
            fmt.setBackground(label_style(label).color)
        return fmt

    def _merge(self, runs: Iterable[tuple[int, int, QTextCharFormat]]) -> None:
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for start, stop, fmt in runs:
            cursor.setPosition(start)
            cursor.setPosition(stop, _KEEP_ANCHOR)
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()

    def _on_view_moved(self) -> None:
        self._format_visible()
        self._show_marks()

    def _before_user_scroll(self, _action: int) -> None:
        """The user scrolls (wheel, scroll bar, its keys): the text coming into view is
        formatted and marked before Qt lays it out and paints it — not after, from the
        event loop, which would lay it out and paint it twice. NOTE: safe here, unlike in
        any scroll: this comes from the user's input, never from inside Qt's own work."""
        bar = self.verticalScrollBar()
        line = bar.sliderPosition()  # where the scroll is going (in lines); the value follows
        block = self.document().findBlockByLineNumber(line)
        within = line - block.firstLineNumber()
        self._format_visible(block.position())
        self._show_marks(block.position())
        # Qt counts a paragraph not laid out yet as one line: formatting, by laying some
        # out, may have moved the line this paragraph starts on.
        bar.setSliderPosition(block.firstLineNumber() + within)

    def _format_visible(self, top: int | None = None) -> None:
        """Format the mentions of the text in view (or from `top`, where it is about to
        be) and a screenful around it, once."""
        if not self._shown:
            return
        first, last = self._visible_range(top)
        end = self._map.qt_length
        wanted = range(max(0, first - _MARGIN) // _CHUNK, min(end, last + _MARGIN) // _CHUNK + 1)
        chunks = [c for c in wanted if c not in self._formatted]
        if chunks:
            self._merge(self._runs_in(chunks))
            self._formatted.update(chunks)

    def _apply_claims(self) -> None:
        self._marks = self._claim_marks()
        self._marked = None
        self._show_marks()
        self._gutter.set_claims(self._claims, self._colors, self._selected)

    def _show_marks(self, top: int | None = None) -> None:
        """Claims and suggestions as extra selections: those in view (or from `top`) and a
        screenful around it. NOTE: Qt lays out the paragraph of every extra selection it is
        given (to repaint its rectangle), so giving it all of a long article's claims costs
        whole seconds."""
        first, last = self._visible_range(top)
        if self._marked is not None and self._marked[0] <= first and last <= self._marked[1]:
            return
        with self._placing_cursors():
            selections = [
                _selection(self._cursor_at(start, stop), fmt)
                for start, stop, fmt in self._marks
                if start < last and stop > first
            ]
        self.setExtraSelections(selections)
        self._marked = (first, last)

    def viewport_size(self) -> QSize:
        """The viewport's size (at most: as if the scroll bar were hidden). NOTE: not
        viewport().size(): the first Python wrapper of the viewport makes PySide6 build the
        enums of every QWidget subclass, 10 ms the window need not wait for."""
        return self.maximumViewportSize()

    def _visible_range(self, top: int | None = None) -> tuple[int, int]:
        """The Qt positions of the first character in view (or `top`) and of one past the
        last (at most: estimated from the font, as asking Qt would lay out the text in view)."""
        first = self.firstVisibleBlock().position() if top is None else top
        metrics = self.fontMetrics()
        view = self.viewport_size()
        lines = view.height() // max(1, metrics.lineSpacing()) + 1
        per_line = view.width() * 4 // max(1, 3 * metrics.averageCharWidth()) + 1  # a third to spare
        return first, first + lines * per_line

    def _cursor_at(self, start: int, stop: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(stop, _KEEP_ANCHOR)
        return cursor

    def _claim_marks(self) -> list[tuple[int, int, QTextCharFormat]]:
        """What the claims and suggestions look like, as (Qt start, Qt end, format)."""
        marks = []

        def mark(start: int, end: int, fmt: QTextCharFormat) -> None:
            marks.append((self._map.to_qt(start), self._map.to_qt(end), fmt))

        for claim in self._claims:
            mark(claim.start, claim.end, _underline("single", self._colors.get(claim.category, _GREY)))
        for start, end in _overlaps(self._claims):
            mark(start, end, _underline("wave", _OVERLAP))
        for suggestion in self._suggestions:
            mark(suggestion.start, suggestion.end, _underline("dots", _SUGGESTED))
        selected = self._claim(self._selected)
        if selected is not None:
            tint = QColor(self._colors.get(selected.category, _GREY))
            tint.setAlpha(70)
            for start, end, fmt in self._tint(selected.start, selected.end, tint):
                mark(start, end, fmt)
        if self._current_suggestion is not None:
            suggestion = self._suggestions[self._current_suggestion]
            for start, end, fmt in self._tint(suggestion.start, suggestion.end, _SUGGESTED_TINT):
                mark(start, end, fmt)
        # NOTE: last: Qt draws each extra selection's text again in the document's formats,
        # so a mark drawn after a found word would paint its entity colour back over it.
        found = QTextCharFormat()
        found.setBackground(_FOUND)
        for start, end in self._matches:
            mark(start, end, found)
        return marks

    def _tint(self, start: int, end: int, color: QColor) -> list[tuple[int, int, QTextCharFormat]]:
        """Stretches tinting [start, end) but leaving mentions their own colour, so entities
        stay readable inside a selected claim or suggestion."""
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        inside = [m for m in self._mentions if m.label not in self._hidden and m.start < end and start < m.end]
        return [(a, b, fmt) for a, b in _gaps(start, end, inside)]

    def _claim(self, claim_id: int | None) -> Claim | None:
        return next((c for c in self._claims if c.id == claim_id), None) if claim_id is not None else None

    # -- interaction ---------------------------------------------------------------------

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection() or self._article is None:
            return
        offset = self._map.from_qt(self.cursorForPosition(event.position().toPoint()).position())
        covering = self.claims_at(offset)
        if not covering:
            suggested = [i for i, s in enumerate(self._suggestions) if s.start <= offset < s.end]
            if suggested:
                self.suggestion_clicked.emit(suggested[0])
            return
        # Clicking again where claims overlap steps through them, so each can be reached.
        ids = [c.id for c in covering]
        next_id = ids[(ids.index(self._selected) + 1) % len(ids)] if self._selected in ids else ids[0]
        self.claim_clicked.emit(next_id)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip and self._article is not None:
            position = self.cursorForPosition(self.viewport().mapFromGlobal(event.globalPos()))
            offset = self._map.from_qt(position.position())
            lines = [f"{m.text} — {label_style(m.label).name} ({m.label})" for m in self.mentions_at(offset)]
            lines += [f"Claim: {c.category} · {c.source or 'no source'} · {c.stance}" for c in self.claims_at(offset)]
            lines += [
                f"Suggested claim: {s.source or 'unknown source'} · {s.stance} (cue: {s.cue})"
                for s in self._suggestions
                if s.start <= offset < s.end
            ]
            if lines:
                QToolTip.showText(event.globalPos(), plain_tip("\n".join(lines)), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._schedule_view_update()

    def _schedule_view_update(self) -> None:
        # NOTE: not restarted while pending: painting adjusts the scroll bar as it lays text
        # out, and a timer restarted on every change would never fire.
        if not self._view_moved.isActive():
            self._view_moved.start()
        rect = self.contentsRect()
        self._gutter.setGeometry(QRect(rect.left(), rect.top(), self._gutter.width(), rect.height()))

    def set_gutter_width(self, width: int) -> None:
        if self.viewportMargins().left() != width:  # NOTE: a new width makes Qt wrap the text again
            self.setViewportMargins(width, 0, 0, 0)
        rect = self.contentsRect()
        self._gutter.setGeometry(QRect(rect.left(), rect.top(), width, rect.height()))


class ClaimGutter(QWidget):
    """Bars beside the text, one per claim, in lanes so overlapping claims sit side by side."""

    LANE = 6
    PAD = 4

    def __init__(self, reader: ReaderView):
        super().__init__(reader)
        self.setObjectName("claimGutter")
        self._reader = reader
        self._claims: list[Claim] = []
        self._lanes: dict[int, int] = {}
        self._colors: dict[str, QColor] = {}
        self._selected: int | None = None
        self._bars: list[tuple[QRect, int]] = []
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(self._width(), 0)

    def _width(self) -> int:
        lanes = max(self._lanes.values(), default=-1) + 1
        return self.PAD * 2 + max(lanes, 1) * self.LANE

    def set_claims(self, claims: list[Claim], colors: dict[str, QColor], selected: int | None) -> None:
        if claims != self._claims:
            self._lanes = _assign_lanes(claims)
        self._claims, self._colors, self._selected = claims, colors, selected
        self._reader.set_gutter_width(self._width())
        self.update()

    def on_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self.scroll(0, dy)
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#f3f5f8"))
        self._bars = []
        reader = self._reader
        if not self._claims or reader.article is None:
            return
        offset_map = reader.offset_map
        view = reader.viewport_size()
        height = view.height()
        top_visible = reader.cursorForPosition(QPoint(0, 0)).position()
        bottom_visible = reader.cursorForPosition(QPoint(view.width() - 1, height - 1)).position()
        first, last = offset_map.from_qt(top_visible), offset_map.from_qt(bottom_visible)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for claim in self._claims:
            if claim.end < first or claim.start > last + 1:
                continue
            top = reader.cursorRect(reader.qt_cursor(claim.start, claim.start)).top()
            bottom = reader.cursorRect(reader.qt_cursor(claim.end, claim.end)).bottom()
            top, bottom = max(top, -2), min(bottom, height + 2)
            x = self.PAD + self._lanes.get(claim.id, 0) * self.LANE
            bar = QRect(x, top + 1, self.LANE - 2, max(bottom - top - 2, 4))
            color = QColor(self._colors.get(claim.category, _GREY))
            if claim.id != self._selected:
                color.setAlpha(150)
            else:
                bar = bar.adjusted(-1, 0, 1, 0)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(bar, 2, 2)
            self._bars.append((bar, claim.id))

    def mousePressEvent(self, event) -> None:
        point = event.position().toPoint()
        for bar, claim_id in reversed(self._bars):
            if bar.adjusted(-2, 0, 2, 0).contains(point):
                self._reader.claim_clicked.emit(claim_id)
                return

    def mouseMoveEvent(self, event) -> None:
        point = event.position().toPoint()
        hit = any(bar.adjusted(-2, 0, 2, 0).contains(point) for bar, _ in self._bars)
        self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)


_UNDERLINES: dict[tuple[str, str], QTextCharFormat] = {}


def _underline(style: str, color: QColor) -> QTextCharFormat:
    """An underline format (one per style and colour, made once)."""
    fmt = _UNDERLINES.get((style, color.name()))
    if fmt is None:
        fmt = _UNDERLINES[style, color.name()] = QTextCharFormat()
        fmt.setUnderlineStyle(
            {
                "single": QTextCharFormat.UnderlineStyle.SingleUnderline,
                "wave": QTextCharFormat.UnderlineStyle.WaveUnderline,
                "dots": QTextCharFormat.UnderlineStyle.DotLine,
            }[style]
        )
        fmt.setUnderlineColor(color)
    return fmt


def _selection(cursor: QTextCursor, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    selection.cursor = cursor
    selection.format = fmt
    return selection


def _role_format(role: Role, base: QFont) -> QTextCharFormat | None:
    if role is Role.BODY:
        return None
    fmt = QTextCharFormat()
    if role is Role.TITLE:
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setFontPointSize(base.pointSizeF() * 1.3)
    else:  # metadata and page clutter: kept, but quiet
        fmt.setForeground(_GREY)
        if role is Role.CLUTTER:
            fmt.setFontItalic(True)
            fmt.setFontPointSize(base.pointSizeF() * 0.9)
    return fmt


def _assign_lanes(claims: list[Claim]) -> dict[int, int]:
    """Greedy interval colouring: each claim takes the first lane free at its start."""
    lane_ends: list[int] = []
    lanes = {}
    for claim in sorted(claims, key=lambda c: (c.start, -c.end)):
        for lane, end in enumerate(lane_ends):
            if end <= claim.start:
                lane_ends[lane] = claim.end
                lanes[claim.id] = lane
                break
        else:
            lanes[claim.id] = len(lane_ends)
            lane_ends.append(claim.end)
    return lanes


def _overlaps(claims: list[Claim]) -> list[tuple[int, int]]:
    """Stretches covered by two claims or more."""
    events = sorted([(c.start, 1) for c in claims] + [(c.end, -1) for c in claims])
    spans, depth, start = [], 0, 0
    for position, step in events:
        if depth >= 2 and position > start:
            spans.append((start, position))
        depth += step
        start = position
    return _merge_touching(spans)


def _merge_touching(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and merged[-1][1] == start:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _gaps(start: int, end: int, mentions: list[EntitySpan]) -> list[tuple[int, int]]:
    """Parts of [start, end) not covered by a mention."""
    gaps, cursor = [], start
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.start > cursor:
            gaps.append((cursor, min(mention.start, end)))
        cursor = max(cursor, mention.end)
    if cursor < end:
        gaps.append((cursor, end))
    return gaps


if __name__ == "__main__":
    from workbench.qt.widgets.preview import preview_reader

    raise SystemExit(preview_reader())
