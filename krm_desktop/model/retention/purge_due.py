"""Deletion when it is due (DOMAIN.md §4, issue 19): how many cases are past their retention date as of a day,
the reminder that says so, and the automatic purge an office may choose (profile `auto_purge`).

The automatic purge is the annual wizard's run without its pages: a verified backup first (`make_backup`), the
plan and the run in one transaction (`execute_purge`, which writes the Löschprotokoll), then VACUUM and the
removal of expired backups (`finish_purge` notes them). It runs at most once a day: the day of its last
successful run is a setting; a failed run leaves that day unset, so the next start tries again.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from krm_desktop.model.errors import KrmError, RefusedError
from krm_desktop.model.office.profiles import OfficeProfile, RetentionRule
from krm_desktop.model.retention.purge import PurgeResult, execute_purge, finish_purge, vacuum_store
from krm_desktop.model.retention.purge_log import overdue_text
from krm_desktop.model.retention.purge_plan import plan_purge
from krm_desktop.model.store.backups import backup_folder, make_backup, remove_expired_backups
from krm_desktop.model.store.connection import Store
from krm_desktop.model.store.settings import get_setting, put_setting

AUTO_PURGE_DAY_KEY = "retention.auto_purge_day"  # ISO day of the last successful automatic purge
AUTOMATIC = "automatisch beim Programmstart"


def overdue_count(as_of: date, retention: RetentionRule | None = None, profile_code: str | None = None) -> int:
    """How many closed cases are past their retention date as of `as_of` (the purge plan's cases)."""
    return plan_purge(as_of, retention, profile_code).total


def auto_purge_ran(today: date) -> bool:
    """Whether the automatic purge has run successfully on `today` already."""
    return get_setting(AUTO_PURGE_DAY_KEY) == today.isoformat()


def backup_folder_problem(store: Store) -> str | None:
    """Why the automatic purge cannot make its verified backup here (German), or None when it can."""
    if store.path is None:
        return (
            "Automatisch löschen geht nur bei einer Datenbankdatei: eine Server-Datenbank sichert die IT, und das "
            "bestätigt eine Person im Löschassistenten."
        )
    folder = backup_folder(store)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".schreibprobe-"):
            pass
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return (
            f"In den Sicherungsordner {folder} kann nicht geschrieben werden ({reason}). Ohne geprüfte Sicherung "
            "wird nicht automatisch gelöscht; bitte den Ordner beschreibbar machen (IT) oder den Löschassistenten "
            "verwenden."
        )
    return None


@dataclass(frozen=True)
class AutoPurge:
    """What the automatic purge did: `result` is None when nothing was due (no backup then either)."""

    result: PurgeResult | None
    backup: Path | None = None
    vacuumed: bool = False
    backups_removed: tuple[str, ...] = ()
    aftermath_problem: str = ""  # VACUUM or the removal of old backups failed (the purge itself stands)


def run_auto_purge(store: Store, today: date, user: str, profile: OfficeProfile) -> AutoPurge:
    """The purge due as of `today` with its verified backup and Löschprotokoll; marks the day as done.

    Refuses (RefusedError) where no file backup can be made; a failing backup or run raises its KrmError (or
    the database's error) and changes nothing, and the day stays unmarked."""
    problem = backup_folder_problem(store)
    if problem:
        raise RefusedError(problem)
    plan = plan_purge(today, profile.retention, profile.code)
    if not plan.total and not plan.routing_notes:
        put_setting(AUTO_PURGE_DAY_KEY, today.isoformat())
        return AutoPurge(None)
    backup = make_backup(store, today)
    result = execute_purge(plan, today=today, user=f"{user} ({AUTOMATIC})", backup=backup.name)
    vacuumed, removed, aftermath = False, [], ""
    try:
        vacuumed = vacuum_store()
        removed = remove_expired_backups(store, today)
    except (KrmError, OSError) as exc:
        aftermath = exc.message if isinstance(exc, KrmError) else str(exc)
    names = tuple(path.name for path in removed)
    finish_purge(result.log_id, vacuumed=vacuumed, backups_removed=names)
    put_setting(AUTO_PURGE_DAY_KEY, today.isoformat())
    return AutoPurge(result, backup, vacuumed, names, aftermath)


def auto_purge_message(done: AutoPurge) -> str:
    """The status bar's words for a successful automatic purge."""
    if done.result is None:
        return "Automatische Löschung: heute ist nichts fällig."
    result = done.result
    anonymised, deleted = (f"{n:,}".replace(",", ".") for n in (result.anonymised, result.deleted))
    text = f"Automatische Löschung: {anonymised} anonymisiert, {deleted} gelöscht; Löschprotokoll Nr. {result.log_id}"
    if done.backup is not None:
        text += f"; Sicherung vorher: {done.backup.name}"
    if done.aftermath_problem:
        text += f". Nacharbeit unvollständig: {done.aftermath_problem}"
    return text + "."


__all__ = [
    "AUTO_PURGE_DAY_KEY",
    "AutoPurge",
    "auto_purge_message",
    "auto_purge_ran",
    "backup_folder_problem",
    "overdue_count",
    "overdue_text",
    "run_auto_purge",
]
