"""The next twelve months as small month sheets: weekends, the Bundesland's public holidays and the office's
closing days marked (colour, type face and a tooltip naming the reason), with a legend."""

from __future__ import annotations

import calendar
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.time.holidays import holiday_names
from krm_desktop.model.time.working_days import WorkingCalendar, calendar_for

MONTH_NAMES = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
WEEKDAYS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")

WORKING = "working"
WEEKEND = "weekend"
HOLIDAY = "holiday"
CLOSING = "closing"
# (background, text colour, bold, underlined, words in the legend)
LOOKS = {
    WORKING: ("#ffffff", "#000000", False, False, "Arbeitstag"),
    WEEKEND: ("#e4e4e4", "#555555", False, False, "Wochenende"),
    HOLIDAY: ("#f6c9c9", "#8a0000", True, False, "Feiertag im Bundesland"),
    CLOSING: ("#c9daf6", "#00306e", True, True, "Schließtag der Dienststelle"),
}
_CELL_WIDTH = 26
_CELL_HEIGHT = 19


def day_kind(cal: WorkingCalendar, day: date) -> str:
    """What kind of day it is for the office (a holiday on a Sunday is shown as the weekend it is anyway)."""
    reason = cal.why_not_working(day)
    if reason is None:
        return WORKING
    if reason.startswith("Feiertag"):
        return HOLIDAY
    if reason in ("Samstag", "Sonntag"):
        return WEEKEND
    return CLOSING


def _style(item: QTableWidgetItem, kind: str) -> None:
    background, foreground, bold, underline, _words = LOOKS[kind]
    item.setBackground(QBrush(QColor(background)))
    item.setForeground(QBrush(QColor(foreground)))
    if bold or underline:
        font = QFont()
        font.setBold(bold)
        font.setUnderline(underline)
        item.setFont(font)


class MonthSheet(QWidget):
    """One month: its name and a 7-column grid of days, Monday first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.table = QTableWidget(6, 7)
        self.table.setHorizontalHeaderLabels(list(WEEKDAYS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(1)
        rows.setMinimumSectionSize(1)
        for column in range(7):
            header.resizeSection(column, _CELL_WIDTH)
        for row in range(6):
            rows.resizeSection(row, _CELL_HEIGHT)
        width = header.length() + 2 * self.table.frameWidth()
        height = header.sizeHint().height() + rows.length() + 2 * self.table.frameWidth()
        self.table.setFixedSize(width, height)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        self.days: dict[date, QTableWidgetItem] = {}

    def show_month(self, year: int, month: int, cal: WorkingCalendar) -> None:
        self.title.setText(f"<b>{MONTH_NAMES[month - 1]} {year}</b>")
        self.table.clearContents()
        self.days = {}
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
        holidays = holiday_names(cal.bundesland, year)
        for row, week in enumerate(weeks):
            for column, day in enumerate(week):
                if day.month != month:
                    continue
                item = QTableWidgetItem(str(day.day))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                kind = day_kind(cal, day)
                _style(item, kind)
                reason = cal.why_not_working(day) or "Arbeitstag"
                if kind == WEEKEND and day in holidays:  # a holiday on a weekend: name it too
                    reason = f"{reason}, Feiertag ({holidays[day]})"
                item.setToolTip(f"{day:%d.%m.%Y}: {reason}")
                self.table.setItem(row, column, item)
                self.days[day] = item


def _legend() -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    for kind in (WORKING, WEEKEND, HOLIDAY, CLOSING):
        background, foreground, bold, underline, words = LOOKS[kind]
        sample = QLabel("17")
        sample.setAlignment(Qt.AlignmentFlag.AlignCenter)
        sample.setFixedSize(_CELL_WIDTH + 4, _CELL_HEIGHT + 2)
        weight = "bold" if bold else "normal"
        decoration = "underline" if underline else "none"
        sample.setStyleSheet(
            f"QLabel {{ background: {background}; color: {foreground}; font-weight: {weight}; "
            f"text-decoration: {decoration}; border: 1px solid #999999; }}"
        )
        row.addWidget(sample)
        row.addWidget(QLabel(words))
        row.addSpacing(12)
    row.addStretch(1)
    return holder


class WorkingDaysCalendar(QWidget):
    """Twelve month sheets from the month of `first` on, four to a row."""

    COLUMNS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheets = [MonthSheet() for _ in range(12)]
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        for number, sheet in enumerate(self.sheets):
            grid.addWidget(sheet, number // self.COLUMNS, number % self.COLUMNS)
        self.caption = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addLayout(grid)
        layout.addWidget(_legend())
        layout.addStretch(1)
        self.setAccessibleName("Arbeitstage der nächsten zwölf Monate")

    def show_year(self, first: date, bundesland: str, closing_days: tuple[str, ...]) -> None:
        cal = calendar_for(bundesland, tuple(sorted(closing_days)))
        year, month = first.year, first.month
        for sheet in self.sheets:
            sheet.show_month(year, month, cal)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        self.caption.setText("Arbeitstage der nächsten zwölf Monate (Tooltip über einem Tag nennt den Grund):")

    def item_of(self, day: date) -> QTableWidgetItem | None:
        """The cell that shows `day` (None when it lies outside the twelve months)."""
        for sheet in self.sheets:
            if day in sheet.days:
                return sheet.days[day]
        return None
