"""The case table view: fixed row heights, Enter opens, and a signal once rows are on screen."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from krm_desktop.ui.case_list.table_model import COLUMN_INDEX

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent, QPaintEvent

# Default column widths: a typical content per column, measured in the current font.
SAMPLE_TEXT = {
    "ref": "KRM-2026-0000",
    "received": "00.00.0000",
    "kinds": "Beschwerde, Lob, Idee",
    "channel": "telefonisch",
    "person": "Erika Mustermann-Kr",
    "team": "Team 411 Leistungsgew",
    "due": "überfällig seit 12 AT · Eingangsbestätigung",
    "status": "abgeschlossen",
}


class CaseTableView(QTableView):
    open_requested = Signal(int)  # row
    first_rows_painted = Signal(float)  # time.perf_counter() when the first rows were painted
    first_painted = Signal()  # the list was painted for the first time (with rows or empty)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paints = 0
        self._rows_painted = False
        self.setAccessibleName("Liste der Kundenreaktionen")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)  # long texts end in "…" (Qt's default elide mode)
        self.setShowGrid(False)
        self.setSortingEnabled(False)  # switched on by the window once the saved order is applied
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never ResizeToContents on rows
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        rows.setMinimumSectionSize(self.fontMetrics().height() + 4)
        rows.hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)  # the sort indicator is shown once sorting is on
        self.doubleClicked.connect(lambda index: self.open_requested.emit(index.row()))

    def apply_default_widths(self) -> None:
        metrics = self.fontMetrics()
        for name, text in SAMPLE_TEXT.items():
            extra = 44 if name == "due" else 18  # the icon, the cell margins
            self.setColumnWidth(COLUMN_INDEX[name], metrics.horizontalAdvance(text) + extra)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex().row())
            event.accept()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.paints += 1
        model = self.model()
        if not getattr(model, "is_complete", True):
            # The first rows are on screen: now write the rest of the list's positions (CaseList).
            QTimer.singleShot(0, model.complete)
        if self.paints == 1:
            self.first_painted.emit()
        if not self._rows_painted and self.model() is not None and self.model().rowCount() > 0:
            self._rows_painted = True
            self.first_rows_painted.emit(time.perf_counter())
