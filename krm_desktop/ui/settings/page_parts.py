"""What the Teams and Personen pages share: a read-only table of rows, the status line under a form and the
question before something typed would be dropped."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMessageBox, QTableView, QWidget

from krm_desktop.model.errors import ConflictError, KrmError, ValidationError
from krm_desktop.ui.widgets.discard import confirm_discard
from krm_desktop.ui.widgets.fields import ERROR_STYLE

KEPT_TYPING = (
    "Die Liste zeigt jetzt den gespeicherten Stand; Ihre Eingaben sind noch da. Speichern Sie erneut, um sie zu "
    "übernehmen, oder verwerfen Sie sie."
)
READ_ONLY_NOTE = "Die Datenbank ist schreibgeschützt geöffnet: Sie sehen die Einträge, können aber nichts ändern."


class RowsModel(QAbstractTableModel):
    """Rows of texts, each carrying the id of what it shows (the office's teams or people: a few hundred at most)."""

    def __init__(self, headers: Sequence[str], numeric: Sequence[int] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = tuple(headers)
        self.numeric = set(numeric)  # columns of counts, aligned right
        self.rows: list[tuple[int, tuple[str, ...]]] = []

    def set_rows(self, rows: Sequence[tuple[int, Sequence[str]]]) -> None:
        self.beginResetModel()
        self.rows = [(row_id, tuple(texts)) for row_id, texts in rows]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row_id, texts = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return row_id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None

    def texts(self) -> list[list[str]]:
        """What the table shows, row by row."""
        return [list(texts) for _row_id, texts in self.rows]


class RowTable(QTableView):
    """Rows to choose from, one selected at a time; `chosen` tells when the person selects another row."""

    chosen = Signal()

    def __init__(
        self, name: str, headers: Sequence[str], *, numeric: Sequence[int] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.rows = RowsModel(headers, numeric, self)
        self.setModel(self.rows)
        self.setAccessibleName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setHighlightSections(False)
        self._quiet = False
        self.selectionModel().selectionChanged.connect(self._selection_changed)

    def _selection_changed(self) -> None:
        if not self._quiet:  # the person chose, not the page
            self.chosen.emit()

    def fill(self, rows: Sequence[tuple[int, Sequence[str]]]) -> None:
        """(id, texts) per row; the selection is kept on the same id where it is still listed."""
        kept = self.chosen_id()
        self._quiet = True
        self.rows.set_rows(rows)
        self._quiet = False
        for column in range(1, self.rows.columnCount()):
            self.resizeColumnToContents(column)
        self.choose(kept)

    def chosen_id(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return self.rows.rows[rows[0].row()][0] if rows else None

    def choose(self, row_id: int | None) -> None:
        """Select the row of this id (None or not listed: no selection), without telling `chosen`."""
        self._quiet = True
        self.clearSelection()
        for position, (listed_id, _texts) in enumerate(self.rows.rows):
            if row_id is not None and listed_id == row_id:
                self.selectRow(position)
                self.scrollTo(self.rows.index(position, 0))
        self._quiet = False


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


class RowFormPage(QWidget):
    """A table of rows beside a form that edits the chosen one (the Teams and Personen pages). A subclass sets
    `table`, `rows`, `current`, `name`, `errors`, `status` and `context`, and has `_show(row)`, `has_unsaved()`
    and `reload()`; `unsaved_text` says what would be dropped, `changed_text` what another desk changed."""

    unsaved_text = "Die Änderungen sind nicht gespeichert."
    changed_text = "Der Eintrag wurde inzwischen an einem anderen Platz geändert."

    table: RowTable
    rows: Sequence[Any]
    current: Any
    name: QWidget
    errors: Any  # FieldErrors
    status: QLabel
    context: Any  # WindowContext

    def _show(self, row: Any) -> None:
        raise NotImplementedError

    def has_unsaved(self) -> bool:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def _may_drop_typed(self) -> bool:
        return not self.has_unsaved() or confirm_discard(self, self.unsaved_text)

    def _row_chosen(self) -> None:
        chosen = self.table.chosen_id()
        if self.current is not None and chosen == self.current.id:
            return
        if not self._may_drop_typed():
            self.table.choose(self.current.id if self.current else None)
            return
        self._show(next((row for row in self.rows if row.id == chosen), None))

    def _start_new(self) -> None:
        if self._may_drop_typed():
            self._show(None)
            self.name.setFocus()

    def _refused(self, exc: KrmError, *, form: bool = True) -> None:
        """A refused save: the messages next to the fields (or in the status line), the list as stored now after a
        conflict; what was typed stays in the form."""
        if isinstance(exc, ValidationError):
            if form:
                first = self.errors.show(exc.errors)
                if first is not None:
                    first.setFocus()
                say(self.status, "Nicht gespeichert. Bitte prüfen Sie die markierten Angaben.", problem=True)
            else:
                say(self.status, " ".join(exc.errors.values()), problem=True)
            return
        self.reload()
        text = f"{self.changed_text} {KEPT_TYPING}" if isinstance(exc, ConflictError) else exc.message
        say(self.status, text, problem=True)
