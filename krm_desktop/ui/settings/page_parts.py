"""What the Teams and Personen pages share: a read-only table of rows, the status line under a form and the
question before something typed would be dropped."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from krm_desktop.ui.widgets.fields import ERROR_STYLE

READ_ONLY_NOTE = "Die Datenbank ist schreibgeschützt geöffnet: Sie sehen die Einträge, können aber nichts ändern."


class RowTable(QTableWidget):
    """Rows to choose from, one selected at a time; each row carries the id of what it shows."""

    def __init__(
        self, name: str, headers: Sequence[str], *, numeric: Sequence[int] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(0, len(headers), parent)
        self.numeric = set(numeric)  # columns of counts, aligned right
        self.setAccessibleName(name)
        self.setHorizontalHeaderLabels(list(headers))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setHighlightSections(False)

    def fill(self, rows: Sequence[tuple[int, Sequence[str]]]) -> None:
        """(id, texts) per row; the selection is kept on the same id where it is still listed."""
        chosen = self.chosen_id()
        self.blockSignals(True)
        self.setRowCount(len(rows))
        for position, (row_id, texts) in enumerate(rows):
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row_id)
                if column in self.numeric:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(position, column, item)
        for column in range(1, self.columnCount()):
            self.resizeColumnToContents(column)
        self.blockSignals(False)
        self.choose(chosen)

    def chosen_id(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.item(rows[0].row(), 0)
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def choose(self, row_id: int | None) -> None:
        """Select the row of this id (None or not listed: no selection)."""
        self.blockSignals(True)
        self.selectionModel().blockSignals(True)
        self.clearSelection()
        for position in range(self.rowCount()):
            item = self.item(position, 0)
            if item is not None and row_id is not None and item.data(Qt.ItemDataRole.UserRole) == row_id:
                self.selectRow(position)
                self.scrollToItem(item)
        self.selectionModel().blockSignals(False)
        self.blockSignals(False)


def status_line() -> QLabel:
    line = QLabel()
    line.setWordWrap(True)
    line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return line


def say(line: QLabel, text: str, *, problem: bool = False) -> None:
    line.setStyleSheet(ERROR_STYLE if problem else "")
    line.setText(f"⚠ {text}" if problem and text else text)


def yes_no(parent: QWidget, title: str, text: str, yes: str) -> bool:
    """Ask before doing something; `yes` names what happens, „Abbrechen“ does nothing."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    go = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Abbrechen", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(go)
    box.exec()
    return box.clickedButton() is go
