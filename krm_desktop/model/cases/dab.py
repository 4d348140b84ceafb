"""Dienstaufsichtsbeschwerde: the Geschäftsführung's decision, its reclassification, informing the employee.

Same rules as every case service: one transaction, an event with the acting user and day, a version check;
what the state allows and what the inputs must satisfy are the pure checks of `action_checks`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases.writes import load_for, log, refuse_if, save
from krm_desktop.model.codes import KINDS, label
from krm_desktop.model.store.entities import Case, Concern, Staff
from krm_desktop.model.store.transactions import write_transaction


def deciding_staff() -> list[Staff]:
    """Who may decide on a DAB: the active members of the Geschäftsführung."""
    return list(Staff.select().where(Staff.active & (Staff.role == "GF")).order_by(Staff.name))


_RULING_ERRORS: dict[str, Callable[..., checks.Errors]] = {
    checks.DECIDE: checks.decision_errors,
    checks.RECLASSIFY: checks.reclassification_errors,
}


def _gf_ruling(
    case_id: int,
    version: int,
    action: str,
    decided_by: int | None,
    decided_on: date | None,
    today: date,
    **inputs: Any,
) -> tuple[Case, Staff, date]:
    """The open case, the deciding member of the GF and the day, once the case's state and the inputs allow `action`
    (the decision or the reclassification)."""
    case = load_for(case_id, version, action)
    staff = Staff.get_or_none(Staff.id == decided_by) if decided_by is not None else None
    refuse_if(
        _RULING_ERRORS[action](
            decider_role=staff.role if staff else None,
            decided_on=decided_on,
            received=case.received,
            today=today,
            **inputs,
        )
    )
    assert staff is not None and decided_on is not None
    return case, staff, decided_on


def decide_dab(
    case_id: int,
    *,
    version: int,
    decision: str,
    decided_by: int | None,
    decided_on: date | None,
    today: date,
    user: str,
) -> Case:
    """The Geschäftsführung decides on a DAB; who, when and what are recorded."""
    with write_transaction():
        case, staff, day = _gf_ruling(case_id, version, checks.DECIDE, decided_by, decided_on, today, decision=decision)
        case = save(case, gf_decision=decision, decided_by=staff, decided_on=day)
        log(
            case.id,
            "dab_decided",
            f"Entscheidung der Geschäftsführung ({staff.name}) am {day:%d.%m.%Y}: {decision}",
            today,
            user,
        )
    return case


def reclassify_dab(
    case_id: int,
    *,
    version: int,
    new_kind: str | None,
    reason: str,
    decided_by: int | None,
    decided_on: date | None,
    today: date,
    user: str,
) -> Case:
    """GF rates a DAB as Fachaufsichtsbeschwerde or plain Beschwerde; who, when and why are recorded."""
    with write_transaction():
        case, staff, day = _gf_ruling(
            case_id, version, checks.RECLASSIFY, decided_by, decided_on, today, new_kind=new_kind, reason=reason
        )
        assert new_kind is not None
        Concern.update(kind=new_kind).where((Concern.case == case.id) & (Concern.position == 1)).execute()
        case = save(case, kind=new_kind, reclassified_from=case.kind, lead="team", gf_due=None)
        log(
            case.id,
            "reclassified",
            f"Von {staff.name} (Geschäftsführung) am {day:%d.%m.%Y} umgedeutet: "
            f"Dienstaufsichtsbeschwerde → {label(KINDS, new_kind)}. Begründung: {reason}",
            today,
            user,
        )
    return case


def inform_employee(case_id: int, *, version: int, informed_on: date | None, today: date, user: str) -> Case:
    """The employee concerned learns the GF's decision (or that the complaint was reclassified)."""
    with write_transaction():
        case = load_for(case_id, version, checks.INFORM)
        refuse_if(
            checks.informed_errors(
                informed_on=informed_on, decided_on=case.decided_on, received=case.received, today=today
            )
        )
        assert informed_on is not None
        case = save(case, employee_informed=informed_on)
        what = "die Entscheidung" if case.gf_decision else "die Umdeutung"
        log(
            case.id,
            "employee_informed",
            f"Betroffene/r Beschäftigte/r über {what} informiert am {informed_on:%d.%m.%Y}.",
            today,
            user,
        )
    return case
