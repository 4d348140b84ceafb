"""Pure checks of Pankow's petition steps (Konzept 4.5), each a profile setting:

- where a petition or Eingabe is marked BA-responsible under § 44b Abs. 3 SGB II, the KRM agrees the Stellungnahme
  with the Agentur für Arbeit and the Regionaldirektion ("abgestimmt … am") before the signed originals go out;
- the KRM checks a Stellungnahme formally ("geprüft am … von …") before the GF signs.

Which step the case allows (and why not), what is wrong with a step's inputs, and what the answer and the closing
still wait for. German messages; no database access.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from krm_desktop.model import validation as v
from krm_desktop.model.codes import KINDS, PETITION_KINDS, STATUS_OPEN, label

Errors = dict[str, str]

BA_AGREE = "ba_agree"  # "abgestimmt mit Agentur für Arbeit und Regionaldirektion am …"
STATEMENT_CHECK = "statement_check"  # "Stellungnahme geprüft am … von …"
PETITION_ACTIONS = (STATEMENT_CHECK, BA_AGREE)

SETTINGS_HINT = "(Einstellungen › Fristen und Regeln)"


def _d(value: date) -> str:
    return f"{value:%d.%m.%Y}"


@dataclass(frozen=True)
class PetitionSteps:
    """The office profile's petition steps."""

    ba_agreement: bool = False
    statement_check: bool = False

    @classmethod
    def of(cls, profile: Any) -> PetitionSteps:
        return cls(profile.ba_agreement_step, profile.statement_check_by_krm)


@dataclass(frozen=True)
class PetitionFacts:
    """What the petition steps depend on: the stored state of one case, and its latest statement's day."""

    ref: str
    kind: str
    status: str
    anonymised: bool
    received: date
    ba_responsible: bool = False
    ba_agreed: date | None = None
    statement_checked: date | None = None
    answer_sent: date | None = None
    waiver: bool = False  # the petitioner declared the matter settled and waived the answer
    last_statement: date | None = None  # the latest Stellungnahme received (drafted by the TL)

    @classmethod
    def of_fields(cls, fields: Mapping[str, Any], last_statement: date | None) -> PetitionFacts:
        return cls(
            ref=fields["ref"],
            kind=fields["kind"],
            status=fields["status"],
            anonymised=bool(fields["anonymised"]),
            received=fields["received"],
            ba_responsible=bool(fields["ba_responsible"]),
            ba_agreed=fields["ba_agreed"],
            statement_checked=fields["statement_checked"],
            answer_sent=fields["answer_sent"],
            waiver=bool(fields["waiver"]),
            last_statement=last_statement,
        )


# --- which step the case allows -------------------------------------------------------------------------------


def _common(f: PetitionFacts, on: bool, what: str) -> str | None:
    if not on:
        return f"Den Schritt „{what}“ sieht die Dienstanweisung dieser Dienststelle nicht vor {SETTINGS_HINT}."
    if f.kind not in PETITION_KINDS:
        return f"{f.ref} ist eine {label(KINDS, f.kind)}: „{what}“ gibt es nur bei Petitionen und Eingaben."
    if f.anonymised:
        return f"{f.ref} ist anonymisiert und kann nicht mehr bearbeitet werden."
    if f.status != STATUS_OPEN:
        return f"{f.ref} ist abgeschlossen; dafür ist eine Folgereaktion anzulegen."
    if f.answer_sent:
        return f"Die Stellungnahme ist bereits am {_d(f.answer_sent)} versandt."
    return None


def statement_check_reason(f: PetitionFacts, steps: PetitionSteps) -> str | None:
    """Why the KRM's check of the Stellungnahme is not possible now, or None."""
    if problem := _common(f, steps.statement_check, "Stellungnahme geprüft"):
        return problem
    if f.statement_checked:
        return f"Die Stellungnahme ist bereits am {_d(f.statement_checked)} geprüft."
    if f.last_statement is None:
        return "Es liegt noch keine Stellungnahme vor; bitte erst ihren Eingang erfassen (Stellungnahme eingegangen)."
    return None


