"""The command-line contract: init and check (exchange, demo and deadlines have their own files)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from krm_desktop.cli.main import main
from tests.cli.conftest import Run


def test_init_then_check(run: Run, tmp_path: Path) -> None:
    db = str(tmp_path / "krm.sqlite3")
    code, out, err = run("--db", db, "init", "--profile", "schwaebisch-hall", "--office-name", "JC SHA")
    assert code == 0 and out == {"database": db, "profile": "schwaebisch-hall"}
    assert "angelegt" in err
    code, out, err = run("--db", db, "check")
    assert code == 0 and out is not None and out["ok"] is True and "in Ordnung" in err


def test_init_twice_is_refused(run: Run, tmp_path: Path) -> None:
    db = str(tmp_path / "krm.sqlite3")
    assert run("--db", db, "init", "--profile", "luebeck")[0] == 0
    code, out, err = run("--db", db, "init", "--profile", "braunschweig")
    assert code == 1 and out is None and "bereits eingerichtet" in err


def test_init_unknown_profile_is_bad_usage_and_creates_nothing(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "krm.sqlite3"
    code, out, err = run("--db", str(target), "init", "--profile", "hamburg")
    assert code == 2 and out is None
    assert "Unbekanntes Dienststellenprofil „hamburg“" in err
    assert not target.exists()


def test_check_refuses_foreign_file(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "fremd.sqlite3"
    con = sqlite3.connect(target)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    code, _, err = run("--db", str(target), "check")
    assert code == 1 and "keine KRM-Datenbank" in err


def test_check_finds_damage(run: Run, tmp_path: Path) -> None:
    db = tmp_path / "krm.sqlite3"
    run("--db", str(db), "init", "--profile", "luebeck")
    con = sqlite3.connect(db)
    con.execute("DELETE FROM setting WHERE key = 'profile'")
    con.commit()
    con.close()
    code, out, _ = run("--db", str(db), "check")
    assert code == 1 and out is not None and out["ok"] is False
    assert any("Dienststellenprofil" in p for p in out["problems"])


def test_environment_variable_selects_database(tmp_path: Path) -> None:
    db = tmp_path / "env.sqlite3"
    env = {"KRM_DB": str(db), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "krm_desktop", "init", "--profile", "osnabrueck"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert db.exists()


def test_bad_usage_exits_2_in_german(capsys) -> None:
    code = None
    try:
        main(["deadlines", "--profile", "luebeck"])
    except SystemExit as exc:
        code = exc.code
    assert code == 2
    assert "Falscher Aufruf" in capsys.readouterr().err
