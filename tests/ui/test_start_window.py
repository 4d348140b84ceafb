"""The main window's start: counts, database in the status bar, F5."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from krm_desktop.model.cases import services as cases
from krm_desktop.ui.main_window import MainWindow
from krm_desktop.ui.window_menus import about_text
from tests import factories as f


def test_start_window_shows_counts_and_database(qtbot, store) -> None:
    f.register(received=date(2026, 11, 2))  # ack due 05.11. -> overdue on 20.11.
    f.register(received=date(2026, 11, 19))  # ack due 24.11.
    card = f.register(kind="meinungskarte", channel="meinungskarte", person=None, received=date(2026, 3, 1))
    cases.close(card.id, version=1, closed_on=date(2026, 3, 2), today=f.TODAY, user=f.USER)
    window = MainWindow(store, f.TODAY, user=f.USER, start_check=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: window.started)  # the counts come right after the first paint
    assert window.windowTitle() == "KRM Desktop – Jobcenter Lübeck"
    assert window.dashboard.number("open") == "2"
    assert window.dashboard.number("overdue") == "1"
    assert window.dashboard.number("ack_pending") == "2"
    assert window.dashboard.number("cards_this_year") == "1"
    assert str(store.path) in window.database_label.text()
    assert window.database_label.isVisible()
    assert str(store.path) in about_text(window.context)
    assert window.model.rowCount() == 2
    f.register(received=date(2026, 11, 20))
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.dashboard.number("open") == "3"
    assert window.dashboard.number("due_this_week") == "0"
    assert window.model.rowCount() == 3
