"""The claim chart: the project's claims by category, source, stance or status, split by
another of them; a click lists those claims in the "All claims" tab."""

from PySide6.QtCore import Qt


def add(s, article_id, needle, **fields):
    start = s.article(article_id).text.index(needle)
    return s.add_claim(article_id=article_id, start=start, end=start + len(needle), **fields)[0]


def listed(view):
    return {view.model.claim_id(r) for r in range(view.model.rowCount())}


def shown_chart(qtbot, window):
    window.charts.setCurrentWidget(window.claim_chart)
    chart = window.claim_chart
    qtbot.waitUntil(lambda: chart.breakdown is not None and chart.plot_widget is not None, timeout=5000)
    return chart


def test_bars_follow_the_claims_and_the_fields_chosen(qtbot, open_window):
    window = open_window()
    s = window.session
    chart = shown_chart(qtbot, window)
    assert chart.breakdown.bars == () and chart.note.text() == "No claims yet."
    add(s, 1, "Kim Jong Un", source="Kim Jong Un", category="Intent", status="disputed")
    window.apply(s.undo() | s.redo())  # as an edit in the window: the chart counts again
    qtbot.waitUntil(lambda: len(chart.breakdown.bars) == 1)
    assert chart.breakdown.bars[0].value == "Intent" and chart.breakdown.split_values == ("disputed",)
    chart.by_box.setCurrentIndex(chart.by_box.findData("source"))
    assert chart.split_box.findData("source") == -1  # a field does not split itself
    qtbot.waitUntil(lambda: chart.breakdown.by == "source")
    assert [(b.value, b.total) for b in chart.breakdown.bars] == [("Kim Jong Un", 1)]
    assert [chart.legend.isVisible(), chart.breakdown.split_values] == [True, ("disputed",)]
    chart.split_box.setCurrentIndex(chart.split_box.findData(None))
    qtbot.waitUntil(lambda: chart.breakdown.split is None)
    assert not chart.legend.isVisible()


def test_clicking_a_part_of_a_bar_lists_those_claims(qtbot, open_window):
    window = open_window()
    s = window.session
    a = add(s, 4, "Choe Son Hui", source="Choe Son Hui", category="Intent", status="disputed")
    b = add(s, 3, "Chloe Son Hui", source="Chloe Son Hui", category="Intent")
    add(s, 1, "Kim Jong Un", source="Kim Jong Un", category="Event", status="disputed")
    window.apply(s.undo() | s.redo())
    chart = shown_chart(qtbot, window)
    qtbot.waitUntil(lambda: len(chart.breakdown.bars) == 2)
    intent = [bar.value for bar in chart.breakdown.bars].index("Intent")
    plot = chart.plot_widget
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=chart.bar_center(intent, "disputed"))
    view = window.claims_view
    assert window.center.currentWidget() is view
    qtbot.waitUntil(lambda: listed(view) == {a.id})
    assert (view.category.currentData(), view.status.currentData()) == ("Intent", "disputed")
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=chart.bar_center(intent))
    qtbot.waitUntil(lambda: listed(view) == {a.id, b.id})  # the whole bar: its category only
    assert view.status.currentData() is None


def test_a_source_bar_lists_the_claims_of_every_name_of_its_actor(qtbot, open_window):
    window = open_window()
    s = window.session
    a = add(s, 4, "Choe Son Hui", source="Choe Son Hui")
    b = add(s, 3, "Chloe Son Hui", source="Chloe Son Hui")
    ids = [x.id for x in s.actors() if "Son Hui" in x.name]
    window.apply(s.merge_actors(target_id=s.store.actor_named("Choe Son Hui").id, source_ids=ids))
    chart = shown_chart(qtbot, window)
    chart.by_box.setCurrentIndex(chart.by_box.findData("source"))
    qtbot.waitUntil(lambda: [(x.value, x.total) for x in chart.breakdown.bars] == [("Choe Son Hui", 2)])
    chart.plot_widget.setFocus()  # from the keyboard: the first bar is chosen, Enter lists it
    qtbot.keyClick(chart.plot_widget, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: listed(window.claims_view) == {a.id, b.id})
    assert window.claims_view.actor.currentData() == s.store.actor_named("Choe Son Hui").id


