"""German words for what goes wrong under a command: a database fault while it works (another desk locks the
file, the drive goes away), a file it cannot write, a damaged or read-only database it must not write to.

`opened_store` (cli.common) and `main` say these once for every command, so no traceback reaches a person."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import InterfaceError as PeeweeInterfaceError

from krm_desktop.model.errors import StoreError
from krm_desktop.model.store.connection import is_url
from krm_desktop.model.store.transactions import CONNECTION, DAMAGED, FULL, IO, LOCKED, READ_ONLY, classify

_DB_FAULTS: tuple[type[BaseException], ...] = (PeeweeDatabaseError, PeeweeInterfaceError, sqlite3.Error)

NOTHING_CHANGED = "Es wurde nichts geändert."
READ_ONLY_FILE = (
    "Die Datenbank {name} ist schreibgeschützt: dieses Konto darf sie nur lesen. Bitte die IT um Schreibrechte "
    "für die Datei und ihren Ordner bitten."
)
NOT_UTF8 = (
    "enthält Bytes, die kein gültiges UTF-8 sind (eine andere Zeichenkodierung?). Bitte den Wert als UTF-8 angeben."
)
_FAULTS = {
    LOCKED: "Die Datenbank ist gerade gesperrt: ein anderer Arbeitsplatz schreibt hinein oder hält sie exklusiv "
    "offen. Es wurde nichts geändert. Bitte in einigen Minuten erneut versuchen; hält die Sperre an, die IT fragen.",
    READ_ONLY: "Die Datenbank ist schreibgeschützt: dieses Konto darf sie nur lesen. Es wurde nichts geändert. "
    "Bitte die IT um Schreibrechte für die Datei und ihren Ordner bitten.",
    DAMAGED: "Die Datenbank ist beschädigt. Es wurde nichts geändert. Bitte „check“ aufrufen und die IT fragen "
    "oder eine Sicherung wiederherstellen.",
    FULL: "Der Speicherplatz für die Datenbank ist voll. Es wurde nichts geändert. Bitte die IT bitten, Platz zu "
    "schaffen.",
    IO: "Die Datenbank ließ sich nicht lesen oder schreiben (Ein-/Ausgabefehler, z. B. Netzlaufwerk getrennt). "
    "Es wurde nichts geändert. Bitte die Verbindung prüfen und erneut versuchen.",
    CONNECTION: "Die Verbindung zum Datenbankserver ist unterbrochen. Es wurde nichts geändert. Bitte das Netz "
    "prüfen und erneut versuchen.",
}


def is_utf8(text: str) -> bool:
    """Whether the text can be stored: no lone surrogates (bytes of another encoding, broken escapes)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_db_fault(exc: BaseException) -> bool:
    return isinstance(exc, _DB_FAULTS) or type(exc).__module__.startswith("psycopg2")


def store_fault(exc: BaseException) -> str:
    """A German sentence for a database fault while a command works (also for a SaveFailed's reason)."""
    reason = getattr(exc, "reason", None) or classify(exc)
    if reason not in _FAULTS and isinstance(exc, StoreError):
        return f"{exc.message} {NOTHING_CHANGED}"
    return _FAULTS.get(reason) or f"Die Datenbank meldet einen Fehler: {exc}. {NOTHING_CHANGED}"


def file_fault(exc: OSError) -> str:
    """A German sentence for a file the command could not read or write."""
    name = f" {exc.filename}" if exc.filename else ""
    if isinstance(exc, IsADirectoryError):
        return f"{name.strip()} ist ein Ordner, keine Datei. Bitte einen Dateinamen angeben."
    if isinstance(exc, FileNotFoundError):
        return f"Die Datei oder der Ordner{name} ist nicht vorhanden. Bitte den Pfad prüfen."
    if isinstance(exc, PermissionError):
        return f"Auf die Datei{name} fehlen die Rechte. Bitte einen anderen Ort wählen oder die IT fragen."
    return f"Die Datei{name} lässt sich nicht verwenden: {exc.strerror or exc}."


def refuse_damaged_file(target: str) -> None:
    """Before a command writes to a SQLite file: SQLite's quick check of every page, as the GUI's start-up check
    does (model.store.file_check). A damaged (or locked, foreign, newer) file is refused with its German message;
    a file that does not exist yet is left to `open_store`. Server databases check themselves."""
    from krm_desktop.model.store.file_check import MISSING, check_database_file

    if is_url(target) and not target.startswith("sqlite:///"):
        return
    path = Path(target.removeprefix("sqlite:///")).expanduser()
    found = check_database_file(path)
    if not found.ok and found.status != MISSING:
        advice = " Bitte die IT fragen oder eine Sicherung wiederherstellen." if found.replaceable else ""
        raise StoreError(f"{found.message} {NOTHING_CHANGED}{advice}")
