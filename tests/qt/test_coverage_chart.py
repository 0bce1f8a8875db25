"""The coverage chart: the articles of the list by month, with time as its axis."""

from PySide6.QtCore import Qt

from workbench.qt.widgets.coverage_chart import period_dates, time_bins


def test_months_without_articles_are_drawn_empty():
    bars, unit = time_bins([("2023-11", 2), ("2024-02", 1)])
    assert unit == "month" and bars == [("2023-11", 2), ("2023-12", 0), ("2024-01", 0), ("2024-02", 1)]


def test_a_stray_date_far_back_makes_years_not_thousands_of_months():
    bars, unit = time_bins([("1901-05", 1), ("2024-01", 3), ("2024-07", 2)])
    assert unit == "year" and len(bars) == 124 and bars[0] == ("1901", 1) and bars[-1] == ("2024", 5)


def test_values_that_are_no_month_are_left_out():
    assert time_bins([("20xx-01", 1), ("2024-13", 1), ("2024-1", 1)]) == ([], "month")


def test_the_chart_follows_the_lists_filter_and_removals(qtbot, open_window):
    window = open_window()
    window.charts.setCurrentWidget(window.coverage)
    assert sum(n for _, n in window.coverage.bars) == 3  # of the five sample articles, three are dated
    assert window.coverage.note.text().endswith("2 articles without a date.")
    window._on_articles_filter_changed("Zelenskyy")
    assert window.articles.model.rowCount() == 1
    assert window.coverage.note.text() == "1 article of the list, none with a date." and window.coverage.bars == []
    window._on_articles_filter_changed("")
    window.apply(window.session.remove_articles(article_ids=[1, 4]))  # dated 2023-08 and 2024-01
    assert sum(n for _, n in window.coverage.bars) == 1


def test_a_month_or_a_year_spans_the_dates_up_to_the_next():
    assert period_dates("2024-03") == ("2024-03", "2024-04")
    assert period_dates("2023-12") == ("2023-12", "2024-01")
    assert period_dates("2024") == ("2024", "2025")


def test_clicking_a_month_lists_its_articles_and_show_all_lists_all(qtbot, open_window):
    window = open_window()
    window.charts.setCurrentWidget(window.coverage)
    window.chart.ensure_plot()
    window.coverage.ensure_plot()
    qtbot.waitUntil(lambda: window.coverage.plot_widget.isVisible())
    bars = window.coverage.bars
    november = next(i for i, (month, _) in enumerate(bars) if month == "2023-11")
    plot = window.coverage.plot_widget
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=window.coverage.bar_center(november))
    assert window.articles.model.rowCount() == 1 == bars[november][1]
    assert window.articles.narrowing_label.text() == "Dated 2023-11"
    assert window.coverage.bars == bars  # the chart still shows every month, to choose another
    qtbot.keyClicks(window.articles.filter, "Zelenskyy")  # words and a period together
    qtbot.waitUntil(lambda: window.articles.model.rowCount() == 0, timeout=3000)
    window.articles.filter.clear()
    window.articles.narrowing_clear.click()
    qtbot.waitUntil(lambda: window.articles.model.rowCount() == 5, timeout=3000)
    assert not window.articles.narrowing_label.isVisible()


def test_a_month_is_chosen_from_the_keyboard(qtbot, open_window):
    window = open_window()
    window.charts.setCurrentWidget(window.coverage)
    window.coverage.ensure_plot()
    plot = window.coverage.plot_widget
    plot.setFocus()
    qtbot.keyClick(plot, Qt.Key.Key_Left)  # two months back from the last, 2024-01
    qtbot.keyClick(plot, Qt.Key.Key_Left)
    qtbot.keyClick(plot, Qt.Key.Key_Return)
    assert window.articles.narrowing_label.text() == "Dated 2023-11"
    assert window.articles.model.rowCount() == 1