def ba_agreement_reason(f: PetitionFacts, steps: PetitionSteps) -> str | None:
    """Why the agreement with Agentur für Arbeit and Regionaldirektion is not possible now, or None."""
    what = "Abgestimmt mit Agentur für Arbeit und Regionaldirektion"
    if problem := _common(f, steps.ba_agreement, what):
        return problem
    if not f.ba_responsible:
        return (
            f"{f.ref} ist nicht als BA-Zuständigkeit nach § 44b Abs. 3 SGB II gekennzeichnet (Erfassungsdaten); "
            "eine Abstimmung entfällt."
        )
    if f.ba_agreed:
        return f"Die Abstimmung ist bereits am {_d(f.ba_agreed)} erfasst."
    if f.last_statement is None:
        return "Es liegt noch keine Stellungnahme vor, die abzustimmen wäre."
    if steps.statement_check and f.statement_checked is None:
        return "Abgestimmt wird die geprüfte Stellungnahme: bitte erst die Prüfung durch das KRM erfassen."
    return None


def available_steps(f: PetitionFacts, steps: PetitionSteps) -> dict[str, str | None]:
    return {STATEMENT_CHECK: statement_check_reason(f, steps), BA_AGREE: ba_agreement_reason(f, steps)}


def sending_problem(f: PetitionFacts, steps: PetitionSteps) -> str | None:
    """What the answer (the signed Stellungnahme going out) and the closing still wait for, or None."""
    if f.kind not in PETITION_KINDS or f.answer_sent or f.waiver:
        return None
    if steps.statement_check and f.statement_checked is None:
        return (
            "Vor der Schlusszeichnung durch die GF prüft das KRM die Stellungnahme: bitte erst "
            "„Stellungnahme geprüft“ erfassen."
        )
    if steps.ba_agreement and f.ba_responsible and f.ba_agreed is None:
        return (
            "Die BA ist nach § 44b Abs. 3 SGB II zuständig: erst nach der Abstimmung mit der Agentur für Arbeit und "
            "der Regionaldirektion gehen die unterschriebenen Originale hinaus. Bitte erst die Abstimmung erfassen."
        )
    return None


# --- inputs of the steps ----------------------------------------------------------------------------------------


def _step_date_problem(value: date | None, caption: str, f: PetitionFacts, today: date) -> str | None:
    """Given, not in the future, not before the receipt nor before the latest statement."""
    if value is None:
        return f"Bitte „{caption}“ angeben."
    if problem := v.date_problem(value, caption, today, not_before=f.received, not_before_label="dem Eingang"):
        return problem
    if f.last_statement is not None and value < f.last_statement:
        return f"{caption}: der {_d(value)} liegt vor dem Eingang der Stellungnahme ({_d(f.last_statement)})."
    return None


def statement_check_errors(f: PetitionFacts, *, checked_on: date | None, checked_by: str, today: date) -> Errors:
    by = v.required_problem(checked_by, "Geprüft von") or v.text_problem(
        checked_by, "Geprüft von", max_len=200, multiline=False
    )
    problems = {"checked_on": _step_date_problem(checked_on, "Geprüft am", f, today), "checked_by": by}
    return {key: text for key, text in problems.items() if text}


def ba_agreement_errors(f: PetitionFacts, *, agreed_on: date | None, today: date) -> Errors:
    problem = _step_date_problem(agreed_on, "Abgestimmt am", f, today)
    if problem is None and agreed_on is not None and f.statement_checked and agreed_on < f.statement_checked:
        problem = (
            f"Abgestimmt am: der {_d(agreed_on)} liegt vor der Prüfung der Stellungnahme durch das KRM "
            f"({_d(f.statement_checked)})."
        )
    return {"agreed_on": problem} if problem else {}
