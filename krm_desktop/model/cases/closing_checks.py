"""Pure checks of closing a case: the outcome of every complaint concern, the answer or the waiver, who may sign
(Schlusszeichnung), and a closing day not before any recorded step. No database access."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from krm_desktop.model import validation as v
from krm_desktop.model.cases.action_checks import ActionFacts
from krm_desktop.model.cases.input_checks import Errors, action_date_problem
from krm_desktop.model.codes import (
    ESCALATION_ROLES,
    GF_KINDS,
    KINDS,
    OUTCOME_KINDS,
    OUTCOMES,
    ROLE_RANK,
    STAFF_ROLES,
    label,
)


def _d(value: date) -> str:
    return f"{value:%d.%m.%Y}"


@dataclass(frozen=True)
class ConcernFacts:
    position: int
    kind: str
    outcome: str | None


@dataclass(frozen=True)
class SignerFacts:
    name: str
    role: str
    team: int | None = None  # the team a Teamleitung (or its deputy) leads; None: not known


def role_may_sign(sign_off_role: str, escalation_level: int, role: str) -> bool:
    """Schlusszeichnung: TL by default (or whoever the case was escalated to), GF where reserved; KRM too."""
    if sign_off_role == "GF":
        return role == "GF"
    if role == "KRM":
        return True
    return ROLE_RANK.get(role, -1) >= ROLE_RANK[ESCALATION_ROLES[escalation_level]]


def signers_label(sign_off_role: str, escalation_level: int) -> str:
    if sign_off_role == "GF":
        return "Geschäftsführung"
    return f"{label(STAFF_ROLES, ESCALATION_ROLES[escalation_level])} oder KRM-Beauftragte/r"


def needs_sign_off(f: ActionFacts) -> bool:
    return (f.has_person and not f.card) or f.kind in GF_KINDS


def needs_answer(f: ActionFacts) -> bool:
    return f.has_person and not f.card


def outcome_errors(f: ActionFacts, concerns: Sequence[ConcernFacts], outcomes: Mapping[int, str]) -> Errors:
    errors: Errors = {}
    for concern in concerns:
        key = f"concerns.{concern.position}.outcome"
        outcome = outcomes.get(concern.position, concern.outcome)
        if outcome is not None and outcome not in OUTCOMES:
            errors[key] = v.code_problem(outcome, OUTCOMES, "Ergebnis") or ""
        elif concern.kind in OUTCOME_KINDS and outcome is None and not f.card:
            errors[key] = (
                f"Anliegen {concern.position} ({label(KINDS, concern.kind)}): bitte Ergebnis wählen "
                "(begründet, unbegründet oder nicht bewertbar)."
            )
        elif concern.kind not in OUTCOME_KINDS and outcome is not None:
            errors[key] = "Nur Beschwerden, Petitionen und Eingaben erhalten ein Ergebnis."
    return errors


_DECISION_WORDS = (
    ("nicht_bewertbar", re.compile(r"\bnicht\s+bewertbar", re.IGNORECASE)),
    ("unbegruendet", re.compile(r"\b(?:unbegründet|nicht\s+begründet)", re.IGNORECASE)),
    ("begruendet", re.compile(r"\bbegründet", re.IGNORECASE)),
)


def outcome_from_decision(decision: str) -> str | None:
    """The outcome a DAB's concern follows from the GF's decision, when its text names exactly one of them
    ("Die Dienstaufsichtsbeschwerde ist unbegründet."); None when it names none or several: then it is chosen."""
    text, found = decision, set()
    for code, pattern in _DECISION_WORDS:
        if pattern.search(text):
            found.add(code)
            text = pattern.sub(" ", text)  # "unbegründet" is no "begründet" as well
    return found.pop() if len(found) == 1 else None


def _steps(f: ActionFacts) -> list[tuple[str, date]]:
    steps = [
        ("der Eingangsbestätigung", f.ack_sent),
        ("der Zwischennachricht", f.interim_sent),
        ("der Entscheidung der GF", f.decided_on),
        ("der Information der/des Beschäftigten", f.employee_informed),
    ]
    return [(what, when) for what, when in steps if when is not None]


def close_errors(
    f: ActionFacts,
    concerns: Sequence[ConcernFacts],
    *,
    closed_on: date | None,
    outcomes: Mapping[int, str],
    answer_sent: date | None,
    signer: SignerFacts | None,
    today: date,
) -> Errors:
    """Every complaint concern needs an outcome, the answer (or a waiver) and the right sign-off;
    the closing day is not before any recorded step."""
    errors = outcome_errors(f, concerns, outcomes)
    closed = action_date_problem(closed_on, "Abschlussdatum", f.received, today)
    if closed is None and closed_on is not None:
        for what, when in _steps(f):
            if closed_on < when:
                closed = f"Der Abschluss ({_d(closed_on)}) kann nicht vor {what} ({_d(when)}) liegen."
                break
    if closed:
        errors["closed_on"] = closed
    answer = None
    if answer_sent is not None:
        answer = v.date_problem(
            answer_sent, "Versand der Antwort", today, not_before=f.received, not_before_label="dem Eingang"
        )
    answered = answer_sent or f.answer_sent
    if answer is None and answered is not None and closed_on is not None and answered > closed_on:
        answer = f"Die Antwort wurde am {_d(answered)} versandt; der Abschluss kann nicht davor liegen."
    if answer is None and needs_answer(f) and answered is None and not f.waiver:
        answer = (
            "Ohne Antwortschreiben nur mit erfasstem Verzicht auf schriftliche Antwort: bitte Versanddatum der "
            "Antwort angeben oder den Verzicht erfassen."
        )
    if answer:
        errors["answer_sent"] = answer
    if needs_sign_off(f) and (problem := signer_problem(f, signer)):
        errors["signed_by"] = problem
    return errors


def signer_problem(f: ActionFacts, signer: SignerFacts | None) -> str | None:
    """Whether this person may sign this case's answer (the close dialog asks as soon as one is picked): the
    Geschäftsführung where reserved, else whoever the case lies with — the Teamleitung of the case's own team
    (or its deputy), a higher level — or the KRM-Beauftragte."""
    who = signers_label(f.sign_off_role, f.escalation_level)
    if signer is None:
        return f"Bitte die Schlusszeichnung angeben ({who})."
    if not role_may_sign(f.sign_off_role, f.escalation_level, signer.role):
        return f"{signer.name} ({label(STAFF_ROLES, signer.role)}) darf hier nicht schlusszeichnen; zeichnungsbefugt: {who}."
    other_team = f.team is not None and signer.team is not None and signer.team != f.team
    if signer.role in ("TL", "STL") and other_team:
        return (
            f"{signer.name} leitet ein anderes Team; schlusszeichnen kann die Teamleitung des Teams, bei dem der "
            "Fall liegt (oder ihre Stellvertretung), eine höhere Ebene oder die/der KRM-Beauftragte."
        )
    return None
