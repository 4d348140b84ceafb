"""Report periods: calendar year, half-year (H1/H2), quarter (Q1–Q4), and which of them may be reported.

A case belongs to the period of its received date. A period may be reported once it has begun and as long as
it does not lie wholly before the oldest record (older cases are deleted after eight years).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from peewee import fn

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.store.entities import Case

MONTHS = (
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
MONTHS_SHORT = ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez")
MIN_YEAR, MAX_YEAR = 2000, 2999
_CODE = re.compile(r"^(\d{4})(?:-(H[12]|Q[1-4]))?$")


@dataclass(frozen=True)
class Period:
    """A calendar year, or one half (1–2) or quarter (1–4) of it."""

    year: int
    half: int | None = None
    quarter: int | None = None

    def __post_init__(self) -> None:
        if self.half is not None and self.quarter is not None:
            raise ValueError("a period is a half-year or a quarter, not both")
        if self.half is not None and self.half not in (1, 2):
            raise ValueError(f"half must be 1 or 2, not {self.half}")
        if self.quarter is not None and self.quarter not in (1, 2, 3, 4):
            raise ValueError(f"quarter must be 1 to 4, not {self.quarter}")

    @property
    def kind(self) -> str:
        return "half" if self.half else "quarter" if self.quarter else "year"

    @property
    def months(self) -> tuple[int, ...]:
        """The months (1–12) of the period."""
        if self.half:
            return tuple(range(6 * self.half - 5, 6 * self.half + 1))
        if self.quarter:
            return tuple(range(3 * self.quarter - 2, 3 * self.quarter + 1))
        return tuple(range(1, 13))

    @property
    def start(self) -> date:
        return date(self.year, self.months[0], 1)

    @property
    def end(self) -> date:
        """The last day (inclusive)."""
        last = self.months[-1]
        following = date(self.year + 1, 1, 1) if last == 12 else date(self.year, last + 1, 1)
        return following - timedelta(days=1)

    @property
    def code(self) -> str:
        """Stable code: 2025, 2025-H1, 2025-Q3."""
        if self.half:
            return f"{self.year}-H{self.half}"
        if self.quarter:
            return f"{self.year}-Q{self.quarter}"
        return str(self.year)

    @property
    def label(self) -> str:
        if self.half:
            return f"{self.half}. Halbjahr {self.year}"
        if self.quarter:
            return f"{self.quarter}. Quartal {self.year}"
        return f"Jahr {self.year}"

    @property
    def title(self) -> str:
        """The name of the report for this period."""
        if self.half:
            return f"Halbjahresbericht {self.half}. Halbjahr {self.year}"
        if self.quarter:
            return f"Quartalsauswertung {self.quarter}. Quartal {self.year}"
        return f"Jahresbericht {self.year}"

    @property
    def span_text(self) -> str:
        return f"{self.start:%d.%m.%Y} – {self.end:%d.%m.%Y}"

    def previous(self) -> Period:
        """The period of the same length just before this one."""
        if self.half:
            return Period(self.year, half=1) if self.half == 2 else Period(self.year - 1, half=2)
        if self.quarter:
            return Period(self.year, quarter=self.quarter - 1) if self.quarter > 1 else Period(self.year - 1, quarter=4)
        return Period(self.year - 1)

    def is_running(self, today: date) -> bool:
        """The period has not ended yet: its figures are provisional."""
        return self.start <= today <= self.end

    @classmethod
    def from_code(cls, code: str) -> Period:
        match = _CODE.match(code.strip())
        if match is None:
            raise ValueError(f"not a period code: {code!r}")
        year, part = int(match.group(1)), match.group(2)
        if part is None:
            return cls(year)
        if part[0] == "H":
            return cls(year, half=int(part[1]))
        return cls(year, quarter=int(part[1]))


def month_label(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


def oldest_received() -> date | None:
    """The received date of the oldest case in the store (None when there is none)."""
    value = Case.select(fn.MIN(Case.received)).scalar()
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def period_problem(period: Period, today: date, oldest: date | None) -> tuple[str, str] | None:
    """(field, German message) when the period cannot be reported, else None.

    Refused: a year outside 2000–2999, a period that has not begun, a period that lies wholly before the
    oldest record (its cases were deleted). An empty store allows every period that has begun: its report says
    that no reactions were recorded.
    """
    field = period.kind  # year, half or quarter: the input that holds the problem
    if not MIN_YEAR <= period.year <= MAX_YEAR:
        return "year", f"Das Jahr {period.year} ist nicht plausibel; bitte ein Jahr wie {today.year} angeben."
    if period.year > today.year:
        return "year", (
            f"Das Jahr {period.year} liegt in der Zukunft; ein Bericht ist höchstens für das laufende Jahr "
            f"{today.year} möglich."
        )
    if period.start > today:
        return field, (
            f"Das {period.label} hat noch nicht begonnen (Beginn {period.start:%d.%m.%Y}); bitte einen "
            "Zeitraum wählen, der bereits begonnen hat."
        )
    if oldest is None:
        return None  # nothing recorded yet: the report says so (a new office's first annual report)
    if period.end < oldest:
        where = "year" if period.year < oldest.year else field
        return where, (
            f"Für das {period.label} gibt es keine Daten: die älteste erfasste Kundenreaktion ist vom "
            f"{oldest:%d.%m.%Y}. Bitte einen Zeitraum ab {oldest.year} wählen."
        )
    return None


def check_period(period: Period, today: date) -> None:
    """Raise ValidationError (German, naming the field) when the period cannot be reported."""
    problem = period_problem(period, today, oldest_received())
    if problem is not None:
        raise ValidationError({problem[0]: problem[1]})


def make_period(year: int, half: int | None = None, quarter: int | None = None) -> Period:
    """A Period from user input; wrong combinations are refused in German."""
    if half is not None and quarter is not None:
        raise ValidationError({"half": "Bitte entweder ein Halbjahr oder ein Quartal wählen, nicht beides."})
    if half is not None and half not in (1, 2):
        raise ValidationError({"half": f"Ein Halbjahr ist 1 oder 2, nicht {half}."})
    if quarter is not None and quarter not in (1, 2, 3, 4):
        raise ValidationError({"quarter": f"Ein Quartal ist 1, 2, 3 oder 4, nicht {quarter}."})
    return Period(year, half, quarter)


def latest_complete(today: date, kind: str) -> Period:
    """The most recent finished period of a kind (year/half/quarter): the usual choice for a report."""
    if kind == "year":
        return Period(today.year - 1)
    if kind == "half":
        return Period(today.year, half=1) if today.month > 6 else Period(today.year - 1, half=2)
    quarter = (today.month - 1) // 3  # the finished quarters of this year
    return Period(today.year, quarter=quarter) if quarter else Period(today.year - 1, quarter=4)
