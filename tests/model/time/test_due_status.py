"""Where a case stands against its deadlines: the due state, its words in the list, the next open item."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.model.time.deadlines import ClockFacts, DueState, DueStatus, due_status, pending
from krm_desktop.model.time.working_days import WorkingCalendar
from tests.conftest import TODAY

D = date.fromisoformat

SH = WorkingCalendar("SH")


def facts(**values: date | str | None) -> ClockFacts:
    base: dict[str, date | None] = dict.fromkeys(
        ("closed", "ack_due", "final_due", "ack_sent", "interim_sent", "interim_expected", "answer_sent")
    )
    base.update({k: D(v) if isinstance(v, str) else v for k, v in values.items()})
    return ClockFacts(**base)


@pytest.mark.parametrize(
    ("today", "ack_due", "state", "text"),
    [
        ("2026-11-20", "2026-11-25", DueState.ON_TRACK, "fällig am 25.11.2026"),  # 3 AT ahead
        ("2026-11-20", "2026-11-24", DueState.DUE_SOON, "fällig am 24.11.2026 (in 2 AT)"),
        ("2026-11-20", "2026-11-23", DueState.DUE_SOON, "fällig am 23.11.2026 (in 1 AT)"),  # over the weekend
        ("2026-11-20", "2026-11-20", DueState.DUE_SOON, "heute fällig"),
        ("2026-11-20", "2026-11-17", DueState.OVERDUE, "überfällig seit 3 AT"),
        ("2026-11-21", "2026-11-20", DueState.OVERDUE, "überfällig seit 1 Tag"),  # Saturday
        ("2026-11-22", "2026-11-20", DueState.OVERDUE, "überfällig seit 2 Tagen"),  # Sunday
        ("2026-11-23", "2026-11-20", DueState.OVERDUE, "überfällig seit 1 AT"),
        ("2026-12-28", "2026-12-23", DueState.OVERDUE, "überfällig seit 1 AT"),  # 24.-27.12. do not count
        ("2026-12-23", "2026-12-28", DueState.DUE_SOON, "fällig am 28.12.2026 (in 1 AT)"),
        ("2026-12-30", "2027-01-05", DueState.DUE_SOON, "fällig am 05.01.2027 (in 2 AT)"),  # 6 days, 2 AT
        ("2026-12-23", "2027-01-05", DueState.ON_TRACK, "fällig am 05.01.2027"),
        ("2026-04-02", "2026-04-08", DueState.DUE_SOON, "fällig am 08.04.2026 (in 2 AT)"),  # over Easter
    ],
)
def test_due_status_words(today: str, ack_due: str, state: DueState, text: str) -> None:
    status = due_status(facts(ack_due=ack_due, final_due="2027-06-30"), D(today), SH)
    assert status == DueStatus(state, "ack", D(ack_due), text)
    assert status.action_label == "Eingangsbestätigung"


def test_due_soon_depends_on_the_states_holidays() -> None:
    f = facts(ack_due="2027-03-10", final_due="2027-03-31")
    assert due_status(f, date(2027, 3, 5), WorkingCalendar("BE")).state is DueState.DUE_SOON  # 9., 10.
    assert due_status(f, date(2027, 3, 5), WorkingCalendar("SH")).state is DueState.ON_TRACK  # 8., 9., 10.


def test_closed_case_is_grey_even_when_a_clock_ran_over() -> None:
    status = due_status(facts(closed="2026-11-10", ack_due="2026-11-05", final_due="2026-11-16"), TODAY, SH)
    assert status == DueStatus(DueState.CLOSED, None, None, "abgeschlossen am 10.11.2026")


def test_no_clock() -> None:
    status = due_status(facts(), TODAY, SH)
    assert status.state is DueState.NO_CLOCK
    assert status.text == "keine Frist"
    assert status.action is None and status.action_label == ""


def test_all_clocks_done_but_case_open() -> None:
    f = facts(ack_due="2026-11-05", final_due="2026-11-16", ack_sent="2026-11-04", answer_sent="2026-11-13")
    assert due_status(f, TODAY, SH) == DueStatus(DueState.ON_TRACK, None, None, "Fristen erledigt")


def test_earliest_open_item_comes_first() -> None:
    f = facts(ack_due="2026-11-23", final_due="2026-11-30")
    assert pending(f) == [("ack", date(2026, 11, 23)), ("answer", date(2026, 11, 30))]
    assert due_status(f, TODAY, SH).action == "ack"


def test_ack_met_on_its_due_date_moves_on_to_the_answer() -> None:
    f = facts(ack_due="2026-11-20", final_due="2026-11-30", ack_sent="2026-11-20")
    status = due_status(f, TODAY, SH)
    assert status == DueStatus(DueState.ON_TRACK, "answer", date(2026, 11, 30), "fällig am 30.11.2026")
    assert status.action_label == "Antwort oder Zwischennachricht"


def test_answer_overdue_without_interim() -> None:
    f = facts(ack_due="2026-11-05", final_due="2026-11-16", ack_sent="2026-11-04")
    assert due_status(f, TODAY, SH) == DueStatus(DueState.OVERDUE, "answer", date(2026, 11, 16), "überfällig seit 4 AT")


def test_answer_before_ack_makes_the_ack_moot() -> None:
    f = facts(ack_due="2026-11-10", final_due="2026-11-23", answer_sent="2026-11-09")
    assert pending(f) == []
    assert due_status(f, TODAY, SH).state is DueState.ON_TRACK


def test_after_an_interim_notice_the_expected_date_is_due() -> None:
    f = facts(
        ack_due="2026-11-05",
        final_due="2026-11-16",
        ack_sent="2026-11-04",
        interim_sent="2026-11-13",
        interim_expected="2026-12-04",
    )
    status = due_status(f, TODAY, SH)
    assert status == DueStatus(DueState.ON_TRACK, "answer_after_interim", date(2026, 12, 4), "fällig am 04.12.2026")
    assert status.action_label == "Antwort (nach Zwischennachricht)"
    late = f._replace(interim_expected=date(2026, 11, 18))
    assert due_status(late, TODAY, SH).text == "überfällig seit 2 AT"


def test_interim_without_expected_date_keeps_the_original_answer_deadline() -> None:
    f = facts(ack_due="2026-11-05", final_due="2026-11-16", ack_sent="2026-11-04", interim_sent="2026-11-13")
    assert pending(f) == [("answer_after_interim", date(2026, 11, 16))]
    assert due_status(f, TODAY, SH).text == "überfällig seit 4 AT"


def test_interim_does_not_excuse_a_missing_ack() -> None:
    f = facts(ack_due="2026-11-05", final_due="2026-11-16", interim_sent="2026-11-13", interim_expected="2026-12-04")
    assert due_status(f, TODAY, SH) == DueStatus(DueState.OVERDUE, "ack", date(2026, 11, 5), "überfällig seit 11 AT")
