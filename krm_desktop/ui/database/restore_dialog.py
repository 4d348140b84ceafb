"""Datei → "Sicherung wiederherstellen …": the backups of the database with date, purpose and number of cases;
the chosen one (or another file) replaces the database after a confirmation (see model.store.restore)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.errors import KrmError
from krm_desktop.model.store.backups import BackupInfo, backup_folder, list_backups
from krm_desktop.model.store.connection import Store
from krm_desktop.model.store.restore import Restored, check_backup_file, restore_backup
from krm_desktop.ui.context import WindowContext
from krm_desktop.ui.widgets.screen_fit import fit_on_screen

ERROR_STYLE = "color: #b00020;"
FILE_FILTER = "KRM-Datenbank (*.sqlite3 *.sqlite *.db);;Alle Dateien (*)"
COLUMN_TITLES = ("Datum", "Anlass", "Kundenreaktionen", "Datei")
MENU_TEXT = "Sicherung &wiederherstellen …"


def number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _when(info: BackupInfo) -> str:
    if info.taken_on is not None:
        return f"{info.taken_on:%d.%m.%Y}"
    return f"{date.fromtimestamp(info.path.stat().st_mtime):%d.%m.%Y}"


class RestoreDialog(QDialog):
    """Choose a backup; `restored` carries the result once the database was replaced and opened again."""

    restored = Signal(object)  # model.store.restore.Restored

    def __init__(self, store: Store, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.today = today
        self.result_: Restored | None = None
        self.setWindowTitle("Sicherung wiederherstellen")
        fit_on_screen(self, 820, 440)
        intro = QLabel(
            "Eine Sicherung ersetzt die ganze Datenbank: was seit der Sicherung erfasst wurde, ist danach nicht "
            "mehr darin. Der jetzige Stand wird vorher als Sicherung „Vor einer Wiederherstellung“ abgelegt. "
            "Andere Arbeitsplätze sehen den zurückgespielten Stand, sobald sie ihre Liste aktualisieren."
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMN_TITLES))
        self.table.setAccessibleName("Sicherungen")
        self.table.setHorizontalHeaderLabels(COLUMN_TITLES)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Fehlermeldung")
        self.buttons = QDialogButtonBox()
        self.restore_button = QPushButton("&Wiederherstellen …")
        self.other_button = QPushButton("&Andere Datei …")
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton("Abbrechen", QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.restore_selected)
        self.other_button.clicked.connect(self.choose_other)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.backups: list[BackupInfo] = []
        self.load()

    def load(self) -> None:
        """Newest first; a copy that cannot be read is listed but cannot be chosen."""
        self.backups = sorted(
            list_backups(self.store),
            key=lambda i: (i.kind == "sicherung", i.taken_on or date.min, i.path.stat().st_mtime_ns),
            reverse=True,
        )
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            cases = "nicht lesbar" if info.cases is None else number(info.cases)
            for column, text in enumerate((_when(info), info.purpose_label(), cases, info.path.name)):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if info.cases is None:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable & ~Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, column, item)
        self.folder_label.setText(f"Sicherungsordner: {backup_folder(self.store)}")
        if not self.backups:
            self.error.setText(
                "Es gibt noch keine Sicherung dieser Datenbank. Mit „Andere Datei …“ lässt sich "
                "eine Sicherung von anderswo wählen."
            )
        first = next((row for row, info in enumerate(self.backups) if info.cases is not None), None)
        if first is not None:
            self.table.selectRow(first)
        self._selection_changed()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def choose_other(self) -> None:
        start = str(backup_folder(self.store))
        chosen, _ = QFileDialog.getOpenFileName(self, "Sicherung wählen", start, FILE_FILTER)
        if chosen:
            self.restore_file(Path(chosen))

    def restore_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self.restore_file(info.path, f"{info.purpose_label()} vom {_when(info)}")

    def restore_file(self, path: Path, what: str | None = None, *, confirm: bool = True) -> bool:
        """Check the file, ask, restore; a refusal is shown in the dialog (German) and nothing changes."""
        self.error.clear()
        assert self.store.path is not None
        try:
            cases = check_backup_file(path, database=self.store.path)
        except KrmError as exc:
            self.error.setText(exc.message)
            return False
        what = what or f"die Datei {path.name}"
        if confirm and not self._confirmed(what, cases):
            return False
        try:
            result = restore_backup(self.store.path, path, self.today, store=self.store)
        except KrmError as exc:
            self.error.setText(exc.message)
            return False
        self.result_ = result
        self.restored.emit(result)
        self.accept()
        return True

    def _confirmed(self, what: str, cases: int) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Sicherung wiederherstellen")
        box.setText(f"Datenbank durch {what} ersetzen?")
        box.setInformativeText(
            f"Die Sicherung enthält {number(cases)} Kundenreaktionen. Was seitdem erfasst oder geändert wurde, "
            "ist danach nicht mehr in der Datenbank; der jetzige Stand wird vorher gesichert."
        )
        yes = box.addButton("&Ersetzen", QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton("Abbrechen", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.exec()
        return box.clickedButton() is yes


def adopt_restored(context: WindowContext, result: Restored) -> None:
    """The main window works on the reopened database: list, counts and detail read again."""
    context.store = result.store
    context.data_changed.emit()
    context.status_message.emit(
        f"Sicherung {result.source.name} wiederhergestellt ({number(result.cases)} Kundenreaktionen). "
        f"Der vorherige Stand liegt in {result.safety_copy}.",
        30_000,
    )


def open_restore_dialog(context: WindowContext, parent: QWidget | None = None) -> RestoreDialog:
    dialog = RestoreDialog(context.store, context.today, parent)
    dialog.restored.connect(lambda result: adopt_restored(context, result))
    dialog.open()
    return dialog


def install_backup_menu(context: WindowContext, menu: QMenu, window: QWidget) -> QAction:
    """Put "Sicherung wiederherstellen …" into the Datei `menu`, before "Beenden"; the dialog opens over `window`."""
    action = QAction(MENU_TEXT, window)
    action.setStatusTip("Die Datenbank durch eine ihrer Sicherungen ersetzen")
    action.setEnabled(context.store.is_sqlite and not context.read_only)
    action.triggered.connect(lambda _checked=False: open_restore_dialog(context, window))
    quit_action = next((a for a in menu.actions() if a.text().replace("&", "") == "Beenden"), None)
    if quit_action is not None:
        menu.insertAction(quit_action, action)
        menu.insertSeparator(quit_action)
    else:
        menu.addAction(action)
    return action
