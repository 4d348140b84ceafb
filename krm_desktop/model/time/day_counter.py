"""Working days counted fast, for the case list: "überfällig seit 12 AT" on every row of a long list."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.model.time.working_days import WorkingCalendar


class CountingCalendar(WorkingCalendar):
    """The office calendar, counting working days between two dates arithmetically instead of day by day
    (a list of old open cases asks for thousands of days per row): the weekdays in the range, by formula,
    less the free weekdays (holidays, closing days) in it, by bisection in each year's sorted list."""

    def __init__(self, bundesland: str, closing_days: tuple[str, ...]) -> None:
        super().__init__(bundesland, closing_days)
        self._free_weekdays: dict[int, list[int]] = {}

    def _free_ordinals(self, year: int) -> list[int]:
        found = self._free_weekdays.get(year)
        if found is None:
            found = sorted(day.toordinal() for day in self._free_days(year) if day.weekday() < 5)
            self._free_weekdays[year] = found
        return found

    def working_days_between(self, after: date, until: date) -> int:
        if until <= after:
            return 0
        first, last = after.toordinal(), until.toordinal()
        total = _weekdays_through(last) - _weekdays_through(first)
        for year in range(after.year, until.year + 1):
            free = self._free_ordinals(year)
            total -= bisect_right(free, last) - bisect_right(free, first)
        return total


def _weekdays_through(ordinal: int) -> int:
    """Mondays to Fridays among the days 1 … ordinal (day 1, 1 January of the year 1, was a Monday)."""
    weeks, rest = divmod(ordinal, 7)
    return 5 * weeks + min(rest, 5)


def list_calendar(profile: OfficeProfile) -> CountingCalendar:
    return CountingCalendar(profile.bundesland, tuple(profile.closing_days))
