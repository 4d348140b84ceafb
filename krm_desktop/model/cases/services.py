"""Case services: register, acknowledge (or decide that no acknowledgement is sent), interim notice, assign, escalate, sign-off reserve, statement, follow-up,
edit. The end of a case (waiver, answer, sign-off, close) lives in `closing`, the DAB's decision in `dab`; both
are re-exported here for callers of `cases`.

Every service takes the acting user and `today`; every change is one short write transaction (`transactions`)
that writes an event and bumps the case's optimistic `version` (see `writes`). A stale version is refused,
nothing overwritten. What a registration stores is computed by the pure `registration` (with `new_case_fields`),
what a workflow action does by the pure `transitions`; what the state of a case allows and what an input must
satisfy are the pure checks of `action_checks`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from krm_desktop.model import validation as v
from krm_desktop.model.cases import transitions
from krm_desktop.model.cases.closing import close, may_sign, record_answer, record_waiver, sign_off_label, signing_staff
from krm_desktop.model.cases.concern_teams import (
    SEVERAL_TEAMS_ACTION,
    SEVERAL_TEAMS_TEXT,
    edited_lead,
    lead_fields,
    several_teams,
)
from krm_desktop.model.cases.intake import CaseInput, check_case
from krm_desktop.model.cases.numbering import next_ref
from krm_desktop.model.cases.party import PartyRecord
from krm_desktop.model.cases.transitions import Entry, Fields, clock_fields
from krm_desktop.model.cases.writes import apply, case_fields, field_error, load_open, log, save, stamp
from krm_desktop.model.codes import GF_KINDS, KINDS, STATUS_CLOSED, STATUS_OPEN, label
from krm_desktop.model.office.profiles import OfficeProfile, load_profile
from krm_desktop.model.store.entities import Case, Concern, Event, Party, RoutingNote, Team
from krm_desktop.model.store.transactions import write_transaction
from krm_desktop.model.time.deadlines import compute_deadlines

__all__ = [
    "acknowledge",
    "assign_team",
    "clock_fields",
    "close",
    "escalate",
    "follow_up",
    "follow_up_entry",
    "log",
    "may_sign",
    "new_case_fields",
    "next_ref",
    "present_to_gf",
    "record_answer",
    "record_routing_note",
    "record_statement",
    "record_waiver",
    "register",
    "registration",
    "reserve_sign_off",
    "send_interim",
    "sign_off_label",
    "signing_staff",
    "update_case",
    "waive_acknowledgement",
]


def _party(data: PartyRecord | None) -> Party | None:
    if data is None:
        return None
    return Party.create(**data.stored_fields())


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
        "body_street": data.body_street.strip(),
        "body_postcode": data.body_postcode.strip(),
        "body_city": data.body_city.strip(),
        "ba_responsible": data.ba_responsible,
        "employee_concerned": data.employee_concerned.strip(),
        "card_tenor": data.card_tenor,  # issue 19: a Meinungskarte's Lob/Anregung/Kritik
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
    teams = data.concern_teams()
    fields: dict[str, Any] = {
        "year": data.received.year,
        "kind": data.kind,
        **_editable_fields(data),
        "team": teams[0],
        "status": STATUS_CLOSED if state.get("closed") else STATUS_OPEN,
        "ack_due": deadlines.ack_due,
        "final_due": deadlines.final_due,
        "gf_due": deadlines.gf_due,
        **lead_fields(gf_kind=gf_kind, several=several_teams(teams)),
        "follows_ref": data.follows_ref or "",
    }
    fields.update(state)
    fields.update(clock_fields(fields))
    return fields


@dataclass(frozen=True)
class Registration:
    """What registering a case stores, besides its reference and its parties."""

    fields: Fields  # `new_case_fields`
    concerns: tuple[Fields, ...]  # position, kind, outcome, team
    entries: tuple[Entry, ...]


def registration(data: CaseInput, profile: OfficeProfile) -> Registration:
    """The pure part of `register`, for an input that passed `check_case`."""
    text = f"Kundenreaktion erfasst: {label(KINDS, data.kind)}, Eingang {data.received:%d.%m.%Y}" + (
        f", Folgereaktion zu {data.follows_ref}" if data.follows_ref else ""
    )
    entries = [Entry("registered", text)]
    if data.kind in GF_KINDS:
        entries.append(Entry("gf_lead", "Federführung und Schlusszeichnung bei der Geschäftsführung."))
    teams = data.concern_teams()
    if several_teams(teams):
        entries.append(Entry(SEVERAL_TEAMS_ACTION, SEVERAL_TEAMS_TEXT))
    concerns = tuple(
        {"position": position, "kind": concern.kind, "outcome": concern.outcome, "team": team}
        for position, (concern, team) in enumerate(zip(data.concern_list(), teams, strict=True), start=1)
    )
    return Registration(new_case_fields(data, profile), concerns, tuple(entries))


def register(data: CaseInput, *, today: date, user: str, profile: OfficeProfile | None = None) -> Case:
    """Register a Kundenreaktion (after intake triage) and compute its deadlines."""
    earlier = check_case(data, today)  # a Folgereaktion's earlier case, found by data.follows_ref
    new = registration(data, profile or load_profile())
    with write_transaction():
        # The reference runs per year of registration: a letter of 29.12. registered on 02.01. counts in the new year.
        ref, seq = next_ref(today.year)
        case = Case.create(
            **{**new.fields, "year": today.year},
            ref=ref,
            seq=seq,
            person=_party(data.person),
            represented=_party(data.represented),
            follows=earlier,
        )
        for concern in new.concerns:
            Concern.create(case=case, **concern)
        for entry in new.entries:
            log(case.id, entry.action, entry.text, today, user)
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


def acknowledge(
    case_id: int, *, version: int, sent_on: date, today: date, user: str, profile: OfficeProfile | None = None
) -> Case:
    with write_transaction():
        case = load_open(case_id, version)
        change = transitions.acknowledge(
            case_fields(case), sent_on=sent_on, today=today, profile=profile or load_profile()
        )
        return apply(case, change, today, user)


def present_to_gf(case_id: int, *, version: int, presented_on: date | None, today: date, user: str) -> Case:
    """ "Vorgelegt an GF am": the Sofortsache of a petition, Eingabe or DAB is done."""
    with write_transaction():
        case = load_open(case_id, version)
        change = transitions.present_to_gf(case_fields(case), presented_on=presented_on, today=today)
        return apply(case, change, today, user)


def waive_acknowledgement(
    case_id: int,
    *,
    version: int,
    decided_on: date | None,
    reason: str,
    today: date,
    user: str,
    profile: OfficeProfile | None = None,
) -> Case:
    """ "Eingangsbestätigung entfällt": `user` (the KRM) decided on `decided_on`, for `reason`."""
    with write_transaction():
        case = load_open(case_id, version)
        change = transitions.waive_acknowledgement(
            case_fields(case),
            decided_on=decided_on,
            reason=reason,
            decided_by=user,
            today=today,
            profile=profile or load_profile(),
        )
        return apply(case, change, today, user)


def send_interim(
    case_id: int, *, version: int, sent_on: date, reason: str, expected: date | None, today: date, user: str
) -> Case:
    with write_transaction():
        case = load_open(case_id, version)
        change = transitions.send_interim(
            case_fields(case), sent_on=sent_on, reason=reason, expected=expected, today=today
        )
        return apply(case, change, today, user)


def assign_team(case_id: int, *, version: int, team_id: int | None, today: date, user: str) -> Case:
    with write_transaction():
        case = load_open(case_id, version)
        team = Team.get_or_none(Team.id == team_id) if team_id is not None else None
        others: Any = Concern.select(Concern.team).where((Concern.case == case.id) & (Concern.position > 1)).tuples()
        change = transitions.assign_team(
            case_fields(case),
            team_id=team_id,
            team_name=team.name if team else None,
            today=today,
            other_teams=[t for (t,) in others],
        )
        return apply(case, change, today, user)


def escalate(case_id: int, *, version: int, to_level: int | None, reason: str, today: date, user: str) -> Case:
    """TL (1) -> BL (2) -> GF (3); skipping a level is the exception and needs a reason."""
    with write_transaction():
        case = load_open(case_id, version)
        change = transitions.escalate(case_fields(case), to_level=to_level, reason=reason, today=today)
        return apply(case, change, today, user)


def reserve_sign_off(case_id: int, *, version: int, today: date, user: str) -> Case:
    with write_transaction():
        case = load_open(case_id, version)
        return apply(case, transitions.reserve_sign_off(case_fields(case), today=today), today, user)


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
        case = load_open(case_id, version)
        change = transitions.record_statement(
            case_fields(case), author=author, author_role=author_role, received_on=received_on, text=text, today=today
        )
        return apply(case, change, today, user)


def follow_up_entry(ref: str, received: date) -> Entry:
    """What the earlier case's history says when its Folgereaktion `ref` comes in."""
    return Entry("follow_up", f"Folgereaktion {ref} eingegangen am {received:%d.%m.%Y}.")


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
        entry = follow_up_entry(case.ref, data.received)
        log(earlier.id, entry.action, entry.text, today, user)
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
        for name in ("ack_sent", "interim_sent", "answer_sent"):
            sent = getattr(case, name)
            if sent is not None and sent < data.received:
                raise field_error("received", "Das Eingangsdatum kann nicht nach bereits versandten Schreiben liegen.")
        changes["person"] = _replace_party(case.person, data.person)
        changes["represented"] = _replace_party(case.represented, data.represented)
        clock_keys = ("channel", "received", "body_due")
        if any(changes[k] != getattr(case, k) for k in clock_keys) or (case.person_id is None) != (data.person is None):
            changes.update(
                transitions.deadline_fields(
                    case_fields(case),
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
        lead_text = _replace_concerns(case, data, changes)
        case = save(case, **changes)
        text = "Erfassungsdaten geändert" + ("; Fristen neu berechnet" if changed_clock else "") + "."
        log(case.id, "edited", text, today, user)
        if lead_text:
            log(case.id, SEVERAL_TEAMS_ACTION, lead_text, today, user)
    return case


def _replace_concerns(case: Case, data: CaseInput, changes: dict[str, Any]) -> str:
    """Store the edited Anliegen with their teams; who leads follows the number of teams concerned (into
    `changes`). Returns the history's text of a change of the lead, or ""."""
    rows: Any = Concern.select(Concern.team).where(Concern.case == case.id).tuples()
    before: list[int | None] = [team for (team,) in rows]
    teams = data.concern_teams()
    changes["team"] = teams[0]
    Concern.delete().where(Concern.case == case.id).execute()
    for position, (concern, team) in enumerate(zip(data.concern_list(), teams, strict=True), start=1):
        Concern.create(case=case.id, position=position, kind=concern.kind, outcome=concern.outcome, team=team)
    lead, text = edited_lead(
        lead=case.lead,
        sign_off_role=case.sign_off_role,
        escalation_level=case.escalation_level,
        gf_kind=case.kind in GF_KINDS,
        before=several_teams(before),
        after=several_teams(teams),
        reserved=Event.select().where((Event.case == case.id) & (Event.action == "sign_off_reserved")).exists(),
    )
    changes.update(lead)
    return text


def _replace_party(existing: Party | None, data: PartyRecord | None) -> int | None:
    """The id of the party after the edit."""
    if data is None:
        return None
    if existing is None:
        party = _party(data)
        return party.id if party else None
    Party.update(**data.stored_fields(), version=Party.version + 1).where(Party.id == existing.id).execute()
    return existing.id
