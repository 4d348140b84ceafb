"""Berichtigung (Art. 16 DSGVO): correct one person's data across their cases in one step.

The person comes from `persons.find_persons`, with the versions of every case and party row as they were
read. The correction checks the new values like intake does (`party.party_errors`), then writes the changed
fields into the person's rows of the chosen cases in ONE transaction, bumps each case's optimistic version
(so an edit form open elsewhere cannot overwrite the correction unnoticed) and writes a history entry in
each case. A row saved elsewhere meanwhile refuses the whole correction; nothing is changed.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date, datetime, time
from typing import Any

from krm_desktop.model import validation as v
from krm_desktop.model.cases.party import PartyRecord, party_errors
from krm_desktop.model.codes import PARTY_ROLES
from krm_desktop.model.errors import ConflictError, ValidationError
from krm_desktop.model.persons.person import Person
from krm_desktop.model.store.entities import Case, Event, Party
from krm_desktop.model.store.transactions import write_transaction

CORRECTABLE = ("salutation", "name", "street", "postcode", "city", "email", "phone", "customer_no", "bg_no")
FIELD_LABELS = {
    "salutation": "Anrede",
    "name": "Name",
    "street": "Straße",
    "postcode": "PLZ",
    "city": "Ort",
    "email": "E-Mail",
    "phone": "Telefon",
    "customer_no": "Kundennummer",
    "bg_no": "BG-Nummer",
}


def correction_errors(person: Person, changes: Mapping[str, Any], reason: str) -> dict[str, str]:
    """field -> German message for a correction that cannot be stored."""
    errors: dict[str, str] = {}
    unknown = [name for name in changes if name not in CORRECTABLE]
    if unknown:
        errors[unknown[0]] = f"„{unknown[0]}“ lässt sich nicht berichtigen."
    if person.employee and any(name != "name" for name in changes):
        errors["name"] = "Bei der/dem betroffenen Beschäftigten ist nur der Name gespeichert."
    if not changes:
        errors["person"] = "Es ist keine Änderung eingegeben."
    problem = v.required_problem(reason, "Anlass der Berichtigung") or v.text_problem(
        reason, "Anlass der Berichtigung", max_len=500, multiline=False
    )
    if problem:
        errors["reason"] = problem
    if changes and not set(errors) - {"reason"}:  # every problem at once: the fields' and the reason's
        errors.update(
            {k.removeprefix("person."): m for k, m in party_errors(_corrected(person, changes), "person").items()}
        )
    return errors


def _corrected(person: Person, changes: Mapping[str, Any]) -> PartyRecord:
    latest = person.latest
    values = {name: getattr(latest, name) for name in CORRECTABLE}
    values.update(changes)
    clean = {k: (x.strip() if isinstance(x, str) else x) for k, x in values.items()}
    role = latest.role if latest.role in PARTY_ROLES else "kunde"
    return PartyRecord(role=role, **clean)


def correct_person(
    person: Person,
    changes: Mapping[str, Any],
    *,
    reason: str,
    today: date,
    user: str,
    case_ids: Collection[int] | None = None,
) -> list[str]:
    """Write the changed fields into the person's rows of the chosen cases (default: all) in one transaction.

    Every case gets a history entry naming the corrected fields and the reason (not the old values: they were
    wrong, and keeping them would keep the error). A case or party row saved elsewhere since the search was
    made is refused and nothing is changed. Returns the references of the corrected cases.
    """
    errors = correction_errors(person, changes, reason)
    if errors:
        raise ValidationError(errors)
    chosen = [c for c in person.cases if case_ids is None or c.case_id in case_ids]
    if not chosen:
        raise ValidationError({"cases": "Bitte mindestens eine Kundenreaktion wählen, in der berichtigt wird."})
    party = _corrected(person, changes)
    fields = {name: getattr(party, name) for name in changes}
    if person.employee:
        fields = {"employee_concerned": party.name}
    labels = ", ".join(FIELD_LABELS[name] for name in CORRECTABLE if name in changes)
    done: set[int] = set()
    refs: list[str] = []
    with write_transaction():
        for case in chosen:
            case_fields = fields if person.employee else {}
            updated = (
                Case.update(**case_fields, version=Case.version + 1)
                .where((Case.id == case.case_id) & (Case.version == case.case_version) & (Case.anonymised == False))  # noqa: E712
                .execute()
            )
            if updated != 1:
                raise _stale(case.ref)
            if case.party_id is not None and case.party_id not in done:
                updated = (
                    Party.update(**fields, version=Party.version + 1)
                    .where((Party.id == case.party_id) & (Party.version == case.party_version))
                    .execute()
                )
                if updated != 1:
                    raise _stale(case.ref)
                done.add(case.party_id)
            text = f"Personendaten berichtigt (Art. 16 DSGVO), {case.role_label}: {labels}. Anlass: {reason.strip()}"
            Event.create(case=case.case_id, at=_stamp(today), on_day=today, actor=user, action="corrected", text=text)
            if case.ref not in refs:
                refs.append(case.ref)
    return refs


def _stale(ref: str) -> ConflictError:
    return ConflictError(
        f"{ref} wurde inzwischen an einem anderen Platz geändert; es wurde nichts berichtigt. Ihre Eingaben "
        "bleiben erhalten: bitte die Person neu suchen und die Berichtigung dann speichern."
    )


def _stamp(today: date) -> datetime:
    return datetime.combine(today, time.min)
