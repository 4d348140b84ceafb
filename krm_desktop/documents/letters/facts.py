"""What a letter knows about its case, read once from the database (or invented for a preview)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from peewee import JOIN

from krm_desktop.model.codes import GF_KINDS
from krm_desktop.model.errors import RefusedError
from krm_desktop.model.office.settings import letterhead, letterhead_logo
from krm_desktop.model.store.entities import Case, Concern, Party, Staff, Statement, Team


@dataclass(frozen=True)
class PartyFacts:
    name: str
    role: str = "kunde"  # kunde, vertreter, institution, behoerde
    salutation: str | None = None  # frau, herr, divers, None
    street: str = ""
    postcode: str = ""
    city: str = ""
    email: str = ""
    customer_no: str = ""
    bg_no: str = ""


@dataclass(frozen=True)
class StaffFacts:
    id: int | None
    name: str
    role: str  # MA, TL, BL, GF, KRM
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class CaseFacts:
    id: int | None
    ref: str
    kind: str
    kinds: tuple[str, ...]
    channel: str
    received: date
    subject: str
    description: str
    person: PartyFacts | None
    represented: PartyFacts | None
    team: str
    area: str
    outcome: str | None
    ack_due: date | None
    final_due: date | None
    ack_sent: date | None
    interim_reason: str
    interim_expected: date | None
    lead: str
    sign_off_role: str
    escalation_level: int
    requesting_body: str
    requesting_ref: str
    body_due: date | None
    employee_concerned: str
    waiver_reasons: str
    statement: str  # the latest statement of a team lead (or anyone), the draft of a Stellungnahme
    file_no: str = ""
    signed_by_id: int | None = None
    status: str = "offen"
    anonymised: bool = False
    version: int = 1


@dataclass(frozen=True)
class OfficeFacts:
    letterhead: dict[str, str]
    logo: bytes | None
    staff: tuple[StaffFacts, ...] = field(default_factory=tuple)
    team_leads: dict[str, StaffFacts] = field(default_factory=dict)  # team name -> its team lead
    area_leads: dict[str, StaffFacts] = field(default_factory=dict)  # Bereich -> its area lead


def _party(p: Party | None) -> PartyFacts | None:
    if p is None:
        return None
    return PartyFacts(p.name, p.role, p.salutation, p.street, p.postcode, p.city, p.email, p.customer_no, p.bg_no)


def case_facts(case_id: int) -> CaseFacts:
    """Everything a document needs of the case, in four queries."""
    case = Case.select(Case, Team).join(Team, JOIN.LEFT_OUTER).where(Case.id == case_id).first()
    if case is None:
        raise RefusedError("Diese Kundenreaktion gibt es nicht (mehr).")
    team = case.team if case.team_id else None
    party_ids = [i for i in (case.person_id, case.represented_id) if i is not None]
    parties = {p.id: p for p in Party.select().where(cast(Any, Party.id).in_(party_ids))} if party_ids else {}
    kinds = tuple(
        k
        for (k,) in cast(
            Any, Concern.select(Concern.kind).where(Concern.case == case.id).order_by(Concern.position)
        ).tuples()
    )
    statements = list(
        cast(Any, Statement.select(Statement.text, Statement.author_role))
        .where(Statement.case == case.id)
        .order_by(cast(Any, Statement.received_on).desc(), cast(Any, Statement.id).desc())
        .tuples()
    )
    draft = next((t for t, role in statements if role == "TL"), statements[0][0] if statements else "")
    return CaseFacts(
        id=case.id,
        ref=case.ref,
        kind=case.kind,
        kinds=kinds or (case.kind,),
        channel=case.channel,
        received=case.received,
        subject=case.subject,
        description=case.description,
        person=_party(parties.get(case.person_id)),
        represented=_party(parties.get(case.represented_id)),
        team=team.name if team else "",
        area=team.area if team else "",
        outcome=case.outcome,
        ack_due=case.ack_due,
        final_due=case.final_due,
        ack_sent=case.ack_sent,
        interim_reason=case.interim_reason,
        interim_expected=case.interim_expected,
        lead=case.lead,
        sign_off_role=case.sign_off_role,
        escalation_level=case.escalation_level,
        requesting_body=case.requesting_body,
        requesting_ref=case.requesting_ref,
        body_due=case.body_due,
        employee_concerned=case.employee_concerned,
        waiver_reasons=case.waiver_reasons,
        statement=draft,
        file_no=case.file_no,
        signed_by_id=case.signed_by_id,
        status=case.status,
        anonymised=case.anonymised,
        version=case.version,
    )


def office_facts() -> OfficeFacts:
    rows = list(Staff.select(Staff, Team).join(Team, JOIN.LEFT_OUTER).where(Staff.active).order_by(Staff.id))
    staff = tuple(StaffFacts(s.id, s.name, s.role, s.phone, s.email) for s in rows)
    team_leads: dict[str, StaffFacts] = {}
    area_leads: dict[str, StaffFacts] = {}
    for row, facts in zip(rows, staff, strict=True):
        team = row.team if cast(Any, row).team_id else None
        if team is None:
            continue
        if row.role == "TL":
            team_leads.setdefault(team.name, facts)
        elif row.role == "BL" and team.area:
            area_leads.setdefault(team.area, facts)
    return OfficeFacts(letterhead(), letterhead_logo(), staff, team_leads, area_leads)


def sample_facts(today: date, kind: str = "beschwerde") -> tuple[CaseFacts, OfficeFacts]:
    """An invented case of `kind` for the live preview of the text block editor (no database row)."""
    person = PartyFacts(
        "Erika Beispiel", "kunde", "frau", "Lindenweg 7", "12345", "Musterstadt", "", "123A456789", "12345BG0012345"
    )
    case = CaseFacts(
        id=None,
        ref=f"KRM-{today.year}-0001",
        kind=kind,
        kinds=(kind,),
        channel="brief",
        received=today,
        subject="Wartezeit bei der Antragsbearbeitung",
        description="Die Kundin schildert, dass ihr Weiterbewilligungsantrag seit sechs Wochen unbearbeitet ist.",
        person=person,
        represented=None,
        team="Team 411 Leistungsgewährung",
        area="Bereich 41 Leistung",
        outcome="begruendet" if kind == "beschwerde" else None,
        ack_due=today,
        final_due=today,
        ack_sent=None,
        interim_reason="Die Stellungnahme des Fachbereichs liegt uns noch nicht vor.",
        interim_expected=today,
        lead="gf" if kind in GF_KINDS else "team",
        sign_off_role="GF" if kind in GF_KINDS else "TL",
        escalation_level=3 if kind in GF_KINDS else 1,
        requesting_body="Petitionsausschuss des Landtags",
        requesting_ref="L 0042/2026",
        body_due=today,
        employee_concerned="",
        waiver_reasons="Mein Anliegen wurde im Telefonat vollständig geklärt.",
        statement="Der Antrag wurde inzwischen bearbeitet; die Leistungen sind angewiesen.",
    )
    office = office_facts()
    return case, office