def test_a_source_that_is_no_actor_is_looked_for_by_its_name(qtbot, open_window):
    window = open_window()
    s = window.session
    claim = add(s, 1, "Kim Jong Un", source="Kim Jong Un")
    s.store.set_actors([])  # as in a project whose imported sources were never made actors
    window.apply(s.undo() | s.redo())
    chart = shown_chart(qtbot, window)
    chart.by_box.setCurrentIndex(chart.by_box.findData("source"))
    qtbot.waitUntil(lambda: chart.breakdown.by == "source")
    assert [bar.actor_id for bar in chart.breakdown.bars] == [None]
    assert chart.filters(0) == {"source": "Kim Jong Un"}
    chart.claims_chosen.emit(chart.filters(0))
    qtbot.waitUntil(lambda: listed(window.claims_view) == {claim.id})
    assert window.claims_view.text.text() == "Kim Jong Un"


def test_tab_goes_to_each_chart_right_after_its_controls(qtbot, open_window):
    """The plots are built once the window is up; Tab still reaches each in its place, not
    after the claim panel."""
    from PySide6.QtWidgets import QApplication

    window = open_window()
    add(window.session, 1, "Kim Jong Un", source="Kim Jong Un")  # a chart of no claims has no plot to go to
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.chart.ensure_plot()
    charts = window.charts
    for chart, before in (
        (window.chart, window.chart.scope_box),
        (window.coverage, charts.tabBar()),
        (window.claim_chart, window.claim_chart.split_box),
    ):
        charts.setCurrentWidget(chart)
        qtbot.waitUntil(lambda chart=chart: chart.plot_widget is not None and chart.plot_widget.isVisible())
        before.setFocus()
        qtbot.keyClick(before, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is chart.plot_widget, chart.objectName()


def test_the_split_list_widens_for_the_fields_it_gains(qtbot, open_window):
    from PySide6.QtWidgets import QComboBox

    window = open_window()
    chart = shown_chart(qtbot, window)
    chart.by_box.setCurrentIndex(chart.by_box.findData("source"))  # "category" becomes a split
    box = chart.split_box
    box.setCurrentIndex(box.findData("category"))
    fitting = QComboBox(chart)  # a list sized for these items from the start
    fitting.addItems([box.itemText(i) for i in range(box.count())])
    qtbot.waitUntil(lambda: box.width() >= fitting.sizeHint().width())


def test_the_claims_of_an_actor_with_none_left_are_none_not_all(qtbot, open_window):
    """An actor whose claims took another source (or a bar read just before an edit) is no
    choice of the Actor list: it is added to it rather than the list falling back on any."""
    window = open_window()
    s = window.session
    claim = add(s, 1, "Kim Jong Un", source="Kim")
    add(s, 4, "Choe Son Hui", source="Choe Son Hui")
    window.apply(s.edit_claim(claim_id=claim.id, source="Kim Jong Un"))
    kim = s.store.actor_named("Kim")
    assert kim.claims == 0
    window._on_claims_chosen({"actor_id": kim.id})  # the actors dialog's "Show their claims"
    view = window.claims_view
    qtbot.waitUntil(lambda: view.count.text().startswith("0 of 2 claims"))
    assert (view.actor.currentText(), view.actor.currentData()) == ("Kim", kim.id)
    window._on_claims_chosen({"category": "Rumour"})  # a value the schema does not have
    qtbot.waitUntil(lambda: view.count.text().startswith("0 of 2 claims") and view.category.currentText() == "Rumour")
    assert view.actor.currentData() is None


def hover(widget, pos):
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    point = QPointF(pos)
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        point,
        QPointF(widget.mapToGlobal(pos)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, move)


def test_a_bar_under_the_pointer_says_in_full_what_it_counts(qtbot, open_window):
    """Labels are cut short, so two long sources can read alike; the tooltip names the bar
    in full, as plain text."""
    window = open_window()
    s = window.session
    add(s, 1, "Kim Jong Un", source="<b>Ministry</b> of Foreign Affairs of Russia", status="disputed")
    add(s, 4, "Choe Son Hui", source="<b>Ministry</b> of Foreign Affairs of the DPRK")
    chart = shown_chart(qtbot, window)
    chart.by_box.setCurrentIndex(chart.by_box.findData("source"))
    qtbot.waitUntil(lambda: chart.breakdown.by == "source" and len(chart.breakdown.bars) == 2)
    russia = [bar.value for bar in chart.breakdown.bars].index("<b>Ministry</b> of Foreign Affairs of Russia")
    assert chart.describe(russia, 0.5) == "<b>Ministry</b> of Foreign Affairs of Russia: 1 claim (1 disputed)"
    plot = chart.plot_widget
    item = plot.getPlotItem()
    hover(plot.viewport(), chart.bar_center(russia))
    assert "Russia: 1 claim" in item.toolTip() and "<b>" not in item.toolTip()  # as typed, not in bold
    qtbot.waitUntil(lambda: hover(plot.viewport(), chart.bar_center(1 - russia)) or "DPRK" in item.toolTip())
    top = window.chart.counts[0]  # the entity chart's bars too
    assert window.chart.describe(0, 0.5).startswith(f"{top.text} (")


def test_with_nothing_to_draw_the_charts_say_so_under_their_headings(qtbot, open_window):
    """Not in the middle of the pane, spread over the room of the hidden plot."""
    window = open_window()
    window.switch_project(window.session.path.with_name("empty.wbproj"))
    for chart, heading in ((window.claim_chart, window.claim_chart.by_box), (window.coverage, window.coverage.title)):
        window.charts.setCurrentWidget(chart)
        qtbot.waitUntil(lambda chart=chart: chart.note.text() in ("No claims yet.", "No articles yet."))
        qtbot.wait(50)  # laid out
        line = chart.note.fontMetrics().height()
        assert heading.y() < 2 * line and chart.note.height() < 3 * line, chart.objectName()


def test_a_right_click_chooses_nothing_and_a_double_click_chooses_once(qtbot, open_window):
    window = open_window()
    add(window.session, 1, "Kim Jong Un", category="Intent")
    window.apply(window.session.undo() | window.session.redo())
    chart = shown_chart(qtbot, window)
    qtbot.waitUntil(lambda: len(chart.breakdown.bars) == 1)
    chosen = []
    chart.claims_chosen.connect(chosen.append)
    viewport, where = chart.plot_widget.viewport(), chart.bar_center(0)
    qtbot.mouseClick(viewport, Qt.MouseButton.RightButton, pos=where)
    assert chosen == []
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=where)  # a double-click's first click…
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=where)  # …and its second
    assert chosen == [{"category": "Intent"}]


