"""The store on PostgreSQL: opening and refusing, German messages, locks and optimistic locking between desks,
short list queries, the change marker, a purge that fails at the end (needs KRM_TEST_PG_URL).

The counterparts of the SQLite-only tests (conftest.SQLITE_ONLY); everything else runs on both backends anyway.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from typing import Any

import psycopg2
import pytest
from psycopg2.extensions import TRANSACTION_STATUS_IDLE

from krm_desktop.model.case_list.filters import CaseFilter
from krm_desktop.model.case_list.query import CaseList, change_marker
from krm_desktop.model.case_list.sort_order import SortOrder
from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.consistency import database_problems
from krm_desktop.model.demo.generator import generate
from krm_desktop.model.errors import ConflictError, StoreError
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.retention.purge import execute_purge
from krm_desktop.model.retention.purge_plan import plan_purge
from krm_desktop.model.store.connection import SCHEMA_VERSION, Store, open_store
from krm_desktop.model.store.entities import Case, Event, Meta, database
from krm_desktop.model.store.targets import parse_server_url, server_url
from krm_desktop.model.store.transactions import LOCKED, READ_ONLY, SaveFailed, write_transaction
from krm_desktop.model.time.day_counter import list_calendar
from tests import factories as f
from tests.backends import PG_URL, PgServer, database_url

pytestmark = pytest.mark.parametrize("backend", ["postgresql"], indirect=True)


@pytest.fixture
def other(store: Store) -> Iterator[Any]:
    """Another workstation: a connection of its own to the same database."""
    connection = psycopg2.connect(store.target)
    yield connection
    connection.rollback()
    connection.close()


def _execute(connection: Any, sql: str, params: tuple[Any, ...] = ()) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_fresh_database_has_marker_version_and_server_settings(store: Store) -> None:
    assert not store.is_sqlite and store.path is None
    assert dict(Meta.select(Meta.key, Meta.value).tuples()) == {
        "application": "krm-desktop",
        "schema_version": str(SCHEMA_VERSION),
    }
    assert database_problems(store) == []
    assert database.execute_sql("SHOW lock_timeout").fetchone()[0] == "8s"  # as long as SQLite's busy timeout
    assert database.execute_sql("SHOW application_name").fetchone()[0] == "KRM Desktop"


def test_describe_never_shows_the_password(store: Store) -> None:
    address = parse_server_url(store.target)
    assert address.password and address.password not in store.describe()
    assert store.describe() == f"PostgreSQL {address.user}@{address.host}:{address.port}/{address.database}"


def test_create_open_and_a_newer_schema(store: Store, pg_server: PgServer) -> None:
    with pg_server.database() as url:
        with pytest.raises(StoreError, match="ist leer"):
            open_store(url)
        open_store(url, create=True).close()
        again = open_store(url)
        assert again.migrated_from is None
        again.close()
        connection = psycopg2.connect(url)
        connection.autocommit = True
        _execute(connection, "UPDATE meta SET value = %s WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
        with pytest.raises(StoreError, match=f"Schema-Version {SCHEMA_VERSION + 1}"):
            open_store(url)
        with connection.cursor() as cursor:
            cursor.execute("SELECT value FROM meta WHERE key = 'schema_version'")
            assert cursor.fetchone()[0] == str(SCHEMA_VERSION + 1)  # left as it was
        connection.close()


def test_a_foreign_database_is_refused_and_left_alone(store: Store, pg_server: PgServer) -> None:
    with pg_server.database() as url:
        connection = psycopg2.connect(url)
        connection.autocommit = True
        _execute(connection, "CREATE TABLE kunden (id serial PRIMARY KEY, name text)")
        with pytest.raises(StoreError, match="keine KRM-Datenbank"):
            open_store(url, create=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            assert cursor.fetchall() == [("kunden",)]
        connection.close()


def test_server_problems_are_told_in_german_without_the_password(store: Store) -> None:
    address = parse_server_url(PG_URL)
    wrong = server_url(dataclasses.replace(address, password="falsch-123"))
    cases_ = {
        wrong: "Anmeldung",
        database_url(PG_URL, "gibt_es_nicht"): "gibt es die Datenbank „gibt_es_nicht“ nicht",
        server_url(dataclasses.replace(address, port=1)): "antwortet nicht",
        f"mysql://{address.user}:{address.password}@{address.host}/krm": "nicht unterstützt",
        f"postgresql://{address.user}:{address.password}@{address.host}:{address.port}/": "fehlt der Name",
    }
    for url, words in cases_.items():
        with pytest.raises(StoreError) as caught:
            open_store(url)
        assert words in caught.value.message, url
        assert address.password not in caught.value.message and "falsch-123" not in caught.value.message


def test_read_only_connection_reads_and_refuses_writes(store: Store) -> None:
    f.register()
    store.close()
    read_only = open_store(store.target, read_only=True)
    try:
        assert read_only.read_only and Case.select().count() == 1
        with pytest.raises(SaveFailed) as caught, write_transaction():
            f.register()
        assert caught.value.reason == READ_ONLY
    finally:
        read_only.close()


def test_a_row_another_desk_holds_is_waited_for_then_told(store: Store, other: Any) -> None:
    case = f.register()
    _execute(other, "UPDATE krm_case SET file_no = 'anderer Platz' WHERE id = %s", (case.id,))  # open transaction
    database.execute_sql("SET lock_timeout = 200")  # instead of 8 s
    before = f.snapshot()
    with pytest.raises(SaveFailed) as caught, write_transaction():
        Case.update(subject="meins").where(Case.id == case.id).execute()
    assert caught.value.reason == LOCKED and "gesperrt" in caught.value.message
    other.rollback()
    assert f.snapshot() == before
    with write_transaction():  # the lock is gone
        Case.update(subject="meins").where(Case.id == case.id).execute()
    assert Case.get_by_id(case.id).subject == "meins"


def test_a_connection_the_server_dropped_is_opened_again(store: Store, other: Any) -> None:
    case = f.register()
    pid = database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    other.autocommit = True
    _execute(other, "SELECT pg_terminate_backend(%s)", (pid,))
    with write_transaction(pause=0.01):
        Case.update(subject="nach dem Neustart").where(Case.id == case.id).execute()
    assert Case.get_by_id(case.id).subject == "nach dem Neustart"
    assert database.execute_sql("SELECT pg_backend_pid()").fetchone()[0] != pid


def test_a_stale_save_after_another_desk_saved_is_a_conflict(store: Store, other: Any) -> None:
    case = f.register()
    team = f.team()
    _execute(other, "UPDATE krm_case SET subject = 'anderer Platz', version = version + 1 WHERE id = %s", (case.id,))
    other.commit()
    before = f.snapshot()
    with pytest.raises(ConflictError):
        cases.assign_team(case.id, version=case.version, team_id=team.id, today=f.TODAY, user=f.USER)
    assert f.snapshot() == before


def test_two_desks_updating_one_case_lose_no_update(store: Store) -> None:
    """Two threads (two connections) change the responsible team of one case in turn: every confirmed change is
    in the case and its history, every stale one was refused as a conflict."""
    case = f.register()
    teams = [f.team("Team A").id, f.team("Team B").id]
    results: list[tuple[int, int]] = []

    def desk(name: str) -> None:
        saved = conflicts = 0
        for _ in range(25):
            current = Case.get_by_id(case.id)
            wanted = teams[1] if current.team_id == teams[0] else teams[0]
            try:
                cases.assign_team(case.id, version=current.version, team_id=wanted, today=f.TODAY, user=name)
                saved += 1
            except ConflictError:
                conflicts += 1
        database.close()
        results.append((saved, conflicts))

    threads = [threading.Thread(target=desk, args=(f"platz{i}",)) for i in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    saved = sum(s for s, _ in results)
    assert sum(c for _, c in results) + saved == 50
    assert Case.get_by_id(case.id).version == case.version + saved
    assert Event.select().where((Event.case == case.id) & (Event.action == "assigned")).count() == saved


def test_the_list_reads_in_short_queries_that_hold_no_lock(store: Store, other: Any) -> None:
    made = [f.register(subject=f"Fall {i}") for i in range(7)]
    found = CaseList(f.TODAY, list_calendar(load_profile()), f.USER, CaseFilter(status="offen"), SortOrder("ref"))
    assert found.load() == 7
    assert [r.ref for r in found.rows_after(0, 3)] == [c.ref for c in made[:3]]
    assert found.position_of(made[5].id) == 6
    assert database.connection().get_transaction_status() == TRANSACTION_STATUS_IDLE
    # no lock of ours on the case table: another desk even gets it exclusively at once
    _execute(other, "LOCK TABLE krm_case IN ACCESS EXCLUSIVE MODE NOWAIT")
    other.rollback()


def test_change_marker_moves_when_another_connection_commits(store: Store, other: Any) -> None:
    found = CaseList(f.TODAY, list_calendar(load_profile()), f.USER)
    f.register()
    found.load()
    before = change_marker()
    found.load()  # our own temporary table does not count
    assert change_marker() == before
    _execute(other, "UPDATE krm_case SET subject = 'anders', version = version + 1")
    other.commit()
    assert change_marker() != before


def test_the_indexes_of_models_and_list_exist(store: Store) -> None:
    rows = database.execute_sql("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'").fetchall()
    names = {name for (name,) in rows}
    assert {
        "event_action_actor_case_id",
        "concern_kind_case_id",
        "krm_case_channel",
        "krm_case_kind_received",
        "krm_case_next_due",
        "krm_case_year_seq",
        "purge_log_run_id",
    } <= names


def test_a_purge_failing_at_the_end_leaves_everything_as_it_was(store: Store) -> None:
    generate(300, seed=7, years=9, today=f.TODAY, user="demo")
    database.execute_sql(
        "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'voll'; END $$"
    )
    database.execute_sql("CREATE TRIGGER no_log BEFORE INSERT ON purge_log FOR EACH ROW EXECUTE FUNCTION refuse()")
    before = f.snapshot()
    with pytest.raises(Exception, match="voll"):
        execute_purge(plan_purge(f.TODAY), today=f.TODAY, user=f.USER)
    assert f.snapshot() == before
    database.execute_sql("DROP TRIGGER no_log ON purge_log")
    result = execute_purge(plan_purge(f.TODAY), today=f.TODAY, user=f.USER)
    assert result.anonymised + result.deleted > 0
    assert database_problems(store) == []
