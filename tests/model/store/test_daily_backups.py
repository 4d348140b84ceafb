"""The daily copies: one verified copy at the first start of a day, their rotation by count and age, and the
purge rule applied on the same run."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.retention.purge import execute_purge
from krm_desktop.model.retention.purge_plan import plan_purge
from krm_desktop.model.store.backups import (
    BACKUP_FOLDER_KEY,
    PURPOSE_DAILY,
    RECOVERY_DAYS,
    list_backups,
    make_backup,
    verify_backup,
)
from krm_desktop.model.store.connection import open_store
from krm_desktop.model.store.daily_backups import (
    DEFAULT_KEEP_COUNT,
    DEFAULT_KEEP_DAYS,
    DailyBackup,
    Rotation,
    backup_rotation,
    daily_backup_due,
    rotate_daily_backups,
    run_daily_backup,
    save_backup_rotation,
)
from krm_desktop.model.store.settings import put_setting
from tests import factories as f
from tests.model import retention_data as rd

pytestmark = pytest.mark.sqlite_only  # copies of a SQLite file


def _purge(store, today: date) -> None:
    """What the wizard does: verified copy, purge naming it."""
    copy = make_backup(store, today)
    execute_purge(plan_purge(today), today=today, user=f.USER, backup=copy.name)


def _daily_copy(store, day: date) -> Path:
    return make_backup(store, day, PURPOSE_DAILY)


def test_the_first_start_of_a_day_makes_one_verified_copy(store) -> None:
    rd.closed_case(date(2026, 3, 2))
    assert daily_backup_due(store, f.TODAY)
    first = run_daily_backup(store, f.TODAY)
    assert first.made == store.path.parent / "Sicherungen" / "krm-2026-11-20-taeglich.sqlite3"
    assert first.problem is None and first.removed == []
    verify_backup(first.made, 1)
    [info] = list_backups(store)
    assert (info.purpose, info.purpose_label(), info.cases) == ("taeglich", "Tägliche Sicherung", 1)

    assert not daily_backup_due(store, f.TODAY)
    assert run_daily_backup(store, f.TODAY).made is None  # the second start of the day copies nothing
    tomorrow = run_daily_backup(store, f.TODAY + timedelta(days=1))
    assert tomorrow.made is not None and tomorrow.made.name == "krm-2026-11-21-taeglich.sqlite3"


def test_rotation_keeps_the_newest_copies_within_count_and_age(store) -> None:
    save_backup_rotation(3, 10)
    assert backup_rotation() == Rotation(3, 10)
    copies = {days: _daily_copy(store, f.TODAY - timedelta(days=days)) for days in (12, 9, 5, 3, 2, 1)}
    purge_copy = make_backup(store, f.TODAY - timedelta(days=30))  # other purposes follow the purge rule only
    manual = make_backup(store, f.TODAY - timedelta(days=30), purpose="manuell")
    result = run_daily_backup(store, f.TODAY)
    assert result.made is not None
    assert sorted(result.removed) == sorted(copies[d] for d in (12, 9, 5, 3))
    left = [i.path for i in list_backups(store)]
    assert left == [purge_copy, manual, copies[2], copies[1], result.made]
    for path in result.removed:
        assert not path.exists()


def test_rotation_by_age_never_removes_the_newest_good_copy(store) -> None:
    save_backup_rotation(5, 7)
    old = _daily_copy(store, f.TODAY - timedelta(days=40))
    newest = _daily_copy(store, f.TODAY - timedelta(days=30))
    broken = _daily_copy(store, f.TODAY - timedelta(days=1))
    broken.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))  # a copy that went bad on the disk
    assert rotate_daily_backups(store, f.TODAY) == [broken, old]
    assert [i.path for i in list_backups(store)] == [newest]


def test_default_rotation_and_refused_settings(store) -> None:
    assert backup_rotation() == Rotation(DEFAULT_KEEP_COUNT, DEFAULT_KEEP_DAYS)
    before = f.snapshot()
    with pytest.raises(ValidationError) as refused:
        save_backup_rotation(0, 400)
    assert refused.value.errors == {
        "keep_count": "Bitte zwischen 1 und 366 tägliche Sicherungen aufbewahren.",
        "keep_days": "Bitte ein Höchstalter zwischen 1 und 366 Tagen angeben.",
    }
    assert f.snapshot() == before


def test_the_daily_run_also_removes_copies_past_the_purge_rule(store) -> None:
    rd.closed_case(date(2022, 6, 1))
    before_purge = make_backup(store, date(2026, 10, 1), purpose="manuell")
    _purge(store, f.TODAY - timedelta(days=RECOVERY_DAYS + 1))
    result = run_daily_backup(store, f.TODAY)
    assert before_purge in result.removed and not before_purge.exists()
    assert result.made is not None and result.made.exists()


def test_a_failed_daily_copy_is_reported_and_old_copies_stay(store) -> None:
    kept = _daily_copy(store, f.TODAY - timedelta(days=1))
    put_setting(BACKUP_FOLDER_KEY, str(store.path))  # the "folder" is the database file: unusable
    result = run_daily_backup(store, f.TODAY)
    assert result.made is None and result.removed == []
    assert result.problem is not None and result.problem.startswith("Die tägliche Sicherung ist nicht gelungen")
    assert kept.exists()


def test_a_read_only_store_makes_no_daily_copy(store, db_path: Path) -> None:
    store.close()
    reader = open_store(str(db_path), read_only=True)
    try:
        assert not daily_backup_due(reader, f.TODAY)
        assert run_daily_backup(reader, f.TODAY) == DailyBackup(None, [])
        assert not (db_path.parent / "Sicherungen").exists()
    finally:
        reader.close()


def test_unfinished_copies_are_removed_by_the_rotation(store) -> None:
    folder = store.path.parent / "Sicherungen"
    folder.mkdir()
    yesterday = folder / "krm-2026-11-19-taeglich.sqlite3.part"
    today = folder / "krm-2026-11-20-taeglich.sqlite3.part"  # no one writes it: a lock would keep it
    for partial in (yesterday, today):
        partial.write_bytes(b"SQLite format 3\x00halb")
    assert rotate_daily_backups(store, f.TODAY) == [yesterday, today]
    assert not yesterday.exists() and not today.exists()
