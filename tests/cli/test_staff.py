"""`krm-desktop --db X staff import --in F.csv [--dry-run]` and `staff export --out F.csv`: JSON on stdout, German
on stderr naming the bad line, exit 0 / 1 / 2, nothing changed on a refusal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from krm_desktop.model.office import staff
from krm_desktop.model.store.connection import open_store
from tests import factories as f
from tests.cli.conftest import Run

HEADER = "Name;Funktion;Team;Bereich;E-Mail;Telefon"
LIST = (
    f"{HEADER}\r\n"
    "Jürgen Weiß;Geschäftsführung;Geschäftsführung;Büro GF;j.weiss@jobcenter.de;0451 100-1\r\n"
    "Erika Muster;Teamleitung;Team 411 Leistung;Bereich 41;;\r\n"
    "Tom Weber;Mitarbeiter/in;Team 411 Leistung;Bereich 41;;\r\n"
)


@pytest.fixture
def db(db_target: str, run: Run) -> str:
    code, _, err = run("--db", db_target, "init", "--profile", "luebeck")
    assert code == 0, err
    return db_target


def stored(db: str) -> dict[str, Any]:
    store = open_store(db)
    try:
        return {"rows": f.snapshot(), "people": {p.name: (p.role, p.team, p.active) for p in staff.people()}}
    finally:
        store.close()


def csv_file(tmp_path: Path, text: str, encoding: str = "utf-8") -> str:
    path = tmp_path / "personal.csv"
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_import_then_export_round_trip(db: str, run: Run, tmp_path: Path) -> None:
    code, out, err = run("--db", db, "staff", "import", "--in", csv_file(tmp_path, LIST, "cp1252"))
    assert code == 0, err
    assert out == {
        "teams_created": 2,
        "teams_changed": 0,
        "people_created": 3,
        "people_changed": 0,
        "people_deactivated": 0,
    }
    assert "Personalliste übernommen: 2 Team(s) neu" in err
    assert stored(db)["people"] == {
        "Jürgen Weiß": ("GF", "Geschäftsführung", True),
        "Erika Muster": ("TL", "Team 411 Leistung", True),
        "Tom Weber": ("MA", "Team 411 Leistung", True),
    }
    exported = tmp_path / "export.csv"
    code, out, err = run("--db", db, "staff", "export", "--out", str(exported))
    assert (code, out) == (0, {"exported": 3}), err
    assert exported.read_bytes().startswith(b"\xef\xbb\xbfName;Funktion;")
    before = stored(db)
    code, out, _ = run("--db", db, "staff", "import", "--in", str(exported))
    assert code == 0 and set(out.values()) == {0}
    assert stored(db) == before


def test_dry_run_shows_the_plan_and_writes_nothing(db: str, run: Run, tmp_path: Path) -> None:
    run("--db", db, "staff", "import", "--in", csv_file(tmp_path, LIST))
    before = stored(db)
    changed = LIST.replace("Tom Weber;Mitarbeiter/in;Team 411 Leistung", "Nina Neu;MA;Team 412") + (
        "Erika Muster;stv. Teamleitung;Team 411 Leistung;Bereich 41;;\r\n"
    ).replace("Erika", "Eva")
    code, out, err = run("--db", db, "staff", "import", "--dry-run", "--in", csv_file(tmp_path, changed))
    assert code == 0, err
    assert out["people_created"] == 2 and out["people_deactivated"] == 1 and out["teams_created"] == 1
    assert out["changes"]["deactivated_people"] == ["Tom Weber"]
    assert out["changes"]["new_people"] == ["Nina Neu", "Eva Muster"]
    assert "Probelauf" in err and "nichts geändert" in err
    assert stored(db) == before


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        (
            f"{HEADER}\nA B;MA;;;;\nC D;TL;;;;\nChef Person;Chef;;;;\n",
            "utf-8",
            "Zeile 4, Funktion: Unbekannte Funktion „Chef“",
        ),
        ("Name,Funktion,Team,Bereich,E-Mail,Telefon\nA B,MA,,,,\n", "utf-8", "Zeile 1: Die Spalten sind mit Kommas"),
        ("Name;Funktion;Team;E-Mail;Telefon\nA B;MA;;;\n", "utf-8", "Die Spalte „Bereich“ fehlt"),
        (f"{HEADER}\nA B;MA;;;;\n", "utf-16", "„CSV (Trennzeichen-getrennt)“ oder „CSV UTF-8“"),
        ("", "utf-8", "Die Datei ist leer."),
    ],
)
def test_a_bad_file_is_refused_naming_the_line(
    db: str, run: Run, tmp_path: Path, text: str, encoding: str, expected: str
) -> None:
    run("--db", db, "staff", "import", "--in", csv_file(tmp_path, LIST))
    before = stored(db)
    code, out, err = run("--db", db, "staff", "import", "--in", csv_file(tmp_path, text, encoding))
    assert (code, out) == (1, None)
    assert expected in err and "Traceback" not in err
    assert stored(db) == before


def test_a_50_mb_file_is_refused_by_its_size(db: str, run: Run, tmp_path: Path) -> None:
    huge = tmp_path / "riesig.csv"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    code, _, err = run("--db", db, "staff", "import", "--in", str(huge))
    assert code == 1 and "höchstens 5 MB" in err


def test_bad_usage(db: str, run: Run, tmp_path: Path) -> None:
    code, _, err = run("--db", db, "staff", "import", "--in", str(tmp_path / "fehlt.csv"))
    assert code == 2 and "gibt es nicht" in err
    code, _, err = run("--db", db, "staff", "export", "--out", str(tmp_path))
    assert code == 2 and "ist ein Ordner" in err
    code, _, err = run("--db", db, "staff")
    assert code == 2 and "Falscher Aufruf" in err
