"""Case services: register, acknowledge, interim notice, assign, escalate, sign-off reserve, statement, follow-up,
edit. The end of a case (waiver, answer, sign-off, close) lives in `closing`, the DAB's decision in `dab`; both
are re-exported here for callers of `cases`.

Every service takes the acting user and `today`; every change is one short write transaction (`transactions`)
that writes an event and bumps the case's optimistic `version` (see `case_writes`). A stale version is refused, nothing overwritten. What the
state of a case allows and what an input must satisfy are pure checks in `action_checks`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from peewee import fn

from krm_desktop.model import validation as v
from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases.closing import close, may_sign, record_answer, record_waiver, sign_off_label, signing_staff
from krm_desktop.model.cases.intake import CaseInput, check_case
from krm_desktop.model.cases.party import PartyRecord
from krm_desktop.model.cases.writes import (
    clock_fields,
    field_error,
    load_for,
    load_open,
    log,
    refuse_if,
    save,
    stamp,
)
from krm_desktop.model.codes import ESCALATION_ROLES, GF_KINDS, KINDS, STAFF_ROLES, STATUS_CLOSED, STATUS_OPEN, label
from krm_desktop.model.office.profiles import FROM_ACK_SENT, OfficeProfile, load_profile
from krm_desktop.model.store.entities import Case, Concern, Party, RoutingNote, Statement, Team
from krm_desktop.model.store.transactions import write_transaction
from krm_desktop.model.time.deadlines import compute_deadlines

__all__ = [
    "acknowledge",
    "assign_team",
    "clock_fields",
    "close",
    "escalate",
    "follow_up",
    "log",
    "may_sign",
    "new_case_fields",
    "next_ref",
    "record_answer",
    "record_routing_note",
    "record_statement",
    "record_waiver",
    "register",
    "reserve_sign_off",
    "send_interim",
    "sign_off_label",
    "signing_staff",
    "update_case",
]


def _party(data: PartyRecord | None) -> Party | None:
    if data is None:
        return None
    return Party.create(**data.stored_fields())


def next_ref(year: int) -> tuple[str, int]:
    last = Case.select(fn.MAX(Case.seq)).where(Case.year == year).scalar() or 0
    return v.format_ref(year, last + 1), last + 1


def _editable_fields(data: CaseInput) -> dict[str, Any]:
    """The stored fields the intake form sets and edits (not the kind: that changes only by reclassification)."""
    return {
        "channel": data.channel,
        "via": data.via,
        "received": data.received,
        "team": data.team_id,
        "subject": data.subject.strip(),
        "description": data.description,
        "topic": data.topic.strip(),
        "file_no": data.file_no.strip(),
        "requesting_body": data.requesting_body.strip(),
        "requesting_ref": data.requesting_ref.strip(),
        "body_due": data.body_due,
        "employee_concerned": data.employee_concerned.strip(),
    }


def new_case_fields(data: CaseInput, profile: OfficeProfile, **state: Any) -> dict[str, Any]:
    """The stored fields of a new case from its intake data; `state` adds sent/closed dates (import).

    Deadlines, responsibility (GF kinds) and the next due item are derived here, in one place.
    """
    deadlines = compute_deadlines(
        profile,
        data.kind,
        data.channel,
        data.received,
        has_addressee=data.person is not None,
        ack_sent=state.get("ack_sent"),
        body_due=data.body_due,
    )
    gf_kind = data.kind in GF_KINDS
    fields: dict[str, Any] = {
        "year": data.received.year,
        "kind": data.kind,
        **_editable_fields(data),
        "status": STATUS_CLOSED if state.get("closed") else STATUS_OPEN,
        "ack_due": deadlines.ack_due,
        "final_due": deadlines.final_due,
        "gf_due": deadlines.gf_due,
        "lead": "gf" if gf_kind else "team",
        "sign_off_role": "GF" if gf_kind else "TL",
        "escalation_level": 3 if gf_kind else 1,
        "follows_ref": data.follows_ref or "",
    }
    fields.update(state)
    fields.update(clock_fields(fields))
    return fields


def register(data: CaseInput, *, today: date, user: str, profile: OfficeProfile | None = None) -> Case:
    """Register a Kundenreaktion (after intake triage) and compute its deadlines."""
    earlier = check_case(data, today)
    profile = profile or load_profile()
    gf_kind = data.kind in GF_KINDS
    with write_transaction():
        ref, seq = next_ref(data.received.year)
        case = Case.create(
            ref=ref,
            seq=seq,
            person=_party(data.person),
            represented=_party(data.represented),
            follows=earlier,
            **new_case_fields(data, profile),
        )
        for position, concern in enumerate(data.concern_list(), start=1):
            Concern.create(case=case, position=position, kind=concern.kind, outcome=concern.outcome)
        text = f"Kundenreaktion erfasst: {label(KINDS, data.kind)}, Eingang {data.received:%d.%m.%Y}" + (
            f", Folgereaktion zu {earlier.ref}" if earlier else ""
        )
        log(case.id, "registered", text, today, user)
        if gf_kind:
            log(case.id, "gf_lead", "Federführung und Schlusszeichnung bei der Geschäftsführung.", today, user)
    return case


def record_routing_note(finding: str, received: date, note: str, *, today: date, user: str) -> RoutingNote:
    """Intake found no KRM matter: keep only where it went (no case, no personal data)."""
    from krm_desktop.model.codes import NOT_KRM

    problem = v.code_problem(finding, NOT_KRM, "Prüfergebnis") or v.date_problem(received, "Eingangsdatum", today)
    problem = problem or v.text_problem(note, "Vermerk", max_len=500, multiline=False)
    if problem:
        raise field_error("note", problem)
    return RoutingNote.create(
        received=received,
        category=finding,
        destination=NOT_KRM[finding][1],
        note=note.strip(),
        at=stamp(today),
        actor=user,
    )


def _deadline_fields(case: Case, profile: OfficeProfile, **facts: Any) -> dict[str, Any]:
    """Deadlines of the case, with the given clock-relevant facts replacing the stored ones."""
    current: dict[str, Any] = {
        "channel": case.channel,
        "received": case.received,
        "ack_sent": case.ack_sent,
        "body_due": case.body_due,
        "has_addressee": case.person_id is not None,
    }
    current.update(facts)
    d = compute_deadlines(
        profile,
        case.kind,
        current["channel"],
        current["received"],
        has_addressee=current["has_addressee"],
        ack_sent=current["ack_sent"],
        body_due=current["body_due"],
    )
    return {"ack_due": d.ack_due, "final_due": d.final_due, "gf_due": d.gf_due}


def acknowledge(
    case_id: int, *, version: int, sent_on: date, today: date, user: str, profile: OfficeProfile | None = None
) -> Case:
    with write_transaction():
        case = load_for(case_id, version, checks.ACKNOWLEDGE)
        refuse_if(checks.sent_errors(sent_on, "Versanddatum", case.received, today))
        profile = profile or load_profile()
        changes: dict[str, Any] = {"ack_sent": sent_on}
        if profile.final.start == FROM_ACK_SENT:
            # Only this clock depends on the sending; other stored deadlines never move afterwards.
            changes["final_due"] = _deadline_fields(case, profile, ack_sent=sent_on)["final_due"]
        case = save(case, **changes)
        late = " (nach Fristablauf)" if case.ack_due and sent_on > case.ack_due else ""
        log(case.id, "acknowledged", f"Eingangsbestätigung versandt am {sent_on:%d.%m.%Y}{late}.", today, user)
    return case


def send_interim(
    case_id: int, *, version: int, sent_on: date, reason: str, expected: date | None, today: date, user: str
) -> Case:
    with write_transaction():
        case = load_for(case_id, version, checks.INTERIM)
        refuse_if(
            checks.interim_errors(
                sent_on=sent_on, reason=reason, expected=expected, received=case.received, today=today
            )
        )
        assert expected is not None  # interim_errors refuses a missing date
        case = save(case, interim_sent=sent_on, interim_reason=reason, interim_expected=expected)
        log(
            case.id,
            "interim",
            f"Zwischennachricht versandt am {sent_on:%d.%m.%Y}; voraussichtliche "
            f"Erledigung bis {expected:%d.%m.%Y}. Grund: {reason}",
            today,
            user,
        )
    return case


def assign_team(case_id: int, *, version: int, team_id: int | None, today: date, user: str) -> Case:
    with write_transaction():
        case = load_for(case_id, version, checks.ASSIGN)
        team = Team.get_or_none(Team.id == team_id) if team_id is not None else None
        if team is None:
            gone = " (das gewählte gibt es nicht mehr)" if team_id is not None else ""
            raise field_error("team", f"Bitte ein Team wählen{gone}.")
        if team.id == case.team_id:
            raise field_error("team", f"{team.name} ist bereits zuständig.")
        case = save(case, team=team)
        log(case.id, "assigned", f"Zuständig: {team.name}.", today, user)
    return case


def escalate(case_id: int, *, version: int, to_level: int | None, reason: str, today: date, user: str) -> Case:
    """TL (1) -> BL (2) -> GF (3); skipping a level is the exception and needs a reason."""
    with write_transaction():
        case = load_for(case_id, version, checks.ESCALATE)
        refuse_if(checks.escalation_errors(current=case.escalation_level, to_level=to_level, reason=reason))
        assert to_level is not None
        changes: dict[str, Any] = {"escalation_level": to_level}
        if to_level == 3:
            changes["lead"] = "gf"
        case = save(case, **changes)
        role = label(STAFF_ROLES, ESCALATION_ROLES[to_level])
        text = f"Eskaliert auf Stufe {to_level} ({role})." + (f" Begründung: {reason}" if reason.strip() else "")
        log(case.id, "escalated", text, today, user)
    return case


def reserve_sign_off(case_id: int, *, version: int, today: date, user: str) -> Case:
    with write_transaction():
        case = load_for(case_id, version, checks.RESERVE)
        case = save(case, sign_off_role="GF")
        log(
            case.id, "sign_off_reserved", "Die Geschäftsführung hat sich die Schlusszeichnung vorbehalten.", today, user
        )
    return case


def record_statement(
    case_id: int,
    *,
    version: int,
    author: str,
    author_role: str,
    received_on: date | None,
    text: str,
    today: date,
    user: str,
) -> Case:
    with write_transaction():
        case = load_for(case_id, version, checks.STATEMENT)
        refuse_if(
            checks.statement_errors(
                author=author,
                author_role=author_role,
                received_on=received_on,
                text=text,
                received=case.received,
                today=today,
            )
        )
        Statement.create(case=case, author=author.strip(), author_role=author_role, received_on=received_on, text=text)
        case = save(case)
        log(
            case.id,
            "statement",
            f"Stellungnahme von {author.strip()} ({label(STAFF_ROLES, author_role)}) "
            f"eingegangen am {received_on:%d.%m.%Y}.",
            today,
            user,
        )
    return case


def follow_up(earlier_id: int, data: CaseInput, *, today: date, user: str) -> Case:
    """The same customer returns on the same matter after the case was closed: a linked Folgereaktion."""
    earlier = Case.get_or_none(Case.id == earlier_id)
    if earlier is None:
        raise field_error("follows", "Die frühere Kundenreaktion gibt es nicht mehr.")
    data.kind = "folgereaktion"
    data.follows_ref = earlier.ref
    if data.concerns:
        data.concerns[0].kind = "folgereaktion"
    with write_transaction():
        case = register(data, today=today, user=user)
        log(earlier.id, "follow_up", f"Folgereaktion {case.ref} eingegangen am {data.received:%d.%m.%Y}.", today, user)
    return case


def update_case(
    case_id: int, *, version: int, data: CaseInput, today: date, user: str, profile: OfficeProfile | None = None
) -> Case:
    """Edit the registered data of an open case; clock-relevant changes recompute its deadlines."""
    with write_transaction():
        case = load_open(case_id, version)
        if data.kind != case.kind:
            raise field_error("kind", "Die Anliegensart ändert sich nur durch Umdeutung (Dienstaufsichtsbeschwerde).")
        purged = case.follows_id is None and bool(case.follows_ref)  # the earlier case was deleted by the purge
        data.follows_ref = case.follows.ref if case.follows_id else None
        check_case(data, today, follows_purged=purged)
        changes = _editable_fields(data)
        if data.received.year != case.year:
            raise field_error(
                "received",
                f"Das Aktenzeichen {case.ref} gehört zum Jahr {case.year}; das Eingangsdatum kann nur "
                "innerhalb dieses Jahres korrigiert werden.",
            )
        for name in ("ack_sent", "interim_sent", "answer_sent"):
            sent = getattr(case, name)
            if sent is not None and sent < data.received:
                raise field_error("received", "Das Eingangsdatum kann nicht nach bereits versandten Schreiben liegen.")
        changes["person"] = _replace_party(case.person, data.person)
        changes["represented"] = _replace_party(case.represented, data.represented)
        clock_keys = ("channel", "received", "body_due")
        if any(changes[k] != getattr(case, k) for k in clock_keys) or (case.person_id is None) != (data.person is None):
            changes.update(
                _deadline_fields(
                    case,
                    profile or load_profile(),
                    channel=data.channel,
                    received=data.received,
                    body_due=data.body_due,
                    has_addressee=data.person is not None,
                )
            )
            changed_clock = True
        else:
            changed_clock = False
        Concern.delete().where(Concern.case == case.id).execute()
        for position, concern in enumerate(data.concern_list(), start=1):
            Concern.create(case=case.id, position=position, kind=concern.kind, outcome=concern.outcome)
        case = save(case, **changes)
        text = "Erfassungsdaten geändert" + ("; Fristen neu berechnet" if changed_clock else "") + "."
        log(case.id, "edited", text, today, user)
    return case


def _replace_party(existing: Party | None, data: PartyRecord | None) -> Party | None:
    if data is None:
        return None
    if existing is None:
        return _party(data)
    Party.update(**data.stored_fields(), version=Party.version + 1).where(Party.id == existing.id).execute()
    return existing
