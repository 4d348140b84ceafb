"""How every case service writes: load with a version check, save only if nobody saved meanwhile, log an event.

Shared by `cases`, `closing` and `dab`. Every change is one short write transaction (`transactions.
write_transaction`: waits out a busy file, says a database fault in German) that writes an event and bumps the
case's optimistic `version`; a stale version is refused, nothing overwritten.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.codes import STATUS_OPEN
from krm_desktop.model.errors import ConflictError, RefusedError, ValidationError
from krm_desktop.model.store.entities import Case, Event
from krm_desktop.model.time.deadlines import CLOCK_FIELDS, ClockFacts, next_due


def stamp(today: date) -> datetime:
    # The model never reads the wall clock: an event is stamped with the business day it was done on.
    return datetime.combine(today, time.min)


def log(case_id: int, action: str, text: str, today: date, user: str) -> None:
    Event.create(case=case_id, at=stamp(today), on_day=today, actor=user, action=action, text=text)


def field_error(field: str, message: str) -> ValidationError:
    return ValidationError({field: message})


def refuse_if(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


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


def load_for(case_id: int, version: int, action: str) -> Case:
    """The open case, refused unless its state allows `action`: the same rule the menus use to enable an action
    (action_checks.available_actions)."""
    case = load_open(case_id, version)
    reason = checks.unavailable_reason(checks.ActionFacts.of(case), action)
    if reason:
        raise RefusedError(reason)
    return case


def clock_fields(values: dict[str, Any]) -> dict[str, Any]:
    """next_action/next_due for a case whose clock-relevant fields are `values`."""
    action, due = next_due(ClockFacts(*(values.get(name) for name in CLOCK_FIELDS)))
    return {"next_action": action, "next_due": due}


def save(case: Case, **changes: Any) -> Case:
    """Write the changes only if nobody saved the case meanwhile."""
    changes.update(clock_fields({name: changes.get(name, getattr(case, name)) for name in CLOCK_FIELDS}))
    updated = (
        Case.update(**changes, version=Case.version + 1)
        .where((Case.id == case.id) & (Case.version == case.version))
        .execute()
    )
    if updated != 1:
        raise ConflictError(conflict_message(case.ref))
    return Case.get_by_id(case.id)
