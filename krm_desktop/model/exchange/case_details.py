"""The keys the exchange format gained after its first contract (DESIGN.md §2: "Keys the program adds later are
optional on import"): a case's topic and file number; a petition's or Eingabe's requesting body with its file
number, deadline and postal address; Pankow's petition steps; the waived acknowledgement; the Vorlage an GF and the
"vorlagepflichtig" mark; the Aktenvermerk for the E-Akte/VerBIS. Without them an export and a later import would
lose what the desk recorded.

Export writes every key (null where empty). Import reads what is there: the intake's own fields go into the case
input and are checked as the form checks them (`intake.case_errors`); the recorded steps are checked here (a day
neither before the receipt nor in the future, a reason only with its day) and stored as the case's state.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from krm_desktop.model import validation as v
from krm_desktop.model.cases.intake import CaseInput
from krm_desktop.model.store.entities import Case

# Read into the case input (checked with the form's rules).
INPUT_TEXTS = (
    "topic",
    "file_no",
    "requesting_body",
    "requesting_ref",
    "body_street",
    "body_postcode",
    "body_city",
)
INPUT_DATES = ("body_due",)
INPUT_BOOLS = ("ba_responsible",)
# Steps recorded on the case: the day, with its German label.
STEP_DATES = {
    "ack_waived": "Eingangsbestätigung entfällt seit",
    "gf_presented": "Vorgelegt an GF am",
    "gf_required_on": "Vorlagepflichtig seit",
    "ba_agreed": "Abgestimmt mit Agentur für Arbeit und Regionaldirektion am",
    "statement_checked": "Stellungnahme geprüft am",
    "file_note_on": "Vermerk für E-Akte/VerBIS erstellt am",
}
# A step's words, each with the day it belongs to, its label and its length.
STEP_TEXTS = {
    "ack_waived_reason": ("ack_waived", "Grund für den Wegfall der Eingangsbestätigung", v.MAX_TEXT),
    "statement_checked_by": ("statement_checked", "Stellungnahme geprüft von", 200),
    "file_note_by": ("file_note_on", "Vermerk erstellt von", 200),
}
DETAIL_KEYS = (*INPUT_TEXTS, *INPUT_DATES, *INPUT_BOOLS, *STEP_DATES, *STEP_TEXTS)
EXPORT_COLUMNS = tuple(getattr(Case, key) for key in DETAIL_KEYS)
DATE_FORMAT = "ist kein Datum im Format JJJJ-MM-TT (z. B. 2026-11-20)."


def _day(value: Any) -> date | None:
    """A YYYY-MM-DD date; raises ValueError for anything else."""
    if value is None:
        return None
    if not isinstance(value, str) or len(value) != 10:
        raise ValueError
    return date.fromisoformat(value)


def detail_type_errors(obj: dict[str, Any]) -> dict[str, str]:
    """Keys of the wrong JSON type: field -> German message."""
    errors: dict[str, str] = {}
    for key in (*INPUT_TEXTS, *STEP_TEXTS):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            errors[key] = "Bitte einen Text (in Anführungszeichen) oder null angeben."
    for key in INPUT_BOOLS:
        if obj.get(key) is not None and not isinstance(obj[key], bool):
            errors[key] = "Bitte true oder false angeben."
    for key in (*INPUT_DATES, *STEP_DATES):
        try:
            _day(obj.get(key))
        except ValueError:
            errors[key] = f"„{str(obj[key])[:80]}“ {DATE_FORMAT}"
    return errors


def read_input_details(obj: dict[str, Any], data: CaseInput) -> None:
    """The intake's fields of a line into its case input (after `detail_type_errors` found nothing)."""
    for key in INPUT_TEXTS:
        setattr(data, key, obj.get(key) or "")
    data.body_due = _day(obj.get("body_due"))
    data.ba_responsible = bool(obj.get("ba_responsible"))


def step_details(obj: dict[str, Any], received: date, today: date) -> tuple[dict[str, Any], dict[str, str]]:
    """The recorded steps of a line as the case's stored fields, or field -> German message."""
    errors: dict[str, str] = {}
    steps: dict[str, Any] = {}
    for key, caption in STEP_DATES.items():
        day = _day(obj.get(key))
        problem = day and v.date_problem(day, caption, today, not_before=received, not_before_label="dem Eingang")
        if problem:
            errors[key] = problem
        if day is not None:
            steps[key] = day
    for key, (day_key, caption, max_len) in STEP_TEXTS.items():
        text = obj.get(key) or ""
        if not text.strip():
            continue
        problem = v.text_problem(text, caption, max_len=max_len, multiline=max_len == v.MAX_TEXT)
        if problem is None and obj.get(day_key) is None:
            problem = f"„{key}“ gehört zu „{day_key}“: bitte auch den Tag angeben oder null."
        if problem:
            errors[key] = problem
        steps[key] = text.strip()
    return steps, errors


def exported_details(row: dict[str, Any]) -> dict[str, Any]:
    """A case row's details as the exchange format writes them (null where empty)."""
    out: dict[str, Any] = {}
    for key in DETAIL_KEYS:
        value = row[key]
        if isinstance(value, date):
            value = value.isoformat()
        out[key] = value if key in INPUT_BOOLS else (value or None)
    return out
