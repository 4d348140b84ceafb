"""What the office types about its teams and people, and the pure checks of it (German messages per field).

The checks take what they compare against (the other teams' names, the logins other people have) as arguments,
so the settings pages, the set-up assistant and the staff list import all refuse the same things the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from krm_desktop.model import validation as v
from krm_desktop.model.codes import STAFF_ROLES

MAX_TEAM_NAME = 120  # Team.name
MAX_AREA = 120  # Team.area
MAX_PERSON_NAME = 200  # Staff.name
MAX_LOGIN = 200  # StaffLogin.login
_LOGIN = re.compile(r"^[^\s/:*?\"<>|]+$")  # a user name, also DOMAIN\name or name@domain


@dataclass(frozen=True)
class TeamData:
    """A team as typed: its name and its Bereich."""

    name: str
    area: str = ""
    active: bool = True

    def cleaned(self) -> TeamData:
        return TeamData(" ".join(self.name.split()), " ".join(self.area.split()), self.active)


@dataclass(frozen=True)
class PersonData:
    """A person as typed: name, Funktion (a STAFF_ROLES code), team, contact data and the logins acting as them."""

    name: str
    role: str
    team_id: int | None = None
    email: str = ""
    phone: str = ""
    logins: tuple[str, ...] = ()
    active: bool = True

    def cleaned(self) -> PersonData:
        logins = tuple(dict.fromkeys(fold_login(login) for login in self.logins if login.strip()))
        return PersonData(
            " ".join(self.name.split()),
            self.role.strip(),
            self.team_id,
            self.email.strip(),
            self.phone.strip(),
            logins,
            self.active,
        )


def fold_login(login: str) -> str:
    """Logins compare without regard to case (Windows accounts do), and without surrounding blanks."""
    return login.strip().casefold()


def role_from_label(text: str) -> str | None:
    """The Funktion code for its German name or code, without regard to case ("teamleitung" -> "TL")."""
    wanted = " ".join(text.split()).casefold()
    for code, name in STAFF_ROLES.items():
        if wanted in (code.casefold(), name.casefold()):
            return code
    return None


def team_problems(data: TeamData, other_names: Iterable[str]) -> dict[str, str]:
    """German problems per field ("name", "area") of a team; `other_names`: every other team's name."""
    problems: dict[str, str] = {}
    name = " ".join(data.name.split())
    if not name:
        problems["name"] = "Bitte geben Sie den Namen des Teams an."
    else:
        problem = v.text_problem(name, "Teamname", max_len=MAX_TEAM_NAME, multiline=False)
        if problem:
            problems["name"] = problem
        elif name.casefold() in {" ".join(n.split()).casefold() for n in other_names}:
            problems["name"] = f"Ein Team „{name}“ gibt es schon. Bitte wählen Sie einen anderen Namen."
    area_problem = v.text_problem(" ".join(data.area.split()), "Bereich", max_len=MAX_AREA, multiline=False)
    if area_problem:
        problems["area"] = area_problem
    return problems


def person_problems(
    data: PersonData, taken_logins: Mapping[str, str], team_ids: Iterable[int] | None = None
) -> dict[str, str]:
    """German problems per field of a person. `taken_logins` maps each login another person has (folded) to that
    person's name; `team_ids` are the teams that exist (None: not checked)."""
    problems: dict[str, str] = {}
    name = " ".join(data.name.split())
    if not name:
        problems["name"] = "Bitte geben Sie den Namen der Person an."
    else:
        problem = v.text_problem(name, "Name", max_len=MAX_PERSON_NAME, multiline=False)
        if problem:
            problems["name"] = problem
    if not data.role:
        problems["role"] = "Bitte wählen Sie die Funktion der Person."
    elif data.role not in STAFF_ROLES:
        problems["role"] = f"Unbekannte Funktion „{data.role}“. Möglich sind: {', '.join(STAFF_ROLES.values())}."
    if team_ids is not None and data.team_id is not None and data.team_id not in set(team_ids):
        problems["team"] = "Das gewählte Team gibt es nicht (mehr)."
    email_problem = v.email_problem(data.email.strip()) if data.email.strip() else None
    if email_problem:
        problems["email"] = email_problem
    phone_problem = v.phone_problem(data.phone.strip()) if data.phone.strip() else None
    if phone_problem:
        problems["phone"] = phone_problem
    login_problem = _logins_problem(data.logins, taken_logins)
    if login_problem:
        problems["logins"] = login_problem
    return problems


def _logins_problem(logins: Iterable[str], taken: Mapping[str, str]) -> str | None:
    for raw in logins:
        login = fold_login(raw)
        if not login:
            continue
        if len(login) > MAX_LOGIN or not _LOGIN.match(login) or not login.isprintable():
            return (
                f"„{raw.strip()[:40]}“ ist keine Anmeldung: bitte den Benutzernamen ohne Leerzeichen angeben, "
                "z. B. mustere oder JOBCENTER\\mustere."
            )
        if login in taken:
            return f"Die Anmeldung „{login}“ gehört schon zu {taken[login]}. Eine Anmeldung handelt für eine Person."
    return None
