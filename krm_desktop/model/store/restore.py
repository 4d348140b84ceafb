"""Restoring a backup over the database file ("Sicherung wiederherstellen").

1. The chosen file must be a sound KRM database this program can open: SQLite's integrity_check, the KRM
   application id, a schema version not newer than the program's. Anything else is refused in German.
2. A copy of the current file comes first: a verified backup ("vor-wiederherstellung") of a sound database,
   or the unchanged bytes of a damaged one ("beschaedigt", with its journal if it has one).
3. The replacement is atomic:
   - a sound database is overwritten through SQLite's backup API in one write transaction of its own
     journal: a crash half-way leaves the old content, and other workplaces that have the shared file open
     see the restored content at their next read (a file swapped underneath them would keep their writes in
     the old, unlinked file);
   - a damaged file (SQLite cannot write into it) is swapped: the copy is written next to it, flushed, and
     renamed over it (`os.replace`).
4. The database is opened again through `open_store` (an older backup is migrated, with its own copy first)
   and checked against the backup's count of cases.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from krm_desktop.model.errors import StoreError
from krm_desktop.model.store.backups import (
    PURPOSE_DAMAGED,
    PURPOSE_RESTORE,
    BackupInfo,
    backups_of_file,
    folder_of_file,
    make_backup,
    new_backup_path,
    verify_backup,
)
from krm_desktop.model.store.connection import BUSY_TIMEOUT_MS, Store, open_store
from krm_desktop.model.store.entities import Case
from krm_desktop.model.store.file_check import check_database_file


@dataclass(frozen=True)
class Restored:
    store: Store  # the database, open again with the restored content
    safety_copy: Path  # the file as it was before
    source: Path
    cases: int


def check_backup_file(backup: Path, *, database: Path | None = None) -> int:
    """The number of cases in the backup; StoreError (German) unless it is a sound KRM database that this
    program can open (and not the database file itself)."""
    if database is not None and backup.exists() and backup.resolve() == database.resolve():
        raise StoreError(f"{backup} ist die Datenbank selbst, keine Sicherung. Bitte eine Sicherung wählen.")
    found = check_database_file(backup)
    if not found.ok:
        raise StoreError(f"Diese Datei lässt sich nicht wiederherstellen. {found.message}")
    verify_backup(backup)  # the full integrity_check, and the cases can be read
    con = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(con.execute("SELECT count(*) FROM krm_case").fetchone()[0])
    finally:
        con.close()


def newest_good_backup(database: Path) -> BackupInfo | None:
    """The newest copy of the database that passes SQLite's quick_check and the KRM checks (dated copies by
    date, then the migration copies), for a database that is damaged or cannot be opened."""
    copies = backups_of_file(database)
    dated = sorted((i for i in copies if i.kind == "sicherung"), key=_taken, reverse=True)
    migration = sorted((i for i in copies if i.kind == "migration"), key=_taken, reverse=True)
    for info in dated + migration:
        if info.cases is not None and info.purpose != PURPOSE_DAMAGED and check_database_file(info.path).ok:
            return info
    return None


def _taken(info: BackupInfo) -> tuple[date, int]:
    return info.taken_on or date.min, info.path.stat().st_mtime_ns


def restore_backup(database: Path, backup: Path, today: date, *, store: Store | None = None) -> Restored:
    """Put the backup in the database file's place and open it again (see the module for the steps).

    `store`: the open, sound database (from the menu); None for a file that did not pass the start-up check.
    On a refusal or failure the database file is as it was (and `store` stays open)."""
    if store is not None and store.read_only:
        raise StoreError(
            "Die Datenbank ist schreibgeschützt geöffnet; eine Sicherung lässt sich so nicht zurückspielen."
        )
    cases = check_backup_file(backup, database=database)
    if store is not None:
        try:
            safety = make_backup(store, today, PURPOSE_RESTORE)
        except StoreError as exc:
            raise StoreError(
                f"Vor der Wiederherstellung ließ sich die jetzige Datenbank nicht sichern ({exc.message}). "
                "Es wurde nichts geändert."
            ) from exc
        _copy_into(backup, database)
        store.close()
    else:
        safety = _keep_damaged(database, today)
        _swap_in(backup, database)
    reopened = open_store(str(database))
    restored = Case.select().count()
    if restored != cases:
        reopened.close()
        raise StoreError(
            f"Nach der Wiederherstellung enthält die Datenbank {restored} statt {cases} Kundenreaktionen. Bitte "
            f"die IT fragen; der vorherige Stand liegt in {safety}."
        )
    return Restored(reopened, safety, backup, cases)


def _copy_into(backup: Path, database: Path) -> None:
    """Overwrite the live database with the backup in one transaction of its own journal."""
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    target = sqlite3.connect(str(database), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        source.backup(target)
    except sqlite3.Error as exc:
        raise StoreError(_failed(database, exc)) from exc
    finally:
        target.close()
        source.close()


def _failed(database: Path, exc: BaseException) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        reason = "sie ist gerade gesperrt (ein anderer Arbeitsplatz schreibt). Bitte gleich noch einmal versuchen"
    elif "full" in text or "no space" in text:
        reason = "der Speicherplatz reicht nicht. Bitte Platz schaffen oder die IT fragen"
    else:
        reason = f"technische Meldung „{exc}“. Bitte die IT fragen"
    return f"Die Sicherung ließ sich nicht nach {database} zurückschreiben: {reason}. Die Datenbank ist unverändert."


def _keep_damaged(database: Path, today: date) -> Path:
    """Copy the damaged file's bytes (and a journal it has) into the backup folder; the file is only read."""
    folder, _ours, _known = folder_of_file(database)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        keep = new_backup_path(folder, database, today, PURPOSE_DAMAGED)
        _copy_bytes(database, keep)
        journal = database.with_name(database.name + "-journal")
        if journal.exists():
            # The journal belongs to the damaged content: played back into the restored file it would spoil it.
            os.replace(journal, keep.with_name(keep.name + "-journal"))
    except OSError as exc:
        raise StoreError(
            f"Die beschädigte Datei ließ sich nicht nach {folder} kopieren ({exc}); sie bleibt unverändert."
        ) from exc
    return keep


def _copy_bytes(source: Path, destination: Path) -> None:
    with source.open("rb") as reading, destination.open("xb") as writing:
        while block := reading.read(1 << 20):
            writing.write(block)
        writing.flush()
        os.fsync(writing.fileno())


def _swap_in(backup: Path, database: Path) -> None:
    """Write the backup next to the database file, flush it and rename it over the file."""
    partial = database.with_name(database.name + ".wiederherstellung")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(str(partial))
        try:
            source.backup(target)
        finally:
            target.close()
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, database)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        if isinstance(exc, PermissionError):
            raise StoreError(
                f"{database} lässt sich nicht ersetzen: die Datei ist noch an einem anderen Arbeitsplatz geöffnet "
                "oder schreibgeschützt. Bitte dort das Programm beenden oder die IT fragen."
            ) from exc
        raise StoreError(_failed(database, exc)) from exc
    finally:
        source.close()
    _sync_folder(database.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no handle on a folder for this)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
