"""The dashboard figures: SQL counts over the stored next due item, checked against due_status."""

from __future__ import annotations

from datetime import date, timedelta

from krm_desktop.model.case_list.overview import Overview, overview, week_end
from krm_desktop.model.cases import services as cases
from krm_desktop.model.codes import STATUS_OPEN
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.store.entities import Case
from krm_desktop.model.time.deadlines import ClockFacts, DueState, calendar_of, due_status
from tests import factories as f
from tests.ui.data import make_due_cases


def test_week_end_is_the_sunday_of_the_week() -> None:
    assert week_end(date(2026, 11, 20)) == date(2026, 11, 22)  # Friday
    assert week_end(date(2026, 11, 22)) == date(2026, 11, 22)  # Sunday
    assert week_end(date(2026, 11, 23)) == date(2026, 11, 29)  # Monday


def test_figures_on_the_fixed_day(store) -> None:
    make_due_cases()
    assert overview(load_profile(), f.TODAY) == Overview(
        open=5, overdue=1, due_today=1, due_this_week=1, ack_pending=4, cards_this_year=1
    )


def test_an_empty_database_counts_nothing(store) -> None:
    assert overview(None, f.TODAY) == Overview(0, 0, 0, 0, 0, 0)


def test_acknowledged_cases_count_by_their_answer_and_leave_ack_pending(store) -> None:
    case = f.register(received=date(2026, 11, 9))  # ack due 12.11., answer due 23.11.
    assert overview(None, f.TODAY).overdue == 1
    cases.acknowledge(case.id, version=1, sent_on=date(2026, 11, 10), today=f.TODAY, user=f.USER)
    figures = overview(None, f.TODAY)
    assert (figures.overdue, figures.ack_pending, figures.due_this_week) == (0, 0, 0)
    assert overview(None, date(2026, 11, 23)).due_today == 1  # the answer, on Monday


def test_sql_counts_agree_with_due_status_every_day_of_a_month(store) -> None:
    """The old Python loop over every open case, kept here as the oracle for the SQL counts."""
    for offset in range(0, 40, 3):
        f.register(received=date(2026, 10, 1) + timedelta(days=offset))
    card = f.register(kind="meinungskarte", channel="meinungskarte", person=None, received=date(2026, 1, 5))
    cases.close(card.id, version=1, closed_on=date(2026, 1, 6), today=f.TODAY, user=f.USER)
    cal = calendar_of(load_profile())
    for day in (date(2026, 11, 1) + timedelta(days=n) for n in range(30)):
        overdue = today_count = week = 0
        for c in Case.select().where(Case.status == STATUS_OPEN):
            facts = ClockFacts(
                c.closed, c.ack_due, c.final_due, c.ack_sent, c.interim_sent, c.interim_expected, c.answer_sent
            )
            status = due_status(facts, day, cal)
            overdue += status.state is DueState.OVERDUE
            today_count += status.due == day
            week += status.due is not None and day <= status.due <= week_end(day)
        figures = overview(None, day)
        assert (figures.overdue, figures.due_today, figures.due_this_week) == (overdue, today_count, week), day
        assert figures.cards_this_year == 1
