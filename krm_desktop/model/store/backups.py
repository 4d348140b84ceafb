"""Backups of the SQLite store: the backup folder, verified copies, and removing copies past their retention.

Folder: the setting `backup_folder`, else a folder "Sicherungen" next to the database file. A copy is named
`<stem>-<JJJJ-MM-TT>-<purpose>.sqlite3` (a counter is added when the name is taken); it is written with
SQLite's backup API and checked before it counts (integrity_check, KRM marker, row counts equal to the
live database). The migration copies next to the database file (`<stem>.vor-vN.sqlite3`) are backups too.
Each copy carries the database's random identity (meta `database_id`), so a backup folder shared by two
databases with the same file name never lets one remove the other's copies.

Retention of a backup (the rule `expired_backups` applies):
- Every purge writes its run id into the Löschprotokoll, and a copy carries the Löschprotokoll of the moment
  it was taken. A copy that lacks the newest run id was taken before that run and still holds the data the
  run removed; a copy that has it holds nothing that has been purged so far and is left alone.
- Of the copies that hold purged data only a run's recovery copy (the verified copy made right before it,
  named in its Löschprotokoll) is kept, and only for RECOVERY_DAYS after that run: it is the one way to undo
  a faulty purge (wrong as-of date, wrong profile setting), and such faults show when the Löschprotokoll and
  the lists are checked in the weeks after the run. A month also covers the absence of the KRM-Beauftragte.
- Every other copy that holds purged data is past its own retention and is removed: it is superseded as a
  recovery point by a newer copy, and keeping it would keep data whose deletion was due.
So no copy holds purged data longer than RECOVERY_DAYS after the run, provided `remove_expired_backups` runs
(after every purge, and at program start where the main window calls it); without that call, at the latest
until the next purge.
Daily copies: see `daily_backups`.

Unfinished copies (`….part`, of any purpose and any database: the program ended while copying) hold the same
data as a finished one; `remove_unfinished_copies` shreds them at the next start (the daily run), backup and purge.
A copy still being written is held locked by its writer (see `make_backup`) and stays.

Removal overwrites the file with zeros before unlinking it (on SSDs and copy-on-write file systems the old
blocks are the business of disk encryption, which the IT provides).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from peewee import Database
from peewee import DatabaseError as PeeweeDatabaseError

from krm_desktop.model.errors import StoreError
from krm_desktop.model.store.connection import APPLICATION_ID, Store
from krm_desktop.model.store.entities import Case, Meta, PurgeLog
from krm_desktop.model.store.settings import get_setting

BACKUP_FOLDER_NAME = "Sicherungen"
BACKUP_FOLDER_KEY = "backup_folder"
DATABASE_ID_KEY = "database_id"
RECOVERY_DAYS = 30
PURPOSE_PURGE = "vor-loeschung"
PURPOSE_DAILY = "taeglich"
PURPOSE_RESTORE = "vor-wiederherstellung"
PURPOSE_DAMAGED = "beschaedigt"  # the bytes of a damaged file, kept when a backup replaces it; never restored
PURPOSE_LABELS = {
    PURPOSE_DAILY: "Tägliche Sicherung",
    PURPOSE_PURGE: "Vor der jährlichen Löschung",
    PURPOSE_RESTORE: "Vor einer Wiederherstellung",
    PURPOSE_DAMAGED: "Beschädigte Datei (aufbewahrt)",
    "manuell": "Von Hand",
}
DATED = re.compile(r"-(\d{4}-\d{2}-\d{2})-")
_PURPOSE = re.compile(r"-\d{4}-\d{2}-\d{2}-(.+?)(?:-\d+)?$")
_MIGRATION = re.compile(r"\.vor-v(\d+)(?:-\d+)?$")
_BLOCK = 1 << 20


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str  # "sicherung" (backup folder) | "migration" (next to the database file)
    taken_on: date | None  # from the name; None for migration copies
    purge_runs: frozenset[str] | None  # run ids of the copy's Löschprotokoll; None when unreadable
    cases: int | None  # number of cases in the copy; None when unreadable

    @property
    def purpose(self) -> str:
        """Why the copy was made: the name's purpose ("taeglich", "vor-loeschung" …) or "vor-vN" (migration)."""
        match = _PURPOSE.search(self.path.stem) if self.kind == "sicherung" else _MIGRATION.search(self.path.stem)
        if match is None:
            return ""
        return match.group(1) if self.kind == "sicherung" else f"vor-v{match.group(1)}"

    def purpose_label(self) -> str:
        purpose = self.purpose
        if self.kind == "migration":
            return f"Vor der Umstellung auf Schema-Version {purpose.removeprefix('vor-v')}"
        return PURPOSE_LABELS.get(purpose, purpose.replace("-", " ").capitalize())


