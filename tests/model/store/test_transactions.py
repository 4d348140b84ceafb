"""write_transaction: BEGIN retried while another desk holds the lock, database faults told in German, the data as
they were; WAL never switched on."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from krm_desktop.model.errors import RefusedError
from krm_desktop.model.store.connection import Store, open_store
from krm_desktop.model.store.entities import Case, database
from krm_desktop.model.store.transactions import (
    FULL,
    IO,
    LOCKED,
    OTHER,
    READ_ONLY,
    SaveFailed,
    classify,
    explain,
    write_transaction,
)
from tests import factories as f
from tests.conftest import make_store


def _subject(case_id: int) -> str:
    return Case.get_by_id(case_id).subject


def test_commits_and_rolls_back_whole(store: Store) -> None:
    case = f.register()
    with write_transaction():
        Case.update(subject="eins").where(Case.id == case.id).execute()
        Case.update(file_no="II-1").where(Case.id == case.id).execute()
    assert (_subject(case.id), Case.get_by_id(case.id).file_no) == ("eins", "II-1")
    before = f.snapshot()
    with pytest.raises(RefusedError, match="nein"), write_transaction():
        Case.update(subject="zwei").where(Case.id == case.id).execute()
        f.register(subject="auch nicht")
        raise RefusedError("nein")  # a refusal of the domain passes through unchanged
    assert f.snapshot() == before


def test_works_as_decorator_and_nested(store: Store) -> None:
    case = f.register()

    @write_transaction()
    def rename(text: str) -> None:
        Case.update(subject=text).where(Case.id == case.id).execute()

    rename("a")
    rename("b")  # the decorator makes a fresh transaction per call
    assert _subject(case.id) == "b"
    with write_transaction():
        rename("c")  # inside: a savepoint
        with pytest.raises(RefusedError), write_transaction():
            Case.update(subject="d").where(Case.id == case.id).execute()
            raise RefusedError("innen zurück")
        assert _subject(case.id) == "c"
    assert _subject(case.id) == "c"


# --- SQLite: the lock of another workstation, a full disk (PostgreSQL: test_postgres_store.py) --------------


@pytest.fixture
def holder(store: Store) -> Iterator[sqlite3.Connection]:
    """Another workstation's connection to the same file (isolation_level None: its BEGIN is ours to give)."""
    assert store.path is not None
    other = sqlite3.connect(store.path, isolation_level=None, check_same_thread=False)
    yield other
    if other.in_transaction:
        other.rollback()
    other.close()


def _short_busy_timeout() -> None:
    database.execute_sql("PRAGMA busy_timeout = 50")  # the real 8 s would make these tests slow


@pytest.mark.sqlite_only
def test_begin_is_tried_again_until_the_other_desk_is_done(store: Store, holder: sqlite3.Connection) -> None:
    case = f.register()
    _short_busy_timeout()
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE krm_case SET file_no = 'anderer Platz' WHERE id = ?", (case.id,))
    release = threading.Timer(0.4, holder.commit)  # the other desk needs 0.4 s, far past the busy timeout
    release.start()
    try:
        with write_transaction(attempts=8, pause=0.05):
            Case.update(subject="nach dem Warten").where(Case.id == case.id).execute()
    finally:
        release.join()
    row = Case.get_by_id(case.id)
    assert (row.subject, row.file_no) == ("nach dem Warten", "anderer Platz")


@pytest.mark.sqlite_only
def test_a_lock_that_stays_is_told_in_german_and_nothing_changes(store: Store, holder: sqlite3.Connection) -> None:
    case = f.register()
    _short_busy_timeout()
    before = f.snapshot()
    holder.execute("BEGIN IMMEDIATE")
    with pytest.raises(SaveFailed) as caught, write_transaction(attempts=2, pause=0.01):
        Case.update(subject="geht nicht").where(Case.id == case.id).execute()
    holder.rollback()
    assert caught.value.reason == LOCKED
    assert "gesperrt" in caught.value.message and "Eingaben sind noch da" in caught.value.message
    assert f.snapshot() == before


@pytest.mark.sqlite_only
def test_disk_full_is_told_and_nothing_is_kept(store: Store) -> None:
    case = f.register()
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages}")  # the file may not grow: as good as a full disk
    before = f.snapshot()
    with pytest.raises(SaveFailed) as caught, write_transaction():
        Case.update(subject="neu").where(Case.id == case.id).execute()
        f.register(description="Sehr lange Schilderung. " * 4000)
    assert caught.value.reason == FULL and "Speicherplatz" in caught.value.message
    assert f.snapshot() == before
    database.execute_sql(f"PRAGMA max_page_count = {pages * 100}")
    with write_transaction():  # space again: the same save goes through
        f.register(description="Sehr lange Schilderung. " * 4000)
    assert Case.select().count() == 2


def test_a_read_only_file_is_told(tmp_path: Path) -> None:
    path = tmp_path / "krm.sqlite3"
    make_store(path).close()
    store = open_store(str(path), read_only=True)
    try:
        with pytest.raises(SaveFailed) as caught, write_transaction():
            f.register()
        assert caught.value.reason == READ_ONLY and "schreibgeschützt" in caught.value.message
    finally:
        store.close()


def test_driver_errors_are_classified() -> None:
    assert classify(sqlite3.OperationalError("disk I/O error")) == IO
    assert classify(sqlite3.OperationalError("database or disk is full")) == FULL
    assert classify(ValueError("etwas anderes")) == OTHER
    assert "abgelehnt" in explain(sqlite3.IntegrityError("UNIQUE constraint failed: krm_case.ref"))


# --- WAL: never --------------------------------------------------------------------------------------------


def _header_versions(path: Path) -> tuple[int, int]:
    """Bytes 18/19 of a SQLite file: 1 = rollback journal, 2 = WAL."""
    data = path.read_bytes()[18:20]
    return data[0], data[1]


def test_wal_is_never_enabled(tmp_path: Path) -> None:
    path = tmp_path / "krm.sqlite3"
    store = make_store(path)
    with write_transaction():
        f.register()
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "delete"
    store.close()
    assert _header_versions(path) == (1, 1)
    # another program switched the file to WAL: opening it switches back, before anything is written
    other = sqlite3.connect(path)
    assert other.execute("PRAGMA journal_mode = wal").fetchone()[0] == "wal"
    other.close()
    assert _header_versions(path) == (2, 2)
    store = open_store(str(path))
    try:
        assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "delete"
        with write_transaction():
            f.register()
    finally:
        store.close()
    assert _header_versions(path) == (1, 1)
    assert not list(tmp_path.glob("*-wal")) and not list(tmp_path.glob("*-shm"))
