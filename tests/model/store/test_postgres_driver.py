"""psycopg2 is the optional extra `postgres`: with it peewee opens server databases, without it a server
address is refused in German (the desk bundle is built without it)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from peewee import OperationalError

from krm_desktop.model.store.connection import server_database

WITHOUT_DRIVER = """
import sys

sys.modules["psycopg2"] = None  # this child process only: as where the extra is not installed
from krm_desktop.model.errors import StoreError
from krm_desktop.model.store.connection import open_store

try:
    open_store("postgresql://krm@127.0.0.1:9/krm")
except StoreError as exc:
    print(exc.message)
"""


def test_without_the_driver_a_server_address_is_refused_in_german() -> None:
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_DRIVER], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "fehlt diesem Programm der PostgreSQL-Treiber (Paket psycopg2-binary)" in result.stdout
    assert "nur SQLite-Dateien" in result.stdout


def test_with_the_driver_peewee_speaks_to_the_server_through_it() -> None:
    pytest.importorskip("psycopg2")
    db = server_database("postgresql://krm@127.0.0.1:9/krm")
    with pytest.raises(OperationalError, match="port 9 failed"):  # libpq's words: nothing listens on port 9
        db.connect()
