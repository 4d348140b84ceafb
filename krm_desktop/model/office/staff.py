"""The office's teams and people, kept by the office itself (DOMAIN.md §2).

A team or person that cases name is deactivated, never deleted: renaming a team keeps its old cases (they point
to the team, not to its name). Each computer login acts as one person, so the history names that person.
Every change is checked by `staff_checks` first and written in one transaction with an optimistic version.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from peewee import JOIN, fn

from krm_desktop.model.codes import GF_KINDS, STAFF_ROLES, STATUS_OPEN, label
from krm_desktop.model.errors import ConflictError, RefusedError, ValidationError
from krm_desktop.model.office.staff_checks import (
    PersonData,
    TeamData,
    fold_login,
    person_problems,
    team_problems,
)
from krm_desktop.model.store.entities import Case, Staff, StaffLogin, Team
from krm_desktop.model.store.transactions import write_transaction


@dataclass(frozen=True)
class TeamRow:
    id: int
    name: str
    area: str
    active: bool
    version: int
    cases: int  # cases routed to the team, open or closed
    people: int  # active people in the team

    @property
    def data(self) -> TeamData:
        return TeamData(self.name, self.area, self.active)


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    role: str
    team_id: int | None
    team: str  # the team's name, "" without team
    email: str
    phone: str
    logins: tuple[str, ...]
    active: bool
    version: int
    cases: int  # cases the person signed or decided

    @property
    def role_label(self) -> str:
        return label(STAFF_ROLES, self.role)

    @property
    def data(self) -> PersonData:
        return PersonData(self.name, self.role, self.team_id, self.email, self.phone, self.logins, self.active)


# --- teams -----------------------------------------------------------------------------------------------


def teams(*, active_only: bool = False) -> list[TeamRow]:
    """Every team (or the active ones), by name, with how many cases and active people it has."""
    case_rows: Any = Case.select(Case.team, fn.COUNT(Case.id)).where(Case.team.is_null(False)).group_by(Case.team)
    case_counts: dict[int, int] = dict(case_rows.tuples())
    people_rows: Any = (
        Staff.select(Staff.team, fn.COUNT(Staff.id))
        .where(Staff.active & Staff.team.is_null(False))
        .group_by(Staff.team)
    )
    people_counts: dict[int, int] = dict(people_rows.tuples())
    query: Any = Team.select().order_by(fn.LOWER(Team.name))
    if active_only:
        query = query.where(Team.active)
    return [
        TeamRow(t.id, t.name, t.area, t.active, t.version, case_counts.get(t.id, 0), people_counts.get(t.id, 0))
        for t in query
    ]


def team(team_id: int) -> TeamRow:
    found = next((t for t in teams() if t.id == team_id), None)
    if found is None:
        raise RefusedError("Dieses Team gibt es nicht (mehr).")
    return found


def save_team(team_id: int | None, data: TeamData, *, version: int | None = None) -> TeamRow:
    """Create (team_id None) or change a team; refused in German per field, or when someone changed it meanwhile."""
    data = data.cleaned()
    with write_transaction():
        rows: Any = Team.select(Team.id, Team.name).tuples()
        others = [name for (tid, name) in rows if tid != team_id]
        problems = team_problems(data, others)
        if problems:
            raise ValidationError(problems)
        if team_id is None:
            created = Team.create(name=data.name, area=data.area, active=data.active)
            return team(created.id)
        updated = (
            Team.update(name=data.name, area=data.area, active=data.active, version=Team.version + 1)
            .where((Team.id == team_id) & (Team.version == version))
            .execute()
        )
        if updated != 1:
            raise _gone_or_changed(Team, team_id, "Das Team", "es")
    return team(team_id)


def delete_team(team_id: int) -> None:
    """Only a team no case and no person names can go; the others are deactivated."""
    with write_transaction():
        row = team(team_id)
        if row.cases or Staff.select().where(Staff.team == team_id).exists():
            raise RefusedError(
                f"Das Team „{row.name}“ ist mit {row.cases} Kundenreaktion(en) oder Personen verbunden und kann "
                "nicht gelöscht werden. Deaktivieren Sie es: alte Fälle bleiben lesbar, neue können es nicht wählen."
            )
        Team.delete().where(Team.id == team_id).execute()


def area_names() -> list[str]:
    """The Bereiche the teams name, sorted."""
    rows: Any = Team.select(Team.area).where(Team.area != "").distinct().tuples()
    return sorted({area for (area,) in rows}, key=str.casefold)


# --- people ----------------------------------------------------------------------------------------------


def people(*, active_only: bool = False) -> list[PersonRow]:
    """Every person (or the active ones), by name, with their logins and how many cases name them."""
    logins: dict[int, list[str]] = {}
    login_rows: Any = StaffLogin.select(StaffLogin.login, StaffLogin.staff).order_by(StaffLogin.login).tuples()
    for login, staff_id in login_rows:
        logins.setdefault(staff_id, []).append(login)
    named: dict[int, int] = {}
    for column in (Case.signed_by, Case.decided_by):
        counted: Any = Case.select(column, fn.COUNT(Case.id)).where(column.is_null(False)).group_by(column).tuples()
        for staff_id, count in counted:
            named[staff_id] = named.get(staff_id, 0) + count
    query: Any = (
        Staff.select(Staff, Team.id, Team.name).join(Team, JOIN.LEFT_OUTER).order_by(fn.LOWER(Staff.name), Staff.id)
    )
    if active_only:
        query = query.where(Staff.active)
    return [
        PersonRow(
            s.id,
            s.name,
            s.role,
            s.team_id,
            s.team.name if s.team_id else "",
            s.email,
            s.phone,
            tuple(logins.get(s.id, ())),
            s.active,
            s.version,
            named.get(s.id, 0),
        )
        for s in query
    ]


def person(person_id: int) -> PersonRow:
    found = next((p for p in people() if p.id == person_id), None)
    if found is None:
        raise RefusedError("Diese Person gibt es nicht (mehr).")
    return found


def taken_logins(except_person: int | None = None) -> dict[str, str]:
    """Each login another person has -> that person's name."""
    rows: Any = StaffLogin.select(StaffLogin.login, Staff.id, Staff.name).join(Staff).tuples()
    return {login: name for login, staff_id, name in rows if staff_id != except_person}


