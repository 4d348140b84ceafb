"""The detail pane: the summary and history (Fallhistorie) of the selected case, and below it what the main
window's workflows add (the action buttons, the attachments tab).

The HTML comes from `case_html`, imported when the first case is shown.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from krm_desktop.model.time.working_days import WorkingCalendar

EMPTY_TEXT = "Keine Kundenreaktion ausgewählt. Wählen Sie eine Zeile in der Liste (Eingabetaste öffnet sie hier)."
GONE_TEXT = "Diese Kundenreaktion gibt es nicht mehr (gelöscht)."


class DetailPane(QWidget):
    case_shown = Signal(object)  # the case id now shown, or None

    def __init__(self, today: date, calendar: WorkingCalendar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.calendar = calendar
        self.case_id: int | None = None
        self.tabs: QTabWidget | None = None  # made when the first tab is added
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Details der ausgewählten Kundenreaktion")
        self.browser.setOpenLinks(False)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.browser, 1)
        self.setFocusProxy(self.browser)
        self.setMinimumWidth(260)
        self.show_case(None)

    def add_section(self, widget: QWidget) -> None:
        """A widget below the summary (the action buttons); it follows `case_shown`."""
        self.column.addWidget(widget)
        widget.setVisible(True)  # at once: the layout would show it only from the event loop

    def add_tab(self, widget: QWidget, title: str) -> None:
        """A page beside the summary (attachments): the summary becomes the first of the tabs."""
        if self.tabs is None:
            self.column.removeWidget(self.browser)
            self.tabs = QTabWidget()
            self.tabs.addTab(self.browser, "Übersicht")
            self.column.insertWidget(0, self.tabs, 1)
        self.tabs.addTab(widget, title)

    def set_tab_title(self, widget: QWidget, title: str) -> None:
        if self.tabs is not None and (index := self.tabs.indexOf(widget)) >= 0:
            self.tabs.setTabText(index, title)

    def toPlainText(self) -> str:  # Qt's name: the pane was a text browser once, callers read its text
        return self.browser.toPlainText().replace("\u00ad", "")  # the words as read, without their break points

    def show_case(self, case_id: int | None) -> None:
        html = None
        if case_id is not None:
            from krm_desktop.ui.case_list.case_html import case_html

            html = case_html(case_id, self.today, self.calendar)
        self.case_id = case_id if html is not None else None
        if html is not None:
            self.browser.setHtml(html)
        else:
            self.browser.setPlainText(EMPTY_TEXT if case_id is None else f"{GONE_TEXT} {EMPTY_TEXT}")
        self.case_shown.emit(self.case_id)

    def reload(self) -> None:
        self.show_case(self.case_id)
