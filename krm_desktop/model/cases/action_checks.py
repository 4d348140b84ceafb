"""Pure checks of the workflow actions on a case: which actions its state and kind allow, and why not (what is
wrong with an action's inputs: `input_checks`). Each check returns German messages; no database access.

The services (`cases`, `closing`, `dab`) refuse with exactly these messages, and the dialogs show them next
to their fields, so the menus, the forms and the store never disagree. Closing has its own: `closing_checks`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from playhouse.shortcuts import model_to_dict

from krm_desktop.model.codes import (
    CHANNELS,
    KINDS,
    STATUS_OPEN,
    label,
)
from krm_desktop.model.office.profile_rules import WAIVER_NONE

# Everything in a case may be read by the customer (Art. 15 DSGVO with § 83 SGB X): shown at every free text.
FREE_TEXT_NOTICE = (
    "Die Kundin/der Kunde darf alles im Fall lesen (Art. 15 DSGVO, § 83 SGB X): nur Tatsachen, keine Wertungen."
)

DAB = "dienstaufsichtsbeschwerde"

# The workflow actions, in menu order.
EDIT = "edit"  # the registered data (the case form)
PRESENT_GF = "present_gf"  # "Vorgelegt an GF am": the Sofortsache of petitions, Eingaben and DABs
ACKNOWLEDGE = "acknowledge"
WAIVE_ACK = "waive_ack"  # "Eingangsbestätigung entfällt"
INTERIM = "interim"
ASSIGN = "assign"
ESCALATE = "escalate"
RESERVE = "reserve_sign_off"
STATEMENT = "statement"
DECIDE = "dab_decide"
RECLASSIFY = "dab_reclassify"
INFORM = "dab_inform"
WAIVER = "waiver"
ANSWER = "answer"
CLOSE = "close"
FOLLOW_UP = "follow_up"
ACTIONS = (
    EDIT,
    PRESENT_GF,
    ACKNOWLEDGE,
    WAIVE_ACK,
    INTERIM,
    ASSIGN,
    ESCALATE,
    RESERVE,
    STATEMENT,
    DECIDE,
    RECLASSIFY,
    INFORM,
    WAIVER,
    ANSWER,
    CLOSE,
    FOLLOW_UP,
)
DAB_ACTIONS = frozenset({DECIDE, RECLASSIFY, INFORM})


def _d(value: date) -> str:
    return f"{value:%d.%m.%Y}"


@dataclass(frozen=True)
class ActionFacts:
    """What the availability of an action depends on: the stored state of one case."""

    ref: str
    kind: str
    status: str
    anonymised: bool
    received: date
    has_person: bool
    has_clock: bool
    ack_sent: date | None = None
    interim_sent: date | None = None
    answer_sent: date | None = None
    waiver: bool = False
    escalation_level: int = 1
    sign_off_role: str = "TL"
    decided_on: date | None = None
    has_decision: bool = False
    employee_informed: date | None = None
    reclassified_from: str | None = None
    channel: str = ""
    ack_due: date | None = None
    ack_waived: date | None = None
    ack_waivable: bool = False  # the office lets the KRM decide that no acknowledgement is sent (profile, channel)
    team: int | None = None  # the team's id
    # The form the office's profile requires for a waiver of this kind (profile_rules.WAIVER_FORMS); None: the
    # profile was not asked (then the action's own service asks it).
    waiver_form: str | None = None
    gf_due: date | None = None  # the Vorlage an GF (petition, Eingabe, DAB)
    gf_presented: date | None = None

    @classmethod
    def of(cls, case: Any, ack_waivable_channels: Collection[str] = ()) -> ActionFacts:
        """From a stored case (reads its columns only); `ack_waivable_channels` of the office's profile."""
        return cls.of_fields(model_to_dict(case, recurse=False), ack_waivable_channels)

    @classmethod
    def of_fields(cls, fields: Mapping[str, Any], ack_waivable_channels: Collection[str] = ()) -> ActionFacts:
        """From a case's fields by field name, a foreign key by its id (as `transitions` keeps them)."""
        return cls(
            ref=fields["ref"],
            kind=fields["kind"],
            status=fields["status"],
            anonymised=bool(fields["anonymised"]),
            received=fields["received"],
            has_person=fields["person"] is not None,
            has_clock=fields["ack_due"] is not None or fields["final_due"] is not None,
            ack_sent=fields["ack_sent"],
            interim_sent=fields["interim_sent"],
            answer_sent=fields["answer_sent"],
            waiver=bool(fields["waiver"]),
            escalation_level=fields["escalation_level"],
            sign_off_role=fields["sign_off_role"],
            decided_on=fields["decided_on"],
            has_decision=bool(fields["gf_decision"]),
            employee_informed=fields["employee_informed"],
            reclassified_from=fields["reclassified_from"],
            channel=fields["channel"],
            ack_due=fields["ack_due"],
            ack_waived=fields["ack_waived"],
            ack_waivable=fields["channel"] in ack_waivable_channels,
            team=fields.get("team"),
            gf_due=fields.get("gf_due"),
            gf_presented=fields.get("gf_presented"),
        )

    @property
    def card(self) -> bool:
        return self.kind == "meinungskarte"


