"""Dienstaufsichtsbeschwerde: the Geschäftsführung's decision, its reclassification, informing the employee.

Same rules as every case service: one transaction, an event with the acting user and day, a version check.
"""

from __future__ import annotations

from datetime import date

from krm_desktop.model import validation as v
from krm_desktop.model.cases import _action_date, _fail, _load_open, _save, log
from krm_desktop.model.codes import DAB_RECLASSIFY_TO, KINDS, label
from krm_desktop.model.entities import Case, Concern, Staff, database
from krm_desktop.model.errors import RefusedError


def _gf(staff_id: int, field: str) -> Staff:
    staff = Staff.get_or_none(Staff.id == staff_id)
    if staff is None or staff.role != "GF":
        raise _fail(field, "Entscheiden kann nur die Geschäftsführung; bitte eine Person mit Funktion GF wählen.")
    return staff


def _require_dab(case: Case) -> None:
    if case.kind != "dienstaufsichtsbeschwerde":
        raise RefusedError(f"{case.ref} ist keine Dienstaufsichtsbeschwerde.")


def decide_dab(
    case_id: int, *, version: int, decision: str, decided_by: int, decided_on: date, today: date, user: str
) -> Case:
    with database.atomic():
        case = _load_open(case_id, version)
        _require_dab(case)
        staff = _gf(decided_by, "decided_by")
        problem = v.required_problem(decision, "Entscheidung") or v.text_problem(decision, "Entscheidung")
        if problem:
            raise _fail("decision", problem)
        _action_date(decided_on, "Datum der Entscheidung", case, today)
        case = _save(case, gf_decision=decision, decided_by=staff, decided_on=decided_on)
        log(
            case.id,
            "dab_decided",
            f"Entscheidung der Geschäftsführung ({staff.name}) am {decided_on:%d.%m.%Y}: {decision}",
            today,
            user,
        )
    return case


def reclassify_dab(
    case_id: int, *, version: int, new_kind: str, reason: str, decided_by: int, decided_on: date, today: date, user: str
) -> Case:
    """GF rates a DAB as Fachaufsichtsbeschwerde or plain Beschwerde; who, when and why are recorded."""
    with database.atomic():
        case = _load_open(case_id, version)
        _require_dab(case)
        staff = _gf(decided_by, "decided_by")
        if new_kind not in DAB_RECLASSIFY_TO:
            raise _fail(
                "kind",
                "Umdeuten lässt sich eine Dienstaufsichtsbeschwerde nur in eine "
                "Fachaufsichtsbeschwerde oder eine Beschwerde.",
            )
        problem = v.required_problem(reason, "Begründung") or v.text_problem(reason, "Begründung")
        if problem:
            raise _fail("reason", problem)
        _action_date(decided_on, "Datum der Entscheidung", case, today)
        Concern.update(kind=new_kind).where((Concern.case == case.id) & (Concern.position == 1)).execute()
        case = _save(case, kind=new_kind, reclassified_from=case.kind, lead="team", gf_due=None)
        log(
            case.id,
            "reclassified",
            f"Von {staff.name} (Geschäftsführung) am {decided_on:%d.%m.%Y} umgedeutet: "
            f"Dienstaufsichtsbeschwerde → {label(KINDS, new_kind)}. Begründung: {reason}",
            today,
            user,
        )
    return case


def inform_employee(case_id: int, *, version: int, informed_on: date, today: date, user: str) -> Case:
    with database.atomic():
        case = _load_open(case_id, version)
        _require_dab(case)
        if not case.gf_decision:
            raise RefusedError("Erst entscheidet die Geschäftsführung; dann wird die/der Beschäftigte informiert.")
        _action_date(informed_on, "Datum der Information", case, today)
        case = _save(case, employee_informed=informed_on)
        log(
            case.id,
            "employee_informed",
            f"Betroffene/r Beschäftigte/r über die Entscheidung informiert am {informed_on:%d.%m.%Y}.",
            today,
            user,
        )
    return case
