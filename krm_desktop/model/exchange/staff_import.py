"""What a staff list changes in the database, shown first (`plan_staff_import`), then applied whole
(`apply_staff_import`).

A listed person is the stored person of the same name, compared with blanks collapsed and without regard to
case (`staff_list.fold_name`), active or not; a team likewise by its name. So the list can correct a name's
spelling, but a renamed person counts as a new one (and the old name as leaving): rename people on the
Personen page. Stored active people the list does not name are deactivated, never deleted: the cases and the
history keep them. A team the list names is active afterwards; teams the list does not name stay as they are
(a team without people has no line in the list). Logins are not part of the list; the import never touches them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from krm_desktop.model.codes import GF_KINDS, STAFF_ROLES, STATUS_OPEN
from krm_desktop.model.errors import ConflictError, ValidationError
from krm_desktop.model.exchange.staff_list import ListedPerson, ListedTeam, StaffList, fold_name
from krm_desktop.model.office import staff
from krm_desktop.model.store.entities import Case, Staff, Team
from krm_desktop.model.store.transactions import write_transaction

NO_TEAM = "(kein Team)"


@dataclass(frozen=True)
class FieldChange:
    field: str  # the column's German name (or "Status")
    old: str
    new: str


@dataclass(frozen=True)
class TeamChange:
    team_id: int
    version: int
    listed: ListedTeam
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class PersonChange:
    person_id: int
    version: int
    listed: ListedPerson
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class Leaving:
    """A stored active person the list does not name: deactivated by the import."""

    person_id: int
    version: int
    name: str
    role_label: str
    team: str


@dataclass(frozen=True)
class StaffPlan:
    staff_list: StaffList
    new_teams: tuple[ListedTeam, ...]
    changed_teams: tuple[TeamChange, ...]
    new_people: tuple[ListedPerson, ...]
    changed_people: tuple[PersonChange, ...]
    deactivated: tuple[Leaving, ...]
    unchanged: int  # listed people that stay as they are
    warnings: tuple[str, ...]  # what to know before applying (not a refusal)

    @property
    def has_changes(self) -> bool:
        return any((self.new_teams, self.changed_teams, self.new_people, self.changed_people, self.deactivated))

    def counts(self) -> dict[str, int]:
        return {
            "teams_created": len(self.new_teams),
            "teams_changed": len(self.changed_teams),
            "people_created": len(self.new_people),
            "people_changed": len(self.changed_people),
            "people_deactivated": len(self.deactivated),
        }


def plan_staff_import(staff_list: StaffList) -> StaffPlan:
    """What applying the list would change, against the teams and people stored now. Refused (ValidationError
    naming the line) where a listed name matches two stored people or teams."""
    stored_teams = _by_name(staff.teams(), staff_list.teams, "Team")
    stored_people = _by_name(staff.people(), staff_list.people, "Name")
    new_teams: list[ListedTeam] = []
    changed_teams: list[TeamChange] = []
    for listed_team in staff_list.teams:
        found_team = stored_teams.get(listed_team.key)
        if found_team is None:
            new_teams.append(listed_team)
            continue
        team_changes = _changes(
            ("Team", found_team.name, listed_team.name),
            ("Bereich", found_team.area, listed_team.area),
            ("Status", _status(found_team.active), _status(True)),
        )
        if team_changes:
            changed_teams.append(TeamChange(found_team.id, found_team.version, listed_team, team_changes))
    new_people: list[ListedPerson] = []
    changed_people: list[PersonChange] = []
    for listed in staff_list.people:
        found = stored_people.get(listed.key)
        if found is None:
            new_people.append(listed)
            continue
        person_changes = _changes(
            ("Name", found.name, listed.name),
            ("Funktion", found.role_label, STAFF_ROLES[listed.role]),
            ("Team", found.team or NO_TEAM, _team_name(found.team, listed.team)),
            ("E-Mail", found.email, listed.email),
            ("Telefon", found.phone, listed.phone),
            ("Status", _status(found.active), _status(True)),
        )
        if person_changes:
            changed_people.append(PersonChange(found.id, found.version, listed, person_changes))
    listed_keys = {p.key for p in staff_list.people}
    leaving = tuple(
        Leaving(p.id, p.version, p.name, p.role_label, p.team)
        for p in staff.people(active_only=True)
        if fold_name(p.name) not in listed_keys
    )
    unchanged = len(staff_list.people) - len(new_people) - len(changed_people)
    plan = StaffPlan(
        staff_list,
        tuple(new_teams),
        tuple(changed_teams),
        tuple(new_people),
        tuple(changed_people),
        leaving,
        unchanged,
        (),
    )
    return replace(plan, warnings=_warnings(plan))


def _by_name(rows: list[Any], listed: Iterable[ListedPerson | ListedTeam], column: str) -> dict[str, Any]:
    """Stored rows by folded name; a listed name two stored rows share is refused, naming its line."""
    grouped: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[fold_name(row.name)].append(row)
    problems = {
        f"Zeile {item.line}, {column}": (
            f"Zeile {item.line}, {column}: „{item.name}“ gibt es in der Datenbank {len(grouped[item.key])}-mal. "
            "Bitte die Namen erst in den Einstellungen unterscheidbar machen; es wurde nichts übernommen."
        )
        for item in listed
        if len(grouped.get(item.key, ())) > 1
    }
    if problems:
        raise ValidationError(problems)
    return {key: found[0] for key, found in grouped.items()}


def _changes(*pairs: tuple[str, str, str]) -> tuple[FieldChange, ...]:
    return tuple(FieldChange(name, old, new) for name, old, new in pairs if old != new)


def _status(active: bool) -> str:
    return "aktiv" if active else "deaktiviert"


def _team_name(stored: str, listed: str) -> str:
    """The person's team after the import; a team only spelt differently is no change of the person's team
    (the team's own change shows the new spelling)."""
    return (stored if fold_name(stored) == fold_name(listed) else listed) or NO_TEAM


def _warnings(plan: StaffPlan) -> tuple[str, ...]:
    """The last active Geschäftsführung leaving while petitions, Eingaben or Dienstaufsichtsbeschwerden are open."""
    leaving = {p.person_id for p in plan.deactivated}
    leaving |= {c.person_id for c in plan.changed_people if c.listed.role != "GF"}
    staying_gf = [p for p in staff.people(active_only=True) if p.role == "GF" and p.id not in leaving]
    coming_gf = [p for p in plan.new_people if p.role == "GF"] + [
        c for c in plan.changed_people if c.listed.role == "GF"
    ]
    if staying_gf or coming_gf:
        return ()
    open_cases = Case.select().where((Case.status == STATUS_OPEN) & Case.kind.in_(sorted(GF_KINDS))).count()
    if not open_cases:
        return ()
    return (
        f"Nach der Übernahme gibt es keine aktive Geschäftsführung mehr, aber {open_cases} Petition(en), Eingabe(n) "
        "oder Dienstaufsichtsbeschwerde(n) sind offen. Ohne Geschäftsführung kann sie niemand schlusszeichnen oder "
        "entscheiden.",
    )


@dataclass(frozen=True)
class StaffImportResult:
    teams_created: int
    teams_changed: int
    people_created: int
    people_changed: int
    people_deactivated: int

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def apply_staff_import(plan: StaffPlan) -> StaffImportResult:
    """Apply the plan in one transaction, all or nothing. Refused (ConflictError) when the teams or people were
    changed since the plan was made: the plan shown is no longer what would happen."""
    with write_transaction():
        if plan_staff_import(plan.staff_list) != plan:
            raise ConflictError(
                "Teams oder Personen wurden inzwischen an einem anderen Platz geändert. Es wurde nichts übernommen. "
                "Bitte die Personalliste erneut einlesen und die Vorschau prüfen."
            )
        for listed_team in plan.new_teams:
            Team.create(name=listed_team.name, area=listed_team.area, active=True)
        for team_change in plan.changed_teams:
            _update(
                Team,
                team_change.team_id,
                team_change.version,
                name=team_change.listed.name,
                area=team_change.listed.area,
                active=True,
            )
        team_rows: Any = Team.select(Team.id, Team.name).tuples()
        team_ids = {fold_name(name): tid for tid, name in team_rows}
        for listed in plan.new_people:
            Staff.create(**_person_values(listed, team_ids))
        for person_change in plan.changed_people:
            _update(
                Staff, person_change.person_id, person_change.version, **_person_values(person_change.listed, team_ids)
            )
        for gone in plan.deactivated:
            _update(Staff, gone.person_id, gone.version, active=False)
    return StaffImportResult(**plan.counts())


def _person_values(listed: ListedPerson, team_ids: dict[str, int]) -> dict[str, Any]:
    return {
        "name": listed.name,
        "role": listed.role,
        "team": team_ids[fold_name(listed.team)] if listed.team else None,
        "email": listed.email,
        "phone": listed.phone,
        "active": True,
    }


def _update(model: Any, row_id: int, version: int, **values: Any) -> None:
    updated = (
        model.update(**values, version=model.version + 1)
        .where((model.id == row_id) & (model.version == version))
        .execute()
    )
    if updated != 1:  # the plan was checked in this transaction; a miss means the store moved under it
        raise ConflictError("Teams oder Personen wurden gleichzeitig geändert. Es wurde nichts übernommen.")
