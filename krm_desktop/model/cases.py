"""Case services: register, acknowledge, interim notice, escalate, statement, DAB decision, waiver, close.

Every service takes the acting user and `today`; every change is one transaction that writes an
event and bumps the case's optimistic `version`. A stale version is refused, nothing overwritten.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from peewee import fn

from krm_desktop.model import validation as v
from krm_desktop.model.codes import (
    COMPLAINT_KINDS,
    ESCALATION_ROLES,
    GF_KINDS,
    KINDS,
    OUTCOMES,
    ROLE_RANK,
    STAFF_ROLES,
    STATUS_CLOSED,
    STATUS_OPEN,
    label,
)
from krm_desktop.model.deadlines import CLOCK_FIELDS, ClockFacts, compute_deadlines, next_due
from krm_desktop.model.entities import (
    Case,
    Concern,
    Event,
    Party,
    RoutingNote,
    Staff,
    Statement,
    Team,
    database,
)
from krm_desktop.model.errors import ConflictError, RefusedError, ValidationError
from krm_desktop.model.intake import CaseInput, PartyInput, check_case
from krm_desktop.model.profiles import FROM_ACK_SENT, OfficeProfile, load_profile


def _stamp(today: date) -> datetime:
    # The model never reads the wall clock: an event is stamped with the business day it was done on.
    return datetime.combine(today, time.min)


def log(case_id: int, action: str, text: str, today: date, user: str) -> None:
    Event.create(case=case_id, at=_stamp(today), on_day=today, actor=user, action=action, text=text)


def _fail(field: str, message: str) -> ValidationError:
    return ValidationError({field: message})


def _load(case_id: int, version: int) -> Case:
    case = Case.get_or_none(Case.id == case_id)
    if case is None:
        raise RefusedError("Diese Kundenreaktion gibt es nicht mehr (gelöscht).")
    if case.version != version:
        raise ConflictError(
            f"{case.ref} wurde inzwischen an einem anderen Platz geändert. Ihre Eingaben bleiben erhalten; "
            "bitte laden Sie den Fall neu und übertragen Sie sie dann."
        )
    return case


def _load_open(case_id: int, version: int) -> Case:
    case = _load(case_id, version)
    if case.status != STATUS_OPEN:
        raise RefusedError(f"{case.ref} ist abgeschlossen; dafür ist eine Folgereaktion anzulegen.")
    if case.anonymised:
        raise RefusedError(f"{case.ref} ist anonymisiert und kann nicht mehr bearbeitet werden.")
    return case


def clock_fields(values: dict[str, Any]) -> dict[str, Any]:
    """next_action/next_due for a case whose clock-relevant fields are `values`."""
    action, due = next_due(ClockFacts(*(values.get(name) for name in CLOCK_FIELDS)))
    return {"next_action": action, "next_due": due}


def _save(case: Case, **changes: Any) -> Case:
    """Write the changes only if nobody saved the case meanwhile."""
    changes.update(clock_fields({name: changes.get(name, getattr(case, name)) for name in CLOCK_FIELDS}))
    updated = (
        Case.update(**changes, version=Case.version + 1)
        .where((Case.id == case.id) & (Case.version == case.version))
        .execute()
    )
    if updated != 1:
        raise ConflictError(f"{case.ref} wurde inzwischen an einem anderen Platz geändert. Bitte neu laden.")
    return Case.get_by_id(case.id)


def _party(data: PartyInput | None) -> Party | None:
    if data is None:
        return None
    return Party.create(**vars(data))


def next_ref(year: int) -> tuple[str, int]:
    last = Case.select(fn.MAX(Case.seq)).where(Case.year == year).scalar() or 0
    return v.format_ref(year, last + 1), last + 1


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
        "channel": data.channel,
        "via": data.via,
        "received": data.received,
        "team": data.team_id,
        "subject": data.subject.strip(),
        "description": data.description,
        "file_no": data.file_no.strip(),
        "status": STATUS_CLOSED if state.get("closed") else STATUS_OPEN,
        "ack_due": deadlines.ack_due,
        "final_due": deadlines.final_due,
        "gf_due": deadlines.gf_due,
        "lead": "gf" if gf_kind else "team",
        "sign_off_role": "GF" if gf_kind else "TL",
        "escalation_level": 3 if gf_kind else 1,
        "requesting_body": data.requesting_body.strip(),
        "requesting_ref": data.requesting_ref.strip(),
        "body_due": data.body_due,
        "employee_concerned": data.employee_concerned.strip(),
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
    with database.atomic():
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
        raise _fail("note", problem)
    return RoutingNote.create(
        received=received,
        category=finding,
        destination=NOT_KRM[finding][1],
        note=note.strip(),
        at=_stamp(today),
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


def _action_date(value: date, label_text: str, case: Case, today: date) -> None:
    problem = v.date_problem(value, label_text, today, not_before=case.received, not_before_label="dem Eingang")
    if problem:
        raise _fail("date", problem)


def _require_clock(case: Case, what: str) -> None:
    if case.ack_due is None and case.final_due is None:
        raise RefusedError(f"{case.ref} hat keine Adressatin/keinen Adressaten: {what} entfällt.")


def acknowledge(
    case_id: int, *, version: int, sent_on: date, today: date, user: str, profile: OfficeProfile | None = None
) -> Case:
    with database.atomic():
        case = _load_open(case_id, version)
        _require_clock(case, "eine Eingangsbestätigung")
        if case.ack_sent:
            raise RefusedError(f"Die Eingangsbestätigung ist bereits am {case.ack_sent:%d.%m.%Y} versandt.")
        _action_date(sent_on, "Versanddatum", case, today)
        profile = profile or load_profile()
        changes: dict[str, Any] = {"ack_sent": sent_on}
        if profile.final.start == FROM_ACK_SENT:
            # Only this clock depends on the sending; other stored deadlines never move afterwards.
            changes["final_due"] = _deadline_fields(case, profile, ack_sent=sent_on)["final_due"]
        case = _save(case, **changes)
        late = " (nach Fristablauf)" if case.ack_due and sent_on > case.ack_due else ""
        log(case.id, "acknowledged", f"Eingangsbestätigung versandt am {sent_on:%d.%m.%Y}{late}.", today, user)
    return case


def send_interim(
    case_id: int, *, version: int, sent_on: date, reason: str, expected: date, today: date, user: str
) -> Case:
    with database.atomic():
        case = _load_open(case_id, version)
        _require_clock(case, "eine Zwischennachricht")
        _action_date(sent_on, "Versanddatum", case, today)
        problem = v.required_problem(reason, "Grund der Verzögerung") or v.text_problem(reason, "Grund")
        if problem:
            raise _fail("reason", problem)
        if expected <= sent_on:
            raise _fail(
                "expected", "Die voraussichtliche Erledigung muss nach dem Versand der Zwischennachricht liegen."
            )
        case = _save(case, interim_sent=sent_on, interim_reason=reason, interim_expected=expected)
        log(
            case.id,
            "interim",
            f"Zwischennachricht versandt am {sent_on:%d.%m.%Y}; voraussichtliche "
            f"Erledigung bis {expected:%d.%m.%Y}. Grund: {reason}",
            today,
            user,
        )
    return case


def assign_team(case_id: int, *, version: int, team_id: int, today: date, user: str) -> Case:
    with database.atomic():
        case = _load_open(case_id, version)
        team = Team.get_or_none(Team.id == team_id)
        if team is None:
            raise _fail("team", "Das gewählte Team gibt es nicht (mehr).")
        case = _save(case, team=team)
        log(case.id, "assigned", f"Zuständig: {team.name}.", today, user)
    return case


def escalate(case_id: int, *, version: int, to_level: int, reason: str, today: date, user: str) -> Case:
    """TL (1) -> BL (2) -> GF (3); skipping a level is the exception and needs a reason."""
    with database.atomic():
        case = _load_open(case_id, version)
        if to_level not in ESCALATION_ROLES or to_level <= case.escalation_level:
            raise _fail("level", f"Eskalation nur auf eine höhere Stufe als {case.escalation_level} (höchstens 3).")
        problem = v.text_problem(reason, "Begründung")
        if to_level > case.escalation_level + 1 and not reason.strip():
            problem = "Das Überspringen einer Eskalationsstufe ist die Ausnahme: bitte begründen."
        if problem:
            raise _fail("reason", problem)
        changes: dict[str, Any] = {"escalation_level": to_level}
        if to_level == 3:
            changes["lead"] = "gf"
        case = _save(case, **changes)
        role = label(STAFF_ROLES, ESCALATION_ROLES[to_level])
        text = f"Eskaliert auf Stufe {to_level} ({role})." + (f" Begründung: {reason}" if reason.strip() else "")
        log(case.id, "escalated", text, today, user)
    return case


def reserve_sign_off(case_id: int, *, version: int, today: date, user: str) -> Case:
    with database.atomic():
        case = _load_open(case_id, version)
        case = _save(case, sign_off_role="GF")
        log(
            case.id, "sign_off_reserved", "Die Geschäftsführung hat sich die Schlusszeichnung vorbehalten.", today, user
        )
    return case


def record_statement(
    case_id: int, *, version: int, author: str, author_role: str, received_on: date, text: str, today: date, user: str
) -> Case:
    with database.atomic():
        case = _load_open(case_id, version)
        problems = {
            "author": v.required_problem(author, "Verfasser/in")
            or v.text_problem(author, "Verfasser/in", max_len=200, multiline=False),
            "author_role": None if author_role in STAFF_ROLES else v.code_problem(author_role, STAFF_ROLES, "Funktion"),
            "text": v.required_problem(text, "Stellungnahme") or v.text_problem(text, "Stellungnahme"),
        }
        errors = {k: p for k, p in problems.items() if p}
        if errors:
            raise ValidationError(errors)
        _action_date(received_on, "Eingang der Stellungnahme", case, today)
        Statement.create(case=case, author=author.strip(), author_role=author_role, received_on=received_on, text=text)
        case = _save(case)
        log(
            case.id,
            "statement",
            f"Stellungnahme von {author.strip()} ({label(STAFF_ROLES, author_role)}) "
            f"eingegangen am {received_on:%d.%m.%Y}.",
            today,
            user,
        )
    return case


def record_waiver(case_id: int, *, version: int, declared_on: date, reasons: str, today: date, user: str) -> Case:
    """The customer declared in writing, with concrete reasons, that no written answer is wanted."""
    with database.atomic():
        case = _load_open(case_id, version)
        if case.person_id is None:
            raise RefusedError(f"{case.ref} ist anonym: ein Verzicht auf schriftliche Antwort entfällt.")
        problem = v.required_problem(reasons, "Gründe des Verzichts") or v.text_problem(reasons, "Gründe")
        if problem:
            raise _fail("reasons", problem)
        _action_date(declared_on, "Datum der Verzichtserklärung", case, today)
        case = _save(case, waiver=True, waiver_reasons=reasons)
        log(
            case.id,
            "waiver",
            f"Verzicht auf schriftliche Antwort erklärt am {declared_on:%d.%m.%Y}. Gründe: {reasons}",
            today,
            user,
        )
    return case


def may_sign(case: Case, staff: Staff) -> bool:
    if case.sign_off_role == "GF":
        return staff.role == "GF"
    if staff.role == "KRM":
        return True
    return ROLE_RANK.get(staff.role, -1) >= ROLE_RANK[ESCALATION_ROLES[case.escalation_level]]


def sign_off_label(case: Case) -> str:
    if case.sign_off_role == "GF":
        return "Geschäftsführung"
    return f"{label(STAFF_ROLES, ESCALATION_ROLES[case.escalation_level])} oder KRM-Beauftragte/r"


def close(
    case_id: int,
    *,
    version: int,
    closed_on: date,
    today: date,
    user: str,
    outcomes: dict[int, str] | None = None,
    signed_by: int | None = None,
    answer_sent: date | None = None,
) -> Case:
    """Close a case: every complaint concern needs an outcome, the answer (or a waiver) and the right sign-off."""
    outcomes = outcomes or {}
    with database.atomic():
        case = _load_open(case_id, version)
        _action_date(closed_on, "Abschlussdatum", case, today)
        concerns = list(case.concerns.order_by(Concern.position))
        card = case.kind == "meinungskarte"
        errors: dict[str, str] = {}
        for concern in concerns:
            outcome = outcomes.get(concern.position, concern.outcome)
            if outcome is not None and outcome not in OUTCOMES:
                errors[f"concerns.{concern.position}.outcome"] = v.code_problem(outcome, OUTCOMES, "Ergebnis") or ""
            elif concern.kind in COMPLAINT_KINDS and outcome is None and not card:
                errors[f"concerns.{concern.position}.outcome"] = (
                    f"Anliegen {concern.position} ({label(KINDS, concern.kind)}): bitte Ergebnis wählen "
                    "(begründet, unbegründet oder nicht bewertbar)."
                )
            elif concern.kind not in COMPLAINT_KINDS and outcome is not None:
                errors[f"concerns.{concern.position}.outcome"] = "Nur Beschwerden erhalten ein Ergebnis."
        if answer_sent is not None:
            problem = v.date_problem(
                answer_sent, "Versand der Antwort", today, not_before=case.received, not_before_label="dem Eingang"
            )
            if problem or answer_sent > closed_on:
                errors["answer_sent"] = problem or "Die Antwort kann nicht nach dem Abschluss versandt worden sein."
        answered = answer_sent or case.answer_sent
        if answered is not None and answered > closed_on and "answer_sent" not in errors:
            errors["answer_sent"] = (
                f"Die Antwort wurde am {answered:%d.%m.%Y} versandt; der Abschluss kann nicht davor liegen."
            )
        addressee = case.person_id is not None and not card
        if addressee and answered is None and not case.waiver:
            errors["answer_sent"] = (
                "Ohne Antwortschreiben nur mit schriftlichem Verzicht: bitte Versanddatum der "
                "Antwort angeben oder den Verzicht erfassen."
            )
        if case.kind == "dienstaufsichtsbeschwerde":
            if not case.gf_decision:
                errors["gf_decision"] = "Eine Dienstaufsichtsbeschwerde schließt erst nach der Entscheidung der GF."
            elif case.employee_informed is None:
                errors["employee_informed"] = "Bitte erst die Information der/des Beschäftigten erfassen."
        signer = None
        if addressee or case.kind in GF_KINDS:
            signer = Staff.get_or_none(Staff.id == signed_by) if signed_by is not None else None
            if signer is None:
                errors["signed_by"] = f"Bitte die Schlusszeichnung angeben ({sign_off_label(case)})."
            elif not may_sign(case, signer):
                errors["signed_by"] = (
                    f"{signer.name} ({label(STAFF_ROLES, signer.role)}) darf hier nicht "
                    f"schlusszeichnen; zeichnungsbefugt: {sign_off_label(case)}."
                )
        if errors:
            raise ValidationError(errors)
        for concern in concerns:
            if concern.position in outcomes:
                Concern.update(outcome=outcomes[concern.position]).where(Concern.id == concern.id).execute()
        main_outcome = outcomes.get(1, concerns[0].outcome if concerns else None)
        case = _save(
            case, status=STATUS_CLOSED, closed=closed_on, answer_sent=answered, signed_by=signer, outcome=main_outcome
        )
        parts = [f"Abgeschlossen am {closed_on:%d.%m.%Y}"]
        if main_outcome:
            parts.append(f"Ergebnis: {label(OUTCOMES, main_outcome)}")
        if signer:
            parts.append(f"Schlusszeichnung: {signer.name} ({label(STAFF_ROLES, signer.role)})")
        if case.waiver and answer_sent is None and case.answer_sent is None:
            parts.append("ohne Antwortschreiben (Verzicht)")
        log(case.id, "closed", ", ".join(parts) + ".", today, user)
    return case


def record_answer(case_id: int, *, version: int, sent_on: date, today: date, user: str) -> Case:
    with database.atomic():
        case = _load_open(case_id, version)
        _require_clock(case, "ein Antwortschreiben")
        _action_date(sent_on, "Versanddatum", case, today)
        case = _save(case, answer_sent=sent_on)
        log(case.id, "answered", f"Antwortschreiben versandt am {sent_on:%d.%m.%Y}.", today, user)
    return case


def follow_up(earlier_id: int, data: CaseInput, *, today: date, user: str) -> Case:
    """The same customer returns on the same matter after the case was closed: a linked Folgereaktion."""
    earlier = Case.get_or_none(Case.id == earlier_id)
    if earlier is None:
        raise _fail("follows", "Die frühere Kundenreaktion gibt es nicht mehr.")
    data.kind = "folgereaktion"
    data.follows_ref = earlier.ref
    if data.concerns:
        data.concerns[0].kind = "folgereaktion"
    with database.atomic():
        case = register(data, today=today, user=user)
        log(earlier.id, "follow_up", f"Folgereaktion {case.ref} eingegangen am {data.received:%d.%m.%Y}.", today, user)
    return case


def update_case(
    case_id: int, *, version: int, data: CaseInput, today: date, user: str, profile: OfficeProfile | None = None
) -> Case:
    """Edit the registered data of an open case; clock-relevant changes recompute its deadlines."""
    with database.atomic():
        case = _load_open(case_id, version)
        if data.kind != case.kind:
            raise _fail("kind", "Die Anliegensart ändert sich nur durch Umdeutung (Dienstaufsichtsbeschwerde).")
        purged = case.follows_id is None and bool(case.follows_ref)  # the earlier case was deleted by the purge
        data.follows_ref = case.follows.ref if case.follows_id else None
        check_case(data, today, follows_purged=purged)
        changes: dict[str, Any] = {
            "channel": data.channel,
            "via": data.via,
            "received": data.received,
            "team": data.team_id,
            "subject": data.subject.strip(),
            "description": data.description,
            "file_no": data.file_no.strip(),
            "requesting_body": data.requesting_body.strip(),
            "requesting_ref": data.requesting_ref.strip(),
            "body_due": data.body_due,
            "employee_concerned": data.employee_concerned.strip(),
        }
        if data.received.year != case.year:
            raise _fail(
                "received",
                f"Das Aktenzeichen {case.ref} gehört zum Jahr {case.year}; das Eingangsdatum kann nur "
                "innerhalb dieses Jahres korrigiert werden.",
            )
        for name in ("ack_sent", "interim_sent", "answer_sent"):
            sent = getattr(case, name)
            if sent is not None and sent < data.received:
                raise _fail("received", "Das Eingangsdatum kann nicht nach bereits versandten Schreiben liegen.")
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
        case = _save(case, **changes)
        text = "Erfassungsdaten geändert" + ("; Fristen neu berechnet" if changed_clock else "") + "."
        log(case.id, "edited", text, today, user)
    return case


def _replace_party(existing: Party | None, data: PartyInput | None) -> Party | None:
    if data is None:
        return None
    if existing is None:
        return _party(data)
    Party.update(**vars(data), version=Party.version + 1).where(Party.id == existing.id).execute()
    return existing
