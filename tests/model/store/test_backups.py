"""The backup folder, verified copies (a corrupted copy is detected) and the retention of copies that hold
purged data."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from krm_desktop.model.errors import StoreError
from krm_desktop.model.retention.purge import execute_purge
from krm_desktop.model.retention.purge_plan import plan_purge
from krm_desktop.model.store import backups
from krm_desktop.model.store.backups import (
    PURPOSE_DAILY,
    RECOVERY_DAYS,
    backup_folder,
    backups_of_file,
    copy_database,
    expired_backups,
    list_backups,
    make_backup,
    remove_expired_backups,
    verify_backup,
)
from krm_desktop.model.store.entities import Case
from krm_desktop.model.store.settings import put_setting
from tests import factories as f
from tests.model import retention_data as rd

pytestmark = pytest.mark.sqlite_only  # backups, restore and checks of a SQLite file


def _purge(store, today: date) -> tuple[Path, int]:
    """What the wizard does: verified copy, purge naming it, cleanup. Returns the copy and the log id."""
    copy = make_backup(store, today)
    result = execute_purge(plan_purge(today), today=today, user=f.USER, backup=copy.name)
    return copy, result.log_id


def test_default_folder_is_sicherungen_next_to_the_database(store, tmp_path: Path) -> None:
    assert backup_folder(store) == store.path.parent / "Sicherungen"
    put_setting(backups.BACKUP_FOLDER_KEY, str(tmp_path / "anderswo"))
    assert backup_folder(store) == tmp_path / "anderswo"


def test_backup_is_named_by_date_verified_and_listed(store) -> None:
    rd.closed_case(date(2026, 3, 2))
    first = make_backup(store, f.TODAY)
    second = make_backup(store, f.TODAY)
    assert first.name == "krm-2026-11-20-vor-loeschung.sqlite3"
    assert second.name == "krm-2026-11-20-vor-loeschung-2.sqlite3"
    assert first.parent == store.path.parent / "Sicherungen"
    assert not list(first.parent.glob("*.part"))
    infos = list_backups(store)
    assert [(i.path, i.kind, i.taken_on, i.cases, i.purge_runs) for i in infos] == [
        (first, "sicherung", f.TODAY, 1, frozenset()),
        (second, "sicherung", f.TODAY, 1, frozenset()),
    ]
    verify_backup(first, 1)


def _corrupt(path: Path) -> None:
    """Overwrite the middle of the file (b-tree pages) with garbage, as a bad disk sector would."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(4096 * 2)
        handle.write(os.urandom(min(4096 * 4, size - 4096 * 2)))


def test_a_corrupted_backup_is_detected(store) -> None:
    for n in range(30):
        rd.closed_case(date(2026, 3, 2) + timedelta(days=n))
    copy = make_backup(store, f.TODAY)
    _corrupt(copy)
    with pytest.raises(StoreError, match=r"beschädigt|nicht lesbar"):
        verify_backup(copy)


def test_a_truncated_or_incomplete_backup_is_detected(store, tmp_path: Path) -> None:
    rd.closed_case(date(2026, 3, 2))
    copy = make_backup(store, f.TODAY)
    with pytest.raises(StoreError, match="unvollständig"):
        verify_backup(copy, expected_cases=2)
    cut = tmp_path / "halb.sqlite3"
    cut.write_bytes(copy.read_bytes()[: copy.stat().st_size // 2])
    with pytest.raises(StoreError, match=r"beschädigt|nicht lesbar"):
        verify_backup(cut)
    foreign = tmp_path / "fremd.sqlite3"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE krm_case (id)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="keine KRM-Datenbank"):
        verify_backup(foreign)


def test_an_incomplete_copy_is_refused_and_left_nowhere(store, monkeypatch) -> None:
    rd.closed_case(date(2026, 3, 2))
    rd.closed_case(date(2026, 3, 9))

    def losing_copy(db, destination: Path) -> None:
        copy_database(db, destination)
        con = sqlite3.connect(destination)  # a copy that lost a case on the way (sound, but not complete)
        con.execute("PRAGMA foreign_keys = OFF")
        con.execute("DELETE FROM krm_case WHERE id = 2")
        con.commit()
        con.close()

    monkeypatch.setattr(backups, "copy_database", losing_copy)  # fault injection at the copy step
    with pytest.raises(StoreError, match="unvollständig"):
        make_backup(store, f.TODAY)
    assert list(backup_folder(store).iterdir()) == []


def test_an_unusable_backup_folder_is_refused(store) -> None:
    blocker = store.path.parent / "Sicherungen"
    blocker.write_text("kein Ordner", encoding="utf-8")
    with pytest.raises(StoreError, match="Sicherungsordner"):
        make_backup(store, f.TODAY)


def test_without_a_purge_no_backup_expires(store) -> None:
    make_backup(store, date(2020, 1, 1))
    assert expired_backups(store, date(2030, 1, 1)) == []


def test_backups_holding_purged_data_expire_the_recovery_copy_after_its_window(store) -> None:
    rd.closed_case(date(2022, 6, 1))
    rd.closed_case(date(2026, 2, 1))
    older = make_backup(store, date(2026, 10, 1), purpose="manuell")
    migration = store.path.with_name("krm.vor-v3.sqlite3")
    shutil.copy(older, migration)
    foreign = store.path.parent / "Sicherungen" / "krm-2026-01-01-notiz.sqlite3"
    foreign.write_text("keine Datenbank", encoding="utf-8")
    other_db = store.path.parent / "Sicherungen" / "andere-2026-01-01-manuell.sqlite3"
    shutil.copy(older, other_db)
    recovery, _ = _purge(store, f.TODAY)
    after = make_backup(store, f.TODAY, purpose="manuell")  # taken after the purge: holds nothing purged

    assert [i.path for i in expired_backups(store, f.TODAY)] == [older, migration]
    removed = remove_expired_backups(store, f.TODAY)
    assert removed == [older, migration]
    assert not older.exists() and not migration.exists()
    assert recovery.exists() and after.exists() and foreign.exists() and other_db.exists()

    last_day = f.TODAY + timedelta(days=RECOVERY_DAYS - 1)
    assert remove_expired_backups(store, last_day) == []
    assert remove_expired_backups(store, last_day + timedelta(days=1)) == [recovery]
    assert after.exists()


def test_the_next_purge_removes_the_previous_recovery_copy_and_later_copies(store) -> None:
    rd.closed_case(date(2022, 6, 1))
    rd.closed_case(date(2023, 6, 1))
    first, _ = _purge(store, date(2024, 12, 31))
    between = make_backup(store, date(2025, 6, 1), purpose="manuell")
    second, _ = _purge(store, date(2025, 12, 31))
    removed = remove_expired_backups(store, date(2025, 12, 31))
    assert removed == [first, between]
    assert [i.path for i in list_backups(store)] == [second]


def test_a_corrupted_copy_of_this_database_counts_as_holding_purged_data(store) -> None:
    rd.closed_case(date(2022, 6, 1))
    broken = make_backup(store, date(2026, 1, 2), purpose="manuell")
    broken.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))
    _purge(store, f.TODAY)
    assert [(i.path, i.purge_runs) for i in expired_backups(store, f.TODAY)] == [(broken, None)]


