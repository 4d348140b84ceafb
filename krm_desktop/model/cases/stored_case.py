"""A registered case as the entry forms load it, and the short heading other panels show of a case.

`stored_case` reads what the edit form shows (fields, concerns, parties, the earlier case of a Folgereaktion);
`case_heading` only the Az. and the state, for titles and for what may be done with the case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from peewee import JOIN

from krm_desktop.model.cases.party import PartyRecord
from krm_desktop.model.store.entities import Case, Concern, Party, Team


@dataclass(frozen=True)
class CaseHeading:
    id: int
    ref: str
    kind: str
    status: str
    anonymised: bool


@dataclass(frozen=True)
class StoredConcern:
    position: int
    kind: str
    outcome: str | None
    team_id: int | None = None  # the team that caused this Anliegen
    team_name: str = ""  # "" without a team; the form still shows a team made inactive since


@dataclass(frozen=True)
class StoredCase:
    """What the entry form shows of a stored case; `version` is the one an edit is saved against."""

    id: int
    ref: str
    kind: str
    status: str
    anonymised: bool
    version: int
    channel: str
    via: str
    received: date
    subject: str
    description: str
    topic: str
    team_id: int | None
    team_name: str  # "" without a team; the form still shows a team made inactive since
    file_no: str
    concerns: tuple[StoredConcern, ...]
    person: PartyRecord | None  # None: anonymous
    represented: PartyRecord | None
    follows_id: int | None  # None with a follows_ref: the earlier case was purged
    follows_ref: str
    requesting_body: str
    requesting_ref: str
    body_due: date | None
    employee_concerned: str
    body_street: str = ""
    body_postcode: str = ""
    body_city: str = ""
    ba_responsible: bool = False
    card_tenor: str = ""  # issue 19: a Meinungskarte's Lob/Anregung/Kritik

    @property
    def follows_purged(self) -> bool:
        return self.follows_id is None and bool(self.follows_ref)


def case_heading(case_id: int) -> CaseHeading | None:
    """The case's Az. and state; None when it is gone (deleted by the purge)."""
    row = (
        Case.select(Case.id, Case.ref, Case.kind, Case.status, Case.anonymised)
        .where(Case.id == case_id)
        .tuples()
        .first()
    )
    return CaseHeading(*row) if row else None


def _party(party_id: int | None) -> PartyRecord | None:
    row = Party.get_or_none(Party.id == party_id) if party_id is not None else None
    return PartyRecord.of_row(row) if row is not None else None


def stored_case(case_id: int) -> StoredCase | None:
    """Everything the entry form shows of the case; None when it is gone."""
    case = Case.get_or_none(Case.id == case_id)
    if case is None:
        return None
    team = Team.get_or_none(Team.id == case.team_id) if case.team_id is not None else None
    concerns: Any = (
        Concern.select(Concern.position, Concern.kind, Concern.outcome, Concern.team, Team.name)
        .join(Team, JOIN.LEFT_OUTER, on=(Concern.team == Team.id))
        .where(Concern.case == case.id)
        .order_by(Concern.position)
        .tuples()
    )
    return StoredCase(
        id=case.id,
        ref=case.ref,
        kind=case.kind,
        status=case.status,
        anonymised=case.anonymised,
        version=case.version,
        channel=case.channel,
        via=case.via,
        received=case.received,
        subject=case.subject,
        description=case.description,
        topic=case.topic,
        team_id=case.team_id,
        team_name=team.name if team else "",
        file_no=case.file_no,
        concerns=tuple(StoredConcern(p, k, o, t, n or "") for p, k, o, t, n in concerns),
        person=_party(case.person_id),
        represented=_party(case.represented_id),
        follows_id=case.follows_id,
        follows_ref=case.follows_ref,
        requesting_body=case.requesting_body,
        requesting_ref=case.requesting_ref,
        body_due=case.body_due,
        employee_concerned=case.employee_concerned,
        body_street=case.body_street,
        body_postcode=case.body_postcode,
        body_city=case.body_city,
        ba_responsible=case.ba_responsible,
        card_tenor=case.card_tenor,
    )
