"""Driving the set-up assistant: shown without exec() (or found while start_gui's exec() runs), its buttons
clicked, the tables' cells typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QTableWidget, QTableWidgetItem, QWizard

from krm_desktop.ui.settings.setup_assistant import SKIP, SetupAssistant

NEXT = QWizard.WizardButton.NextButton
BACK = QWizard.WizardButton.BackButton
FINISH = QWizard.WizardButton.FinishButton
CANCEL = QWizard.WizardButton.CancelButton


def click(qtbot, assistant: SetupAssistant, button: QWizard.WizardButton) -> None:
    widget = assistant.button(button)
    assert widget.isVisible() and widget.isEnabled(), assistant.buttonText(button)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def set_cell(table: QTableWidget, row: int, column: int, text: str) -> None:
    """Type a value into a cell, or choose it in the cell's list (typed into the list where it takes text)."""
    widget = table.cellWidget(row, column)
    if isinstance(widget, QComboBox):
        index = widget.findText(text, Qt.MatchFlag.MatchFixedString)
        assert index >= 0 or widget.isEditable(), f"{text} is not offered"
        if index >= 0:
            widget.setCurrentIndex(index)
        else:
            widget.setCurrentText(text)
        return
    table.setItem(row, column, QTableWidgetItem(text))


def fill_row(table: QTableWidget, row: int, *values: str) -> None:
    for column, value in enumerate(values):
        set_cell(table, row, column, value)


__all__ = ["BACK", "CANCEL", "FINISH", "NEXT", "SKIP", "click", "fill_row", "set_cell"]
