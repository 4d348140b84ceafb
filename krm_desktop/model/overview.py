"""Counts for the start screen: what is open, what is due, what is overdue — as of a given day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from krm_desktop.model.codes import STATUS_OPEN
from krm_desktop.model.deadlines import ClockFacts, DueState, calendar_of, due_status
from krm_desktop.model.entities import Case
from krm_desktop.model.profiles import OfficeProfile


@dataclass(frozen=True)
class Overview:
    open: int
    overdue: int
    due_today: int
    due_this_week: int
    ack_pending: int
    cards_this_year: int


def overview(profile: OfficeProfile, today: date) -> Overview:
    cal = calendar_of(profile)
    week_end = date.fromordinal(today.toordinal() + (6 - today.weekday()))
    rows: Any = (
        Case.select(
            Case.closed,
            Case.ack_due,
            Case.final_due,
            Case.ack_sent,
            Case.interim_sent,
            Case.interim_expected,
            Case.answer_sent,
        )
        .where(Case.status == STATUS_OPEN)
        .tuples()
    )
    open_count = overdue = due_today = due_week = ack_pending = 0
    for row in rows:
        facts = ClockFacts(*row)
        open_count += 1
        status = due_status(facts, today, cal)
        if status.state is DueState.OVERDUE:
            overdue += 1
        if status.due == today:
            due_today += 1
        if status.due is not None and today <= status.due <= week_end:
            due_week += 1
        if facts.ack_due and not facts.ack_sent and not facts.answer_sent:
            ack_pending += 1
    cards = (
        Case.select()
        .where((Case.kind == "meinungskarte") & (Case.received >= date(today.year, 1, 1)) & (Case.received <= today))
        .count()
    )
    return Overview(open_count, overdue, due_today, due_week, ack_pending, cards)
