"""The Aktenvermerk for the E-Akte/VerBIS (issue 19; Lübeck, Schwäbisch Hall, Pankow).

Where a Kundenreaktion holds benefit- or placement-relevant facts (or was settled by phone or in person), the
office makes a short note for the customer's E-Akte or VerBIS record; the reaction itself stays in the KRM only.
The case records that the note was made: on which day (`Case.file_note_on`) and by whom (`Case.file_note_by`, the
acting person). Only where the office's profile says it keeps such notes (`file_notes`).

`file_note_reason` and `file_note_errors` are the pure checks, `note_file` the pure transition (fields in, a
`Change` out, or a German refusal); `record_file_note` is the service (version check, history entry).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from krm_desktop.model import validation as v
from krm_desktop.model.cases.transitions import Change, Entry
from krm_desktop.model.cases.writes import apply, case_fields, load
from krm_desktop.model.errors import RefusedError, ValidationError
from krm_desktop.model.office.profiles import OfficeProfile, load_profile
from krm_desktop.model.store.entities import Case
from krm_desktop.model.store.transactions import write_transaction

FILE_NOTE = "file_note"  # the Vorgang action's code and its history entry
TITLE = "Vermerk für E-Akte/VerBIS"
NOT_KEPT = (
    "Diese Dienststelle erfasst keine Vermerke für die E-Akte/VerBIS (Einstellungen → Fristen und Regeln → "
    "Ablage und Vermerke)."
)


def file_note_text(made_on: date | None, made_by: str) -> str:
    """ "Vermerk für E-Akte/VerBIS erstellt am 12.11.2026 von Petra Ohlsen"; "" when none was made."""
    if made_on is None:
        return ""
    by = f" von {made_by}" if made_by else ""
    return f"{TITLE} erstellt am {made_on:%d.%m.%Y}{by}"


def file_note_reason(fields: Mapping[str, Any], profile: OfficeProfile) -> str | None:
    """Why no note can be recorded for this case (German), or None. Open and closed cases alike: the
    Erledigungsvermerk is often made when the matter is done."""
    if not profile.file_notes:
        return NOT_KEPT
    if fields["anonymised"]:
        return f"{fields['ref']} ist anonymisiert; ein Vermerk wird nicht mehr erfasst."
    if fields["kind"] == "meinungskarte":
        return (
            "Meinungskarten sind anonym: es gibt keine E-Akte und keinen VerBIS-Datensatz, in den ein Vermerk gehört."
        )
    return None


def file_note_errors(fields: Mapping[str, Any], *, made_on: date | None, made_by: str, today: date) -> dict[str, str]:
    """The note's day: given, not in the future, not before the receipt; who made it: a name."""
    errors: dict[str, str] = {}
    if made_on is None:
        errors["made_on"] = "Bitte angeben, an welchem Tag der Vermerk erstellt wurde (TT.MM.JJJJ)."
    elif problem := v.date_problem(
        made_on, "Erstellt am", today, not_before=fields["received"], not_before_label="dem Eingang"
    ):
        errors["made_on"] = problem
    if problem := v.required_problem(made_by, "Erstellt von") or v.text_problem(
        made_by, "Erstellt von", max_len=200, multiline=False
    ):
        errors["made_by"] = problem
    return errors


def note_file(
    fields: Mapping[str, Any], *, made_on: date | None, made_by: str, today: date, profile: OfficeProfile
) -> Change:
    """The note for the E-Akte/VerBIS was made on `made_on` by `made_by`: the case keeps both, the history says it."""
    if reason := file_note_reason(fields, profile):
        raise RefusedError(reason)
    if errors := file_note_errors(fields, made_on=made_on, made_by=made_by, today=today):
        raise ValidationError(errors)
    by = " ".join(made_by.split())
    text = file_note_text(made_on, by) + "."
    return Change({"file_note_on": made_on, "file_note_by": by}, (Entry(FILE_NOTE, text),))


def record_file_note(
    case_id: int, *, version: int, made_on: date | None, today: date, user: str, profile: OfficeProfile | None = None
) -> Case:
    """Record the note, made by the acting person `user` on `made_on`."""
    with write_transaction():
        case = load(case_id, version)
        change = note_file(
            case_fields(case), made_on=made_on, made_by=user, today=today, profile=profile or load_profile()
        )
        return apply(case, change, today, user)
