"""Another workstation saved the case while this one edited it: say so, show what changed, keep what was typed.

`resolve_conflict` returns True when the user wants to reload the case ("Neu laden"), False to go back to the
form unchanged ("Abbrechen"). What the user typed is shown read-only and selectable, so it can be copied into
the reloaded form; the caller keeps it too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.cases.changes import case_state, describe_changes
from krm_desktop.ui.widgets.screen_fit import fit_on_screen

WARNING_STYLE = "QLabel { background: #fff4c2; color: #000000; border: 1px solid #b08800; padding: 6px; }"


def copyable_text(text: str, name: str) -> QPlainTextEdit:
    """A read-only text box whose text can be selected with mouse and keyboard and copied."""
    box = QPlainTextEdit(text)
    box.setReadOnly(True)
    flags = Qt.TextInteractionFlag
    box.setTextInteractionFlags(flags.TextSelectableByMouse | flags.TextSelectableByKeyboard)
    box.setAccessibleName(name)
    return box


class ConflictDialog(QDialog):
    def __init__(self, *, case_id: int, before: dict[str, str], typed: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        after = case_state(case_id)
        self.changes = describe_changes(before, after) if after else []
        ref = after.get("Az.") or before.get("Az.") or "Der Fall"
        self.setWindowTitle(f"{ref} wurde inzwischen geändert")
        fit_on_screen(self, 760, 560)
        if after:
            text = (
                f"<b>{ref} wurde inzwischen an einem anderen Arbeitsplatz gespeichert.</b> Ihre Änderungen sind "
                "noch nicht gespeichert. Laden Sie den Fall neu und übertragen Sie Ihre Eingaben dann in den "
                "aktuellen Stand; sie bleiben unten und im Formular zum Kopieren erhalten."
            )
        else:
            text = (
                f"<b>{ref} gibt es nicht mehr</b> (an einem anderen Arbeitsplatz gelöscht). Ihre Eingaben "
                "bleiben unten zum Kopieren erhalten."
            )
        self.message = QLabel(text)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(WARNING_STYLE)
        self.change_list = QListWidget()
        self.change_list.setAccessibleName("Änderungen des anderen Arbeitsplatzes")
        self.change_list.setWordWrap(True)
        self.change_list.addItems(self.changes or ["Keine sichtbaren Änderungen (nur interne Angaben)."])
        self.typed = copyable_text(typed, "Ihre Eingaben zum Kopieren")
        copy = QPushButton("Eingaben &kopieren")
        copy.setToolTip("Kopiert Ihre Eingaben in die Zwischenablage.")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.typed.toPlainText()))
        buttons = QDialogButtonBox()
        self.reload_button = buttons.addButton("&Neu laden", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton("Abbrechen", QDialogButtonBox.ButtonRole.RejectRole)
        self.reload_button.setEnabled(bool(after))
        self.reload_button.setDefault(bool(after))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(QLabel("Was der andere Arbeitsplatz geändert hat:"))
        layout.addWidget(self.change_list, 1)
        layout.addWidget(QLabel("Ihre Eingaben (nicht gespeichert):"))
        layout.addWidget(self.typed, 1)
        layout.addWidget(copy)
        layout.addWidget(buttons)


def resolve_conflict(parent: QWidget | None, *, case_id: int, before: dict[str, str], typed: str) -> bool:
    """Ask after a refused save: True = reload the case ("Neu laden"), False = back to the form ("Abbrechen")."""
    dialog = ConflictDialog(case_id=case_id, before=before, typed=typed, parent=parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
