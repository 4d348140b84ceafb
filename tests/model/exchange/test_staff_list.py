"""The staff list (Personalliste): read from Excel's files, planned against the database, applied whole, written
back; every bad file refused in German naming the line, with the database unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from krm_desktop.model.errors import ConflictError, ValidationError
from krm_desktop.model.exchange.staff_csv import MAX_BYTES
from krm_desktop.model.exchange.staff_import import FieldChange, apply_staff_import, plan_staff_import
from krm_desktop.model.exchange.staff_list import export_staff_list, read_staff_file, read_staff_list
from krm_desktop.model.office import staff
from krm_desktop.model.office.staff_checks import PersonData, TeamData
from krm_desktop.model.store.entities import StaffLogin
from tests import factories as f

HEADER = "Name;Funktion;Team;Bereich;E-Mail;Telefon"
LIST = (
    f"{HEADER}\r\n"
    "Jürgen Weiß;Geschäftsführung;;;j.weiss@jobcenter.de;0451 100-1\r\n"
    "Erika Muster;Teamleitung;Team 411 Leistung;Bereich 41;erika.muster@jobcenter.de;0451 100-411\r\n"
    "Tom Weber;mitarbeiter/in;Team 411 Leistung;Bereich 41;;\r\n"
    "Sabine Kröger;BL;Team 420 Markt;Bereich 42;;+49 451 100-420\r\n"
)


def imported(text: str, encoding: str = "utf-8") -> dict[str, int]:
    return apply_staff_import(plan_staff_import(read_staff_list(text.encode(encoding)))).as_dict()


def refusal(data: bytes) -> list[str]:
    with pytest.raises(ValidationError) as refused:
        read_staff_list(data)
    return list(refused.value.errors.values())


def test_a_list_creates_its_teams_and_people(store) -> None:
    assert imported(LIST) == {
        "teams_created": 2,
        "teams_changed": 0,
        "people_created": 4,
        "people_changed": 0,
        "people_deactivated": 0,
    }
    people = {p.name: (p.role, p.team, p.email, p.phone) for p in staff.people()}
    assert people == {
        "Jürgen Weiß": ("GF", "", "j.weiss@jobcenter.de", "0451 100-1"),
        "Erika Muster": ("TL", "Team 411 Leistung", "erika.muster@jobcenter.de", "0451 100-411"),
        "Tom Weber": ("MA", "Team 411 Leistung", "", ""),
        "Sabine Kröger": ("BL", "Team 420 Markt", "", "+49 451 100-420"),
    }
    assert {t.name: t.area for t in staff.teams()} == {
        "Team 411 Leistung": "Bereich 41",
        "Team 420 Markt": "Bereich 42",
    }


def test_export_then_import_changes_nothing(store) -> None:
    imported(LIST)
    empty = staff.save_team(None, TeamData("Team 430 ohne Personen", "Bereich 43"))
    data = export_staff_list()
    assert data.startswith(b"\xef\xbb\xbf" + HEADER.encode() + b"\r\n")
    assert "'+49 451 100-420" in data.decode("utf-8-sig")  # Excel would take +49 … for a formula
    before = f.snapshot()
    plan = plan_staff_import(read_staff_list(data))
    assert not plan.has_changes and plan.unchanged == 4
    assert apply_staff_import(plan).as_dict() == dict.fromkeys(plan.counts(), 0)
    assert f.snapshot() == before
    assert staff.team(empty.id).active  # a team without people is not in the list and not lost


def test_a_windows_1252_file_from_german_excel_is_read(store) -> None:
    text = f"{HEADER}\r\nJürgen Weiß;Geschäftsführung;Geschäftsführung;Büro GF;;\r\n"
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    listed = read_staff_list(data)
    assert [(p.name, p.role, p.team, p.area) for p in listed.people] == [
        ("Jürgen Weiß", "GF", "Geschäftsführung", "Büro GF")
    ]


def test_utf8_with_bom_and_a_header_in_other_case_and_order(store) -> None:
    text = "\ufeff E-MAIL ;name;FUNKTION;Telefon;Bereich;team\nj@jc.de;Jürgen Weiß;gf;;;\n"
    assert [(p.name, p.role, p.email) for p in read_staff_list(text.encode()).people] == [
        ("Jürgen Weiß", "GF", "j@jc.de")
    ]


def test_excels_empty_cells_and_lines_are_no_problem(store) -> None:
    text = f"{HEADER};;\nTom Weber;MA;;;;;;\n;;;;;\n\nEva Kurz;KRM-Beauftragte/r\n"
    assert [p.name for p in read_staff_list(text.encode()).people] == ["Tom Weber", "Eva Kurz"]


def test_the_plan_names_new_changed_and_leaving_people(store) -> None:
    imported(LIST)
    erika = next(p for p in staff.people() if p.name == "Erika Muster")
    login = PersonData(erika.name, "TL", erika.team_id, "", erika.phone, ("mustere",))
    staff.save_person(erika.id, login, version=erika.version)
    changed = (
        f"{HEADER}\n"
        "jürgen  weiß;Geschäftsführung;;;j.weiss@jobcenter.de;0451 100-1\n"
        "Erika Muster;stv. Teamleitung;Team 420 Markt;Bereich 42;erika.muster@jobcenter.de;\n"
        "Sabine Kröger;BL;Team 420 Markt;Bereich 42;;+49 451 100-420\n"
        "Nina Neu;MA;Team 430 Vermittlung;Bereich 43;;\n"
    )
    plan = plan_staff_import(read_staff_list(changed.encode()))
    assert [t.name for t in plan.new_teams] == ["Team 430 Vermittlung"]
    assert [p.name for p in plan.new_people] == ["Nina Neu"]
    assert {c.listed.name: c.changes for c in plan.changed_people} == {
        "jürgen weiß": (FieldChange("Name", "Jürgen Weiß", "jürgen weiß"),),
        "Erika Muster": (
            FieldChange("Funktion", "Teamleitung", "stv. Teamleitung"),
            FieldChange("Team", "Team 411 Leistung", "Team 420 Markt"),
            FieldChange("E-Mail", "", "erika.muster@jobcenter.de"),
            FieldChange("Telefon", "0451 100-411", ""),
        ),
    }
    assert [p.name for p in plan.deactivated] == ["Tom Weber"]
    assert plan.counts()["people_deactivated"] == 1 and plan.unchanged == 1
    apply_staff_import(plan)
    tom = next(p for p in staff.people() if p.name == "Tom Weber")
    assert not tom.active  # deactivated, never deleted
    erika = staff.person(erika.id)
    assert (erika.role, erika.team, erika.logins) == ("STL", "Team 420 Markt", ("mustere",))  # logins untouched
    assert StaffLogin.select().count() == 1


def test_a_deactivated_person_in_the_list_is_active_again(store) -> None:
    imported(LIST)
    tom = next(p for p in staff.people() if p.name == "Tom Weber")
    staff.save_person(tom.id, PersonData(tom.name, "MA", tom.team_id, active=False), version=tom.version)
    plan = plan_staff_import(read_staff_list(LIST.encode()))
    assert [(c.listed.name, c.changes) for c in plan.changed_people] == [
        ("Tom Weber", (FieldChange("Status", "deaktiviert", "aktiv"),))
    ]


def test_leaving_the_last_gf_with_open_petitions_warns(store) -> None:
    imported(LIST)
    f.register(kind="petition")
    plan = plan_staff_import(read_staff_list(LIST.replace("Geschäftsführung", "LGF").encode()))
    assert len(plan.warnings) == 1 and "keine aktive Geschäftsführung" in plan.warnings[0]
    assert plan_staff_import(read_staff_list(LIST.encode())).warnings == ()


def test_a_plan_made_before_another_change_is_refused(store) -> None:
    imported(LIST)
    plan = plan_staff_import(read_staff_list(LIST.replace("0451 100-1", "0451 100-2").encode()))
    staff.save_team(None, TeamData("Team 499 dazwischen"))
    tom = next(p for p in staff.people() if p.name == "Tom Weber")
    staff.save_person(tom.id, PersonData(tom.name, "MA", None, phone="0451 9"), version=tom.version)
    before = f.snapshot()
    with pytest.raises(ConflictError, match="inzwischen an einem anderen Platz"):
        apply_staff_import(plan)
    assert f.snapshot() == before


def test_a_name_two_stored_people_share_is_refused(store) -> None:
    f.staff("Tom Weber", "MA")
    f.staff("tom weber", "TL")
    before = f.snapshot()
    with pytest.raises(ValidationError) as refused:
        plan_staff_import(read_staff_list(f"{HEADER}\nA B;MA;;;;\nTom Weber;MA;;;;\n".encode()))
    assert list(refused.value.errors.values()) == [
        "Zeile 3, Name: „Tom Weber“ gibt es in der Datenbank 2-mal. Bitte die Namen erst in den Einstellungen "
        "unterscheidbar machen; es wurde nichts übernommen."
    ]
    assert f.snapshot() == before


# --- bad files: each refused naming the line, nothing changed ----------------------------------------------

BAD_FILES = {
    "commas": (
        b"Name,Funktion,Team,Bereich,E-Mail,Telefon\nTom Weber,MA,,,,\n",
        "Zeile 1: Die Spalten sind mit Kommas statt mit Semikolons (;) getrennt.",
    ),
    "tabs": (
        b"Name\tFunktion\tTeam\tBereich\tE-Mail\tTelefon\n",
        "Zeile 1: Die Spalten sind mit Tabulatoren statt mit Semikolons (;) getrennt.",
    ),
    "missing column": (
        b"Name;Funktion;Team;Bereich;Telefon\nTom Weber;MA;;;\n",
        "Zeile 1: Die Spalte „E-Mail“ fehlt in der Kopfzeile.",
    ),
    "unknown column": (b"Name;Funktion;Team;Bereich;E-Mail;Telefon;Zimmer\n", "Unbekannte Spalte „Zimmer“"),
    "unknown Funktion": (
        f"{HEADER}\nA B;MA;;;;\nC D;TL;;;;\nChef Person;Chef;;;;\n".encode(),
        "Zeile 4, Funktion: Unbekannte Funktion „Chef“. Möglich sind: Mitarbeiter/in, Teamleitung,",
    ),
    "no Funktion": (f"{HEADER}\nA B;;;;;\n".encode(), "Zeile 2, Funktion: Die Funktion fehlt."),
    "utf-16": (f"{HEADER}\nA B;MA;;;;\n".encode("utf-16"), "„Unicode-Text“ (UTF-16)"),
    "utf-16 without BOM": (f"{HEADER}\n".encode("utf-16-le"), "„CSV (Trennzeichen-getrennt)“ oder „CSV UTF-8“"),
    "empty": (b"", "Die Datei ist leer."),
    "blank": (b"\r\n  \r\n", "Die Datei ist leer."),
    "header only": (f"\ufeff{HEADER}\r\n;;;;;\r\n".encode(), "nur die Kopfzeile"),
    "no name": (f"{HEADER}\nA B;MA;;;;\n;Teamleitung;Team 1;;;\n".encode(), "Zeile 3, Name: Der Name fehlt"),
    "bad e-mail": (
        f"{HEADER}\nA B;MA;;;a.b(at)jc.de;\n".encode(),
        "Zeile 2, E-Mail: Die E-Mail-Adresse ist unvollständig",
    ),
    "long e-mail": (
        f"{HEADER}\nA B;MA;;;{'a' * 200}@jc.de;\n".encode(),
        "Zeile 2, E-Mail: Die E-Mail-Adresse ist länger als 200 Zeichen.",
    ),
    "bad phone": (f"{HEADER}\nA B;MA;;;;0451 / ab\n".encode(), "Zeile 2, Telefon: Die Telefonnummer"),
    "duplicate": (
        f"{HEADER}\nTom Weber;MA;;;;\nA B;MA;;;;\ntom  WEBER;TL;;;;\n".encode(),
        "Zeile 4, Name: „tom WEBER“ steht schon in Zeile 2.",
    ),
    "too many columns": (
        f"{HEADER}\nA B;MA;;;;;0451 1\n".encode(),
        "Zeile 2: Die Zeile hat mehr Spalten als die Kopfzeile (zusätzlich „0451 1“)",
    ),
    "line break": (
        f'{HEADER}\nA B;MA;;;;\n"Tom\nWeber";MA;;;;\nC D;MA;;;;\n'.encode(),
        "Zeile 3, Name: Die Zelle enthält einen Zeilenumbruch.",
    ),
    "two Bereiche": (
        f"{HEADER}\nA B;MA;Team 1;Bereich 1;;\nC D;MA;Team 1;Bereich 2;;\n".encode(),
        "Zeile 3, Bereich: Das Team „Team 1“ gehört hier zum Bereich „Bereich 2“, in Zeile 2 aber zum Bereich "
        "„Bereich 1“.",
    ),
    "open quote": (f'{HEADER}\nA B;MA;;;;\n"C D;MA;;;;\n'.encode(), "Zeile 3: Die Anführungszeichen"),
    "neither encoding": (f"{HEADER}\nA B;MA;;;;\n".encode() + b"C\x81D;MA;;;;\n", "Zeile 3: Die Datei enthält"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_file_is_refused_naming_the_line(store, case: str) -> None:
    staff.save_team(None, TeamData("Team 1", "Bereich 1"))
    before = f.snapshot()
    data, expected = BAD_FILES[case]
    messages = refusal(data)
    assert any(expected in message for message in messages), messages
    assert f.snapshot() == before


def test_every_bad_line_is_named_at_once(store) -> None:
    text = f"{HEADER}\nA B;Chef;;;;\nC D;MA;;;kaputt;\nE F;MA;;;;\n;MA;;;;\n"
    assert refusal(text.encode()) == [
        "Zeile 2, Funktion: Unbekannte Funktion „Chef“. Möglich sind: Mitarbeiter/in, Teamleitung, stv. "
        "Teamleitung, Bereichsleitung, LGF, Geschäftsführung, KRM-Beauftragte/r.",
        "Zeile 3, E-Mail: Die E-Mail-Adresse ist unvollständig (Beispiel: name@beispiel.de).",
        "Zeile 5, Name: Der Name fehlt; jede Zeile nennt eine Person.",
    ]


def test_a_file_over_the_limit_is_refused_before_it_is_read(store, tmp_path: Path) -> None:
    huge = tmp_path / "riesig.csv"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # a sparse 50 MB file: its size alone refuses it
    with pytest.raises(ValidationError) as refused:
        read_staff_file(huge)
    assert refused.value.errors == {
        "Datei": "Die Datei ist 50,0 MB groß; eine Personalliste darf höchstens 5 MB groß sein. "
        "Ist es wirklich die Personalliste?"
    }
    assert "höchstens 5 MB" in refusal(b"x" * (MAX_BYTES + 1))[0]
