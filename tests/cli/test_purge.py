"""`krm-desktop --db X purge --as-of D (--dry-run | --yes)`: the JSON of DESIGN.md §2, exit 0 / 1 / 2."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from krm_desktop.cli import main as cli
from krm_desktop.model.cases import services as cases
from krm_desktop.model.store.backups import verify_backup
from krm_desktop.model.store.connection import open_store
from krm_desktop.model.store.entities import Case, PurgeLog, RoutingNote
from tests.cli.conftest import Run
from tests.model import retention_data as rd

# The CLI reads the real today: every date here lies safely in the past.
AS_OF = "2026-01-15"


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "krm.sqlite3"
    assert cli.main(["--db", str(path), "init", "--profile", "luebeck"]) == 0
    capsys.readouterr()
    store = open_store(str(path))
    try:
        rd.closed_case(date(2017, 3, 1))  # KRM-2017-0001: whole deletion due 31.12.2025
        rd.closed_case(date(2022, 5, 2))  # KRM-2022-0001: anonymisation due 31.12.2024
        rd.closed_case(date(2022, 6, 1), "petition")  # KRM-2022-0002: petition, due 31.12.2027
        rd.closed_case(date(2026, 1, 20))  # KRM-2026-0001: due 31.12.2028
        for received in (date(2023, 5, 2), date(2025, 3, 1)):  # routing notes: due 31.12.2025 and 31.12.2027
            cases.record_routing_note("widerspruch", received, "Frau Beispiel, an die RBS", today=received, user="x")
    finally:
        store.close()
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_dry_run_reports_and_changes_nothing(db: Path, run: Run) -> None:
    before = _digest(db)
    code, out, err = run("--db", str(db), "purge", "--as-of", AS_OF, "--dry-run")
    assert code == 0
    assert out == {
        "anonymised": 1,
        "deleted": 1,
        "refs_anonymised": ["KRM-2022-0001"],
        "refs_deleted": ["KRM-2017-0001"],
        "backup": None,
        "routing_notes_deleted": 1,
    }
    assert "Probelauf zum 15.01.2026" in err and "nichts geändert" in err and "1 Weiterleitungsvermerke" in err
    assert _digest(db) == before
    assert not (db.parent / "Sicherungen").exists()


def test_yes_purges_after_a_verified_backup(db: Path, run: Run) -> None:
    code, out, err = run("--db", str(db), "purge", "--as-of", AS_OF, "--yes")
    assert code == 0, err
    assert out is not None and (out["anonymised"], out["deleted"]) == (1, 1)
    assert (out["refs_anonymised"], out["refs_deleted"]) == (["KRM-2022-0001"], ["KRM-2017-0001"])
    assert out["routing_notes_deleted"] == 1
    backup = Path(out["backup"])
    assert backup.parent == db.parent / "Sicherungen" and backup.name.startswith(f"krm-{date.today():%Y-%m-%d}")
    verify_backup(backup, expected_cases=4)
    assert "Löschlauf zum 15.01.2026" in err and "VACUUM" in err
    store = open_store(str(db))
    try:
        assert [c.ref for c in Case.select().order_by(Case.ref)] == ["KRM-2022-0001", "KRM-2022-0002", "KRM-2026-0001"]
        assert Case.get(Case.ref == "KRM-2022-0001").anonymised
        assert [n.received for n in RoutingNote.select()] == [date(2025, 3, 1)]  # the younger note stays
        log = PurgeLog.get()
        assert (log.as_of, log.anonymised, log.deleted, log.backup, log.vacuumed) == (
            date(2026, 1, 15), 1, 1, backup.name, True,
        )  # fmt: skip
    finally:
        store.close()
    code, out, _ = run("--db", str(db), "check")
    assert code == 0
    code, out, _ = run("--db", str(db), "purge", "--as-of", AS_OF, "--yes")
    assert (
        code == 0 and out is not None and (out["anonymised"], out["deleted"], out["routing_notes_deleted"]) == (0, 0, 0)
    )
    assert backup.exists()  # the first run's recovery copy stays within its window


def test_later_as_of_is_warned_about(db: Path, run: Run) -> None:
    code, out, err = run("--db", str(db), "purge", "--as-of", "2099-12-31", "--dry-run")
    assert code == 0 and out is not None and out["deleted"] == 4
    assert "Achtung" in err and "31.12.2099" in err


@pytest.mark.parametrize(
    "args",
    [
        ("purge", "--as-of", AS_OF),
        ("purge", "--as-of", AS_OF, "--dry-run", "--yes"),
        ("purge", "--as-of", "15.01.2026", "--dry-run"),
        ("purge", "--dry-run"),
    ],
    ids=["no-mode", "both-modes", "german-date", "no-date"],
)
def test_bad_usage_exits_2_and_changes_nothing(db: Path, run: Run, args: tuple[str, ...]) -> None:
    before = _digest(db)
    code, out, err = run("--db", str(db), *args)
    assert code == 2 and out is None and "Falscher Aufruf" in err
    assert _digest(db) == before


def test_missing_database_is_refused(tmp_path: Path, run: Run) -> None:
    code, out, err = run("--db", str(tmp_path / "nichts.sqlite3"), "purge", "--as-of", AS_OF, "--yes")
    assert code == 1 and out is None and "gibt es nicht" in err


def test_a_database_error_mid_purge_is_rolled_back(db: Path, run: Run) -> None:
    con = sqlite3.connect(db)
    con.execute("CREATE TRIGGER no_log BEFORE INSERT ON purge_log BEGIN SELECT RAISE(ABORT, 'Platte voll'); END")
    con.commit()
    rows_before = con.execute("SELECT * FROM krm_case ORDER BY id").fetchall()
    con.close()
    code, out, err = run("--db", str(db), "purge", "--as-of", AS_OF, "--yes")
    assert code == 1 and out is None
    assert "fehlgeschlagen" in err and "zurückgenommen" in err and "Platte voll" in err
    con = sqlite3.connect(db)
    assert con.execute("SELECT * FROM krm_case ORDER BY id").fetchall() == rows_before
    con.close()
