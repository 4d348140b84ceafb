"""Steps a person takes in the new-case and edit dialogs, driven with qtbot (keyboard where natural)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from krm_desktop.ui.entry.new_case import NewCaseDialog
from krm_desktop.ui.main_window import MainWindow
from tests import factories as f


def started_window(qtbot, store, *, read_only: bool = False) -> MainWindow:
    window = MainWindow(store, f.TODAY, user=f.USER, read_only=read_only, start_check=False)
    window.persist_settings = False
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.started)
    return window


def new_dialog(qtbot, window: MainWindow, **kwargs) -> NewCaseDialog:
    dialog = NewCaseDialog(window.context, parent=window, **kwargs)  # a child of the window: closed and deleted with it
    dialog.show()
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    return dialog


def activate(qtbot, widget: QWidget) -> None:
    """The dialog becomes the active window, as a shown dialog is (keyboard shortcuts go to it)."""
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


def type_text(qtbot, widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Replace the field's content by typing, as a person would (umlauts too: QTest types ASCII only)."""
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    for char in text:
        if char.isascii():
            qtbot.keyClick(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Pick an entry by typing the start of its text (a combo box's keyboard search; up to the first space,
    which would open the list)."""
    combo.setFocus()
    qtbot.keyClicks(combo, text.split(" ")[0])
    assert combo.currentText().startswith(text), (combo.currentText(), text)


def go_to_form(qtbot, dialog: NewCaseDialog, kind: str, received: str = "") -> None:
    """Intake: choose the kind with the keyboard (Space), type the received date, Enter goes on."""
    button = dialog.intake.kind_buttons[kind]
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert button.isChecked()
    if received:
        type_text(qtbot, dialog.intake.received, received)
    qtbot.keyClick(dialog.intake.received, Qt.Key.Key_Return)  # the default button: Weiter
    assert dialog.stack.currentWidget() is dialog.form, dialog.intake.errors.shown()


def save(qtbot, dialog) -> None:
    """Strg+S."""
    qtbot.keyClick(dialog.form.subject, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


class Modal:
    """What `answer_modal` saw: the modal windows it handled, and a failure inside the handler (re-raised by
    `check`; the modal window is closed then, so that the test does not hang)."""

    def __init__(self) -> None:
        self.seen: list[QWidget] = []
        self.error: BaseException | None = None

    def check(self) -> None:
        if self.error is not None:
            raise self.error
        assert self.seen, "no modal window appeared"


def answer_modal(qtbot, handle: Callable[[QWidget], None], *, timeout: int = 5000) -> Modal:
    """Run `handle` on the next modal window (message box or dialog) once it is shown."""
    result = Modal()
    tries = [timeout // 10]

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or not modal.isVisible():
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(10, look)
            return
        result.seen.append(modal)
        try:
            if not isinstance(modal, QMessageBox):
                activate(qtbot, modal)  # as on a desktop (offscreen Qt leaves the main window active)
            handle(modal)
            assert not (isinstance(modal, QDialog) and modal.isVisible()), "the handler left the window open"
        except BaseException as exc:  # handed to the test by `check`
            result.error = exc
            if isinstance(modal, QDialog) and modal.isVisible():
                modal.done(0)

    QTimer.singleShot(0, look)
    return result


def click_box_button(box: QWidget, text: str) -> None:
    assert isinstance(box, QMessageBox), type(box)
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    button.click()


def click_shown(qtbot, button: QWidget) -> None:
    """Click `button` once it is in view (a step taller than the screen scrolls it there), as a person would."""
    qtbot.waitUntil(lambda: not button.visibleRegion().isEmpty())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
