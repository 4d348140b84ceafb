"""The case table view: fixed row heights, Enter opens, and a signal once rows are on screen."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from krm_desktop.ui.case_list.table_model import COLUMN_INDEX

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent, QPaintEvent, QResizeEvent

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

# Columns that give up width on a narrow screen (down to a few characters, then "…"), and how few they keep.
NARROWING = ("due", "team", "person", "kinds")
FEWEST_CHARS = 10


def fitted_widths(widths: dict[str, int], room: int, char_width: int) -> dict[str, int]:
    """The default widths cut down so that every column, the last (Status) too, fits into `room` pixels:
    the narrowing columns give up the excess in proportion to their width."""
    excess = sum(widths.values()) - room
    if excess <= 0:
        return dict(widths)
    fitted = dict(widths)
    spare = {name: max(widths[name] - FEWEST_CHARS * char_width, 0) for name in NARROWING}
    total_spare = sum(spare.values())
    if total_spare == 0:
        return fitted
    for name in NARROWING:
        fitted[name] -= min(spare[name], -(-excess * spare[name] // total_spare))  # rounded up: no pixel over
    return fitted


class CaseTableView(QTableView):
    open_requested = Signal(int)  # row
    first_rows_painted = Signal(float)  # time.perf_counter() when the first rows were painted
    first_painted = Signal()  # the list was painted for the first time (with rows or empty)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paints = 0
        self._rows_painted = False
        self.fit_pending = False  # the default widths wait for the list's width (resizeEvent)
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
        """The widths of a first start (no saved layout); fitted to the list's width once it is on screen."""
        for name, width in self.default_widths().items():
            self.setColumnWidth(COLUMN_INDEX[name], width)
        self.fit_pending = True

    def default_widths(self) -> dict[str, int]:
        metrics = self.fontMetrics()
        return {
            name: metrics.horizontalAdvance(text) + (44 if name == "due" else 18)  # the icon, the cell margins
            for name, text in SAMPLE_TEXT.items()
        }

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fit_pending and self.isVisible() and self.viewport().width() > 0:
            self.fit_pending = False  # once, when the list first gets its width; later widths are the user's
            widths = fitted_widths(
                self.default_widths(), self.viewport().width(), self.fontMetrics().averageCharWidth()
            )
            for name, width in widths.items():
                self.setColumnWidth(COLUMN_INDEX[name], width)

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
