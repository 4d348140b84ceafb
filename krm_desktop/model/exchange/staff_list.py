"""The staff list (Personalliste, DESIGN.md §2): read and checked line by line, and written for Excel.

`read_staff_list` is pure: every line is checked as the Personen page checks a person (`staff_checks`), the
Funktion by its German name or code without regard to case, and the lines against each other (one line per
person, one Bereich per team). Any problem refuses the whole file with a ValidationError whose messages name
the line and the column. What the list changes in the database is planned and applied by `staff_import`.

`export_staff_list` writes the active people, by name, in DESIGN.md's six columns: UTF-8 with BOM, `;`, CRLF,
as German Excel opens it. Logins are not part of the list. A team without active people has no line; the import
never deactivates or deletes a team, so such teams are kept on a round trip.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from krm_desktop.model.codes import STAFF_ROLES
from krm_desktop.model.errors import ValidationError
from krm_desktop.model.exchange.staff_csv import COLUMNS, FORMULA_START, CsvRow, file_bytes, read_rows
from krm_desktop.model.office import staff
from krm_desktop.model.office.staff_checks import PersonData, TeamData, person_problems, role_from_label, team_problems

MAX_EMAIL = 200  # Staff.email
MAX_REPORTED = 50  # problems listed one by one; the rest are counted
_FIELDS = {"name": "Name", "role": "Funktion", "team": "Team", "area": "Bereich", "email": "E-Mail", "phone": "Telefon"}


@dataclass(frozen=True)
class ListedPerson:
    """One person of the list, cleaned: the Funktion as its code, the team by name ("" without team)."""

    line: int
    name: str
    role: str
    team: str
    area: str
    email: str
    phone: str

    @property
    def key(self) -> str:
        return fold_name(self.name)


@dataclass(frozen=True)
class ListedTeam:
    """A team the list names, with the Bereich of its first line (its name as first spelt)."""

    line: int
    name: str
    area: str

    @property
    def key(self) -> str:
        return fold_name(self.name)


@dataclass(frozen=True)
class StaffList:
    people: tuple[ListedPerson, ...]
    teams: tuple[ListedTeam, ...]


def fold_name(name: str) -> str:
    """A person or team as the list and the database are matched: blanks collapsed, without regard to case."""
    return " ".join(name.split()).casefold()


def read_staff_file(path: Path) -> StaffList:
    """`read_staff_list` of the file at `path`; a file over the size limit is refused before it is read."""
    return read_staff_list(file_bytes(path))


def read_staff_list(data: bytes) -> StaffList:
    """The people and teams of a staff list, every line checked; refused as a whole (ValidationError, one German
    message per bad line naming line and column) when any line is wrong."""
    parsed = read_rows(data)
    problems = dict(parsed.problems)
    people: list[ListedPerson] = []
    teams: dict[str, ListedTeam] = {}
    seen: dict[str, int] = {}
    for row in parsed.rows:
        person, row_problems = _person(row)
        if person is None:
            problems.update(row_problems)
            continue
        if person.key in seen:
            problems[f"Zeile {row.line}, Name"] = (
                f"Zeile {row.line}, Name: „{person.name}“ steht schon in Zeile {seen[person.key]}. Jede Person "
                "steht nur einmal in der Liste."
            )
            continue
        seen[person.key] = row.line
        if person.team:
            first = teams.setdefault(fold_name(person.team), ListedTeam(row.line, person.team, person.area))
            if first.area.casefold() != person.area.casefold():
                problems[f"Zeile {row.line}, Bereich"] = (
                    f"Zeile {row.line}, Bereich: Das Team „{person.team}“ gehört hier zum Bereich "
                    f"„{person.area or '(leer)'}“, in Zeile {first.line} aber zum Bereich „{first.area or '(leer)'}“. "
                    "Ein Team gehört zu genau einem Bereich."
                )
                continue
        people.append(person)
    if problems:
        raise ValidationError(_reported(problems))
    return StaffList(tuple(people), tuple(teams.values()))


def _person(row: CsvRow) -> tuple[ListedPerson | None, dict[str, str]]:
    values = row.values
    label = values["Funktion"]
    role = role_from_label(label) or ""
    data = PersonData(values["Name"], role, None, values["E-Mail"], values["Telefon"]).cleaned()
    found = person_problems(data, {})
    found.pop("role", None)
    if not label:
        found["role"] = "Die Funktion fehlt."
    elif not role:
        found["role"] = f"Unbekannte Funktion „{label[:40]}“. Möglich sind: {', '.join(STAFF_ROLES.values())}."
    team = TeamData(values["Team"], values["Bereich"]).cleaned()
    team_found = team_problems(team, ()) if team.name else {}
    if "name" in team_found:
        found["team"] = team_found["name"]
    if "area" in team_found:
        found["area"] = team_found["area"]
    if not data.name:
        found["name"] = "Der Name fehlt; jede Zeile nennt eine Person."
    if len(data.email) > MAX_EMAIL:
        found["email"] = f"Die E-Mail-Adresse ist länger als {MAX_EMAIL} Zeichen."
    problems = {
        f"Zeile {row.line}, {_FIELDS[key]}": f"Zeile {row.line}, {_FIELDS[key]}: {message}"
        for key, message in found.items()
        if key in _FIELDS
    }
    if problems:
        return None, problems
    return ListedPerson(row.line, data.name, role, team.name, team.area, data.email, data.phone), {}


def _reported(problems: dict[str, str]) -> dict[str, str]:
    """The problems in line order, at most MAX_REPORTED of them and a count of the rest."""

    def line_of(key: str) -> int:
        digits = key.removeprefix("Zeile ").split(",")[0]
        return int(digits) if digits.isdigit() else 0

    ordered = sorted(problems.items(), key=lambda item: line_of(item[0]))
    shown = dict(ordered[:MAX_REPORTED])
    if len(ordered) > MAX_REPORTED:
        shown["weitere"] = f"… und {len(ordered) - MAX_REPORTED} weitere Fehler. Es wurde nichts übernommen."
    return shown


def export_staff_list() -> bytes:
    """The active people as a staff list for German Excel (UTF-8 with BOM, `;`, CRLF)."""
    areas = {t.id: t.area for t in staff.teams()}
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for p in staff.people(active_only=True):
        area = areas.get(p.team_id, "") if p.team_id is not None else ""
        writer.writerow([_safe(text) for text in (p.name, p.role_label, p.team, area, p.email, p.phone)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _safe(text: str) -> str:
    """A cell Excel would take for a formula (a phone number +49 …) gets an apostrophe first; the import drops it."""
    return "'" + text if text.startswith(FORMULA_START) else text
