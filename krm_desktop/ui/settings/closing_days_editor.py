"""The office's closing days as an editable list: yearly ones ("24.12.") and one-off Brückentage ("15.05.2026")."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.office.profile_checks import closing_day_text, parse_closing_day
from krm_desktop.ui.widgets.fields import INVALID_STYLE, FieldErrors, hint

KEY = "closing_days"


def _sort_key(stored: str) -> tuple[int, str]:
    return (0, stored) if len(stored) == 5 else (1, stored)  # yearly days first, then one-off days by date


def _item_text(stored: str) -> str:
    return (
        f"{closing_day_text(stored)}  (jedes Jahr)" if len(stored) == 5 else f"{closing_day_text(stored)}  (einmalig)"
    )


class ClosingDaysEditor(QWidget):
    """The list of closing days, a field to type a new one and buttons to add and remove; `changed` is emitted
    whenever the list changes (the calendar follows)."""

    changed = Signal()

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = errors
        self.days_list = QListWidget()
        self.days_list.setAccessibleName("Schließtage der Dienststelle")
        self.days_list.setMinimumHeight(110)
        self.new_day = QLineEdit()
        self.new_day.setAccessibleName("Neuer Schließtag")
        self.new_day.setPlaceholderText("24.12. oder 15.05.2026")
        self.new_day.setMinimumWidth(170)
        self.new_day.setMaximumWidth(190)
        self.add_button = QPushButton("&Hinzufügen")
        self.remove_button = QPushButton("&Entfernen")
        self.remove_button.setToolTip("Den markierten Schließtag aus der Liste nehmen")
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_day)
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        caption = QLabel("Schließtage der &Dienststelle:")
        caption.setBuddy(self.days_list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(self.days_list, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        new_caption = QLabel("Neuer &Schließtag:")
        new_caption.setBuddy(self.new_day)
        layout.addWidget(new_caption)
        layout.addLayout(add_row)
        self.error_line = errors.add(KEY, self.new_day)
        layout.addWidget(self.error_line)
        layout.addWidget(
            hint(
                "„TT.MM.“ schließt jedes Jahr (z. B. 24.12.), „TT.MM.JJJJ“ einmal, etwa einen Brückentag "
                "(z. B. 15.05.2026)."
            )
        )
        self.add_button.clicked.connect(self.add_typed)
        self.new_day.returnPressed.connect(self.add_typed)
        self.new_day.textEdited.connect(lambda _text: errors.clear(KEY))
        self.remove_button.clicked.connect(self.remove_selected)
        self.days_list.currentRowChanged.connect(lambda _row: self._enable_remove())
        self._enable_remove()

    def set_days(self, days: tuple[str, ...]) -> None:
        self.days_list.clear()
        for stored in sorted(set(days), key=_sort_key):
            item = QListWidgetItem(_item_text(stored))
            item.setData(Qt.ItemDataRole.UserRole, stored)
            self.days_list.addItem(item)
        self._enable_remove()

    def days(self) -> tuple[str, ...]:
        return tuple(self.days_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.days_list.count()))

    def add_typed(self) -> bool:
        """Add the typed day; a day that does not exist is refused next to the field and stays typed."""
        try:
            stored = parse_closing_day(self.new_day.text())
        except ValidationError as exc:
            self.show_problem(exc.errors.get(KEY, exc.message))
            self.new_day.setFocus()
            return False
        self.new_day.clear()
        self.new_day.setStyleSheet("")
        if stored not in self.days():
            self.set_days((*self.days(), stored))
            self.changed.emit()
        self._select(stored)
        return True

    def add_pending(self) -> bool:
        """Before a save: a day typed but not yet added is added (or refused), never silently dropped."""
        return not self.new_day.text().strip() or self.add_typed()

    def show_problem(self, message: str) -> None:
        self.error_line.setText(f"⚠ {message}")
        self.error_line.show()
        self.new_day.setStyleSheet(INVALID_STYLE)

    def remove_selected(self) -> None:
        item = self.days_list.currentItem()
        if item is None:
            return
        removed = item.data(Qt.ItemDataRole.UserRole)
        self.set_days(tuple(d for d in self.days() if d != removed))
        self.changed.emit()

    def _select(self, stored: str) -> None:
        for i in range(self.days_list.count()):
            if self.days_list.item(i).data(Qt.ItemDataRole.UserRole) == stored:
                self.days_list.setCurrentRow(i)

    def _enable_remove(self) -> None:
        self.remove_button.setEnabled(self.isEnabled() and self.days_list.currentItem() is not None)

    def state(self) -> tuple[object, ...]:
        return (self.days(), self.new_day.text())

    def set_editable(self, editable: bool) -> None:
        for widget in (self.new_day, self.add_button, self.remove_button):
            widget.setEnabled(editable)
        if editable:
            self._enable_remove()
