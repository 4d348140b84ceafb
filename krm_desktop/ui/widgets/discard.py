"""The one question before typed input is dropped: the same words and buttons in every window."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

DISCARD_TITLE = "Eingaben verwerfen?"
DISCARD_BUTTON = "&Verwerfen"
KEEP_BUTTON = "&Weiter bearbeiten"


def confirm_discard(parent: QWidget | None, what: str = "Ihre Eingaben sind noch nicht gespeichert.") -> bool:
    """Ask before closing with unsaved input; True when the person chose to drop it. "Weiter bearbeiten" is the
    default, so Enter or Esc keep what was typed."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(DISCARD_TITLE)
    box.setText(f"{what} Schließen und verwerfen?")
    discard = box.addButton(DISCARD_BUTTON, QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(KEEP_BUTTON, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard
