"""`krm-desktop profile export / import` and `deadlines --db` with the database's own rules.

Lübeck (Schleswig-Holstein, no holiday in November 2026): received Mo 02.11.2026 gives the acknowledgement by
Do 05.11. and the answer by Mo 16.11.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from krm_desktop.cli.main import main
from krm_desktop.model.office.profiles import PRESETS
from tests.cli.conftest import Run

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(db_target: str, run: Run) -> str:
    code, _, err = run("--db", db_target, "init", "--profile", "luebeck")
    assert code == 0, err
    return db_target


def stored_profile(db: str, run: Run, tmp_path: Path) -> dict[str, Any]:
    out = tmp_path / "stored.json"
    code, _, err = run("--db", db, "profile", "export", "--out", str(out))
    assert code == 0, err
    return json.loads(out.read_text(encoding="utf-8"))


def deadlines(db: str, kind: str, channel: str, received: str = "2026-11-02") -> dict[str, Any]:
    """Through the real command, as IT would call it."""
    done = subprocess.run(
        [sys.executable, "-m", "krm_desktop", "--db", db, "deadlines", "--kind", kind, "--channel", channel,
         "--received", received],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return json.loads(done.stdout)


def test_export_edit_import_and_deadlines_follow_the_new_rules(db: str, run: Run, tmp_path: Path) -> None:
    assert deadlines(db, "beschwerde", "telefon") == {
        "ack_due": "2026-11-05",
        "final_due": "2026-11-16",
        "gf_due": None,
    }
    out = tmp_path / "profil.json"
    code, payload, err = run("--db", db, "profile", "export", "--out", str(out))
    assert code == 0, err
    assert payload == {"exported": str(out), "profile": "luebeck", "format_version": 1}
    assert "Dienststellenprofil „Jobcenter Lübeck“" in err
    data = json.loads(out.read_text(encoding="utf-8"))
    # IT's edit: written reactions only; complaints answered within 10 Arbeitstage; petitions unacknowledged
    data["ack_channels"] = ["brief", "email", "online"]
    data["kinds"]["beschwerde"] = {
        "ack": {"count": 2, "unit": "working", "start": "received"},
        "final": {"count": 10, "unit": "working", "start": "received"},
        "ack_channels": ["brief", "email", "online"],
    }
    data["kinds"]["petition"] = {"ack": data["ack"], "final": data["final"], "ack_channels": []}
    data["closing_days"].append("2026-11-13")  # a one-off closing day (Brückentag)
    edited = tmp_path / "profil-neu.json"
    edited.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    code, payload, err = run("--db", db, "profile", "import", "--in", str(edited))
    assert code == 0, err
    assert payload == {"imported": str(edited), "profile": "luebeck", "label": "Jobcenter Lübeck", "version": 2}
    assert "Gespeicherte Fristen offener Fälle bleiben" in err
    # 2 AT: 03., 04.11.; 10 AT skipping Fr 13.11.: 03.–06., 09.–12., 16., 17.11.
    assert deadlines(db, "beschwerde", "brief") == {"ack_due": "2026-11-04", "final_due": "2026-11-17", "gf_due": None}
    assert deadlines(db, "beschwerde", "telefon") == {"ack_due": None, "final_due": "2026-11-17", "gf_due": None}
    assert deadlines(db, "lob", "persoenlich") == {"ack_due": None, "final_due": "2026-11-16", "gf_due": None}
    assert deadlines(db, "petition", "brief") == {"ack_due": None, "final_due": "2026-11-16", "gf_due": "2026-11-02"}
    # the same call with --profile keeps the preset's rules
    code, payload, _ = run("deadlines", "--profile", "luebeck", "--kind", "beschwerde", "--channel", "telefon",
                           "--received", "2026-11-02")  # fmt: skip
    assert (code, payload) == (0, {"ack_due": "2026-11-05", "final_due": "2026-11-16", "gf_due": None})


def refused(db: str, run: Run, tmp_path: Path, text: str) -> str:
    before = stored_profile(db, run, tmp_path)
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    code, payload, err = run("--db", db, "profile", "import", "--in", str(path))
    assert code == 1
    assert payload is None
    assert err.rstrip().endswith("wurde nicht übernommen; es wurde nichts geändert.") or "nichts geändert" in err
    assert "Traceback" not in err
    assert stored_profile(db, run, tmp_path) == before  # the stored profile is unchanged
    return err


def exported_text(**changes: Any) -> str:
    from krm_desktop.model.exchange.profile_file import export_profile

    data = json.loads(export_profile(PRESETS["osnabrueck"]))
    data.update(changes)
    return json.dumps(data, ensure_ascii=False)


def test_not_json_is_refused(db: str, run: Run, tmp_path: Path) -> None:
    err = refused(db, run, tmp_path, "Fristen = 3 Tage\n")
    assert "Die Datei ist kein gültiges JSON (Zeile 1, Spalte 1)" in err


def test_a_file_from_a_newer_version_is_refused(db: str, run: Run, tmp_path: Path) -> None:
    err = refused(db, run, tmp_path, exported_text(format_version=7, program_version="3.0.0"))
    assert "von einer neueren Programmversion (KRM Desktop 3.0.0): „format_version“ 7" in err


def test_unknown_and_missing_keys_are_named(db: str, run: Run, tmp_path: Path) -> None:
    data = json.loads(exported_text(schliesstage=["12-24"]))
    del data["reports"]
    err = refused(db, run, tmp_path, json.dumps(data))
    assert "Unbekannter Eintrag „schliesstage“." in err
    assert "Der Eintrag „reports“ fehlt." in err


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"final": {"count": 400, "unit": "calendar", "start": "received"}}, "„final“: Die Frist muss zwischen 1 und 120"),
        ({"bundesland": "XY"}, "Unbekanntes Bundesland „XY“"),
        ({"closing_days": ["04-31"]}, "„closing_days“: Schließtage als „MM-TT“"),
        (
            {"kinds": {"eingabe": {"ack": {"count": -3, "unit": "working", "start": "received"},
                                   "final": {"count": 14, "unit": "calendar", "start": "received"},
                                   "ack_channels": ["brief"]}}},
            "„kinds.eingabe.ack“: Die Frist muss zwischen 1 und 120 Tagen liegen.",
        ),
    ],
)  # fmt: skip
def test_an_invalid_value_is_refused_naming_its_key(
    db: str, run: Run, tmp_path: Path, changes: dict[str, Any], words: str
) -> None:
    assert words in refused(db, run, tmp_path, exported_text(**changes))


def test_bad_usage(db: str, run: Run, tmp_path: Path) -> None:
    code, _, err = run("--db", db, "profile", "import", "--in", str(tmp_path / "fehlt.json"))
    assert code == 2 and "Die Datei" in err and "gibt es nicht" in err
    code, _, err = run("--db", db, "profile", "export", "--out", str(tmp_path / "kein-ordner" / "p.json"))
    assert code == 2 and "den Ordner" in err
    code, _, err = run("--db", db, "profile")
    assert code == 2 and "Falscher Aufruf" in err
    code, _, err = run("--db", db, "profile", "export")
    assert code == 2 and "--out" in err


def test_deadlines_with_a_database_without_profile_is_refused(tmp_path: Path, run: Run) -> None:
    empty = tmp_path / "leer.sqlite3"
    from krm_desktop.model.store.connection import open_store

    open_store(str(empty), create=True).close()
    code, payload, err = run("--db", str(empty), "deadlines", "--kind", "lob", "--channel", "brief",
                             "--received", "2026-11-02")  # fmt: skip
    assert (code, payload) == (1, None)
    assert "noch kein Dienststellenprofil" in err


def test_main_returns_the_exit_codes(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.json"
    assert main(["--db", db, "profile", "export", "--out", str(path)]) == 0
    path.write_text(path.read_text(encoding="utf-8").replace('"format_version": 1', '"format_version": 2'), "utf-8")
    assert main(["--db", db, "profile", "import", "--in", str(path)]) == 1
    capsys.readouterr()
