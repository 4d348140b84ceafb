"""The Einstellungen window: pages in the list, built when first shown, reached with the keyboard and Ctrl+,;
"Schließen" asks before unsaved changes are dropped; its size fits a small screen and is remembered."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from krm_desktop.model.office.settings import letterhead
from krm_desktop.ui.settings.window import DEFAULT_SIZE, GEOMETRY_KEY, PAGES, SettingsWindow, open_settings
from krm_desktop.ui.widgets.discard import DISCARD_BUTTON, KEEP_BUTTON
from tests.ui.action_helpers import started_window
from tests.ui.settings.settings_helpers import context_for

PAGE_ORDER = ("Dienststelle und Briefkopf", "Teams und Bereiche", "Personen", "Fristen und Regeln", "Themen")


def open_window(qtbot, store, page: str | None = None, *, read_only: bool = False) -> SettingsWindow:
    window = open_settings(context_for(store, read_only=read_only), None, page)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


def answer_next_question(qtbot, button_text: str, seen: list[str]) -> None:
    """Click the button of the message box that opens next (it blocks until answered)."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, answer)


def test_pages_are_listed_in_order_and_built_when_first_shown(qtbot, store) -> None:
    window = open_window(qtbot, store)
    titles = [window.list.item(row).text() for row in range(window.list.count())]
    assert titles == list(PAGE_ORDER)
    assert list(window.pages) == ["office"]  # only the shown page is built
    for key, title, _factory in PAGES:
        page = window.show_page(key)
        assert page.title == title and window.stack.currentWidget() is page
    assert "krm_desktop.ui.settings.topics_page" in sys.modules


def test_only_pages_with_unsaved_changes_are_named(qtbot, store) -> None:
    window = open_window(qtbot, store, "office")
    window.pages["office"].form.fields["street"].setText("Hafenkante 17")
    teams = window.show_page("teams")
    assert not teams.has_unsaved()
    assert window.unsaved_titles() == ["Dienststelle und Briefkopf"]


def test_the_page_list_works_with_the_keyboard(qtbot, store) -> None:
    window = open_window(qtbot, store)
    assert window.focusWidget() is window.list  # the list has the focus when the window opens
    qtbot.keyClick(window.list, Qt.Key.Key_End)
    assert window.list.currentRow() == len(PAGES) - 1
    qtbot.keyClick(window.list, Qt.Key.Key_Home)
    assert window.stack.currentWidget() is window.pages["office"]


def test_closing_with_unsaved_changes_asks_and_can_keep_editing(qtbot, store) -> None:
    window = open_window(qtbot, store, "office")
    page = window.pages["office"]
    page.form.fields["street"].setText("Hafenkante 17")
    seen: list[str] = []
    answer_next_question(qtbot, KEEP_BUTTON, seen)
    window.reject()
    assert seen == [
        "Auf der Seite „Dienststelle und Briefkopf“ sind Änderungen nicht gespeichert. Schließen und verwerfen?"
    ]
    assert window.isVisible() and page.form.fields["street"].text() == "Hafenkante 17"
    answer_next_question(qtbot, DISCARD_BUTTON, seen)
    window.reject()
    assert len(seen) == 2 and not window.isVisible()
    assert letterhead()["street"] == ""


def test_closing_without_changes_does_not_ask_and_remembers_the_size(qtbot, store) -> None:
    window = open_window(qtbot, store)
    assert window.width() <= DEFAULT_SIZE[0] and window.height() <= DEFAULT_SIZE[1]
    window.resize(700, 500)  # (the offscreen screen is 800×600)
    window.reject()  # a question would block here
    assert not window.isVisible()
    again = open_window(qtbot, store)
    assert QSettings().value(GEOMETRY_KEY) is not None
    assert (again.width(), again.height()) == (700, 500)


def test_read_only_database_opens_the_window_and_refuses_edits(qtbot, store) -> None:
    window = open_window(qtbot, store, read_only=True)
    page = window.pages["office"]
    assert "nur lesbar" in window.windowTitle()
    assert page.form.fields["office_name"].text() == "Jobcenter Lübeck"
    assert page.form.fields["office_name"].isReadOnly() and not page.save_button.isEnabled()


def test_extras_menu_opens_the_settings_with_ctrl_comma(qtbot, store) -> None:
    main = started_window(qtbot, store)
    action = next(a for a in main.workflows.tools.actions() if a.text() == "&Einstellungen …")
    assert QKeySequence("Ctrl+,") in action.shortcuts()
    assert next(a for a in main.workflows.tools.actions() if a.text() == "&Textbausteine …")
    action.trigger()
    window = main.workflows.dialogs[-1]
    assert isinstance(window, SettingsWindow) and window.isVisible()
    action.trigger()  # a second time: the same window comes to the front
    assert [d for d in main.workflows.dialogs if isinstance(d, SettingsWindow)] == [window]
    window.reject()


def test_read_only_main_window_still_offers_the_settings(qtbot, store) -> None:
    main = started_window(qtbot, store, read_only=True)
    action = next(a for a in main.workflows.tools.actions() if a.text() == "&Einstellungen …")
    assert action.isEnabled()
