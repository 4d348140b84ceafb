"""The working-day calendar: holidays of SH, NI, BW and BE, closing days, and the counting rules.

Every expected date below was worked out by hand from a wall calendar (weekdays checked with
`datetime`, holidays from the Länder's holiday laws); none is computed with the code under test.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from krm_desktop.model.office.profiles import CALENDAR, DEFAULT_CLOSING_DAYS, WORKING, ClockRule
from krm_desktop.model.time.working_days import WorkingCalendar, calendar_for

D = date.fromisoformat
STATES = ("SH", "NI", "BW", "BE")


def cal(bundesland: str, closing_days: tuple[str, ...] = DEFAULT_CLOSING_DAYS) -> WorkingCalendar:
    return WorkingCalendar(bundesland, closing_days)


# --- is_working_day ------------------------------------------------------------------------------

# (day, {state: working?}) – one row per day, every state spelled out.
WORKING_TABLE = [
    ("2026-11-20", dict(SH=True, NI=True, BW=True, BE=True)),  # plain Friday
    ("2026-11-21", dict(SH=False, NI=False, BW=False, BE=False)),  # Saturday
    ("2026-11-22", dict(SH=False, NI=False, BW=False, BE=False)),  # Sunday
    ("2026-11-18", dict(SH=True, NI=True, BW=True, BE=True)),  # Buß- und Bettag: Saxony only
    ("2026-04-02", dict(SH=True, NI=True, BW=True, BE=True)),  # Maundy Thursday: working day
    ("2026-04-03", dict(SH=False, NI=False, BW=False, BE=False)),  # Good Friday (Easter 5.4.2026)
    ("2026-04-06", dict(SH=False, NI=False, BW=False, BE=False)),  # Easter Monday
    ("2026-04-07", dict(SH=True, NI=True, BW=True, BE=True)),
    ("2027-03-26", dict(SH=False, NI=False, BW=False, BE=False)),  # Good Friday (Easter 28.3.2027)
    ("2027-03-29", dict(SH=False, NI=False, BW=False, BE=False)),  # Easter Monday 2027
    ("2026-05-01", dict(SH=False, NI=False, BW=False, BE=False)),  # Tag der Arbeit (Friday)
    ("2026-05-14", dict(SH=False, NI=False, BW=False, BE=False)),  # Ascension
    ("2026-05-15", dict(SH=True, NI=True, BW=True, BE=True)),  # the bridge day after it: working by default
    ("2026-05-25", dict(SH=False, NI=False, BW=False, BE=False)),  # Whit Monday
    ("2026-06-04", dict(SH=True, NI=True, BW=False, BE=True)),  # Corpus Christi: BW only
    ("2026-01-06", dict(SH=True, NI=True, BW=False, BE=True)),  # Epiphany: BW only
    ("2027-11-01", dict(SH=True, NI=True, BW=False, BE=True)),  # All Saints (Monday): BW only
    ("2025-10-31", dict(SH=False, NI=False, BW=True, BE=True)),  # Reformationstag (Friday): SH, NI since 2018
    ("2018-10-31", dict(SH=False, NI=False, BW=True, BE=True)),  # first year in SH and NI
    ("2016-10-31", dict(SH=True, NI=True, BW=True, BE=True)),  # before 2018: working day (Monday)
    ("2017-10-31", dict(SH=False, NI=False, BW=False, BE=False)),  # 500 years Reformation: nationwide once
    ("2027-03-08", dict(SH=True, NI=True, BW=True, BE=False)),  # Frauentag (Monday): Berlin only
    ("2019-03-08", dict(SH=True, NI=True, BW=True, BE=False)),  # first year in Berlin
    ("2018-03-08", dict(SH=True, NI=True, BW=True, BE=True)),  # before 2019: working day
    ("2025-05-08", dict(SH=True, NI=True, BW=True, BE=False)),  # Berlin one-off: 80 years since liberation
    ("2026-05-08", dict(SH=True, NI=True, BW=True, BE=True)),  # ... not repeated in 2026
    ("2026-10-05", dict(SH=True, NI=True, BW=True, BE=True)),  # 3.10.2026 is a Saturday: no substitute day
    ("2026-12-23", dict(SH=True, NI=True, BW=True, BE=True)),
    ("2026-12-24", dict(SH=False, NI=False, BW=False, BE=False)),  # closing day (default)
    ("2026-12-25", dict(SH=False, NI=False, BW=False, BE=False)),
    ("2026-12-28", dict(SH=True, NI=True, BW=True, BE=True)),
    ("2026-12-31", dict(SH=False, NI=False, BW=False, BE=False)),  # closing day (default)
    ("2027-01-01", dict(SH=False, NI=False, BW=False, BE=False)),
    ("2027-01-04", dict(SH=True, NI=True, BW=True, BE=True)),
]


@pytest.mark.parametrize(("day", "expected"), WORKING_TABLE, ids=[row[0] for row in WORKING_TABLE])
def test_is_working_day_per_state(day: str, expected: dict[str, bool]) -> None:
    got = {state: cal(state).is_working_day(D(day)) for state in STATES}
    assert got == expected


def test_reformation_day_differs_between_north_and_south() -> None:
    # the one day of the table on which SH/NI and BW/BE part ways in 2025
    assert not cal("SH").is_working_day(date(2025, 10, 31))
    assert cal("BW").is_working_day(date(2025, 10, 31))


# --- why_not_working -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "day", "reason"),
    [
        ("SH", "2026-11-21", "Samstag"),
        ("SH", "2026-11-22", "Sonntag"),
        ("SH", "2026-11-20", None),
        ("SH", "2026-04-03", "Feiertag (Karfreitag)"),
        ("NI", "2026-04-06", "Feiertag (Ostermontag)"),
        ("SH", "2026-05-14", "Feiertag (Christi Himmelfahrt)"),
        ("BE", "2026-05-25", "Feiertag (Pfingstmontag)"),
        ("NI", "2025-10-31", "Feiertag (Reformationstag)"),
        ("BW", "2025-10-31", None),
        ("BE", "2027-03-08", "Feiertag (Frauentag)"),
        ("BW", "2026-01-06", "Feiertag (Heilige Drei Könige)"),
        ("BW", "2026-06-04", "Feiertag (Fronleichnam)"),
        ("SH", "2026-12-24", "Schließtag der Dienststelle"),
        ("BE", "2026-12-31", "Schließtag der Dienststelle"),
        ("SH", "2026-12-26", "Samstag"),  # a holiday on a Saturday is named as the weekend day
    ],
)
def test_why_not_working(state: str, day: str, reason: str | None) -> None:
    assert cal(state).why_not_working(D(day)) == reason


def test_why_not_working_names_a_brueckentag() -> None:
    office = cal("SH", ("12-24", "12-31", "2026-05-15"))
    assert office.why_not_working(date(2026, 5, 15)) == "Schließtag der Dienststelle"
    assert office.why_not_working(date(2027, 5, 14)) is None  # the one-off day does not recur (Fri 14.5.2027)


# --- next_working_day ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "day", "expected"),
    [
        ("SH", "2026-11-20", "2026-11-20"),  # a working day stays
        ("SH", "2026-11-21", "2026-11-23"),  # Saturday -> Monday
        ("SH", "2026-04-03", "2026-04-07"),  # Good Friday -> over Easter -> Tuesday
        ("NI", "2026-12-24", "2026-12-28"),  # closing day, Christmas, weekend
        ("SH", "2026-12-31", "2027-01-04"),  # closing day, New Year, weekend
        ("BW", "2026-01-06", "2026-01-07"),
        ("SH", "2026-01-06", "2026-01-06"),
        ("BE", "2027-03-06", "2027-03-09"),  # Saturday, Sunday, Frauentag
        ("SH", "2027-03-06", "2027-03-08"),
    ],
)
def test_next_working_day(state: str, day: str, expected: str) -> None:
    assert cal(state).next_working_day(D(day)) == D(expected)


# --- "N Arbeitstage": receipt = day 0 -----------------------------------------------------------

ADD_TABLE = [
    # (state, start, n, expected)
    ("SH", "2026-11-02", 3, "2026-11-05"),  # Mon -> Thu
    ("SH", "2026-11-20", 3, "2026-11-25"),  # Fri -> Wed
    ("SH", "2026-11-07", 3, "2026-11-11"),  # received Saturday: still day 0
    ("NI", "2026-11-08", 3, "2026-11-11"),  # received Sunday: still day 0
    ("SH", "2026-11-07", 0, "2026-11-07"),  # 0 days: the receipt itself, even on a Saturday
    ("SH", "2026-11-02", 1, "2026-11-03"),
    # Easter 2026 (Good Friday 3.4., Easter Monday 6.4.)
    ("SH", "2026-04-01", 3, "2026-04-08"),
    ("NI", "2026-04-01", 3, "2026-04-08"),
    ("BW", "2026-04-01", 3, "2026-04-08"),
    ("BE", "2026-04-01", 3, "2026-04-08"),
    ("SH", "2026-04-02", 1, "2026-04-07"),
    ("BE", "2026-04-02", 3, "2026-04-09"),
    # Easter 2027 (Good Friday 26.3., Easter Monday 29.3.)
    ("NI", "2027-03-25", 3, "2027-04-01"),
    ("BE", "2027-03-22", 10, "2027-04-07"),
    # Ascension 14.5.2026, Whit Monday 25.5.2026
    ("SH", "2026-05-12", 3, "2026-05-18"),
    ("BW", "2026-05-12", 3, "2026-05-18"),
    ("NI", "2026-05-21", 3, "2026-05-27"),
    ("BE", "2026-05-21", 3, "2026-05-27"),
    ("BE", "2026-05-11", 10, "2026-05-27"),
    # Reformationstag 31.10.2025 (Friday): SH, NI only
    ("SH", "2025-10-29", 3, "2025-11-04"),
    ("NI", "2025-10-29", 3, "2025-11-04"),
    ("BW", "2025-10-29", 3, "2025-11-03"),
    ("BE", "2025-10-29", 3, "2025-11-03"),
    # Frauentag 8.3.2027 (Monday): BE only
    ("BE", "2027-03-04", 3, "2027-03-10"),
    ("SH", "2027-03-04", 3, "2027-03-09"),
    ("BE", "2027-03-04", 10, "2027-03-19"),
    ("SH", "2027-03-04", 10, "2027-03-18"),
    # Epiphany 6.1.2026 and Corpus Christi 4.6.2026: BW only
    ("BW", "2026-01-02", 3, "2026-01-08"),
    ("NI", "2026-01-02", 3, "2026-01-07"),
    ("BW", "2026-06-02", 3, "2026-06-08"),
    ("SH", "2026-06-02", 3, "2026-06-05"),
    ("BW", "2026-06-01", 10, "2026-06-16"),
    ("BE", "2026-06-01", 10, "2026-06-15"),
    # year end with the default closing days 24.12. and 31.12.
    ("SH", "2026-12-22", 3, "2026-12-29"),
    ("BE", "2026-12-29", 3, "2027-01-05"),
    ("BW", "2026-12-29", 3, "2027-01-05"),
    ("BW", "2026-12-30", 3, "2027-01-07"),  # ... and Epiphany in BW
    ("NI", "2026-12-30", 3, "2027-01-06"),
    ("BE", "2026-12-14", 10, "2026-12-30"),
    ("SH", "2025-12-23", 3, "2026-01-02"),
]


@pytest.mark.parametrize(("state", "start", "n", "expected"), ADD_TABLE)
def test_add_working_days(state: str, start: str, n: int, expected: str) -> None:
    assert cal(state).add_working_days(D(start), n) == D(expected)


# --- working_days_between: after < d <= until ----------------------------------------------------


@pytest.mark.parametrize(
    ("state", "after", "until", "expected"),
    [
        ("SH", "2026-11-02", "2026-11-05", 3),
        ("SH", "2026-11-02", "2026-11-02", 0),
        ("SH", "2026-11-05", "2026-11-02", 0),  # until before after
        ("SH", "2026-11-20", "2026-11-22", 0),  # Friday to Sunday
        ("SH", "2026-11-20", "2026-11-23", 1),
        ("SH", "2026-04-02", "2026-04-07", 1),  # over Easter
        ("SH", "2026-12-23", "2027-01-04", 4),  # 28., 29., 30.12., 4.1.
        ("BW", "2026-01-05", "2026-01-07", 1),
        ("SH", "2026-01-05", "2026-01-07", 2),
        ("BE", "2027-03-05", "2027-03-09", 1),
        ("NI", "2027-03-05", "2027-03-09", 2),
    ],
)
def test_working_days_between(state: str, after: str, until: str, expected: int) -> None:
    assert cal(state).working_days_between(D(after), D(until)) == expected


# --- due_date: "N Kalendertage" with and without the shift ---------------------------------------

KT14 = ClockRule(14, CALENDAR)

KT_TABLE = [
    # (state, received, expected with shift, expected without shift)
    ("SH", "2026-11-02", "2026-11-16", "2026-11-16"),
    ("SH", "2026-11-07", "2026-11-23", "2026-11-21"),  # ends on a Saturday
    ("SH", "2026-03-20", "2026-04-07", "2026-04-03"),  # ends on Good Friday
    ("BE", "2026-03-23", "2026-04-07", "2026-04-06"),  # ends on Easter Monday
    ("NI", "2026-05-11", "2026-05-26", "2026-05-25"),  # ends on Whit Monday
    ("BW", "2026-04-30", "2026-05-15", "2026-05-14"),  # ends on Ascension
    ("SH", "2025-10-17", "2025-11-03", "2025-10-31"),  # Reformationstag
    ("NI", "2025-10-17", "2025-11-03", "2025-10-31"),
    ("BW", "2025-10-17", "2025-10-31", "2025-10-31"),
    ("BE", "2025-10-17", "2025-10-31", "2025-10-31"),
    ("BE", "2027-02-22", "2027-03-09", "2027-03-08"),  # Frauentag
    ("SH", "2027-02-22", "2027-03-08", "2027-03-08"),
    ("BW", "2026-05-21", "2026-06-05", "2026-06-04"),  # Corpus Christi
    ("NI", "2026-05-21", "2026-06-04", "2026-06-04"),
    ("BW", "2025-12-23", "2026-01-07", "2026-01-06"),  # Epiphany
    ("BE", "2025-12-23", "2026-01-06", "2026-01-06"),
    ("SH", "2026-12-10", "2026-12-28", "2026-12-24"),  # ends on the closing day 24.12.
    ("NI", "2026-12-17", "2027-01-04", "2026-12-31"),  # ends on the closing day 31.12.
]


@pytest.mark.parametrize(("state", "received", "shifted", "unshifted"), KT_TABLE)
def test_calendar_day_rule(state: str, received: str, shifted: str, unshifted: str) -> None:
    office = cal(state)
    assert office.due_date(D(received), KT14, shift_to_working_day=True) == D(shifted)
    assert office.due_date(D(received), KT14, shift_to_working_day=False) == D(unshifted)


def test_seven_calendar_days_over_christmas() -> None:
    assert cal("NI").due_date(date(2026, 12, 18), ClockRule(7, CALENDAR)) == date(2026, 12, 28)


def test_working_day_rule_ignores_the_shift_switch() -> None:
    office = cal("SH")
    rule = ClockRule(3, WORKING)
    assert office.due_date(date(2026, 11, 7), rule, True) == date(2026, 11, 11)
    assert office.due_date(date(2026, 11, 7), rule, False) == date(2026, 11, 11)


# --- the office's own closing days ---------------------------------------------------------------


def test_brueckentag_added_by_the_office() -> None:
    office = cal("SH", ("12-24", "12-31", "2026-05-15"))
    assert not office.is_working_day(date(2026, 5, 15))
    assert office.add_working_days(date(2026, 5, 12), 3) == date(2026, 5, 19)  # 13., 18., 19.
    assert office.add_working_days(date(2026, 5, 11), 10) == date(2026, 5, 28)
    assert office.due_date(date(2026, 4, 30), KT14) == date(2026, 5, 18)  # Ascension, bridge day, weekend
    assert office.working_days_between(date(2026, 5, 13), date(2026, 5, 18)) == 1


def test_office_that_works_on_24_december() -> None:
    office = cal("SH", ("12-31",))
    assert office.is_working_day(date(2026, 12, 24))
    assert office.add_working_days(date(2026, 12, 22), 3) == date(2026, 12, 28)  # 23., 24., 28.
    assert office.due_date(date(2026, 12, 10), KT14) == date(2026, 12, 24)
    assert not office.is_working_day(date(2026, 12, 31))
    assert office.why_not_working(date(2026, 12, 24)) is None


def test_office_without_any_closing_day() -> None:
    office = cal("BE", ())
    assert office.is_working_day(date(2026, 12, 24))
    assert office.is_working_day(date(2026, 12, 31))
    assert office.add_working_days(date(2026, 12, 29), 3) == date(2027, 1, 4)  # 30., 31.12., 4.1.


def test_recurring_closing_day_applies_every_year_and_29_february_only_in_leap_years() -> None:
    office = cal("SH", ("12-24", "12-31", "06-15", "02-29"))
    assert not office.is_working_day(date(2026, 6, 15))  # Monday
    assert not office.is_working_day(date(2027, 6, 15))  # Tuesday
    assert not office.is_working_day(date(2028, 2, 29))  # Tuesday of a leap year
    assert office.is_working_day(date(2027, 3, 1))  # no 29.2.2027: nothing is closed instead


def test_calendar_for_is_cached_per_state_and_closing_days() -> None:
    assert calendar_for("SH", DEFAULT_CLOSING_DAYS) is calendar_for("SH", DEFAULT_CLOSING_DAYS)
    assert calendar_for("SH", ("12-31",)) is not calendar_for("SH", DEFAULT_CLOSING_DAYS)
    assert calendar_for("SH", ("12-31",)).is_working_day(date(2026, 12, 24))


# --- properties ----------------------------------------------------------------------------------

days = st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31))
states = st.sampled_from(STATES)
CLOSINGS = [DEFAULT_CLOSING_DAYS, ("12-31",), ("12-24", "12-31", "2026-05-15"), ()]
closings = st.sampled_from(CLOSINGS)
CALS = {(s, c): WorkingCalendar(s, c) for s in STATES for c in CLOSINGS}


@settings(max_examples=150, deadline=None)
@given(state=states, closing=closings, start=days, n=st.integers(min_value=1, max_value=40))
def test_property_add_working_days(state: str, closing: tuple[str, ...], start: date, n: int) -> None:
    office = CALS[(state, closing)]
    due = office.add_working_days(start, n)
    assert office.is_working_day(due)
    assert due > start
    assert office.working_days_between(start, due) == n
    assert office.working_days_between(start, due - timedelta(days=1)) == n - 1
    assert office.add_working_days(start, n + 1) > due


@settings(max_examples=150, deadline=None)
@given(state=states, closing=closings, start=days, n=st.integers(min_value=0, max_value=60))
def test_property_calendar_rule(state: str, closing: tuple[str, ...], start: date, n: int) -> None:
    office = CALS[(state, closing)]
    rule = ClockRule(n, CALENDAR)
    plain = start + timedelta(days=n)
    shifted = office.due_date(start, rule, True)
    assert shifted >= plain
    assert office.is_working_day(shifted)
    assert office.working_days_between(plain, shifted - timedelta(days=1)) == 0  # nothing skipped
    assert office.due_date(start, rule, False) == plain
    if office.is_working_day(plain):
        assert shifted == plain


@settings(max_examples=100, deadline=None)
@given(state=states, day=days)
def test_property_next_working_day(state: str, day: date) -> None:
    office = CALS[(state, DEFAULT_CLOSING_DAYS)]
    nxt = office.next_working_day(day)
    assert office.is_working_day(nxt)
    assert day <= nxt <= day + timedelta(days=6)
    assert (nxt == day) == office.is_working_day(day)
    assert office.working_days_between(day - timedelta(days=1), nxt - timedelta(days=1)) == 0