# --- which actions the case allows -----------------------------------------------------------------------------


def _no_addressee(f: ActionFacts, what: str) -> str | None:
    if f.card:
        return f"{f.ref} ist eine Meinungskarte: sie ist anonym, {what} entfällt."
    if not f.has_clock:
        return f"{f.ref} hat keine Adressatin/keinen Adressaten: {what} entfällt."
    return None


def _answered(f: ActionFacts, what: str) -> str | None:
    if f.answer_sent:
        return f"Die Antwort ist bereits am {_d(f.answer_sent)} versandt; {what} entfällt."
    return None


def _present_gf(f: ActionFacts) -> str | None:
    if f.gf_presented:
        return f"{f.ref} ist der Geschäftsführung bereits am {_d(f.gf_presented)} vorgelegt."
    if f.gf_due is None:
        return (
            f"Eine Vorlage an die GF als Frist gibt es nur bei Petition, Eingabe und Dienstaufsichtsbeschwerde "
            f"und bei vorlagepflichtigen Fällen ({f.ref} ist eine {label(KINDS, f.kind)})."
        )
    return None


def _acknowledge(f: ActionFacts) -> str | None:
    if f.ack_sent:
        return f"Die Eingangsbestätigung ist bereits am {_d(f.ack_sent)} versandt."
    if f.ack_waived:
        return f"Die Eingangsbestätigung entfällt (so entschieden am {_d(f.ack_waived)})."
    return _no_addressee(f, "eine Eingangsbestätigung") or _answered(f, "eine Eingangsbestätigung")


def _waive_ack(f: ActionFacts) -> str | None:
    problem = _acknowledge(f)
    if problem is None and f.ack_due is None:
        problem = f"Für {f.ref} ist keine Eingangsbestätigung fällig ({label(CHANNELS, f.channel)})."
    if problem is None and not f.ack_waivable:
        problem = (
            f"Bei Eingang per {label(CHANNELS, f.channel)} entscheidet das KRM in dieser Dienststelle nicht über die "
            "Eingangsbestätigung (Einstellungen › Fristen und Regeln)."
        )
    return problem


def _interim(f: ActionFacts) -> str | None:
    problem = _no_addressee(f, "eine Zwischennachricht") or _answered(f, "eine Zwischennachricht")
    if problem is None and f.waiver:
        problem = "Die Kundin/der Kunde hat auf eine schriftliche Antwort verzichtet: keine Zwischennachricht nötig."
    return problem


def _escalate(f: ActionFacts) -> str | None:
    if f.card:
        return "Meinungskarten werden nicht eskaliert."
    if f.escalation_level >= 3:
        return f"{f.ref} liegt bereits bei der Geschäftsführung (Eskalationsstufe 3)."
    return None


def _reserve(f: ActionFacts) -> str | None:
    if f.sign_off_role == "GF":
        return "Die Geschäftsführung hat die Schlusszeichnung bereits (bei Petition, Eingabe und DAB immer)."
    if f.card or not f.has_person:
        return f"{f.ref} ist anonym: es gibt kein Antwortschreiben, das zu zeichnen wäre."
    return None


def _statement(f: ActionFacts) -> str | None:
    return "Meinungskarten erhalten keine Stellungnahmen." if f.card else None


