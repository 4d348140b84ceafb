"""The check of a SQLite database file before the program opens it for work.

Read-only throughout: the file is opened with `mode=ro` for SQLite's `quick_check`, the application id and
the schema version, so a damaged file is never written to — no migration, no backup into it, no journal.
Only after the check says "ok" does `db.open_store` open the file for writing.

One exception is SQLite's own crash recovery: a workplace that died while saving leaves a hot rollback
journal next to the file, and the file is consistent only once that journal has been played back. A
read-only connection cannot do that, so (when this account may write) the check lets a normal connection
play it back, as every workplace would at its next read, and then checks.

Cost: quick_check reads every page (about 0.4–0.7 s for the 100,000-case demo database on the development
machine); the lead decides where in the start it runs.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from krm_desktop.model.store.connection import APPLICATION_ID, SCHEMA_VERSION

OK = "ok"
MISSING = "fehlt"
EMPTY = "leer"
NOT_SQLITE = "keine-datenbank"
NOT_KRM = "fremde-datenbank"
DAMAGED = "beschaedigt"
NEWER = "neueres-schema"
LOCKED = "gesperrt"
RECOVERY = "wiederherstellung-noetig"
UNREADABLE = "nicht-lesbar"
# What a good backup can replace: the file's content is lost or is not what the file name promises.
REPLACEABLE = frozenset({EMPTY, NOT_SQLITE, DAMAGED})
SQLITE_HEADER = b"SQLite format 3\x00"
LOCK_WAIT_S = 2.0
SQLITE_READONLY_ROLLBACK = 776  # SQLITE_READONLY | (3 << 8)
_SIGNATURES = {
    b"%PDF": "ein PDF-Dokument",
    b"PK\x03\x04": "ein ZIP-Archiv oder Office-Dokument",
    b"\xd0\xcf\x11\xe0": "ein altes Office-Dokument",
    b"\x89PNG": "ein Bild (PNG)",
    b"\xff\xd8\xff": "ein Bild (JPEG)",
}


@dataclass(frozen=True)
class FileCheck:
    status: str  # one of the constants above
    message: str  # German: what is wrong and what to do; "" when ok
    schema_version: int | None = None
    writable: bool = True  # False: the program opens the file read-only
    check_ms: float = 0.0  # the time quick_check took

    @property
    def ok(self) -> bool:
        return self.status == OK

    @property
    def replaceable(self) -> bool:
        """A good backup may replace the file (it is damaged, empty or no database at all)."""
        return self.status in REPLACEABLE


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _read_only(path: Path, timeout_s: float) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout_s)


def _what_it_is(header: bytes) -> str:
    for magic, text in _SIGNATURES.items():
        if header.startswith(magic):
            return text
    return "keine SQLite-Datenbank"


def _play_back_journal(path: Path, timeout_s: float) -> None:
    """Let SQLite roll back the hot journal of an interrupted save (any read by a writable connection does)."""
    con = sqlite3.connect(str(path), timeout=timeout_s)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        con.close()


def check_database_file(path: Path, *, lock_wait_s: float = LOCK_WAIT_S, integrity: bool = True) -> FileCheck:
    """Is the file a sound KRM database this program may open? Never writes to it (see the module).

    integrity=False leaves out quick_check (milliseconds instead of a read of every page): the start opens the
    list after that and runs the full check beside it (ui.start_check, model.write_gate)."""
    name = str(path)
    if not path.exists():
        return FileCheck(MISSING, f"Die Datenbank {name} gibt es nicht.")
    if path.is_dir():
        return FileCheck(NOT_SQLITE, f"{name} ist ein Ordner, keine Datenbankdatei.")
    writable = _writable(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        return FileCheck(
            UNREADABLE, f"Die Datei {name} lässt sich nicht lesen ({exc.strerror or exc}).", None, writable
        )
    if size == 0:
        return FileCheck(
            EMPTY, f"Die Datei {name} ist leer (0 Byte): sie enthält keine Kundenreaktionen mehr.", None, writable
        )
    if not header.startswith(SQLITE_HEADER):
        what = _what_it_is(header)
        return FileCheck(NOT_SQLITE, f"Die Datei {name} ist {what}, keine KRM-Datenbank.", None, writable)
    found = _inspect(path, name, writable, lock_wait_s, integrity)
    if found.status != RECOVERY or not writable:
        return found
    try:
        _play_back_journal(path, lock_wait_s)
    except sqlite3.Error as exc:
        return _failure(name, exc, writable)
    return _inspect(path, name, writable, lock_wait_s, integrity)


def _inspect(path: Path, name: str, writable: bool, lock_wait_s: float, integrity: bool = True) -> FileCheck:
    try:
        con = _read_only(path, lock_wait_s)
        try:
            started = time.perf_counter()
            check = "PRAGMA quick_check(5)" if integrity else "SELECT 'ok' FROM sqlite_master LIMIT 1"
            problems = [row[0] for row in con.execute(check).fetchall()] or ["ok"]
            check_ms = (time.perf_counter() - started) * 1000
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            version = int(con.execute("PRAGMA user_version").fetchone()[0])
            tables = con.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error as exc:
        return _failure(name, exc, writable)
    if problems != ["ok"]:
        lines = [line.strip() for row in problems for line in str(row).splitlines()]
        details = "; ".join([line for line in lines if line and not line.startswith("***")][:2])
        message = f"Die Datenbank {name} ist beschädigt: die Prüfung fand Fehler (technische Meldung: „{details}“)."
        return FileCheck(DAMAGED, message, None, writable, check_ms)
    if app_id != APPLICATION_ID:
        if tables == 0:
            return FileCheck(EMPTY, f"Die Datei {name} ist eine leere Datenbank ohne KRM-Daten.", None, writable)
        return FileCheck(
            NOT_KRM,
            f"Die Datei {name} ist eine Datenbank eines anderen Programms, keine KRM-Datenbank.",
            None,
            writable,
            check_ms,
        )
    if version > SCHEMA_VERSION:
        return FileCheck(
            NEWER,
            f"Die Datenbank {name} wurde mit einer neueren Programmversion angelegt (Schema-Version {version}; "
            f"dieses Programm kennt bis Version {SCHEMA_VERSION}). Bitte installieren Sie die neuere Version; "
            "die Datei bleibt unverändert.",
            version,
            writable,
            check_ms,
        )
    return FileCheck(OK, "", version, writable, check_ms)


def _failure(name: str, exc: sqlite3.Error, writable: bool) -> FileCheck:
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if code == SQLITE_READONLY_ROLLBACK:  # a hot journal that a read-only connection cannot play back
        return FileCheck(
            RECOVERY,
            f"In {name} wurde ein Speichervorgang unterbrochen (ein Arbeitsplatz ist abgestürzt). Die Datei muss "
            "einmal an einem Arbeitsplatz mit Schreibrechten geöffnet werden; bitte die IT fragen.",
            None,
            writable,
        )
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return FileCheck(
            LOCKED,
            f"Die Datenbank {name} ist gerade gesperrt: ein anderer Arbeitsplatz schreibt hinein oder hält sie "
            "exklusiv offen. Bitte in einigen Minuten erneut versuchen; hält die Sperre an, die IT fragen.",
            None,
            writable,
        )
    if primary == sqlite3.SQLITE_NOTADB:
        return FileCheck(NOT_SQLITE, f"Die Datei {name} ist keine lesbare KRM-Datenbank.", None, writable)
    if primary in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH):
        return FileCheck(
            UNREADABLE, f"Die Datei {name} lässt sich nicht öffnen (technische Meldung: „{exc}“).", None, writable
        )
    return FileCheck(DAMAGED, f"Die Datenbank {name} ist beschädigt (technische Meldung: „{exc}“).", None, writable)
