"""The demo office's teams and staff: the office's own where it has them, invented ones for each missing role.

Who signs a demo answer is chosen here too, by the rule the closing service checks (`closing_checks.role_may_sign`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from krm_desktop.model.cases.closing_checks import role_may_sign
from krm_desktop.model.cases.transitions import StaffMember
from krm_desktop.model.demo import texts as t
from krm_desktop.model.demo.people import mail_name
from krm_desktop.model.store.entities import Staff, Team


@dataclass
class Office:
    team_ids: list[int]
    team_weights: list[float]
    team_names: dict[int, str]
    team_areas: dict[int, str]
    team_leads: dict[int, StaffMember] = field(default_factory=dict)
    area_leads: dict[str, StaffMember] = field(default_factory=dict)
    management: list[StaffMember] = field(default_factory=list)  # Geschäftsführung
    krm: list[StaffMember] = field(default_factory=list)

    def signer(self, sign_off_role: str, level: int, team_id: int | None, rng: random.Random) -> StaffMember | None:
        """Who signs the answer of a case with this sign-off role, escalation level and team: the team's lead
        (or whoever it was escalated to), at times the KRM officer, the Geschäftsführung where it keeps the
        sign-off; None when nobody on staff may."""
        if sign_off_role == "GF" or level == 3:
            candidates = self.management
        elif self.krm and rng.random() < 0.15:
            candidates = self.krm
        else:
            own = self.team_leads.get(team_id or 0) if level == 1 else None
            own = own or self.area_leads.get(self.team_areas.get(team_id or 0, ""))
            candidates = [own] if own else self.krm

        def may_sign(person: StaffMember) -> bool:
            return role_may_sign(sign_off_role, level, person.role)

        allowed = [p for p in candidates if may_sign(p)] or [p for p in self.krm + self.management if may_sign(p)]
        return rng.choice(allowed) if allowed else None


def _new_staff(rng: random.Random, teams: list[Team], have: set[str]) -> list[tuple[str, str, int | None]]:
    """(name, role, team id) for every role the office has nobody in yet."""
    used: set[str] = set()

    def name() -> str:
        while True:
            first = rng.choice(t.FEMALE_FIRST if rng.random() < 0.6 else t.MALE_FIRST)
            full = f"{first} {rng.choice(t.LAST_NAMES)}"
            if full not in used:
                used.add(full)
                return full

    new: list[tuple[str, str, int | None]] = []
    if "TL" not in have:
        new += [(name(), "TL", team.id) for team in teams]
    if "BL" not in have:
        first_team: dict[str, int] = {}
        for team in teams:
            first_team.setdefault(team.area, team.id)
        new += [(name(), "BL", team_id) for team_id in first_team.values()]
    if "GF" not in have:
        new += [(name(), "GF", None), (name(), "GF", None)]  # Geschäftsführung and deputy
    if "KRM" not in have:
        new += [(name(), "KRM", None), (name(), "KRM", None)]
    return new


def demo_office(rng: random.Random) -> Office:
    """The office's active teams and staff; the demo's teams when it has none, and staff for each missing role."""
    if not Team.select().exists():
        for name, area, _ in t.TEAMS:
            Team.create(name=name, area=area)
    teams = list(Team.select().where(Team.active).order_by(Team.id)) or list(Team.select().order_by(Team.id))
    have = {s.role for s in Staff.select(Staff.role).where(Staff.active)}
    for name, role, team_id in _new_staff(rng, teams, have):
        email = f"{mail_name(name.replace(' ', '.'))}@jobcenter.example.org"
        Staff.create(name=name, role=role, team=team_id, email=email)
    weights = {name: weight for name, _, weight in t.TEAMS}
    office = Office(
        team_ids=[team.id for team in teams],
        team_weights=[float(weights.get(team.name, 5)) for team in teams],
        team_names={team.id: team.name for team in teams},
        team_areas={team.id: team.area for team in teams},
    )
    members: Any = Staff.select(Staff.id, Staff.name, Staff.role, Staff.team).where(Staff.active).order_by(Staff.id)
    for staff_id, name, role, team_id in members.tuples():
        person = StaffMember(staff_id, name, role)
        if role == "TL" and team_id is not None:
            office.team_leads.setdefault(team_id, person)
        elif role == "BL" and team_id in office.team_areas:
            office.area_leads.setdefault(office.team_areas[team_id], person)
        elif role == "GF":
            office.management.append(person)
        elif role == "KRM":
            office.krm.append(person)
    return office
