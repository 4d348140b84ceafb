"""The report wizard's first page: the period and the recipient (the office's texts follow in `texts_page`).

Shared with the other pages: the error label below a field.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QSpinBox, QWizardPage

from krm_desktop.model.reports.periods import (
    MAX_YEAR,
    MIN_YEAR,
    Period,
    latest_complete,
    oldest_received,
    period_problem,
)
from krm_desktop.model.reports.texts import RECIPIENTS, default_recipient, report_reminder_due

KINDS = (("year", "Jahr"), ("half", "Halbjahr"), ("quarter", "Quartal"))
ERROR_STYLE = "color: #b00020;"


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def show_error(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))


def suggested_period(today: date) -> Period:
    """January–March: last year; July–September: the first half; otherwise the last finished quarter."""
    if today.month <= 3:
        return latest_complete(today, "year")
    if 7 <= today.month <= 9:
        return latest_complete(today, "half")
    return latest_complete(today, "quarter")


class PeriodPage(QWizardPage):
    def __init__(self, today: date) -> None:
        super().__init__()
        self.today = today
        self.setTitle("Zeitraum und Empfänger")
        self.setSubTitle("Für welchen Zeitraum und für wen ist die Auswertung?")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Art des Zeitraums")
        for code, text in KINDS:
            self.kind.addItem(text, code)
        self.year = QSpinBox()
        self.year.setAccessibleName("Jahr")
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setValue(today.year)
        self.part = QComboBox()
        self.part.setAccessibleName("Halbjahr oder Quartal")
        self.recipient = QComboBox()
        self.recipient.setAccessibleName("Empfänger")
        for code, text in RECIPIENTS.items():
            self.recipient.addItem(text, code)
        self.error = error_label()
        self.error.setAccessibleName("Fehler beim Zeitraum")
        self.reminder = QLabel(report_reminder_due(today) or "")
        self.reminder.setWordWrap(True)
        self.reminder.setVisible(bool(self.reminder.text()))
        form = QFormLayout(self)
        form.addRow(self.reminder)
        form.addRow("&Art:", self.kind)
        form.addRow("&Jahr:", self.year)
        form.addRow("&Teil:", self.part)
        form.addRow("", self.error)
        form.addRow("&Empfänger:", self.recipient)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.year.valueChanged.connect(lambda _: show_error(self.error, None))
        self.part.currentIndexChanged.connect(lambda _: show_error(self.error, None))
        self.set_period(suggested_period(today))

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.part.blockSignals(True)
        self.part.clear()
        if kind == "half":
            for n in (1, 2):
                self.part.addItem(f"{n}. Halbjahr", n)
        elif kind == "quarter":
            for n in (1, 2, 3, 4):
                self.part.addItem(f"{n}. Quartal", n)
        self.part.blockSignals(False)
        self.part.setEnabled(kind != "year")
        self.recipient.setCurrentIndex(self.recipient.findData(default_recipient(self.period())))
        show_error(self.error, None)

    def set_period(self, period: Period) -> None:
        self.year.setValue(period.year)
        self.kind.setCurrentIndex(self.kind.findData(period.kind))
        self._kind_changed()
        if period.kind != "year":
            self.part.setCurrentIndex(self.part.findData(period.half or period.quarter))

    def period(self) -> Period:
        kind, part = self.kind.currentData(), self.part.currentData()
        if kind == "half":
            return Period(self.year.value(), half=part or 1)
        if kind == "quarter":
            return Period(self.year.value(), quarter=part or 1)
        return Period(self.year.value())

    def recipient_code(self) -> str:
        return str(self.recipient.currentData())

    def validatePage(self) -> bool:
        problem = period_problem(self.period(), self.today, oldest_received())
        show_error(self.error, problem[1] if problem else None)
        if problem:
            (self.part if problem[0] in ("half", "quarter") else self.year).setFocus()
        return problem is None
