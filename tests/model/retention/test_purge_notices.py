"""Zur Kenntnis names employees and managers: personal data. The purge removes them with the statements when it
anonymises a case (the history keeps that someone was informed, and when), and with the case when it deletes it."""

from __future__ import annotations

from datetime import date

from krm_desktop.model.cases import notices
from krm_desktop.model.cases.notice_checks import Recipient
from krm_desktop.model.retention import purge as retention
from krm_desktop.model.retention.purge import execute_purge
from krm_desktop.model.retention.purge_plan import plan_purge
from krm_desktop.model.store.entities import Case, Event, Notice
from tests import factories as f
from tests.model import retention_data as rd

CLOSED = date(2023, 5, 10)


def closed_case_with_notice() -> Case:
    case = rd.closed_case(CLOSED)
    notices.record_notices(
        case.id,
        version=Case.get_by_id(case.id).version,
        informed_on=CLOSED,
        recipients=[Recipient("Jens Brandt", "TL", None, True, "Antwort von GF schlussgezeichnet")],
        today=CLOSED,
        user=f.USER,
    )
    return case


def test_anonymisation_removes_who_was_informed_and_keeps_that_it_happened(store) -> None:
    case = closed_case_with_notice()
    execute_purge(plan_purge(date(2025, 12, 31)), today=date(2025, 12, 31), user=f.USER)
    assert Case.get_by_id(case.id).anonymised
    assert not Notice.select().where(Notice.case == case.id).exists()
    [event] = Event.select().where((Event.case == case.id) & (Event.action == "notice"))
    assert (event.on_day, event.actor, event.text) == (CLOSED, "", retention.EVENT_LABELS["notice"])
    assert "Brandt" not in event.text


def test_deletion_removes_them_with_the_case(store) -> None:
    case = closed_case_with_notice()
    execute_purge(plan_purge(date(2031, 12, 31)), today=date(2031, 12, 31), user=f.USER)
    assert Case.get_or_none(Case.id == case.id) is None
    assert Notice.select().count() == 0
