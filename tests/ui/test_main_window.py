"""The real main window driven with qtbot: tiles as filters, filter bar, search, sort, detail pane,
keyboard, refresh after another workstation's change, settings, read-only banner."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from krm_desktop.model.case_list.filters import CaseFilter
from krm_desktop.model.case_list.query import COLUMNS
from krm_desktop.ui.case_list.table_model import COLUMN_INDEX, DUE_COLUMN
from krm_desktop.ui.main_window import MainWindow
from krm_desktop.ui.window_menus import about_text
from tests import factories as f
from tests.ui.data import DueCases, make_due_cases
from tests.ui.windows import make_window


@pytest.fixture
def due(store) -> DueCases:
    return make_due_cases()


@pytest.fixture
def window(qtbot, store, due) -> MainWindow:
    window = make_window(qtbot, store)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.view.paints > 0)
    qtbot.waitUntil(lambda: window.started)  # the counts and choices come right after the first paint
    return window


def shown_refs(window: MainWindow) -> list[str]:
    model = window.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_starts_with_the_open_cases_most_urgent_first(window: MainWindow, due: DueCases, store) -> None:
    assert shown_refs(window) == [c.ref for c in (due.overdue, due.due_today, due.due_soon, due.on_track, due.no_clock)]
    assert window.filter_bar.status.currentText() == "offen"
    assert window.count_label.text() == "5 Kundenreaktionen (gefiltert)"
    assert str(store.path) in window.database_label.text()
    assert window.view.horizontalHeader().sortIndicatorSection() == DUE_COLUMN
    assert not window.banner.isVisible()
    assert window.view.verticalHeader().sectionResizeMode(0).name == "Fixed"


def test_after_a_normal_start_the_first_row_is_selected_and_shown(window: MainWindow, due: DueCases) -> None:
    assert window.view.currentIndex().row() == 0
    assert window.view.selectionModel().isRowSelected(0)
    assert window.detail.case_id == due.overdue.id
    assert due.overdue.ref in window.detail.toPlainText()


def test_an_empty_list_selects_nothing(qtbot, tmp_path) -> None:
    from tests.conftest import make_store

    empty = make_store(tmp_path / "leer.sqlite3")
    try:
        window = make_window(qtbot, empty)
        window.show()
        qtbot.waitUntil(lambda: window.started)
        assert not window.view.currentIndex().isValid() and window.detail.case_id is None
        window.close()
    finally:
        empty.close()


def test_tiles_show_counts_and_filter_the_list(qtbot, window: MainWindow, due: DueCases) -> None:
    assert [window.dashboard.number(c) for c in ("overdue", "due_today", "due_this_week", "open")] == [
        "1",
        "1",
        "1",
        "5",
    ]
    assert window.dashboard.number("ack_pending") == "4"
    assert window.dashboard.number("cards_this_year") == "1"
    qtbot.mouseClick(window.dashboard.tiles["overdue"], Qt.MouseButton.LeftButton)
    assert shown_refs(window) == [due.overdue.ref]
    assert window.filter_bar.status.currentData() is None  # the other filters step aside
    qtbot.mouseClick(window.dashboard.tiles["cards_this_year"], Qt.MouseButton.LeftButton)
    assert shown_refs(window) == [due.closed.ref]
    assert not window.dashboard.tiles["overdue"].isChecked()
    qtbot.mouseClick(window.dashboard.tiles["cards_this_year"], Qt.MouseButton.LeftButton)  # off again
    assert len(shown_refs(window)) == 7
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # Strg+4: "offen"
    assert window.dashboard.tiles["open"].isChecked()
    assert len(shown_refs(window)) == 5
    assert window.dashboard.tiles["overdue"].accessibleName() == "überfällig: 1"


def test_filter_bar(window: MainWindow, due: DueCases) -> None:
    bar = window.filter_bar
    bar.status.setCurrentIndex(bar.status.findData(None))
    assert len(shown_refs(window)) == 7
    bar.kind.setCurrentIndex(bar.kind.findData("lob"))
    assert set(shown_refs(window)) == {due.due_soon.ref, due.on_track.ref}
    bar.kind.setCurrentIndex(0)
    bar.channel.setCurrentIndex(bar.channel.findData("email"))
    assert shown_refs(window) == [due.due_today.ref]
    bar.channel.setCurrentIndex(0)
    bar.team.setCurrentIndex(bar.team.findData(due.team.id))
    assert shown_refs(window) == [due.overdue.ref, due.on_track.ref]
    bar.team.setCurrentIndex(0)
    bar.year.setCurrentIndex(bar.year.findData(2025))
    assert shown_refs(window) == [due.last_year.ref]
    bar.year.setCurrentIndex(0)
    bar.mine.setChecked(True)
    assert len(shown_refs(window)) == 7  # all registered by the test user
    bar.reset_button.click()
    assert bar.value() == CaseFilter(status="offen") and len(shown_refs(window)) == 5
    for widget in bar.focus_order():
        assert widget.accessibleName()


def test_search_applies_after_typing_and_is_literal(qtbot, window: MainWindow, due: DueCases) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_bar.search.hasFocus()
    qtbot.keyClicks(window.filter_bar.search, "zimmermann")  # QTest types ASCII only
    qtbot.waitUntil(lambda: shown_refs(window) == [due.due_soon.ref])
    window.filter_bar.search.setText("ÖZTÜRK")
    qtbot.waitUntil(lambda: shown_refs(window) == [due.overdue.ref])
    window.filter_bar.search.clear()
    qtbot.keyClicks(window.filter_bar.search, "50%")
    qtbot.keyClick(window.filter_bar.search, Qt.Key.Key_Return)  # Enter: at once
    assert shown_refs(window) == [due.due_today.ref]
    window.filter_bar.search.setText("a_b")
    window.filter_bar.apply_search_now()
    assert shown_refs(window) == [due.due_soon.ref]
    window.filter_bar.search.setText("'; DROP TABLE krm_case; --")
    window.filter_bar.apply_search_now()
    assert shown_refs(window) == []
    assert window.count_label.text() == "0 Kundenreaktionen (gefiltert)"


def test_header_click_sorts_in_sql(qtbot, window: MainWindow, due: DueCases) -> None:
    header = window.view.horizontalHeader()
    person = COLUMN_INDEX["person"]
    header.setSortIndicator(person, Qt.SortOrder.AscendingOrder)
    names = [window.model.index(r, person).data() for r in range(window.model.rowCount())]
    assert names == ["Anna Zimmermann", "Bernd Adler", "Hans Müller", "Olga Öztürk", "anonym"]  # Ö with the O
    header.setSortIndicator(person, Qt.SortOrder.DescendingOrder)
    assert [window.model.index(r, person).data() for r in range(window.model.rowCount())] == names[::-1]
    for column in range(len(COLUMNS)):  # every column sorts without error
        header.setSortIndicator(column, Qt.SortOrder.AscendingOrder)
        assert window.model.rowCount() == 5


def test_selection_shows_summary_and_history_enter_opens(qtbot, window: MainWindow, due: DueCases) -> None:
    window.view.setFocus()
    window.view.selectRow(1)
    qtbot.waitUntil(lambda: window.detail.case_id == due.due_today.id)
    text = window.detail.toPlainText()
    assert due.due_today.ref in text and "Termin verpasst" in text
    assert "Hans Müller" in text and "Kundennr. 222B222222" in text
    assert "heute fällig · Eingangsbestätigung" in text
    assert "Fallhistorie (1)" in text and "Kundenreaktion erfasst" in text
    qtbot.keyClick(window.view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.detail.case_id == due.due_soon.id)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    qtbot.waitUntil(window.detail.hasFocus)
    assert "Beschwerde" in window.detail.toPlainText() and "Lob" in window.detail.toPlainText()


def test_detail_escapes_stored_text(qtbot, store) -> None:
    case = f.register(subject="<b>fett</b> & <script>", person=f.person("Eva <i>Kursiv</i>"))
    window = make_window(qtbot, store)
    window.detail.show_case(case.id)
    assert "<b>fett</b> & <script>" in window.detail.toPlainText()
    assert "Eva <i>Kursiv</i>" in window.detail.toPlainText()


def test_refresh_picks_up_another_workstations_change(qtbot, window: MainWindow, due: DueCases, store) -> None:
    window.refresh_timer.setInterval(20)
    other = sqlite3.connect(str(store.path))
    other.execute(
        "UPDATE krm_case SET status = 'abgeschlossen', closed = '2026-11-20', next_action = NULL, next_due = NULL, "
        "answer_sent = '2026-11-19', version = version + 1 WHERE id = ?",
        (due.overdue.id,),
    )
    other.commit()
    other.close()
    qtbot.waitUntil(lambda: due.overdue.ref not in shown_refs(window), timeout=5000)
    assert window.dashboard.number("overdue") == "0"
    assert window.dashboard.number("open") == "4"


def test_f5_refresh_and_own_changes(qtbot, window: MainWindow, store) -> None:
    case = f.register(subject="neu hier")  # written through this connection
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert case.ref in shown_refs(window)
    assert window.dashboard.number("open") == "6"
    window.context.case_changed.emit(case.id)
    assert window.model.case_id(window.view.currentIndex().row()) == case.id


def test_new_case_shortcut_opens_the_intake(window: MainWindow) -> None:
    assert window.new_action.shortcut().toString() == "Ctrl+N"
    assert window.new_action.isEnabled()  # (read-only: tests/ui/entry/test_new_case.py)
    assert "Schreibgeschützt" not in window.new_action.toolTip()


def test_about_names_version_and_database(window: MainWindow, store) -> None:
    assert "KRM Desktop 0.1.0" in about_text(window.context)
    assert str(store.path) in about_text(window.context)


def test_column_widths_sort_and_geometry_persist(qtbot, store, due: DueCases) -> None:
    first = make_window(qtbot, store)
    first.show()
    first.view.setColumnWidth(COLUMN_INDEX["team"], 321)
    first.view.horizontalHeader().setSortIndicator(COLUMN_INDEX["received"], Qt.SortOrder.DescendingOrder)
    first.resize(1234, 777)
    first.splitter.setSizes([700, 400])
    splitter = first.splitter.saveState()
    geometry = first.saveGeometry()
    first.close()
    assert QSettings().value("case_table/header") is not None
    assert QSettings().value("main_window/geometry") == geometry
    second = make_window(qtbot, store)
    second.show()
    assert second.view.columnWidth(COLUMN_INDEX["team"]) == 321
    assert second.model.order.column == "received" and second.model.order.descending
    assert second.splitter.saveState() == splitter  # (the offscreen screen is too small to compare sizes)


def test_read_only_shows_a_banner(qtbot, store, due: DueCases) -> None:
    window = make_window(qtbot, store, read_only=True)
    window.show()
    assert window.banner.isVisible()
    assert "Schreibgeschützt" in window.banner.text()
    assert "schreibgeschützt" in window.windowTitle()
    assert "schreibgeschützt" in window.database_label.text()
    assert len(shown_refs(window)) == 5


def test_dark_palette_switches_the_due_colours(qtbot, window: MainWindow) -> None:
    from PySide6.QtGui import QColor, QPalette

    dark = QPalette(QApplication.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    old = QApplication.palette()
    QApplication.setPalette(dark)
    try:
        qtbot.waitUntil(lambda: window.model._style.dark)
    finally:
        QApplication.setPalette(old)
    qtbot.waitUntil(lambda: not window.model._style.dark)


def test_first_rows_first_then_the_rest_and_the_selection_follows(qtbot, store, due: DueCases, monkeypatch) -> None:
    from krm_desktop.model.case_list import query as case_list

    monkeypatch.setattr(case_list, "FIRST_ROWS", 2)
    window = make_window(qtbot, store)
    window.show()
    qtbot.waitUntil(lambda: window.model.is_complete)
    window.view.selectRow(3)  # the fourth open case: beyond the first two rows of any new list
    qtbot.waitUntil(lambda: window.detail.case_id == due.on_track.id)
    bar = window.filter_bar
    bar.status.setCurrentIndex(bar.status.findData(None))
    assert window.model.rowCount() == 7  # the count is there at once …
    assert window.model.cases.filled == 2  # … the positions beyond the first rows come after the paint
    qtbot.waitUntil(lambda: window.model.is_complete)
    qtbot.waitUntil(lambda: window.model.case_id(window.view.currentIndex().row()) == due.on_track.id)
    assert shown_refs(window)[-1] == due.last_year.ref


def test_only_the_starters_import_the_window() -> None:
    """Panels and dialogs receive the WindowContext and a parent widget: no import circle with the window."""
    import ast
    from pathlib import Path

    import krm_desktop.ui

    ui = Path(krm_desktop.ui.__file__).parent
    importers = set()
    for path in ui.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or "", *(f"{node.module}.{a.name}" for a in node.names)]
            if "krm_desktop.ui.main_window" in names:
                importers.add(path.relative_to(ui).as_posix())
    assert importers == {"app.py", "self_test.py"}
