"""Driving the workflow actions of the real main window: start it, select a case, click an action's button in
the detail pane, fill the dialog with the keyboard, save with the mouse."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from krm_desktop.model.store.entities import Case
from krm_desktop.ui.actions.action_form import ActionDialog, qdate
from krm_desktop.ui.main_window import MainWindow
from tests import factories as f
from tests.ui.windows import make_window


def started_window(qtbot, store, *, read_only: bool = False, today: date = f.TODAY) -> MainWindow:
    window = make_window(qtbot, store, today, read_only=read_only)
    window.persist_settings = False
    window.show()
    window.finish_start()
    return window


def select(window: MainWindow, case_id: int) -> None:
    row = window.model.row_of(case_id)
    assert row is not None, "the case is not in the list"
    window.view.setCurrentIndex(window.model.index(row, 0))
    assert window.detail.case_id == case_id


def open_action(qtbot, window: MainWindow, code: str) -> ActionDialog:
    """Click the action's button in the detail pane; the dialog it opened."""
    actions = window.workflows.case_actions
    button = actions.buttons[code]
    assert button.isVisible() and button.isEnabled(), button.toolTip()
    before = len(actions.dialogs)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(actions.dialogs) == before + 1 or actions.dialogs[-1].isVisible()
    dialog = actions.dialogs[-1]
    assert isinstance(dialog, ActionDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def type_into(qtbot, widget: QWidget, text: str) -> None:
    """Key presses into the widget; QTest only knows ASCII keys, so umlauts go as key events with their text."""
    widget.setFocus()
    target = widget.focusProxy() or widget
    for char in text:
        if char.isascii():
            qtbot.keyClicks(target, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def set_date(edit, value: date) -> None:
    edit.setDate(qdate(value))


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is no choice"
    combo.setCurrentIndex(index)


def save(qtbot, dialog: ActionDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def saved(qtbot, dialog: ActionDialog) -> Case:
    save(qtbot, dialog)
    assert dialog.message.isHidden(), dialog.message.text()
    assert not dialog.isVisible(), {k: e.text() for k, e in dialog.errors.items() if e.text()}
    assert dialog.saved is not None
    return Case.get_by_id(dialog.case_id)


def error_of(dialog: ActionDialog, key: str) -> str:
    label = dialog.errors[key]
    return "" if label.isHidden() else label.text()


def shown_errors(dialog: ActionDialog) -> dict[str, str]:
    return {key: label.text() for key, label in dialog.errors.items() if not label.isHidden()}


def refused_next_to(qtbot, dialog: ActionDialog, field: str, message: str) -> None:
    """Saving is refused with `message` next to `field`: the dialog stays open with all that was typed, and nothing
    is stored."""
    typed = dialog.typed_text()
    before = f.snapshot()
    save(qtbot, dialog)
    errors = shown_errors(dialog)
    assert field in errors and message in errors[field], errors
    assert dialog.isVisible() and dialog.typed_text() == typed and f.snapshot() == before


def when_modal(handle: Callable[[QWidget], None]) -> list[QWidget]:
    """Run `handle` on the next application-modal dialog (one shown with exec()); returns what it saw."""
    seen: list[QWidget] = []
    tries = [0]

    def look() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or isinstance(widget, ActionDialog):
            tries[0] += 1
            if tries[0] < 1000:  # about 10 s; the test's assertion on `seen` then says what was missing
                QTimer.singleShot(10, look)
            return
        seen.append(widget)
        handle(widget)

    QTimer.singleShot(0, look)
    return seen
