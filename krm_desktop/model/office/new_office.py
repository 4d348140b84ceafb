"""Creating a new office database: profile, letterhead defaults; or all the set-up assistant gathered at once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from krm_desktop.model.errors import RefusedError, ValidationError
from krm_desktop.model.office.profiles import OfficeProfile, has_profile, preset, save_profile
from krm_desktop.model.office.settings import (
    LETTERHEAD_KEY,
    letterhead_problems,
    logo_problem,
    save_letterhead,
    save_letterhead_logo,
)
from krm_desktop.model.office.staff import save_person, save_team
from krm_desktop.model.office.staff_checks import PersonData, TeamData, person_problems, team_problems
from krm_desktop.model.store.settings import put_setting, setting_version
from krm_desktop.model.store.transactions import write_transaction
from krm_desktop.model.validation import text_problem


def initialise_office(profile_code: str, office_name: str | None = None) -> OfficeProfile:
    """Give a fresh database its office profile (a preset, editable later) and letterhead name."""
    profile = preset(profile_code)
    name = (office_name or profile.label).strip()
    problem = text_problem(name, "Name der Dienststelle", max_len=200, multiline=False)
    if problem or not name:
        raise ValidationError({"office_name": problem or "Bitte den Namen der Dienststelle angeben."})
    with write_transaction():
        if has_profile():
            raise RefusedError("Diese Datenbank ist bereits eingerichtet; das Profil ändern Sie in den Einstellungen.")
        save_profile(profile, expected_version=0)
        put_setting(LETTERHEAD_KEY, {"office_name": name})
    return profile


@dataclass(frozen=True)
class NewPerson:
    """A person as typed in the set-up assistant: the team is named, as it has no id before the office is stored."""

    data: PersonData  # its team_id is not used
    team: str = ""


def staff_table_problems(teams: Sequence[TeamData], people: Sequence[NewPerson]) -> dict[str, str]:
    """German problems of the typed teams and people, keyed "team.<row>.<field>" and "person.<row>.<field>"
    (rows counted from 0; fields as team_problems and person_problems name them, and "team" for a person's team)."""
    problems: dict[str, str] = {}
    names = [t.cleaned().name for t in teams]
    for row, team in enumerate(teams):
        others = [*names[:row], *names[row + 1 :]]
        for field, message in team_problems(team, others).items():
            problems[f"team.{row}.{field}"] = message
    known = {name.casefold() for name in names if name}
    taken: dict[str, str] = {}
    for row, new in enumerate(people):
        data = replace(new.data, team_id=None).cleaned()
        for field, message in person_problems(data, taken).items():
            problems[f"person.{row}.{field}"] = message
        team_name = " ".join(new.team.split())
        if team_name and team_name.casefold() not in known:
            problems[f"person.{row}.team"] = f"Das Team „{team_name}“ steht nicht in der Liste der Teams oben."
        taken.update({login: data.name for login in data.logins})
    return problems


def set_up_office(
    profile_code: str,
    letterhead_values: dict[str, str],
    logo: bytes | None = None,
    teams: Sequence[TeamData] = (),
    people: Sequence[NewPerson] = (),
) -> OfficeProfile:
    """The set-up assistant's "Fertigstellen": profile, letterhead, logo, teams and people of a fresh database,
    all or nothing. Refused with every problem (ValidationError, keys as letterhead_problems, "logo" and
    staff_table_problems name them) before anything is written."""
    values = {"office_name": preset(profile_code).label, **letterhead_values}
    problems = letterhead_problems(values) | staff_table_problems(teams, people)
    logo_trouble = logo_problem(logo) if logo is not None else None
    if logo_trouble:
        problems["logo"] = logo_trouble
    if problems:
        raise ValidationError(problems)
    with write_transaction():
        profile = initialise_office(profile_code, values["office_name"])
        save_letterhead(values, expected_version=setting_version(LETTERHEAD_KEY))
        if logo is not None:
            save_letterhead_logo(logo)
        team_ids = {row.name.casefold(): row.id for row in (save_team(None, team) for team in teams)}
        for new in people:
            team_id = team_ids.get(" ".join(new.team.split()).casefold())
            save_person(None, replace(new.data, team_id=team_id))
    return profile
