"""The detail pane: a read-only summary of the selected case and its history (Fallhistorie).

The editing forms are another issue; this pane only shows (the HTML comes from `case_html`, imported when
the first case is shown: the start does not wait for it).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QTextBrowser, QWidget

from krm_desktop.model.calendar import WorkingCalendar

EMPTY_TEXT = "Keine Kundenreaktion ausgewählt. Wählen Sie eine Zeile in der Liste (Eingabetaste öffnet sie hier)."
GONE_TEXT = "Diese Kundenreaktion gibt es nicht mehr (gelöscht)."


class DetailPane(QTextBrowser):
    def __init__(self, today: date, calendar: WorkingCalendar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.calendar = calendar
        self.case_id: int | None = None
        self.setAccessibleName("Details der ausgewählten Kundenreaktion")
        self.setOpenLinks(False)
        self.setMinimumWidth(260)
        self.show_case(None)

    def show_case(self, case_id: int | None) -> None:
        html = None
        if case_id is not None:
            from krm_desktop.ui.case_html import case_html

            html = case_html(case_id, self.today, self.calendar)
        self.case_id = case_id if html is not None else None
        if html is not None:
            self.setHtml(html)
        else:
            self.setPlainText(EMPTY_TEXT if case_id is None else f"{GONE_TEXT} {EMPTY_TEXT}")

    def reload(self) -> None:
        self.show_case(self.case_id)
