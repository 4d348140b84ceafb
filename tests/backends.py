"""The databases the tests run on: a SQLite file always, PostgreSQL too when KRM_TEST_PG_URL names a server.

KRM_TEST_PG_URL is a server URL (`postgresql://user:pw@host:port/db`, scripts/pg_test_server.sh prints one); the
user may create databases. Every test gets a database of its own, made with CREATE DATABASE … TEMPLATE (about
20 ms): from an empty KRM schema made once per test process, or empty. It is dropped after the test.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import count
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

PG_URL = os.environ.get("KRM_TEST_PG_URL", "").strip()


def database_url(server_url: str, name: str) -> str:
    """The server URL with another database name (user, password, host, port and options kept)."""
    parts = urlsplit(server_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


class PgServer:
    """Makes and drops the test databases of this test process on the server of KRM_TEST_PG_URL."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.prefix = f"krm_t{os.getpid()}_"  # xdist workers are processes: their names never meet
        self._numbers = count(1)
        self._admin: Any = None
        self._template: str | None = None
        self._copies: dict[Path, str] = {}  # SQLite file -> template database with its content

    def _execute(self, sql: str) -> None:
        import psycopg2  # only when a PostgreSQL run was asked for

        if self._admin is None or self._admin.closed:
            self._admin = psycopg2.connect(self.url)
            self._admin.autocommit = True  # CREATE/DROP DATABASE refuse to run in a transaction
        with self._admin.cursor() as cursor:
            cursor.execute(sql)

    def create(self, *, krm_schema: bool) -> str:
        """A new database, empty or with the KRM tables (current schema, no office yet); returns its URL."""
        name = f"{self.prefix}{next(self._numbers)}"
        template = self._krm_template() if krm_schema else "template0"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')
        return database_url(self.url, name)

    def drop(self, url: str) -> None:
        name = urlsplit(url).path.lstrip("/")
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    @contextmanager
    def database(self, *, krm_schema: bool = False) -> Iterator[str]:
        url = self.create(krm_schema=krm_schema)
        try:
            yield url
        finally:
            self.drop(url)

    def copy_of(self, sqlite_file: Path) -> str:
        """A new database with the content of a SQLite KRM file (copied once per test process into a template,
        with the program's own copy, model/store/server_copy.py); the caller drops it."""
        template = self._copies.get(sqlite_file)
        if template is None:
            from krm_desktop.model.store.connection import open_store
            from krm_desktop.model.store.server_copy import copy_store

            template = f"{self.prefix}copy{len(self._copies) + 1}"
            self._execute(f'CREATE DATABASE "{template}"')
            source = open_store(str(sqlite_file))
            try:
                copy_store(source, database_url(self.url, template))
            finally:
                source.close()
            self._copies[sqlite_file] = template
        name = f"{self.prefix}{next(self._numbers)}"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')
        return database_url(self.url, name)

    def _krm_template(self) -> str:
        if self._template is None:
            from krm_desktop.model.store.connection import open_store

            name = f"{self.prefix}template"
            self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            self._execute(f'CREATE DATABASE "{name}"')
            open_store(database_url(self.url, name), create=True).close()  # a template may have no connection
            self._template = name
        return self._template

    def close(self) -> None:
        for template in [self._template, *self._copies.values()]:
            if template is not None:
                self._execute(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
        self._template, self._copies = None, {}
        if self._admin is not None:
            self._admin.close()
