"""Short write transactions that wait out a busy database, and German words for what the database says.

`write_transaction()` (a context manager and a decorator) runs its body in one transaction. On SQLite the
transaction starts with BEGIN IMMEDIATE (db.py sets the lock type), so the write lock is taken at the start and
the busy timeout lets it wait for another workstation's write. Should the file still be locked, BEGIN is tried
again after a pause that doubles each time. Only BEGIN is repeated — the body has not run then — so repeating
is always safe. On PostgreSQL a connection the server has dropped is opened again before BEGIN is repeated.

A database fault inside (locked, disk full, I/O error, read-only, damaged, server gone) becomes a `SaveFailed`
with a German message: a KrmError the UI shows next to the form it keeps open. The transaction is rolled back,
so the data are as they were. Every other exception (a refusal of the domain, a programming error) passes
through unchanged, after the same rollback.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from peewee import Database, SqliteDatabase
from peewee import DatabaseError as PeeweeDatabaseError
from peewee import InterfaceError as PeeweeInterfaceError

from krm_desktop.model.errors import StoreError
from krm_desktop.model.store.entities import database
from krm_desktop.model.store.write_gate import gate as write_gate

ATTEMPTS = 4  # BEGIN tries; with the busy timeout of 8 s a lock may be held some 35 s before the user hears of it
FIRST_PAUSE_S = 0.2

LOCKED, FULL, IO, READ_ONLY, DAMAGED, CONNECTION, OTHER = (
    "locked",
    "full",
    "io",
    "read_only",
    "damaged",
    "connection",
    "other",
)

MESSAGES = {
    LOCKED: "Die Datenbank ist gerade gesperrt: ein anderer Arbeitsplatz schreibt hinein. Ihre Eingaben sind noch "
    "da; bitte in einem Moment erneut speichern.",
    FULL: "Der Speicherplatz für die Datenbank ist voll. Nichts wurde gespeichert; Ihre Eingaben sind noch da. "
    "Bitte die IT bitten, Platz zu schaffen, und dann erneut speichern.",
    IO: "Die Datenbank ließ sich nicht schreiben (Ein-/Ausgabefehler, z. B. Netzlaufwerk getrennt). Nichts wurde "
    "gespeichert; Ihre Eingaben sind noch da. Bitte die Verbindung prüfen und erneut speichern.",
    READ_ONLY: "Die Datenbank ist schreibgeschützt: Ihr Konto darf sie nur lesen. Nichts wurde gespeichert; bitte "
    "die IT um Schreibrechte für die Datei und ihren Ordner bitten.",
    DAMAGED: "Die Datenbank ist beschädigt; es wurde nichts gespeichert. Bitte die IT fragen oder eine Sicherung "
    "wiederherstellen.",
    CONNECTION: "Die Verbindung zum Datenbankserver ist unterbrochen. Nichts wurde gespeichert; Ihre Eingaben sind "
    "noch da. Bitte das Netz prüfen und erneut speichern.",
}

# SQLite's primary result codes (the low byte of sqlite_errorcode)
_SQLITE_CODES = {3: READ_ONLY, 5: LOCKED, 6: LOCKED, 8: READ_ONLY, 10: IO, 11: DAMAGED, 13: FULL, 14: IO, 26: DAMAGED}
# PostgreSQL SQLSTATEs, most specific first
_PG_CODES = (
    ("53100", FULL),  # disk_full
    ("25006", READ_ONLY),  # read_only_sql_transaction
    ("42501", READ_ONLY),  # insufficient_privilege
    ("55P03", LOCKED),  # lock_not_available (lock_timeout, see db.py)
    ("40P01", LOCKED),  # deadlock_detected
    ("40001", LOCKED),  # serialization_failure
    ("58030", IO),  # io_error
    ("XX001", DAMAGED),  # data_corrupted
    ("XX002", DAMAGED),  # index_corrupted
    ("57P", CONNECTION),  # the server shuts down or restarts
    ("08", CONNECTION),  # connection_exception
)
_WORDS = (
    ("locked", LOCKED),
    ("busy", LOCKED),
    ("disk is full", FULL),
    ("no space left", FULL),
    ("readonly", READ_ONLY),
    ("read-only", READ_ONLY),
    ("disk i/o", IO),
    ("malformed", DAMAGED),
    ("not a database", DAMAGED),
    ("server closed the connection", CONNECTION),
    ("connection already closed", CONNECTION),
    ("could not connect", CONNECTION),
    ("connection refused", CONNECTION),
    ("terminating connection", CONNECTION),
)


class SaveFailed(StoreError):
    """A write did not happen because of the database (not of the input); `reason` is one of the codes above."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception, the driver's exception peewee wraps (its first argument), and what it happened during.

    SQLite rolls a transaction back by itself on a full disk or an I/O error; the savepoint peewee then releases
    is gone ("no such savepoint"), and the real cause is that error's context."""
    seen: set[int] = set()
    todo = [exc]
    while todo and len(seen) < 12:
        current = todo.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        if current.args and isinstance(current.args[0], BaseException):
            todo.append(current.args[0])
        todo.extend(e for e in (current.__cause__, current.__context__) if e is not None)


