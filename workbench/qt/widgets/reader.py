"""ReaderView: an article's text, read-only, with its entities and claims marked.

- The text is set with setPlainText: article text is never interpreted as HTML.
- Page structure and entity mentions are character formats applied through one cursor
  in one edit block (fast, and redone only when the article or the visible labels change).
- Claims are extra selections (cheap to redraw on every claim edit): an underline in the
  category's colour, a wavy underline where claims overlap, a tint on the selected one,
  and a bar per claim in the left gutter, in lanes, so overlapping claims stay apart and
  each can be clicked. Suggested claims are quieter: a dotted grey underline, and a
  light tint on the one being reviewed.
- Offsets cross into Qt only through OffsetMap.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from workbench.core.model import Article, Claim, ClaimSchema, EntitySpan, Role, Suggestion
from workbench.qt.offsets import OffsetMap
from workbench.qt.palette import label_style

_GREY = QColor("#8a939b")
_OVERLAP = QColor("#37474f")
_SUGGESTED = QColor("#7a8691")
_SUGGESTED_TINT = QColor(255, 214, 90, 90)


class ReaderView(QPlainTextEdit):
    claim_clicked = Signal(int)  # a claim was clicked (in the text or its gutter bar)
    suggestion_clicked = Signal(int)  # index of a suggestion clicked in the text
    selection_made = Signal(bool)  # whether some text is selected now

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("readerView")
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
        self._gutter = ClaimGutter(self)
        self.set_gutter_width(self._gutter.sizeHint().width())
        self.updateRequest.connect(self._gutter.on_update_request)
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
        self.setPlainText(text)
        self._apply_formats()
        self.set_claims(claims, schema)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def set_mentions(self, mentions: list[EntitySpan]) -> None:
        self._mentions = list(mentions)
        self._apply_formats()
        self._apply_claims()

    def set_hidden_labels(self, labels: Iterable[str]) -> None:
        hidden = set(labels)
        if hidden != self._hidden:
            self._hidden = hidden
            self._apply_formats()
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

    def selection_span(self) -> tuple[int, int] | None:
        """The selected text as code-point offsets into the article, or None."""
        cursor = self.textCursor()
        if self._article is None or not cursor.hasSelection():
            return None
        return self._map.from_qt(cursor.selectionStart()), self._map.from_qt(cursor.selectionEnd())

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
        cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _apply_formats(self) -> None:
        """Page roles and entity mentions, as character formats, in one edit block."""
        article = self._article
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.setCharFormat(QTextCharFormat())
        if article is not None:
            for segment in article.segments:
                fmt = _role_format(segment.role, self.font())
                if fmt is not None:
                    cursor.setPosition(self._map.to_qt(segment.start))
                    cursor.setPosition(self._map.to_qt(segment.end), QTextCursor.MoveMode.KeepAnchor)
                    cursor.mergeCharFormat(fmt)
            formats: dict[str, QTextCharFormat] = {}
            for mention in self._mentions:
                if mention.label in self._hidden:
                    continue
                fmt = formats.get(mention.label)
                if fmt is None:
                    fmt = formats[mention.label] = QTextCharFormat()
                    fmt.setBackground(label_style(mention.label).color)
                cursor.setPosition(self._map.to_qt(mention.start))
                cursor.setPosition(self._map.to_qt(mention.end), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()

    def _apply_claims(self) -> None:
        selections = []
        for claim in self._claims:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(self._colors.get(claim.category, _GREY))
            selections.append(_selection(self.qt_cursor(claim.start, claim.end), fmt))
        for start, end in _overlaps(self._claims):
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(_OVERLAP)
            selections.append(_selection(self.qt_cursor(start, end), fmt))
        for suggestion in self._suggestions:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(_SUGGESTED)
            selections.append(_selection(self.qt_cursor(suggestion.start, suggestion.end), fmt))
        selected = self._claim(self._selected)
        if selected is not None:
            tint = QColor(self._colors.get(selected.category, _GREY))
            tint.setAlpha(70)
            selections += self._tint(selected.start, selected.end, tint)
        if self._current_suggestion is not None:
            suggestion = self._suggestions[self._current_suggestion]
            selections += self._tint(suggestion.start, suggestion.end, _SUGGESTED_TINT)
        self.setExtraSelections(selections)
        self._gutter.set_claims(self._claims, self._colors, self._selected)

    def _tint(self, start: int, end: int, color: QColor) -> list:
        """Extra selections tinting [start, end) but leaving mentions their own colour, so
        entities stay readable inside a selected claim or suggestion."""
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        inside = [m for m in self._mentions if m.label not in self._hidden and m.start < end and start < m.end]
        return [_selection(self.qt_cursor(a, b), fmt) for a, b in _gaps(start, end, inside)]

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
                QToolTip.showText(event.globalPos(), "\n".join(lines), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        rect = self.contentsRect()
        self._gutter.setGeometry(QRect(rect.left(), rect.top(), self._gutter.width(), rect.height()))

    def set_gutter_width(self, width: int) -> None:
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
        self._claims, self._colors, self._selected = claims, colors, selected
        self._lanes = _assign_lanes(claims)
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
        height = reader.viewport().height()
        top_visible = reader.cursorForPosition(reader.viewport().rect().topLeft()).position()
        bottom_visible = reader.cursorForPosition(reader.viewport().rect().bottomRight()).position()
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