def _not_dab(f: ActionFacts) -> str | None:
    """The DAB's own steps (decision, reclassification, informing the employee) are for a DAB only: a
    reclassified one goes on as the complaint it became."""
    if f.kind == DAB:
        return None
    if f.reclassified_from == DAB:
        return f"{f.ref} ist in eine {label(KINDS, f.kind)} umgedeutet und keine Dienstaufsichtsbeschwerde mehr."
    return f"{f.ref} ist keine Dienstaufsichtsbeschwerde."


def _decide(f: ActionFacts) -> str | None:
    problem = _not_dab(f)
    if problem is None and f.has_decision:
        return f"Die Geschäftsführung hat bereits entschieden (am {_d(f.decided_on) if f.decided_on else '–'})."
    return problem


def _reclassify(f: ActionFacts) -> str | None:
    problem = _not_dab(f)
    if problem is None and f.has_decision:
        return "Die Geschäftsführung hat über die Dienstaufsichtsbeschwerde entschieden; umgedeutet wird nur vorher."
    return problem


def _inform(f: ActionFacts) -> str | None:
    if problem := _not_dab(f):
        return problem
    if f.employee_informed:
        return f"Die/der Beschäftigte ist bereits am {_d(f.employee_informed)} informiert."
    if not f.has_decision:
        return "Erst entscheidet die Geschäftsführung; dann wird die/der Beschäftigte informiert."
    return None


def _waiver(f: ActionFacts) -> str | None:
    if f.card or not f.has_person:
        return f"{f.ref} ist anonym: ein Verzicht auf schriftliche Antwort entfällt."
    if f.waiver_form == WAIVER_NONE:
        return (
            f"Für die Anliegensart {label(KINDS, f.kind)} sieht die Dienstanweisung keinen Verzicht auf schriftliche "
            "Antwort vor (Einstellungen → Fristen und Regeln)."
        )
    if f.waiver:
        return "Der Verzicht auf schriftliche Antwort ist bereits erfasst."
    return _answered(f, "ein Verzicht")


def _answer(f: ActionFacts) -> str | None:
    if f.answer_sent:
        return f"Die Antwort ist bereits am {_d(f.answer_sent)} versandt."
    problem = _no_addressee(f, "ein Antwortschreiben")
    if problem is None and f.waiver:
        problem = "Die Kundin/der Kunde hat auf eine schriftliche Antwort verzichtet (Verzicht erfasst)."
    return problem


def _close(f: ActionFacts) -> str | None:
    if f.kind == DAB and not f.has_decision:
        return "Eine Dienstaufsichtsbeschwerde schließt erst nach der Entscheidung der GF."
    if f.kind == DAB and f.employee_informed is None:
        return "Bitte erst die Information der/des Beschäftigten erfassen."
    return None


_RULES = {
    EDIT: lambda f: None,
    PRESENT_GF: _present_gf,
    ACKNOWLEDGE: _acknowledge,
    WAIVE_ACK: _waive_ack,
    INTERIM: _interim,
    ASSIGN: lambda f: None,
    ESCALATE: _escalate,
    RESERVE: _reserve,
    STATEMENT: _statement,
    DECIDE: _decide,
    RECLASSIFY: _reclassify,
    INFORM: _inform,
    WAIVER: _waiver,
    ANSWER: _answer,
    CLOSE: _close,
}


def unavailable_reason(f: ActionFacts, action: str) -> str | None:
    """Why the case's state or kind does not allow `action` (German), or None when it does."""
    if action == FOLLOW_UP:
        if f.status == STATUS_OPEN:
            return f"{f.ref} ist noch offen; eine Folgereaktion folgt auf einen abgeschlossenen Fall."
        if f.card:
            return "Meinungskarten sind anonym: eine Folgereaktion lässt sich keiner Person zuordnen."
        return None
    if f.anonymised:
        return f"{f.ref} ist anonymisiert und kann nicht mehr bearbeitet werden."
    if f.status != STATUS_OPEN:
        return f"{f.ref} ist abgeschlossen; dafür ist eine Folgereaktion anzulegen."
    return _RULES[action](f)


def available_actions(f: ActionFacts) -> dict[str, str | None]:
    """Every action with None (allowed) or the German reason why not."""
    return {action: unavailable_reason(f, action) for action in ACTIONS}


# --- inputs of the actions -------------------------------------------------------------------------------------
