"""Pankow's Anlage 2 (Konzept 4.4.2): a case that is one of the "vorlagepflichtige Fälle" goes to the GF for a
decision. Marking it "vorlagepflichtig" on a day starts the Vorlage-an-GF clock by the office's GF rule (the same
working day, `deadlines.gf_due_from`), shown and overdue in the list as for petitions; recording "Vorgelegt an
GF" (`services.present_to_gf`) stops it. Only where the office's profile offers the mark (`gf_required_mark`).

Which case allows the mark and why not, the pure transition, and the service.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from krm_desktop.model.cases import input_checks as inputs
from krm_desktop.model.cases.transitions import Change, Entry, Fields, refuse_if
from krm_desktop.model.cases.writes import apply, case_fields, load
from krm_desktop.model.codes import GF_KINDS, KINDS, STATUS_OPEN, label
from krm_desktop.model.errors import RefusedError
from krm_desktop.model.office.profiles import OfficeProfile, load_profile
from krm_desktop.model.store.transactions import write_transaction
from krm_desktop.model.time.deadlines import gf_due_from

MARK_GF_REQUIRED = "mark_gf_required"  # the Vorgang action "Als vorlagepflichtig markieren"
SETTINGS_HINT = "(Einstellungen › Fristen und Regeln › Zur Kenntnis)"


def _d(value: date) -> str:
    return f"{value:%d.%m.%Y}"


def mark_reason(fields: Mapping[str, Any], profile: OfficeProfile) -> str | None:
    """Why this case cannot be marked "vorlagepflichtig" (German), or None when it can."""
    ref = fields["ref"]
    if not profile.gf_required_mark:
        return f"Vorlagepflichtige Fälle (Anlage 2) sieht die Dienstanweisung dieser Dienststelle nicht vor {SETTINGS_HINT}."
    if fields["anonymised"]:
        return f"{ref} ist anonymisiert und kann nicht mehr bearbeitet werden."
    if fields["status"] != STATUS_OPEN:
        return f"{ref} ist abgeschlossen; dafür ist eine Folgereaktion anzulegen."
    if fields["gf_required_on"]:
        return f"{ref} ist bereits seit {_d(fields['gf_required_on'])} als vorlagepflichtig markiert."
    if fields["kind"] in GF_KINDS:
        return (
            f"{ref} ist eine {label(KINDS, fields['kind'])}: sie geht ohnehin am Tag des Eingangs an die "
            "Geschäftsführung (Frist „Vorlage an GF“)."
        )
    if fields["gf_presented"]:
        return f"{ref} ist der Geschäftsführung bereits am {_d(fields['gf_presented'])} vorgelegt."
    if fields["kind"] == "meinungskarte":
        return "Meinungskarten werden der Geschäftsführung nicht vorgelegt."
    return None


def mark(fields: Fields, *, marked_on: date | None, today: date, profile: OfficeProfile) -> Change:
    """Mark the case "vorlagepflichtig" on `marked_on`: the Vorlage an GF is due by the office's GF rule."""
    if reason := mark_reason(fields, profile):
        raise RefusedError(reason)
    refuse_if(
        inputs.collect(
            {"marked_on": inputs.action_date_problem(marked_on, "Vorlagepflichtig seit", fields["received"], today)}
        )
    )
    assert marked_on is not None
    due = gf_due_from(profile, marked_on)
    text = (
        f"Als vorlagepflichtig markiert (Anlage 2) am {_d(marked_on)}: "
        f"Vorlage an die Geschäftsführung zur Entscheidung fällig am {_d(due)}."
    )
    return Change({"gf_required_on": marked_on, "gf_due": due}, (Entry("gf_required", text),))


def mark_gf_required(
    case_id: int,
    *,
    version: int,
    marked_on: date | None,
    today: date,
    user: str,
    profile: OfficeProfile | None = None,
) -> Any:
    """Store the mark (the acting `user` in the history); refused in German, nothing changed."""
    with write_transaction():
        case = load(case_id, version)
        change = mark(case_fields(case), marked_on=marked_on, today=today, profile=profile or load_profile())
        return apply(case, change, today, user)
