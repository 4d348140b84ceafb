"""The daily copies of the SQLite store (`run_daily_backup`, at the first start of a day).

Purpose "taeglich"; of those the newest `backup_keep_count` are kept, none older than `backup_keep_days`
(settings, defaults below), and the newest one always. The purge rule of `backups` applies to them as to
every copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from krm_desktop.model.errors import StoreError, ValidationError
from krm_desktop.model.store.backups import (
    PURPOSE_DAILY,
    BackupInfo,
    backup_folder,
    list_backups,
    make_backup,
    remove_expired_backups,
    remove_unfinished_copies,
    shred,
)
from krm_desktop.model.store.connection import Store
from krm_desktop.model.store.settings import get_setting, put_setting

KEEP_COUNT_KEY = "backup_keep_count"
KEEP_DAYS_KEY = "backup_keep_days"
DEFAULT_KEEP_COUNT = 14  # about three working weeks of daily copies
DEFAULT_KEEP_DAYS = 42  # and none older than six weeks


@dataclass(frozen=True)
class Rotation:
    keep_count: int  # at most this many daily copies
    keep_days: int  # none older than this many days


@dataclass(frozen=True)
class DailyBackup:
    made: Path | None  # today's copy, None when there was one already (or it failed: see problem)
    removed: list[Path]  # daily copies past the rotation, then copies past the purge rule
    problem: str | None = None  # German: why no copy could be made


def backup_rotation() -> Rotation:
    return Rotation(
        int(get_setting(KEEP_COUNT_KEY, DEFAULT_KEEP_COUNT)), int(get_setting(KEEP_DAYS_KEY, DEFAULT_KEEP_DAYS))
    )


def rotation_problems(keep_count: int, keep_days: int) -> dict[str, str]:
    errors = {}
    if not 1 <= keep_count <= 366:
        errors["keep_count"] = "Bitte zwischen 1 und 366 tägliche Sicherungen aufbewahren."
    if not 1 <= keep_days <= 366:
        errors["keep_days"] = "Bitte ein Höchstalter zwischen 1 und 366 Tagen angeben."
    return errors


def save_backup_rotation(keep_count: int, keep_days: int) -> None:
    errors = rotation_problems(keep_count, keep_days)
    if errors:
        raise ValidationError(errors)
    put_setting(KEEP_COUNT_KEY, keep_count)
    put_setting(KEEP_DAYS_KEY, keep_days)


def _daily(store: Store) -> list[BackupInfo]:
    """This database's daily copies, newest first."""
    copies = [i for i in list_backups(store) if i.kind == "sicherung" and i.purpose == PURPOSE_DAILY]
    return sorted(copies, key=lambda i: (i.taken_on or date.min, i.path.stat().st_mtime_ns), reverse=True)


def daily_backup_due(store: Store, today: date) -> bool:
    """No daily copy of today yet (and the database is a writable SQLite file)."""
    if store.path is None or store.read_only:
        return False
    return not any(i.taken_on == today and i.cases is not None for i in _daily(store))


def rotate_daily_backups(store: Store, today: date) -> list[Path]:
    """Remove the daily copies past the rotation (count and age); the newest readable one always stays.
    Unfinished copies of any purpose (the program ended while copying) go as well."""
    rotation = backup_rotation()
    removed, kept = remove_unfinished_copies(backup_folder(store)) if store.path is not None else [], 0
    for info in _daily(store):
        age = (today - info.taken_on).days if info.taken_on else rotation.keep_days
        newest = kept == 0 and info.cases is not None
        if newest or (info.cases is not None and kept < rotation.keep_count and age < rotation.keep_days):
            kept += 1
            continue
        try:
            shred(info.path)
        except OSError as exc:
            raise StoreError(f"Die alte Sicherung {info.path} lässt sich nicht entfernen ({exc}).") from exc
        removed.append(info.path)
    return removed


def run_daily_backup(store: Store, today: date) -> DailyBackup:
    """At every start: unfinished copies shredded; at the first start of a day a verified copy; then the
    rotation and the purge rule's removals."""
    if store.path is None or store.read_only:
        return DailyBackup(None, [])
    made, problem = None, None
    removed = remove_unfinished_copies(backup_folder(store))
    if daily_backup_due(store, today):
        try:
            made = make_backup(store, today, PURPOSE_DAILY)
        except StoreError as exc:
            problem = f"Die tägliche Sicherung ist nicht gelungen: {exc.message}"
    removed += rotate_daily_backups(store, today)
    removed += remove_expired_backups(store, today)
    return DailyBackup(made, removed, problem)
