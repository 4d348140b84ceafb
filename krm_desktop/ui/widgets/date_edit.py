"""A date field that takes a whole date typed over its text, with a calendar to pick from.

QDateEdit types into its day, month and year sections one by one: with the whole text selected, "31.12.2028"
became 05.12.2028. Here the text is plain text, read the way every form of the program reads a date
(TT.MM.JJJJ, TT.MM.JJ, TTMMJJJJ, JJJJ-MM-TT), and a wrong one is said in German next to the field.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidget, QWidgetAction

from krm_desktop.model import validation as v


def _qdate(value: QDate | date | None) -> QDate:
    if value is None:
        return QDate()
    if isinstance(value, QDate):
        return value
    return QDate(value.year, value.month, value.day)


class DateEdit(QWidget):
    """The parts of QDateEdit's interface the program uses: `date()`, `setDate()`, `dateChanged`, a latest and an
    earliest date, plus `problem()`: what is wrong with the typed text, in German."""

    dateChanged = Signal(QDate)

    def __init__(self, value: QDate | date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit()
        self.line.setPlaceholderText("TT.MM.JJJJ")
        self.line.setMaximumWidth(130)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setToolTip("Datum im Kalender wählen")
        self.button.setAccessibleName("Kalender öffnen")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._show_calendar)
        self.button.setMenu(menu)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.button)
        layout.addStretch(1)
        self.setFocusProxy(self.line)
        self._minimum = QDate()
        self._maximum = QDate()
        self._last = QDate()
        self.line.textChanged.connect(self._typed)
        self.setDate(_qdate(value))

    # --- QDateEdit's interface -------------------------------------------------------------------------------

    def date(self) -> QDate:
        """The typed date, or an invalid QDate when the text is empty, no date or out of range."""
        value, problem = v.parse_date(self.line.text(), "Datum")
        if problem or value is None:
            return QDate()
        chosen = _qdate(value)
        if (self._minimum.isValid() and chosen < self._minimum) or (self._maximum.isValid() and chosen > self._maximum):
            return QDate()
        return chosen

    def setDate(self, value: QDate | date | None) -> None:
        chosen = _qdate(value)
        self.line.setText(chosen.toString("dd.MM.yyyy") if chosen.isValid() else "")

    def setMaximumDate(self, value: QDate | date) -> None:
        self._maximum = _qdate(value)
        self.calendar.setMaximumDate(self._maximum)

    def setMinimumDate(self, value: QDate | date) -> None:
        self._minimum = _qdate(value)
        self.calendar.setMinimumDate(self._minimum)

    def value(self) -> date | None:
        """The typed date as a Python date, or None (see `problem`)."""
        chosen = self.date()
        return date(chosen.year(), chosen.month(), chosen.day()) if chosen.isValid() else None

    def text(self) -> str:
        return self.line.text()

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)

    def setReadOnly(self, read_only: bool) -> None:
        self.line.setReadOnly(read_only)
        self.button.setEnabled(not read_only)

    # --- checking --------------------------------------------------------------------------------------------

    def problem(self, label: str) -> str | None:
        """What to fix in the typed text, in German, or None."""
        value, problem = v.parse_date(self.line.text(), label)
        if problem:
            return problem
        if value is None:
            return f"{label}: bitte ein Datum angeben (TT.MM.JJJJ)."
        chosen = _qdate(value)
        if self._minimum.isValid() and chosen < self._minimum:
            return f"{label}: frühestens {self._minimum.toString('dd.MM.yyyy')}."
        if self._maximum.isValid() and chosen > self._maximum:
            return f"{label}: spätestens {self._maximum.toString('dd.MM.yyyy')}."
        return None

    # --- inside ----------------------------------------------------------------------------------------------

    def _typed(self, _text: str) -> None:
        value = self.date()
        if value.isValid() and value != self._last:
            self._last = value
            self.dateChanged.emit(value)

    def _show_calendar(self) -> None:
        current = self.date()
        if current.isValid():
            self.calendar.setSelectedDate(current)

    def _picked(self, value: QDate) -> None:
        self.setDate(value)
        menu = self.button.menu()
        if menu is not None:
            menu.hide()
        self.line.setFocus()