def test_another_project_opens_with_every_claim_filter_cleared(qtbot, open_window, tmp_path):
    window = open_window()
    add(window.session, 1, "Kim Jong Un", category="Intent")
    window.apply(window.session.undo() | window.session.redo())
    window._on_claims_chosen({"category": "Intent"})
    view = window.claims_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    window.switch_project(tmp_path / "other.wbproj")
    assert view.category.currentData() is None and view.text.text() == ""
    assert view.article.count() == 1  # "(any)": the last project's articles are no choice here


def test_a_short_chart_draws_the_bars_its_labels_have_room_for_and_says_what_it_left_out(qtbot):
    from workbench.core.breakdown import breakdown
    from workbench.core.model import Category, ClaimSchema
    from workbench.core.text import counted
    from workbench.qt.widgets.claim_chart import ClaimChart

    schema = ClaimSchema((Category("Event", "#1f77b4", "1"),), ("asserts",), ("unverified",))
    chart = ClaimChart()
    qtbot.addWidget(chart)
    chart.resize(480, 600)
    chart.show()
    chart.set_breakdown(breakdown([(f"Source {i}", None, "", 1) for i in range(12)], "source", None, schema), schema)
    qtbot.waitUntil(lambda: chart.shown_rows() == 12)
    assert chart.note.text() == "12 claims in the project."
    chart.resize(480, 220)
    qtbot.waitUntil(lambda: chart.plot_widget.height() < 200)
    shown = chart.shown_rows()
    assert 3 <= shown < 12
    labels = chart.plot_widget.getAxis("left")._tickLevels[0]
    assert len(labels) == shown  # only the rows drawn are labelled
    assert chart.note.text() == f"12 claims in the project; {counted(12 - shown, 'claim')} of other sources not shown."


