"""Copying a SQLite store into an empty PostgreSQL database: complete, checked, all or nothing (needs KRM_TEST_PG_URL)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import psycopg2
import pytest

from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.consistency import database_problems
from krm_desktop.model.cases.letters import store_letter
from krm_desktop.model.errors import RefusedError, StoreError
from krm_desktop.model.store.connection import Store, open_store
from krm_desktop.model.store.entities import Attachment, Case
from krm_desktop.model.store.server_copy import CopyMismatch, copy_store
from tests import factories as f
from tests.backends import PgServer
from tests.conftest import make_store

BINARY = bytes(range(256)) * 64  # every byte value, NUL included


@pytest.fixture
def source(tmp_path: Path) -> Iterator[Store]:
    """A SQLite store with what a copy can get wrong: dates, times, truth values, blobs, a forward reference."""
    store = make_store(tmp_path / "quelle.sqlite3")
    first = f.register(subject="Wartezeit Jobcenter – Ärger über „Öffnungszeiten“")
    closed = f.register(kind="lob", person=f.person("Jürgen Weiß"))
    cases.acknowledge(closed.id, version=closed.version, sent_on=f.TODAY, today=f.TODAY, user=f.USER)
    third = f.register(person=None, channel="email")
    store_letter(first.id, "eingangsbestaetigung", b"%PDF-1.4\n" + BINARY, today=f.TODAY, user=f.USER)
    Attachment.create(
        case=third.id, filename="scan.pdf", mime="application/pdf", added=datetime(2026, 11, 3, 9, 30, 5, 123456),
        added_by="petra.krause", data=BINARY,
    )  # fmt: skip
    Case.update(follows=third.id, anonymised=True).where(Case.id == first.id).execute()  # points forward
    yield store
    store.close()


def _tables(url: str) -> list[str]:
    connection = psycopg2.connect(url)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
            return [row[0] for row in cursor.fetchall()]
    finally:
        connection.close()


def _counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        names = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: connection.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        connection.close()


def test_copy_is_complete_checked_and_usable(source: Store, pg_server: PgServer) -> None:
    assert source.path is not None
    before_bytes = source.path.read_bytes()
    expected = f.snapshot()
    counts = _counts(source.path)
    with pg_server.database() as url:
        result = copy_store(source, url)
        assert source.path.read_bytes() == before_bytes  # the source is only read
        assert result.ok and {t.table: t.rows for t in result.tables} == counts
        assert all(t.rows == t.target_rows and t.sha256 == t.target_sha256 for t in result.tables)
        assert result.target.startswith("PostgreSQL krm") and "krm-test" not in str(result.as_json())
        source.close()
        copied = open_store(url)
        try:
            assert f.snapshot() == expected  # every row, read through the models
            assert database_problems(copied) == []
            first = Case.get(Case.subject.endswith("„Öffnungszeiten“"))
            assert first.follows.person is None and first.anonymised is True
            assert first.letters[0].pdf == b"%PDF-1.4\n" + BINARY
            # the sequences continue after the copied ids
            new = f.register(subject="nach dem Umzug")
            assert new.id == max(c.id for c in Case.select()) and new.ref.endswith("0004")
        finally:
            copied.close()


def test_a_target_that_is_not_empty_is_refused_and_left_alone(source: Store, pg_server: PgServer) -> None:
    with pg_server.database() as url:
        connection = psycopg2.connect(url)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("CREATE TABLE kunden (id serial PRIMARY KEY, name text)")
            cursor.execute("INSERT INTO kunden (name) VALUES ('Bestand')")
        connection.close()
        with pytest.raises(RefusedError, match="nicht leer"):
            copy_store(source, url)
        assert _tables(url) == ["kunden"]


def test_a_difference_after_the_copy_rolls_everything_back(source: Store, pg_server: PgServer) -> None:
    """SQLite keeps 1.5 in an INTEGER column; PostgreSQL rounds it: the check sees it, nothing is kept."""
    source.db.execute_sql("UPDATE krm_case SET escalation_level = 1.5 WHERE id = 1")
    with pg_server.database() as url:
        with pytest.raises(CopyMismatch) as caught:
            copy_store(source, url)
        assert [t.table for t in caught.value.result.tables if not t.ok] == ["krm_case"]
        assert "verworfen" in caught.value.message
        assert _tables(url) == []


def test_a_value_the_server_refuses_rolls_everything_back(source: Store, pg_server: PgServer) -> None:
    """SQLite does not enforce VARCHAR lengths; PostgreSQL does."""
    source.db.execute_sql("UPDATE krm_case SET file_no = ? WHERE id = 2", ("A" * 41,))
    with pg_server.database() as url:
        with pytest.raises(StoreError, match="abgelehnt"):
            copy_store(source, url)
        assert _tables(url) == []


def test_unknown_tables_of_the_source_are_not_dropped_silently(source: Store, pg_server: PgServer) -> None:
    source.db.execute_sql("CREATE TABLE notizen (id INTEGER PRIMARY KEY, text TEXT)")
    with pg_server.database() as url, pytest.raises(RefusedError, match="notizen"):
        copy_store(source, url)


def test_targets_that_cannot_be_used(source: Store, pg_server: PgServer) -> None:
    with pytest.raises(RefusedError, match="PostgreSQL-Adresse"):
        copy_store(source, "/tmp/ziel.sqlite3")
    with pytest.raises(StoreError, match="antwortet nicht"):
        copy_store(source, "postgresql://krm:geheim@127.0.0.1:1/krm")
