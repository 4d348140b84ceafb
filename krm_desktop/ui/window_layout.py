"""The main window's layout between starts (QSettings): its geometry, the splitter between list and detail, the
case table's column widths and its sort order."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from krm_desktop.model.case_list.query import COLUMNS, SortOrder
from krm_desktop.ui.case_list.table import CaseTableView
from krm_desktop.ui.case_list.table_model import COLUMN_INDEX, CaseTableModel
from krm_desktop.ui.widgets.screen_fit import fit_on_screen


def restore_layout(window: QMainWindow, splitter: QSplitter, view: CaseTableView, model: CaseTableModel) -> None:
    settings = QSettings()
    geometry = settings.value("main_window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    else:
        fit_on_screen(window, 1560, 920)
    sizes = settings.value("main_window/splitter")
    if sizes is None or not splitter.restoreState(sizes):
        splitter.setSizes([1200, 360])
    header = view.horizontalHeader()
    state = settings.value("case_table/header")
    if state is None or not header.restoreState(state):
        view.apply_default_widths()
        return  # sorted by Frist (SortOrder's default); finish_start shows the indicator
    # The order is kept as text beside the header's state.
    column, _, direction = str(settings.value("case_table/sort") or "").partition(" ")
    if column not in COLUMN_INDEX:  # settings of an older version: ask the header
        column = COLUMNS[header.sortIndicatorSection()] if 0 <= header.sortIndicatorSection() < len(COLUMNS) else ""
        direction = "desc" if header.sortIndicatorOrder() == QtCore.Qt.SortOrder.DescendingOrder else "asc"
    if column in COLUMN_INDEX:
        model.set_order(SortOrder(column, direction == "desc"))


def save_layout(window: QMainWindow, splitter: QSplitter, view: CaseTableView) -> None:
    settings = QSettings()
    settings.setValue("main_window/geometry", window.saveGeometry())
    settings.setValue("main_window/splitter", splitter.saveState())
    header = view.horizontalHeader()
    settings.setValue("case_table/header", header.saveState())
    if 0 <= header.sortIndicatorSection() < len(COLUMNS):
        descending = header.sortIndicatorOrder() == QtCore.Qt.SortOrder.DescendingOrder
        settings.setValue(
            "case_table/sort", f"{COLUMNS[header.sortIndicatorSection()]} {'desc' if descending else 'asc'}"
        )
