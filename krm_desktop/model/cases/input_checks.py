"""What is wrong with a workflow action's inputs: dates of the steps, free texts, levels, who decides. Each check
returns German messages by field; no database access. (Which actions a case allows: `action_checks`.)"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from krm_desktop.model import validation as v
from krm_desktop.model.codes import DAB_RECLASSIFY_TO, ESCALATION_ROLES, STAFF_ROLES

Errors = dict[str, str]


def _d(value: date) -> str:
    return f"{value:%d.%m.%Y}"


def collect(problems: Mapping[str, str | None]) -> Errors:
    return {name: problem for name, problem in problems.items() if problem}


def action_date_problem(value: date | None, caption: str, received: date, today: date) -> str | None:
    """A date of a step in the case: given, not in the future, not before the receipt."""
    if value is None:
        return f"Bitte „{caption}“ angeben."
    return v.date_problem(value, caption, today, not_before=received, not_before_label="dem Eingang")


def free_text_problem(value: str, caption: str, *, required: bool = True, max_len: int = v.MAX_TEXT) -> str | None:
    if required and (problem := v.required_problem(value, caption)):
        return problem
    return v.text_problem(value, caption, max_len=max_len)


def sent_errors(sent_on: date | None, caption: str, received: date, today: date) -> Errors:
    """Acknowledgement or answer sent on a day."""
    return collect({"sent_on": action_date_problem(sent_on, caption, received, today)})


def gf_presented_errors(presented_on: date | None, received: date, today: date) -> Errors:
    """ "Vorgelegt an GF am": given, not before the receipt, not in the future."""
    return collect({"presented_on": action_date_problem(presented_on, "Vorgelegt an GF am", received, today)})


def ack_waiver_errors(*, decided_on: date | None, reason: str, received: date, today: date) -> Errors:
    """ "Eingangsbestätigung entfällt": the day of the decision and its reason (required)."""
    return collect(
        {
            "decided_on": action_date_problem(decided_on, "Entschieden am", received, today),
            "reason": free_text_problem(reason, "Begründung"),
        }
    )


def interim_errors(*, sent_on: date | None, reason: str, expected: date | None, received: date, today: date) -> Errors:
    expected_problem = None
    if expected is None:
        expected_problem = "Bitte angeben, bis wann die Sache voraussichtlich erledigt ist."
    elif sent_on is not None and expected <= sent_on:
        expected_problem = "Die voraussichtliche Erledigung muss nach dem Versand der Zwischennachricht liegen."
    return collect(
        {
            "sent_on": action_date_problem(sent_on, "Versanddatum", received, today),
            "reason": free_text_problem(reason, "Grund der Verzögerung"),
            "expected": expected_problem,
        }
    )


def escalation_errors(*, current: int, to_level: int | None, reason: str) -> Errors:
    """TL (1) -> BL (2) -> GF (3); skipping a level is the exception and needs a reason."""
    level = None
    if to_level not in ESCALATION_ROLES or to_level is None or to_level <= current:
        level = f"Eskalation nur auf eine höhere Stufe als {current} (höchstens 3)."
    reason_problem = v.text_problem(reason, "Begründung")
    if level is None and to_level is not None and to_level > current + 1 and not reason.strip():
        reason_problem = "Das Überspringen einer Eskalationsstufe ist die Ausnahme: bitte begründen."
    return collect({"level": level, "reason": reason_problem})


def statement_errors(
    *, author: str, author_role: str, received_on: date | None, text: str, received: date, today: date
) -> Errors:
    author_problem = v.required_problem(author, "Verfasser/in") or v.text_problem(
        author, "Verfasser/in", max_len=200, multiline=False
    )
    role = None if author_role in STAFF_ROLES else v.code_problem(author_role, STAFF_ROLES, "Funktion")
    return collect(
        {
            "author": author_problem,
            "author_role": role,
            "received_on": action_date_problem(received_on, "Eingang der Stellungnahme", received, today),
            "text": free_text_problem(text, "Stellungnahme"),
        }
    )


def decision_errors(
    *, decision: str, decider_role: str | None, decided_on: date | None, received: date, today: date
) -> Errors:
    return collect(
        {
            "decided_by": _gf_problem(decider_role),
            "decision": free_text_problem(decision, "Entscheidung"),
            "decided_on": action_date_problem(decided_on, "Datum der Entscheidung", received, today),
        }
    )


def reclassification_errors(
    *, new_kind: str | None, reason: str, decider_role: str | None, decided_on: date | None, received: date, today: date
) -> Errors:
    kind = None
    if new_kind not in DAB_RECLASSIFY_TO:
        kind = "Umdeuten lässt sich eine Dienstaufsichtsbeschwerde nur in eine Fachaufsichtsbeschwerde oder eine Beschwerde."
    return collect(
        {
            "kind": kind,
            "decided_by": _gf_problem(decider_role),
            "reason": free_text_problem(reason, "Begründung"),
            "decided_on": action_date_problem(decided_on, "Datum der Entscheidung", received, today),
        }
    )


def _gf_problem(role: str | None) -> str | None:
    if role != "GF":
        return "Entscheiden kann nur die Geschäftsführung; bitte eine Person mit Funktion GF wählen."
    return None


def informed_errors(*, informed_on: date | None, decided_on: date | None, received: date, today: date) -> Errors:
    problem = action_date_problem(informed_on, "Datum der Information", received, today)
    if problem is None and informed_on is not None and decided_on is not None and informed_on < decided_on:
        problem = (
            f"Die Information ({_d(informed_on)}) kann nicht vor der Entscheidung der GF ({_d(decided_on)}) liegen."
        )
    return collect({"informed_on": problem})
