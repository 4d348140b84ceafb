"""Dienstaufsichtsbeschwerde: the Geschäftsführung's decision, its reclassification, informing the employee.

Same rules as every case service: one transaction, an event with the acting user and day, a version check;
what the state allows and what the inputs must satisfy are the pure checks of `action_checks`.
"""

from __future__ import annotations

from datetime import date

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases.writes import load_open, log, refuse_if, refuse_unless_available, save
from krm_desktop.model.codes import KINDS, label
from krm_desktop.model.store.entities import Case, Concern, Staff
from krm_desktop.model.store.transactions import write_transaction


def deciding_staff() -> list[Staff]:
    """Who may decide on a DAB: the active members of the Geschäftsführung."""
    return list(Staff.select().where(Staff.active & (Staff.role == "GF")).order_by(Staff.name))


def _staff(staff_id: int | None) -> Staff | None:
    return Staff.get_or_none(Staff.id == staff_id) if staff_id is not None else None


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
    with write_transaction():
        case = load_open(case_id, version)
        refuse_unless_available(case, checks.DECIDE)
        staff = _staff(decided_by)
        refuse_if(
            checks.decision_errors(
                decision=decision,
                decider_role=staff.role if staff else None,
                decided_on=decided_on,
                received=case.received,
                today=today,
            )
        )
        assert staff is not None and decided_on is not None
        case = save(case, gf_decision=decision, decided_by=staff, decided_on=decided_on)
        log(
            case.id,
            "dab_decided",
            f"Entscheidung der Geschäftsführung ({staff.name}) am {decided_on:%d.%m.%Y}: {decision}",
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
        case = load_open(case_id, version)
        refuse_unless_available(case, checks.RECLASSIFY)
        staff = _staff(decided_by)
        refuse_if(
            checks.reclassification_errors(
                new_kind=new_kind,
                reason=reason,
                decider_role=staff.role if staff else None,
                decided_on=decided_on,
                received=case.received,
                today=today,
            )
        )
        assert staff is not None and decided_on is not None and new_kind is not None
        Concern.update(kind=new_kind).where((Concern.case == case.id) & (Concern.position == 1)).execute()
        case = save(case, kind=new_kind, reclassified_from=case.kind, lead="team", gf_due=None)
        log(
            case.id,
            "reclassified",
            f"Von {staff.name} (Geschäftsführung) am {decided_on:%d.%m.%Y} umgedeutet: "
            f"Dienstaufsichtsbeschwerde → {label(KINDS, new_kind)}. Begründung: {reason}",
            today,
            user,
        )
    return case


def inform_employee(case_id: int, *, version: int, informed_on: date | None, today: date, user: str) -> Case:
    """The employee concerned learns the GF's decision (or that the complaint was reclassified)."""
    with write_transaction():
        case = load_open(case_id, version)
        refuse_unless_available(case, checks.INFORM)
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
