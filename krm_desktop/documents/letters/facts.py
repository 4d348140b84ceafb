"""What a letter knows beyond its case: the office (letterhead, staff, who leads which team and area), and what
it derives from the case's read model (`case_view`): the draft of a Stellungnahme.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, cast

from peewee import JOIN

from krm_desktop.model.cases.case_view import CaseView, case_view
from krm_desktop.model.cases.notices import proposals
from krm_desktop.model.errors import RefusedError
from krm_desktop.model.office.profiles import OfficeProfile, has_profile, load_profile
from krm_desktop.model.office.settings import letterhead, letterhead_logo
from krm_desktop.model.store.entities import Staff, Team


@dataclass(frozen=True)
class StaffFacts:
    id: int | None
    name: str
    role: str  # codes.STAFF_ROLES
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class OfficeFacts:
    letterhead: dict[str, str]
    logo: bytes | None
    staff: tuple[StaffFacts, ...] = field(default_factory=tuple)
    team_leads: dict[str, StaffFacts] = field(default_factory=dict)  # team name -> its team lead
    area_leads: dict[str, StaffFacts] = field(default_factory=dict)  # Bereich -> its area lead
    profile: OfficeProfile | None = None  # the office's rules: the dates a letter promises (None: not chosen yet)


def case_facts(case_id: int, *, with_proposals: bool = True) -> CaseView:
    """The case a letter is written for; refused when it is gone. `with_proposals`: also whom the office's rules
    propose zur Kenntnis (only the Verfügungsblatt lists them; the letter dialog may switch to it)."""
    case = case_view(case_id)
    if case is None:
        raise RefusedError("Diese Kundenreaktion gibt es nicht (mehr).")
    if with_proposals and has_profile():
        case = replace(case, proposed_notices=proposals(case_id, load_profile()).recipients)
    return case


def statement_draft(case: CaseView) -> str:
    """The latest statement of a team lead (or else of anyone): the draft of a Stellungnahme."""
    latest = case.statements[::-1]
    return next((s.text for s in latest if s.author_role == "TL"), latest[0].text if latest else "")


def office_facts() -> OfficeFacts:
    rows = list(Staff.select(Staff, Team).join(Team, JOIN.LEFT_OUTER).where(Staff.active).order_by(Staff.id))
    staff = tuple(StaffFacts(s.id, s.name, s.role, s.phone, s.email) for s in rows)
    team_leads: dict[str, StaffFacts] = {}
    area_leads: dict[str, StaffFacts] = {}
    deputies: dict[str, StaffFacts] = {}
    for row, facts in zip(rows, staff, strict=True):
        team = row.team if cast(Any, row).team_id else None
        if team is None:
            continue
        if row.role == "TL":
            team_leads.setdefault(team.name, facts)
        elif row.role == "STL":
            deputies.setdefault(team.name, facts)
        elif row.role == "BL" and team.area:
            area_leads.setdefault(team.area, facts)
    for team_name, deputy in deputies.items():  # a team without Teamleitung: its deputy leads
        team_leads.setdefault(team_name, deputy)
    profile = load_profile() if has_profile() else None
    return OfficeFacts(letterhead(), letterhead_logo(), staff, team_leads, area_leads, profile)
