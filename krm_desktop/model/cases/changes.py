"""What a person sees of a case, as German label → displayed value, and what changed between two such views.

A form keeps `case_state` of the case it loaded; when its save is refused as a conflict (another workstation
saved meanwhile), `describe_changes` between that and the current state says what the other one changed.
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from krm_desktop.model.codes import CARD_TENORS, CHANNELS, KINDS, OUTCOMES, PARTY_ROLES, STAFF_ROLES, VIAS, label
from krm_desktop.model.store.entities import Attachment, Case, Concern, Event, Letter, Party, Staff, Statement, Team

EMPTY = "(leer)"
SHORT = 70  # longer values are shortened in a change line
GREETING = {"frau": "Frau", "herr": "Herr"}


def _d(value: date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else ""


def _party(prefix: str, party: Party | None) -> dict[str, str]:
    if party is None:
        return {prefix: "keine Angabe (anonym)"}
    town = " ".join(f"{party.postcode} {party.city}".split())
    return {
        prefix: " ".join(p for p in (GREETING.get(party.salutation or "", ""), party.name) if p),
        f"{prefix}: Rolle": label(PARTY_ROLES, party.role),
        f"{prefix}: Anschrift": ", ".join(p for p in (party.street.strip(), town) if p),
        f"{prefix}: E-Mail": party.email,
        f"{prefix}: Telefon": party.phone,
        f"{prefix}: Kundennummer": party.customer_no,
        f"{prefix}: BG-Nummer": party.bg_no,
    }


def case_state(case_id: int) -> dict[str, str]:
    """Every field a person can see or edit of the case, German label → displayed value; {} when it is gone."""
    case = Case.get_or_none(Case.id == case_id)
    if case is None:
        return {}
    team = Team.get_or_none(Team.id == case.team_id) if case.team_id else None
    signer = Staff.get_or_none(Staff.id == case.signed_by_id) if case.signed_by_id else None
    decider = Staff.get_or_none(Staff.id == case.decided_by_id) if case.decided_by_id else None
    state: dict[str, str] = {
        "Az.": case.ref,
        "Status": case.status + (" (anonymisiert)" if case.anonymised else ""),
        "Anliegensart": label(KINDS, case.kind),
    }
    for concern in Concern.select().where(Concern.case == case_id).order_by(Concern.position):
        outcome = f" – {label(OUTCOMES, concern.outcome)}" if concern.outcome else ""
        own = concern.team if concern.team_id and concern.team_id != case.team_id else None
        own_team = f" ({own.name})" if own is not None else ""
        state[f"Anliegen {concern.position}"] = label(KINDS, concern.kind) + outcome + own_team
    state.update(
        {
            "Eingangsweg": label(CHANNELS, case.channel),
            "Eingang über": label(VIAS, case.via),
            "Eingangsdatum": _d(case.received),
            "Team": team.name if team else "",
            "Betreff": case.subject,
            "Beschreibung": case.description,
            "Themenkategorie": case.topic,
            "Aktenzeichen": case.file_no,
        }
    )
    state.update(_party("Einsender/in", Party.get_or_none(Party.id == case.person_id) if case.person_id else None))
    if case.represented_id:
        state.update(_party("Vertretene Person", Party.get_or_none(Party.id == case.represented_id)))
    state.update(
        {
            "Folgereaktion zu": case.follows.ref if case.follows_id else case.follows_ref,
            "Einsendende Stelle": case.requesting_body,
            "Zeichen der Stelle": case.requesting_ref,
            "Frist der Stelle": _d(case.body_due),
            "Anschrift der Stelle": ", ".join(
                p for p in (case.body_street, f"{case.body_postcode} {case.body_city}".strip()) if p
            ),
            "BA zuständig (§ 44b Abs. 3 SGB II)": "ja" if case.ba_responsible else "",
            "Abgestimmt mit Agentur für Arbeit und Regionaldirektion am": _d(case.ba_agreed),
            "Stellungnahme geprüft": f"{_d(case.statement_checked)} von {case.statement_checked_by}"
            if case.statement_checked
            else "",
            "Betroffene/r Beschäftigte/r": case.employee_concerned,
            # issue 19: a card's tenor, the Aktenvermerk for the E-Akte/VerBIS
            "Art der Rückmeldung": label(CARD_TENORS, case.card_tenor),
            "Vermerk für E-Akte/VerBIS": f"{_d(case.file_note_on)} von {case.file_note_by}"
            if case.file_note_on
            else "",
            "Eingangsbestätigung fällig": _d(case.ack_due),
            "Eingangsbestätigung versandt": _d(case.ack_sent),
            "Eingangsbestätigung entfällt seit": _d(case.ack_waived),
            "Grund für den Wegfall der Eingangsbestätigung": case.ack_waived_reason,
            "Antwort fällig": _d(case.final_due),
            "Vorlage an die GF bis": _d(case.gf_due),
            "Vorgelegt an die GF am": _d(case.gf_presented),
            "Zwischennachricht versandt": _d(case.interim_sent),
            "Grund der Verzögerung": case.interim_reason,
            "Voraussichtliche Erledigung": _d(case.interim_expected),
            "Antwort versandt": _d(case.answer_sent),
            "Federführung": "Geschäftsführung" if case.lead == "gf" else "Team",
            "Eskalationsstufe": str(case.escalation_level),
            "Schlusszeichnung durch": label(STAFF_ROLES, case.sign_off_role),
            "Schlusszeichnung": signer.name if signer else "",
            "Verzicht auf schriftliche Antwort": "ja" if case.waiver else "nein",
            "Gründe des Verzichts": case.waiver_reasons,
            "Entscheidung der GF": case.gf_decision,
            "Entschieden von": decider.name if decider else "",
            "Entschieden am": _d(case.decided_on),
            "Beschäftigte/r informiert am": _d(case.employee_informed),
            "Umgedeutet aus": label(KINDS, case.reclassified_from),
            "Abgeschlossen am": _d(case.closed),
            "Ergebnis": label(OUTCOMES, case.outcome),
        }
    )
    statements = Statement.select().where(Statement.case == case_id).order_by(Statement.received_on, Statement.id)
    for number, statement in enumerate(statements, start=1):
        contributor = statement.team if statement.team_id else None  # a team's Beitrag
        state[f"Stellungnahme {number}"] = (
            (f"Beitrag {contributor.name}: " if contributor is not None else "")
            + f"{statement.author} ({label(STAFF_ROLES, statement.author_role)}), "
            f"eingegangen {_d(statement.received_on)}: {statement.text}"
        )
    state["Schreiben"] = str(Letter.select().where(Letter.case == case_id).count())
    state["Anlagen"] = str(Attachment.select().where(Attachment.case == case_id).count())
    last = Event.select().where(Event.case == case_id).order_by(Event.at.desc(), cast(Any, Event.id).desc()).first()
    if last is not None:
        state["Letzter Eintrag der Fallhistorie"] = f"{_d(last.on_day)} {last.actor}: {last.text or last.action}"
    return state


def _shown(value: str | None) -> str:
    flat = " ".join((value or "").split())  # a multi-line text on one line
    if not flat:
        return EMPTY
    return flat if len(flat) <= SHORT else flat[: SHORT - 1] + "…"


def describe_changes(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """German lines "Label: old → new" for every value that differs, in the order of the fields."""
    lines = []
    for name in list(after) + [name for name in before if name not in after]:
        old, new = before.get(name) or "", after.get(name) or ""
        if old == new:
            continue
        if _shown(old) == _shown(new):  # a long text changed beyond what a line shows
            lines.append(f"{name}: geändert ({len(old)} → {len(new)} Zeichen)")
        else:
            lines.append(f"{name}: {_shown(old)} → {_shown(new)}")
    return lines