def test_with_the_list_narrowed_the_chart_and_its_bars_count_the_listed_articles_claims(qtbot, open_window):
    window = open_window()
    s = window.session
    mine = add(s, 2, "Zelenskyy", category="Intent")  # the one article the word lists
    other = add(s, 1, "Kim Jong Un", category="Intent")
    window.apply(s.undo() | s.redo())
    chart = shown_chart(qtbot, window)
    qtbot.waitUntil(lambda: chart.breakdown.claims == 2)
    window._on_articles_filter_changed("Zelenskyy")
    assert window.articles.model.article_ids() == [2]
    qtbot.waitUntil(lambda: chart.breakdown.claims == 1)
    assert chart.note.text() == "1 claim in the listed articles."
    chart.claims_chosen.emit(chart.filters(0))
    view = window.claims_view
    qtbot.waitUntil(lambda: listed(view) == {mine.id})
    assert view.in_list.isChecked() and view.in_list.text() == "Only the articles in the list: “Zelenskyy”"
    window._on_articles_filter_changed("")  # nothing narrows the list: every claim
    assert view.in_list.isHidden()
    qtbot.waitUntil(lambda: listed(view) == {mine.id, other.id})
    window._set_period_filter("2023-08")  # of the five, the first only is dated then
    qtbot.waitUntil(lambda: listed(view) == {other.id})  # still ticked: the claims follow the list
    assert view.in_list.text() == "Only the articles in the list: dated 2023-08"
    view.in_list.setChecked(False)
    qtbot.waitUntil(lambda: listed(view) == {mine.id, other.id})


def test_a_short_chart_draws_its_bars_when_a_split_value_is_only_in_those_left_out(qtbot):
    from workbench.core.breakdown import breakdown
    from workbench.core.model import Category, ClaimSchema
    from workbench.qt.widgets.claim_chart import ClaimChart

    schema = ClaimSchema((Category("Event", "#1f77b4", "1"),), ("asserts",), ("unverified", "disputed"))
    rows = [(f"Source {i:02}", None, "unverified", 20 - i) for i in range(12)]
    rows.append(("Source 11", None, "disputed", 1))  # the last bar alone has a disputed claim
    chart = ClaimChart()
    qtbot.addWidget(chart)
    chart.resize(480, 600)
    chart.show()
    chart.set_breakdown(breakdown(rows[:-1], "source", "status", schema), schema)
    qtbot.waitUntil(lambda: chart.shown_rows() == 12)
    chart.resize(480, 220)
    qtbot.waitUntil(lambda: chart.plot_widget.height() < 200)
    shown = chart.shown_rows()
    assert shown < 12
    chart.set_breakdown(breakdown(rows, "source", "status", schema), schema)
    drawn = [item for item in chart.plot_widget.getPlotItem().items if type(item).__name__ == "BarGraphItem"]
    assert len(drawn) == 1 and len(drawn[0].opts["y"]) == shown  # the unverified parts of the bars shown
    assert chart.bar_center(shown - 1) is not None


def test_the_same_words_again_count_nothing_again(qtbot, open_window, monkeypatch):
    """A space typed after the words, or Enter on them, neither reads the list nor counts
    the claims again (over 100k articles a count of a frequent word takes a fifth of a second)."""
    from workbench.qt import jobs

    window = open_window()
    add(window.session, 2, "Zelenskyy", category="Intent")
    window.apply(window.session.undo() | window.session.redo())
    chart = shown_chart(qtbot, window)
    counted = []
    count = jobs.count_claims_by
    monkeypatch.setattr(jobs, "count_claims_by", lambda *args: counted.append(args[-1]) or count(*args))
    pane = window.articles
    pane.filter.setText("Zelenskyy")
    qtbot.waitUntil(lambda: chart.note.text() == "1 claim in the listed articles.")
    resets = []
    pane.model.modelReset.connect(lambda: resets.append(1))
    pane.filter.setText("Zelenskyy ")
    qtbot.wait(pane.FILTER_DELAY_MS + 100)
    pane.filter.returnPressed.emit()
    qtbot.wait(50)
    assert [listed.words for listed in counted] == ["Zelenskyy"] and resets == []
    pane.filter.setText("Zelenskyy K")  # a lone letter waits for the next one…
    qtbot.wait(pane.FILTER_DELAY_MS + 100)
    assert len(counted) == 1 and resets == []
    pane.filter.returnPressed.emit()  # …or for Enter
    qtbot.waitUntil(lambda: len(counted) == 2)
    assert counted[-1].words == "Zelenskyy K" and resets == [1]