def backup_folder(store: Store) -> Path:
    configured = get_setting(BACKUP_FOLDER_KEY)
    if configured:
        return Path(str(configured)).expanduser()
    if store.path is None:
        raise StoreError("Eine Dateisicherung ist nur für SQLite-Datenbanken möglich.")
    return store.path.parent / BACKUP_FOLDER_NAME


def _free(folder: Path, stem: str, today: date, purpose: str, suffix: str) -> Path:
    base = f"{stem}-{today:%Y-%m-%d}-{purpose}"
    candidate, number = folder / f"{base}{suffix}", 2
    while candidate.exists() or candidate.with_name(candidate.name + ".part").exists():
        candidate = folder / f"{base}-{number}{suffix}"
        number += 1
    return candidate


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def verify_backup(path: Path, expected_cases: int | None = None) -> None:
    """Raise StoreError (German) unless the file is a sound KRM database (with that many cases)."""
    try:
        con = _read_only(path)
        try:
            problems = [row[0] for row in con.execute("PRAGMA integrity_check").fetchall()]
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            cases = con.execute("SELECT count(*) FROM krm_case").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise StoreError(f"Die Sicherung {path.name} ist nicht lesbar ({exc}).") from exc
    if problems != ["ok"]:
        raise StoreError(f"Die Sicherung {path.name} ist beschädigt ({'; '.join(problems[:3])}).")
    if app_id != APPLICATION_ID:
        raise StoreError(f"Die Sicherung {path.name} ist keine KRM-Datenbank.")
    if expected_cases is not None and cases != expected_cases:
        raise StoreError(
            f"Die Sicherung {path.name} ist unvollständig ({cases} statt {expected_cases} Kundenreaktionen)."
        )


def make_backup(store: Store, today: date, purpose: str = PURPOSE_PURGE) -> Path:
    """A verified copy in the backup folder; a copy that fails the check is removed and StoreError raised.

    The copy is taken in one read transaction with the count it is checked against (other workplaces may be
    writing); the integrity check runs on the copy after that, so the live file is not held during it."""
    if store.path is None:
        raise StoreError("Eine Dateisicherung ist nur für SQLite-Datenbanken möglich.")
    folder = backup_folder(store)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"Der Sicherungsordner {folder} lässt sich nicht anlegen ({exc}).") from exc
    remove_unfinished_copies(folder)
    destination = _free(folder, store.path.stem, today, purpose, store.path.suffix or ".sqlite3")
    partial = destination.with_name(destination.name + ".part")
    database_id()  # the copy carries it: a shared backup folder never mixes up two databases' copies
    try:
        with store.db.atomic(lock_type="DEFERRED"):
            expected = Case.select().count()
            copy_database(store.db, partial)  # SQLite locks the copy while writing it …
        holder = sqlite3.connect(str(partial), isolation_level=None)
        try:
            holder.execute("BEGIN")
            holder.execute("SELECT count(*) FROM sqlite_master").fetchone()  # … and this while it is verified
            verify_backup(partial, expected)
        finally:
            holder.close()
        os.replace(partial, destination)
    except StoreError as exc:
        _shred_unfinished(partial)
        raise StoreError(exc.message.replace(partial.name, destination.name)) from exc
    except (OSError, sqlite3.Error, PeeweeDatabaseError) as exc:
        _shred_unfinished(partial)
        raise StoreError(f"Die Sicherung nach {folder} ist fehlgeschlagen ({exc}).") from exc
    return destination


