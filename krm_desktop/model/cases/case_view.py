"""A case as it is shown: the one read model behind the detail pane, the summary PDF and the letters.

`case_view` reads everything a display of one case needs in five queries (the case with its team, parties and
staff; its concerns; its statements; its history; who was informed zur Kenntnis) into frozen values. What the case stands at on a day
(`due_status`) is derived from its clock dates, with the office's working-day calendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from peewee import JOIN, fn

from krm_desktop.model.cases.notice_checks import Recipient
from krm_desktop.model.cases.party import PARTY_FIELDS, PartyRecord
from krm_desktop.model.store.entities import Case, Concern, Event, Notice, Party, Staff, Statement, Team
from krm_desktop.model.time.deadlines import ClockFacts, DueStatus, due_status
from krm_desktop.model.time.working_days import WorkingCalendar


@dataclass(frozen=True)
class CaseConcern:
    kind: str
    outcome: str | None = None  # complaints only: begruendet, unbegruendet, nicht_bewertbar
    team: str = ""  # the team that caused it; "" without a team


@dataclass(frozen=True)
class StaffName:
    id: int | None
    name: str
    role: str  # MA, TL, BL, GF, KRM


@dataclass(frozen=True)
class CaseStatement:
    author: str
    author_role: str
    received_on: date
    text: str
    team: str = ""  # set: the Beitrag of this team (several teams concerned)


@dataclass(frozen=True)
class HistoryEntry:
    """One line of the Fallhistorie: on which day, who, what."""

    on_day: date
    actor: str
    action: str
    text: str = ""

    @property
    def label(self) -> str:
        return self.text or self.action


@dataclass(frozen=True)
class CaseView:
    """A case with its concerns, parties, team, clock dates, responsibility, statements and history.

    The defaults are those of a new stored case, so that an invented case (a preview) names only what matters.
    """

    id: int | None  # None: an invented case (preview), not stored
    ref: str
    kind: str  # the main concern's kind
    channel: str
    via: str
    received: date
    subject: str = ""
    description: str = ""
    concerns: tuple[CaseConcern, ...] = ()  # in their order; empty only for an invented case
    person: PartyRecord | None = None  # None: anonymous
    represented: PartyRecord | None = None
    team: str = ""  # "" without a team
    area: str = ""  # the team's Bereich
    file_no: str = ""
    topic: str = ""
    status: str = "offen"
    outcome: str | None = None
    ack_due: date | None = None
    final_due: date | None = None
    ack_sent: date | None = None
    ack_waived: date | None = None  # "Eingangsbestätigung entfällt", decided that day
    ack_waived_reason: str = ""
    interim_sent: date | None = None
    interim_reason: str = ""
    interim_expected: date | None = None
    answer_sent: date | None = None
    closed: date | None = None
    gf_due: date | None = None  # petition/Eingabe/DAB: the Vorlage an GF
    gf_presented: date | None = None  # "vorgelegt an GF am"
    lead: str = "team"  # team or gf
    escalation_level: int = 1
    sign_off_role: str = "TL"
    signed_by: StaffName | None = None
    waiver: bool = False
    waiver_reasons: str = ""
    requesting_body: str = ""
    requesting_ref: str = ""
    body_due: date | None = None
    body_street: str = ""  # the requesting body's postal address
    body_postcode: str = ""
    body_city: str = ""
    ba_responsible: bool = False  # Pankow's petition steps
    ba_agreed: date | None = None
    statement_checked: date | None = None
    statement_checked_by: str = ""
    employee_concerned: str = ""
    gf_decision: str = ""
    decided_by: StaffName | None = None
    decided_on: date | None = None
    employee_informed: date | None = None
    reclassified_from: str | None = None
    # Issue 19: a Meinungskarte's Lob/Anregung/Kritik; the Aktenvermerk for the E-Akte/VerBIS (when, by whom).
    card_tenor: str = ""
    file_note_on: date | None = None
    file_note_by: str = ""
    statements: tuple[CaseStatement, ...] = ()  # oldest first
    history: tuple[HistoryEntry, ...] = ()  # oldest first
    anonymised: bool = False
    version: int = 1
    # Issue 19: who was informed (Zur Kenntnis), in the order it happened; Pankow's "vorlagepflichtig" mark.
    notices: tuple[Recipient, ...] = ()
    gf_required_on: date | None = None
    proposed_notices: tuple[Recipient, ...] = ()  # whom the office's rules propose; filled for documents only

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(c.kind for c in self.concerns) or (self.kind,)

    @property
    def teams_concerned(self) -> tuple[str, ...]:
        """The teams the Anliegen concern, each once, in their order (the case's team without Anliegen)."""
        names = tuple(dict.fromkeys(c.team for c in self.concerns if c.team))
        return names or ((self.team,) if self.team else ())

    @property
    def clock(self) -> ClockFacts:
        return ClockFacts(
            self.closed,
            self.ack_due,
            self.final_due,
            self.ack_sent,
            self.interim_sent,
            self.interim_expected,
            self.answer_sent,
            self.ack_waived,
            self.waiver,
            self.gf_due,
            self.gf_presented,
        )

    def due_status(self, today: date, calendar: WorkingCalendar) -> DueStatus:
        return due_status(self.clock, today, calendar)


_PERSON = Party.alias("person_row")
_REPRESENTED = Party.alias("represented_row")
_SIGNER = Staff.alias("signer")
_DECIDER = Staff.alias("decider")


def _party_columns(model: Any, prefix: str) -> list[Any]:
    return [model.id.alias(f"{prefix}id"), *(getattr(model, n).alias(f"{prefix}{n}") for n in PARTY_FIELDS)]


def _party(row: Any, prefix: str) -> PartyRecord | None:
    if getattr(row, f"{prefix}id") is None:
        return None
    return PartyRecord(*(getattr(row, f"{prefix}{n}") for n in PARTY_FIELDS))


def _staff(staff_id: int | None, name: str | None, role: str | None) -> StaffName | None:
    return StaffName(staff_id, name or "", role or "") if staff_id is not None and name is not None else None


def case_view(case_id: int) -> CaseView | None:
    """The case as shown, or None when it is gone."""
    row: Any = (
        Case.select(
            Case,
            Team.name.alias("team_name"),
            Team.area.alias("team_area"),
            *_party_columns(_PERSON, "p_"),
            *_party_columns(_REPRESENTED, "r_"),
            _SIGNER.name.alias("signer_name"),
            _SIGNER.role.alias("signer_role"),
            _DECIDER.name.alias("decider_name"),
            _DECIDER.role.alias("decider_role"),
        )
        .join_from(Case, Team, JOIN.LEFT_OUTER, on=(Case.team == Team.id))
        .join_from(Case, _PERSON, JOIN.LEFT_OUTER, on=(Case.person == _PERSON.id))
        .join_from(Case, _REPRESENTED, JOIN.LEFT_OUTER, on=(Case.represented == _REPRESENTED.id))
        .join_from(Case, _SIGNER, JOIN.LEFT_OUTER, on=(Case.signed_by == _SIGNER.id))
        .join_from(Case, _DECIDER, JOIN.LEFT_OUTER, on=(Case.decided_by == _DECIDER.id))
        .where(Case.id == case_id)
        .objects()
        .first()
    )
    if row is None:
        return None
    concerns = (
        Concern.select(Concern.kind, Concern.outcome, fn.COALESCE(Team.name, ""))
        .join(Team, JOIN.LEFT_OUTER, on=(Concern.team == Team.id))
        .where(Concern.case == case_id)
    )
    statements = Statement.select(
        Statement.author, Statement.author_role, Statement.received_on, Statement.text, fn.COALESCE(Team.name, "")
    ).join(Team, JOIN.LEFT_OUTER, on=(Statement.team == Team.id))
    events = Event.select(Event.on_day, Event.actor, Event.action, Event.text).where(Event.case == case_id)
    return CaseView(
        id=row.id,
        ref=row.ref,
        kind=row.kind,
        channel=row.channel,
        via=row.via,
        received=row.received,
        subject=row.subject,
        description=row.description,
        concerns=tuple(CaseConcern(*c) for c in cast(Any, concerns.order_by(Concern.position)).tuples()),
        person=_party(row, "p_"),
        represented=_party(row, "r_"),
        team=row.team_name or "",
        area=row.team_area or "",
        file_no=row.file_no,
        topic=row.topic,
        status=row.status,
        outcome=row.outcome,
        ack_due=row.ack_due,
        final_due=row.final_due,
        ack_sent=row.ack_sent,
        ack_waived=row.ack_waived,
        ack_waived_reason=row.ack_waived_reason,
        interim_sent=row.interim_sent,
        interim_reason=row.interim_reason,
        interim_expected=row.interim_expected,
        answer_sent=row.answer_sent,
        closed=row.closed,
        gf_due=row.gf_due,
        gf_presented=row.gf_presented,
        lead=row.lead,
        escalation_level=row.escalation_level,
        sign_off_role=row.sign_off_role,
        signed_by=_staff(row.signed_by_id, row.signer_name, row.signer_role),
        waiver=row.waiver,
        waiver_reasons=row.waiver_reasons,
        requesting_body=row.requesting_body,
        requesting_ref=row.requesting_ref,
        body_due=row.body_due,
        body_street=row.body_street,
        body_postcode=row.body_postcode,
        body_city=row.body_city,
        ba_responsible=row.ba_responsible,
        ba_agreed=row.ba_agreed,
        statement_checked=row.statement_checked,
        statement_checked_by=row.statement_checked_by,
        employee_concerned=row.employee_concerned,
        gf_decision=row.gf_decision,
        decided_by=_staff(row.decided_by_id, row.decider_name, row.decider_role),
        decided_on=row.decided_on,
        employee_informed=row.employee_informed,
        reclassified_from=row.reclassified_from,
        card_tenor=row.card_tenor,
        file_note_on=row.file_note_on,
        file_note_by=row.file_note_by,
        statements=tuple(
            CaseStatement(*s)
            for s in cast(
                Any, statements.where(Statement.case == case_id).order_by(Statement.received_on, Statement.id)
            ).tuples()
        ),
        history=tuple(HistoryEntry(*e) for e in cast(Any, events.order_by(Event.at, Event.id)).tuples()),
        anonymised=row.anonymised,
        version=row.version,
        notices=recorded_notices(case_id),
        gf_required_on=row.gf_required_on,
    )


def recorded_notices(case_id: int) -> tuple[Recipient, ...]:
    rows: Any = Notice.select().where(Notice.case == case_id).order_by(Notice.informed_on, Notice.id)
    return tuple(Recipient(n.name, n.role, n.staff_id, n.copy, n.reason, n.informed_on, n.id) for n in rows)
