"""The schema migrations on PostgreSQL: each committed sample (tests/model/store/schemas/vN.sqlite3) is put on the server
as that version had it, opened, upgraded step by step, and then equals a fresh database (needs KRM_TEST_PG_URL).

No program ever wrote an old PostgreSQL schema, so the old one is made from today's: the tables, columns and
indexes the sample does not have are dropped; a column the sample has and today's models lack would need
teaching here (the test says so).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import psycopg2
import pytest

from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.consistency import database_problems
from krm_desktop.model.store.connection import SCHEMA_VERSION, open_store
from krm_desktop.model.store.entities import Case, Meta
from tests import factories as f
from tests.backends import PgServer

SCHEMAS = Path(__file__).parent / "schemas"
SAMPLES = [p for p in sorted(SCHEMAS.glob("v*.sqlite3")) if int(p.stem[1:]) < SCHEMA_VERSION]


def _query(connection: Any, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall() if cursor.description else []


def _server_schema(url: str) -> dict[str, Any]:
    connection = psycopg2.connect(url)
    try:
        columns = _query(
            connection,
            "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, column_default "
            "FROM information_schema.columns WHERE table_schema = 'public'",
        )
        indexes = _query(connection, "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'")
        foreign = _query(
            connection,
            "SELECT conrelid::regclass::text, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f'",
        )
    finally:
        connection.close()
    return {"columns": sorted(columns, key=repr), "indexes": sorted(indexes), "foreign_keys": sorted(foreign)}


def _put_sample_on_server(sample: Path, url: str) -> None:
    open_store(url, create=True).close()  # today's schema …
    old = sqlite3.connect(sample)
    server = psycopg2.connect(url)
    server.autocommit = True
    try:
        old_tables = {
            name: [row[1] for row in old.execute(f'PRAGMA table_info("{name}")')]
            for (name,) in old.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        old_indexes = {name for (name,) in old.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        for (table,) in _query(server, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"):
            if table not in old_tables:  # … less what the sample does not have
                _query(server, f'DROP TABLE "{table}" CASCADE')
        for table, wanted in old_tables.items():
            have = [r[0] for r in _query(server, "SELECT column_name FROM information_schema.columns WHERE "
                                          "table_schema = 'public' AND table_name = %s", (table,))]  # fmt: skip
            missing = set(wanted) - set(have)
            if missing:
                pytest.fail(f"{sample.name}: {table}.{missing} fehlt heute; den alten Stand hier nachbilden")
            for column in set(have) - set(wanted):
                _query(server, f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
        for (index,) in _query(server, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"):
            if index not in old_indexes and not index.endswith("_pkey"):
                _query(server, f'DROP INDEX "{index}"')
        for table, columns in old_tables.items():  # … and the sample's rows
            types = dict(_query(server, "SELECT column_name, data_type FROM information_schema.columns WHERE "
                                       "table_schema = 'public' AND table_name = %s", (table,)))  # fmt: skip
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join(["%s"] * len(columns))
            _query(server, f'DELETE FROM "{table}"')  # the marker of today's version goes too
            for row in old.execute(f'SELECT {names} FROM "{table}" ORDER BY 1'):
                values = [
                    bool(v) if types[c] == "boolean" and v is not None else v for c, v in zip(columns, row, strict=True)
                ]
                _query(server, f'INSERT INTO "{table}" ({names}) VALUES ({marks})', tuple(values))
            if "id" in columns and table != "meta":
                _query(server, f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                               f'COALESCE((SELECT MAX(id) FROM "{table}"), 0) + 1, false)')  # fmt: skip
    finally:
        old.close()
        server.close()


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_past_schema_upgrades_on_the_server(sample: Path, pg_server: PgServer) -> None:
    old_version = int(sample.stem[1:])
    with pg_server.database() as fresh, pg_server.database() as url:
        open_store(fresh, create=True).close()
        _put_sample_on_server(sample, url)
        assert _server_schema(url) != _server_schema(fresh)
        store = open_store(url)
        try:
            assert store.migrated_from == old_version
            assert store.backup_before_migration is None  # a server database is backed up by the IT (pg_dump)
            assert Meta.get_by_id("schema_version").value == str(SCHEMA_VERSION)
            assert database_problems(store) == []
            refs = [c.ref for c in Case.select().order_by(Case.ref)]
            assert refs == ["KRM-2026-0001", "KRM-2026-0002", "KRM-2026-0003", "KRM-2026-0004"]
            follow_up = Case.get(Case.ref == "KRM-2026-0004")
            assert follow_up.follows.ref == "KRM-2026-0001" and follow_up.follows_ref == "KRM-2026-0001"
            lob = Case.get(Case.ref == "KRM-2026-0002")
            assert (lob.next_action, lob.next_due) == ("ack", lob.ack_due)
            assert Case.get(Case.ref == "KRM-2026-0001").next_due is None  # closed
            cases.acknowledge(lob.id, version=lob.version, sent_on=f.TODAY, today=f.TODAY, user=f.USER)
            assert f.register().ref == "KRM-2026-0005"  # the sequences go on after the old rows
        finally:
            store.close()
        assert _server_schema(url) == _server_schema(fresh)
        again = open_store(url)
        assert again.migrated_from is None
        again.close()
