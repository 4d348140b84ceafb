"""Shared test set-up: offscreen Qt, a fresh database per test (SQLite; PostgreSQL as well with KRM_TEST_PG_URL)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KRM_HOLIDAY_CACHE", "off")  # tests ask the holidays package; test_holiday_cache tests the cache

import multiprocessing
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from krm_desktop.model.office.new_office import initialise_office
from krm_desktop.model.store.connection import Store, open_store
from tests.backends import PG_URL, PgServer

TODAY = date(2026, 11, 20)  # a Friday; tests pass `today` explicitly, never read the clock
USER = "test.bgf"

# Where the store and service tests also run on PostgreSQL (when KRM_TEST_PG_URL is set): tests/model and the
# command line. Tests about SQLite itself (its files, pragmas, query plans, a second sqlite3 connection, backups and
# restore, the start-up check of the file) carry @pytest.mark.sqlite_only; tests/faults is SQLite's own.
BOTH_BACKENDS = ("tests/model/", "tests/cli/")


def make_store(path: Path, profile: str = "luebeck") -> Store:
    store = open_store(str(path), create=True)
    initialise_office(profile)
    return store


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: the test is about SQLite itself; never run on PostgreSQL")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """With KRM_TEST_PG_URL every store test of BOTH_BACKENDS runs twice: [sqlite] and [postgresql].

    Without it nothing is parametrized (no skipped PostgreSQL copies, test ids as always)."""
    if not PG_URL or "backend" not in metafunc.fixturenames:
        return
    node = metafunc.definition
    if not node.nodeid.startswith(BOTH_BACKENDS) or node.get_closest_marker("sqlite_only"):
        return
    if any(mark.args and mark.args[0] == "backend" for mark in node.iter_markers("parametrize")):
        return  # the test names its backend itself (tests/model/test_postgres_*.py)
    metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """ "sqlite" or "postgresql" (see pytest_generate_tests)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    if not PG_URL:
        pytest.skip("KRM_TEST_PG_URL ist nicht gesetzt: kein PostgreSQL-Server für die Tests")
    server = PgServer(PG_URL)
    yield server
    server.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "krm.sqlite3"


@pytest.fixture
def db_target(backend: str, db_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """What `--db` takes for this test: the SQLite file (not made yet), or the URL of a new, empty PostgreSQL
    database."""
    if backend == "sqlite":
        yield str(db_path)
        return
    server: PgServer = request.getfixturevalue("pg_server")
    with server.database() as url:
        yield url


@pytest.fixture
def store(backend: str, db_path: Path, request: pytest.FixtureRequest) -> Iterator[Store]:
    """A fresh database; parametrize indirectly with a profile code to change the office."""
    profile = getattr(request, "param", "luebeck")
    if backend == "sqlite":
        store = make_store(db_path, profile)
        yield store
        store.close()
        return
    server: PgServer = request.getfixturevalue("pg_server")
    with server.database(krm_schema=True) as url:
        store = open_store(url)
        initialise_office(profile)
        yield store
        store.close()


@pytest.fixture
def spawn() -> Iterator[Callable[..., multiprocessing.process.BaseProcess]]:
    """Start a child process (fork); every child still running at the end of the test is killed."""
    started: list[multiprocessing.process.BaseProcess] = []

    def start(target: Callable[..., None], *args: object) -> multiprocessing.process.BaseProcess:
        process = multiprocessing.get_context("fork").Process(target=target, args=args, daemon=True)
        process.start()
        started.append(process)
        return process

    yield start
    for process in started:
        if process.is_alive():
            process.kill()
        process.join(10)
