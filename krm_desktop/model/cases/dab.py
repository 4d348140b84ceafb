"""Dienstaufsichtsbeschwerde: the Geschäftsführung's decision, its reclassification, informing the employee.

Same rules as every case service: one transaction, an event with the acting user and day, a version check;
what each action does is computed by the pure `transitions`, with the checks of `action_checks`.
"""

from __future__ import annotations

from datetime import date

from krm_desktop.model.cases import dab_transitions
from krm_desktop.model.cases.writes import apply, case_fields, load_open, staff_member
from krm_desktop.model.store.entities import Case, Staff
from krm_desktop.model.store.transactions import write_transaction


def deciding_staff() -> list[Staff]:
    """Who may decide on a DAB: the active members of the Geschäftsführung."""
    return list(Staff.select().where(Staff.active & (Staff.role == "GF")).order_by(Staff.name))


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
        case = load_open(case_id, version)
        change = dab_transitions.decide_dab(
            case_fields(case),
            decision=decision,
            decider=staff_member(decided_by, "decided_by"),
            decided_on=decided_on,
            today=today,
        )
        return apply(case, change, today, user)


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
    """GF rates a DAB as Fachaufsichtsbeschwerde or plain Beschwerde; who, when and why are recorded. The case
    then goes on as that kind: team lead, Eskalationsstufe 1, signed by the Teamleitung (`transitions`)."""
    with write_transaction():
        case = load_open(case_id, version)
        change = dab_transitions.reclassify_dab(
            case_fields(case),
            new_kind=new_kind,
            reason=reason,
            decider=staff_member(decided_by, "decided_by"),
            decided_on=decided_on,
            today=today,
        )
        return apply(case, change, today, user)


def inform_employee(case_id: int, *, version: int, informed_on: date | None, today: date, user: str) -> Case:
    """The employee concerned learns the GF's decision on the DAB."""
    with write_transaction():
        case = load_open(case_id, version)
        change = dab_transitions.inform_employee(case_fields(case), informed_on=informed_on, today=today)
        return apply(case, change, today, user)