def _reason_of(original: BaseException) -> str:
    code = getattr(original, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _SQLITE_CODES:
        return _SQLITE_CODES[code & 0xFF]
    pgcode = getattr(original, "pgcode", None)
    if pgcode:
        for prefix, reason in _PG_CODES:
            if pgcode.startswith(prefix):
                return reason
    text = str(original).lower()
    for words, reason in _WORDS:
        if words in text:
            return reason
    if type(original).__name__ in ("InterfaceError", "OperationalError") and "psycopg2" in type(original).__module__:
        return CONNECTION  # psycopg2 raises these without a SQLSTATE when the socket is gone
    return OTHER


def classify(exc: BaseException) -> str:
    """What kind of database fault the exception is (LOCKED, FULL, … or OTHER)."""
    return next((r for r in map(_reason_of, _chain(exc)) if r != OTHER), OTHER)


def _driver_error(exc: BaseException) -> BaseException:
    """The sqlite3/psycopg2 exception under peewee's wrapper, for the words of an unclassified fault."""
    return next((e for e in _chain(exc) if type(e).__module__.startswith(("sqlite3", "psycopg2"))), exc)


def explain(exc: BaseException) -> str:
    """A German sentence for a database fault (the driver's own words for faults without one)."""
    reason = classify(exc)
    if reason in MESSAGES:
        return MESSAGES[reason]
    return f"Die Datenbank hat das Speichern abgelehnt: {_driver_error(exc)}. Ihre Eingaben sind noch da."


def save_failed(exc: BaseException) -> SaveFailed:
    return SaveFailed(explain(exc), classify(exc))


_DB_ERRORS: tuple[type[BaseException], ...] = (PeeweeDatabaseError, PeeweeInterfaceError, sqlite3.Error)


def is_database_error(exc: BaseException) -> bool:
    """An error of the database or its driver (psycopg2's own, when raised past peewee, included)."""
    return isinstance(exc, _DB_ERRORS) or type(exc).__module__.startswith("psycopg2")


def _begin(db: Database, attempts: int, pause: float) -> Any:
    for attempt in range(1, attempts + 1):
        transaction = db.atomic()
        try:
            transaction.__enter__()
            return transaction
        except _DB_ERRORS as exc:
            reason = classify(exc)
            if attempt == attempts or reason not in (LOCKED, CONNECTION):
                raise save_failed(exc) from exc
            if reason == CONNECTION and not isinstance(db, SqliteDatabase):
                _drop_connection(db)
        time.sleep(pause * 2 ** (attempt - 1))
    raise AssertionError("unreachable")


def _drop_connection(db: Database) -> None:
    """Forget a connection the server has closed; the next statement connects again (peewee autoconnect)."""
    try:
        db.close()
    except Exception:  # closing a dead connection may fail in turn; it is gone either way
        state = getattr(db, "_state", None)
        if state is not None:
            state.reset()


@contextmanager
def write_transaction(
    db: Database | None = None, *, attempts: int = ATTEMPTS, pause: float = FIRST_PAUSE_S
) -> Iterator[None]:
    """One short write transaction on `db` (default: the store's database); see the module text.

    Inside another transaction it is a savepoint (nothing to wait for: the lock is held already)."""
    target: Database = db if db is not None else database.obj
    write_gate.wait_for_verdict()  # the start-up check of the file (model.write_gate)
    if target.in_transaction():
        try:
            with target.atomic():
                yield
        except _DB_ERRORS as exc:
            raise save_failed(exc) from exc
        return
    transaction = _begin(target, attempts, pause)
    try:
        yield
    except BaseException as exc:
        with suppress(*_DB_ERRORS):  # a failed rollback (connection gone): server or SQLite roll back by themselves
            transaction.__exit__(type(exc), exc, exc.__traceback__)
        if is_database_error(exc):
            raise save_failed(exc) from exc
        raise
    try:
        transaction.__exit__(None, None, None)  # COMMIT; peewee rolls back when the commit fails
    except _DB_ERRORS as exc:
        raise save_failed(exc) from exc
