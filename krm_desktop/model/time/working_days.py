"""Working days of a Bundesland plus the office's closing days, and deadline arithmetic.

A working day is neither Saturday, Sunday, a public holiday of the Bundesland nor a closing day
of the office. "N Arbeitstage nach Eingang": the day of receipt is day 0, count forward N working
days. "N Kalendertage": receipt + N days, moved to the next working day when that is none.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from krm_desktop.model.office.profiles import CALENDAR, DEFAULT_CLOSING_DAYS, ClockRule
from krm_desktop.model.time.holidays import holiday_names

_ONE_DAY = timedelta(days=1)


class WorkingCalendar:
    def __init__(self, bundesland: str, closing_days: tuple[str, ...] = DEFAULT_CLOSING_DAYS) -> None:
        self.bundesland = bundesland
        self.closing_days = tuple(closing_days)
        self._recurring = {d for d in closing_days if len(d) == 5}
        self._once = {date.fromisoformat(d) for d in closing_days if len(d) == 10}
        self._free_by_year: dict[int, frozenset[date]] = {}
        self._names_by_year: dict[int, dict[date, str]] = {}

    def _free_days(self, year: int) -> frozenset[date]:
        free = self._free_by_year.get(year)
        if free is None:
            names = self._holiday_names(year)
            recurring = {date(year, int(d[:2]), int(d[3:])) for d in self._recurring if _valid(year, d)}
            free = frozenset(names) | recurring | {d for d in self._once if d.year == year}
            self._free_by_year[year] = free
        return free

    def _holiday_names(self, year: int) -> dict[date, str]:
        names = self._names_by_year.get(year)
        if names is None:
            names = holiday_names(self.bundesland, year)
            self._names_by_year[year] = names
        return names

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self._free_days(day.year)

    def why_not_working(self, day: date) -> str | None:
        """German reason why a day is not a working day, or None for a working day."""
        if day.weekday() == 5:
            return "Samstag"
        if day.weekday() == 6:
            return "Sonntag"
        name = self._holiday_names(day.year).get(day)
        if name:
            return f"Feiertag ({name})"
        if day in self._free_days(day.year):
            return "Schließtag der Dienststelle"
        return None

    def next_working_day(self, day: date) -> date:
        """The day itself when it is a working day, else the next one."""
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    def add_working_days(self, start: date, count: int) -> date:
        """Day 0 is `start`; return the `count`-th working day after it (start itself when 0)."""
        day = start
        remaining = count
        while remaining > 0:
            day += _ONE_DAY
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, after: date, until: date) -> int:
        """Working days d with after < d <= until (0 when until <= after)."""
        count = 0
        day = after + _ONE_DAY
        while day <= until:
            if self.is_working_day(day):
                count += 1
            day += _ONE_DAY
        return count

    def due_date(self, start: date, rule: ClockRule, shift_to_working_day: bool = True) -> date:
        if rule.unit == CALENDAR:
            due = start + timedelta(days=rule.count)
            return self.next_working_day(due) if shift_to_working_day else due
        return self.add_working_days(start, rule.count)


def _valid(year: int, month_day: str) -> bool:
    try:
        date(year, int(month_day[:2]), int(month_day[3:]))
    except ValueError:  # 02-29 in a common year
        return False
    return True


@lru_cache(maxsize=32)
def calendar_for(bundesland: str, closing_days: tuple[str, ...] = DEFAULT_CLOSING_DAYS) -> WorkingCalendar:
    return WorkingCalendar(bundesland, closing_days)
