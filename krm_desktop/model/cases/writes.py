"""How every case service writes: load with a version check, save only if nobody saved meanwhile, log an event.

Shared by `services`, `closing` and `dab`. What an action does is computed by the pure core (`transitions`);
`apply` stores it. Every change is one short write transaction (`transactions.write_transaction`: waits out a
busy file, says a database fault in German) that writes an event and bumps the case's optimistic `version`; a
stale version is refused, nothing overwritten.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from playhouse.shortcuts import model_to_dict

from krm_desktop.model.cases.transitions import Change, Fields, StaffMember, saved_fields
from krm_desktop.model.codes import STATUS_OPEN
from krm_desktop.model.errors import ConflictError, RefusedError, ValidationError
from krm_desktop.model.store.entities import Case, Concern, Event, Staff, Statement


def stamp(today: date) -> datetime:
    # The model never reads the wall clock: an event is stamped with the business day it was done on.
    return datetime.combine(today, time.min)


def event_fields(case_id: int, action: str, text: str, today: date, user: str) -> Fields:
    """The row of a history entry."""
    return {"case": case_id, "at": stamp(today), "on_day": today, "actor": user, "action": action, "text": text}


def log(case_id: int, action: str, text: str, today: date, user: str) -> None:
    Event.create(**event_fields(case_id, action, text, today, user))


def field_error(field: str, message: str) -> ValidationError:
    return ValidationError({field: message})


def conflict_message(ref: str) -> str:
    return (
        f"{ref} wurde inzwischen an einem anderen Platz geändert. Ihre Eingaben bleiben erhalten; "
        "bitte laden Sie den Fall neu und übertragen Sie sie dann."
    )


def load(case_id: int, version: int) -> Case:
    case = Case.get_or_none(Case.id == case_id)
    if case is None:
        raise RefusedError("Diese Kundenreaktion gibt es nicht mehr (gelöscht).")
    if case.version != version:
        raise ConflictError(conflict_message(case.ref))
    return case


def load_open(case_id: int, version: int) -> Case:
    case = load(case_id, version)
    if case.status != STATUS_OPEN:
        raise RefusedError(f"{case.ref} ist abgeschlossen; dafür ist eine Folgereaktion anzulegen.")
    if case.anonymised:
        raise RefusedError(f"{case.ref} ist anonymisiert und kann nicht mehr bearbeitet werden.")
    return case


def case_fields(case: Case) -> Fields:
    """The case's stored fields as `transitions` takes them: by field name, a foreign key by its id."""
    return model_to_dict(case, recurse=False)


def staff_member(staff_id: int | None, field: str) -> StaffMember | None:
    """The person chosen now to sign or decide (the form's `field`): only an active one, as the lists offer."""
    staff = Staff.get_or_none(Staff.id == staff_id) if staff_id is not None else None
    if staff is not None and not staff.active:
        raise ValidationError(
            {
                field: f"{staff.name} ist nicht mehr aktiv (Einstellungen → Personen). Bitte wählen Sie eine andere Person."
            }
        )
    return StaffMember(staff.id, staff.name, staff.role, staff.team_id) if staff else None


def save(case: Case, **changes: Any) -> Case:
    """Write the changes (a foreign key by its id) only if nobody saved the case meanwhile.

    Returns the case as stored now without reading it again: the update found the row at the loaded version,
    so it holds the loaded fields with these changes. Related rows are read when asked for, as after a load.
    """
    fields = case_fields(case)
    values = saved_fields(fields, changes)
    updated = Case.update(**values).where((Case.id == case.id) & (Case.version == case.version)).execute()
    if updated != 1:
        raise ConflictError(conflict_message(case.ref))
    return Case(**{**fields, **values})


def apply(case: Case, change: Change, today: date, user: str) -> Case:
    """Store what an action does (a `transitions.Change`): its concerns' changes and statement, the case's fields
    with the version check, its history entries."""
    for position, values in change.concerns.items():
        Concern.update(**values).where((Concern.case == case.id) & (Concern.position == position)).execute()
    if change.statement is not None:
        Statement.create(case=case.id, **change.statement)
    case = save(case, **change.fields)
    for entry in change.entries:
        log(case.id, entry.action, entry.text, today, user)
    return case