def check_person(person_id: int | None, data: PersonData) -> dict[str, str]:
    """The German problems of this person as typed, against the people and teams stored now."""
    rows: Any = Team.select(Team.id).tuples()
    team_ids = [tid for (tid,) in rows]
    return person_problems(data.cleaned(), taken_logins(person_id), team_ids)


def save_person(person_id: int | None, data: PersonData, *, version: int | None = None) -> PersonRow:
    """Create (person_id None) or change a person with their logins; refused in German per field."""
    data = data.cleaned()
    with write_transaction():
        problems = check_person(person_id, data)
        if problems:
            raise ValidationError(problems)
        values = {
            "name": data.name,
            "role": data.role,
            "team": data.team_id,
            "email": data.email,
            "phone": data.phone,
            "active": data.active,
        }
        if person_id is None:
            person_id = Staff.create(**values).id
        else:
            updated = (
                Staff.update(**values, version=Staff.version + 1)
                .where((Staff.id == person_id) & (Staff.version == version))
                .execute()
            )
            if updated != 1:
                raise _gone_or_changed(Staff, person_id, "Die Person", "sie")
            StaffLogin.delete().where(StaffLogin.staff == person_id).execute()
        for login in data.logins:
            StaffLogin.create(login=login, staff=person_id)
    return person(person_id)


def delete_person(person_id: int) -> None:
    """Only a person no case names can go; the others are deactivated (the history keeps their name)."""
    with write_transaction():
        row = person(person_id)
        if row.cases:
            raise RefusedError(
                f"{row.name} hat {row.cases} Kundenreaktion(en) schlussgezeichnet oder entschieden und kann nicht "
                "gelöscht werden. Deaktivieren Sie die Person: sie erscheint dann in keiner Auswahl mehr."
            )
        Staff.delete().where(Staff.id == person_id).execute()


def person_for_login(login: str) -> PersonRow | None:
    """The active or inactive person this computer login acts as, or None."""
    row: Any = StaffLogin.get_or_none(StaffLogin.login == fold_login(login))
    return None if row is None else person(row.staff_id)


def assign_login(person_id: int, login: str) -> PersonRow:
    """This login acts as this person from now on (the start asks once when a login has no person)."""
    chosen = person(person_id)
    return save_person(person_id, replace(chosen.data, logins=(*chosen.logins, login)), version=chosen.version)


def deactivation_warnings(person_id: int | None, data: PersonData) -> list[str]:
    """What a person should know before saving this change (the save is not refused): the last active
    Geschäftsführung leaving while petitions, Eingaben or Dienstaufsichtsbeschwerden are open."""
    warnings: list[str] = []
    if person_id is None:
        return warnings
    before = person(person_id)
    leaves_gf = before.role == "GF" and before.active and (not data.active or data.role != "GF")
    if leaves_gf:
        other_gf = Staff.select().where(Staff.active & (Staff.role == "GF") & (Staff.id != person_id)).exists()
        open_gf_cases = Case.select().where((Case.status == STATUS_OPEN) & Case.kind.in_(sorted(GF_KINDS))).count()
        if not other_gf and open_gf_cases:
            warnings.append(
                f"{before.name} ist die letzte aktive Geschäftsführung, und {open_gf_cases} Petition(en), Eingabe(n) "
                "oder Dienstaufsichtsbeschwerde(n) sind offen. Ohne Geschäftsführung kann sie niemand "
                "schlusszeichnen oder entscheiden. Legen Sie die Nachfolge bitte gleich an."
            )
    return warnings


def _gone_or_changed(model: Any, row_id: int, what: str, pronoun: str) -> Exception:
    if model.get_or_none(model.id == row_id) is None:
        return RefusedError(f"{what} gibt es nicht mehr; {pronoun} wurde an einem anderen Platz gelöscht.")
    return ConflictError(f"{what} wurde inzwischen an einem anderen Platz geändert. Bitte neu laden.")