def remove_unfinished_copies(folder: Path) -> list[Path]:
    """Shred every unfinished copy in the backup folder (of any purpose) that no one is writing; return them.

    A copy that cannot be removed now (in use on Windows) stays for the next start, backup or purge."""
    removed: list[Path] = []
    try:
        partials = sorted(p for p in folder.glob("*.part") if p.is_file())
    except OSError:
        return removed
    for partial in partials:
        if _being_written(partial):
            continue
        try:
            _shred_unfinished(partial)
        except OSError:
            continue
        removed.append(partial)
    return removed


def _being_written(partial: Path) -> bool:
    """Whether another connection (a workplace making this copy right now) holds a lock on the file."""
    try:
        con = sqlite3.connect(str(partial), timeout=0, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        con.execute("BEGIN EXCLUSIVE")  # also rolls back the journal of an interrupted copy
        con.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc) or "busy" in str(exc)
    except sqlite3.Error:
        return False
    finally:
        con.close()
    return False


def _shred_unfinished(partial: Path) -> None:
    """Shred an unfinished copy and its rollback journal, where they exist."""
    for path in (partial.with_name(partial.name + "-journal"), partial):
        if path.exists():
            shred(path)


def copy_database(db: Database, destination: Path) -> None:
    """Copy the open SQLite database with SQLite's backup API (consistent even while others write)."""
    target = sqlite3.connect(str(destination))
    try:
        db.connection().backup(target)
    finally:
        target.close()


def database_id(*, create: bool = True) -> str | None:
    """A random identity of this database (made on first backup), copied into each of its backups."""
    row = Meta.get_or_none(Meta.key == DATABASE_ID_KEY)
    if row is None and create:
        row = Meta.create(key=DATABASE_ID_KEY, value=uuid.uuid4().hex)
    return None if row is None else str(row.value)


def _inspect(path: Path, kind: str, ours: str | None, identity_known: bool = True) -> BackupInfo | None:
    """Facts of a candidate file; None when it is no copy of this database (a foreign file is never touched).

    identity_known=False (the live file is unreadable): a KRM copy with the right name counts as ours."""
    match = DATED.search(path.name)
    taken_on = None
    if match:
        try:
            taken_on = date.fromisoformat(match.group(1))
        except ValueError:
            taken_on = None
    try:
        con = _read_only(path)
        try:
            if con.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                return None
            copied_id = con.execute("SELECT value FROM meta WHERE key = ?", (DATABASE_ID_KEY,)).fetchone()
            if identity_known and copied_id is not None and copied_id[0] != ours:
                return None  # a copy of another database (older copies without the identity go by name)
            has_log = con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='purge_log'").fetchone()
            runs = frozenset(r for (r,) in con.execute("SELECT run_id FROM purge_log")) if has_log else frozenset()
            cases = con.execute("SELECT count(*) FROM krm_case").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        try:
            with path.open("rb") as handle:
                sqlite = handle.read(16) == b"SQLite format 3\x00"
        except OSError:
            return None
        return BackupInfo(path, kind, taken_on, None, None) if sqlite and kind == "sicherung" else None
    return BackupInfo(path, kind, taken_on, runs, cases)


def list_backups(store: Store) -> list[BackupInfo]:
    """The copies of this database, oldest first: dated copies in the backup folder, then migration copies."""
    if store.path is None:
        return []
    return _listing(store.path, backup_folder(store), database_id(create=False))  # listing writes nothing


def backups_of_file(database: Path) -> list[BackupInfo]:
    """The copies of a database file that may not open as a store (damaged), see `folder_of_file`."""
    folder, ours, known = folder_of_file(database)
    return _listing(database, folder, ours, known)