def test_removed_backups_are_overwritten_before_unlinking(tmp_path: Path, monkeypatch) -> None:
    victim = tmp_path / "alt.sqlite3"
    victim.write_bytes(b"geheim" * 300_000)
    seen: list[bytes] = []
    unlink = Path.unlink

    def look_then_unlink(self: Path, missing_ok: bool = False) -> None:
        seen.append(self.read_bytes())
        unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", look_then_unlink)
    backups.shred(victim)
    assert not victim.exists()
    assert seen == [bytes(6 * 300_000)]


def test_backups_of_an_anonymised_case_are_still_sound(store) -> None:
    case = rd.closed_case(date(2022, 6, 1))
    _purge(store, f.TODAY)
    assert Case.get_by_id(case.id).anonymised
    copy = make_backup(store, f.TODAY, purpose="nachher")
    verify_backup(copy, 1)
    [info] = [i for i in list_backups(store) if i.path == copy]
    assert info.purge_runs is not None and len(info.purge_runs) == 1


def test_two_runs_within_the_window_keep_both_recovery_copies(store) -> None:
    rd.closed_case(date(2022, 6, 1))
    first, _ = _purge(store, f.TODAY)
    rd.closed_case(date(2022, 7, 1))
    second, _ = _purge(store, f.TODAY + timedelta(days=3))
    assert remove_expired_backups(store, f.TODAY + timedelta(days=3)) == []
    assert remove_expired_backups(store, f.TODAY + timedelta(days=RECOVERY_DAYS)) == [first]
    assert remove_expired_backups(store, f.TODAY + timedelta(days=RECOVERY_DAYS + 3)) == [second]


def test_a_shared_backup_folder_keeps_other_databases_copies(store, tmp_path: Path) -> None:
    shared = tmp_path / "gemeinsam"
    put_setting(backups.BACKUP_FOLDER_KEY, str(shared))
    rd.closed_case(date(2022, 6, 1))
    ours_before = make_backup(store, date(2026, 10, 1), purpose="manuell")
    other_path = tmp_path / "anderes" / "krm.sqlite3"  # another office's database with the same file name
    other_path.parent.mkdir()
    shutil.copy(store.path, other_path)
    con = sqlite3.connect(other_path)
    con.execute("UPDATE meta SET value = 'anderes-amt' WHERE key = 'database_id'")
    con.commit()
    con.close()
    foreign = shared / "krm-2026-10-02-manuell.sqlite3"
    shutil.copy(other_path, foreign)
    _purge(store, f.TODAY)
    assert remove_expired_backups(store, f.TODAY) == [ours_before]
    assert foreign.exists()


def test_copies_of_a_file_that_does_not_open(store, tmp_path: Path) -> None:
    shared = tmp_path / "Sicherungsablage"
    put_setting(backups.BACKUP_FOLDER_KEY, str(shared))
    copy = make_backup(store, f.TODAY, PURPOSE_DAILY)
    assert [i.path for i in backups_of_file(store.path)] == [copy]  # folder and identity read from the file
    store.path.write_bytes(b"\x00" * 4096)  # now nothing can be read from it: the folder next to it is searched
    assert backups_of_file(store.path) == []
    beside = store.path.parent / "Sicherungen" / copy.name
    beside.parent.mkdir()
    shutil.copy(copy, beside)
    assert [i.path for i in backups_of_file(store.path)] == [beside]