def folder_of_file(database: Path) -> tuple[Path, str | None, bool]:
    """(backup folder, database identity, whether the identity is known) read from the file without opening it
    as a store; for an unreadable file the folder next to it and an unknown identity (every KRM copy with the
    file's name counts as its copy)."""
    folder, ours, known = database.parent / BACKUP_FOLDER_NAME, None, False
    try:
        con = _read_only(database)
        try:
            row = con.execute("SELECT value FROM setting WHERE key = ?", (BACKUP_FOLDER_KEY,)).fetchone()
            if row is not None and json.loads(row[0]):
                folder = Path(str(json.loads(row[0]))).expanduser()
            found = con.execute("SELECT value FROM meta WHERE key = ?", (DATABASE_ID_KEY,)).fetchone()
            ours, known = (str(found[0]) if found else None), True
        finally:
            con.close()
    except (sqlite3.Error, ValueError, OSError):
        pass
    return folder, ours, known


def new_backup_path(folder: Path, database: Path, today: date, purpose: str) -> Path:
    """A free name for a copy of `database` made today for `purpose`."""
    return _free(folder, database.stem, today, purpose, database.suffix or ".sqlite3")


def _listing(database: Path, folder: Path, ours: str | None, identity_known: bool = True) -> list[BackupInfo]:
    stem, suffix = database.stem, database.suffix or ".sqlite3"
    candidates = [(p, "sicherung") for p in sorted(folder.glob(f"{stem}-*{suffix}")) if DATED.search(p.name)]
    candidates += [(p, "migration") for p in sorted(database.parent.glob(f"{stem}.vor-v*{suffix}"))]
    live = database.resolve()
    found: list[BackupInfo] = []
    for path, kind in candidates:
        if path.is_file() and path.resolve() != live:
            info = _inspect(path, kind, ours, identity_known)
            if info is not None:
                found.append(info)
    found.sort(key=lambda i: (i.kind == "migration", i.taken_on or date.min, i.path.stat().st_mtime_ns, i.path.name))
    return found


def expired_backups(store: Store, today: date) -> list[BackupInfo]:
    """The copies that hold purged data and are past their retention (see the module's rule)."""
    logs = list(PurgeLog.select(PurgeLog.run_id, PurgeLog.done_on, PurgeLog.backup).order_by(PurgeLog.id))
    if not logs:
        return []  # no purge has run: no copy holds purged data
    newest = logs[-1].run_id
    recovery = {log.backup for log in logs if log.backup and today < _day(log.done_on) + timedelta(RECOVERY_DAYS)}
    expired = []
    for info in list_backups(store):
        if info.purge_runs is not None and newest in info.purge_runs:
            continue  # taken after the newest purge: holds nothing purged so far
        if info.kind == "sicherung" and info.path.name in recovery:
            continue  # a purge's recovery copy, within its window
        expired.append(info)
    return expired


def _day(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def shred(path: Path) -> None:
    """Overwrite the file with zeros, flush it to disk, then remove it."""
    # as far as the file system allows: SSDs and copy-on-write file systems may keep the old blocks elsewhere
    size = path.stat().st_size
    with path.open("r+b") as handle:
        zeros = bytes(_BLOCK)
        written = 0
        while written < size:
            step = min(_BLOCK, size - written)
            handle.write(zeros[:step])
            written += step
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()


def remove_expired_backups(store: Store, today: date) -> list[Path]:
    """Remove the expired copies; return what was removed. A copy that cannot be removed raises StoreError."""
    removed = remove_unfinished_copies(backup_folder(store)) if store.path is not None else []
    for info in expired_backups(store, today):
        try:
            shred(info.path)
        except OSError as exc:
            raise StoreError(
                f"Die abgelaufene Sicherung {info.path} lässt sich nicht entfernen ({exc}). Sie enthält gelöschte "
                "Daten: bitte die IT bitten, sie zu löschen."
            ) from exc
        removed.append(info.path)
    return removed
