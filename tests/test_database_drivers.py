"""Peewee loads without psycopg2; the first PostgreSQL database gets the driver as peewee's import would."""

from __future__ import annotations

import subprocess
import sys

import pytest

CHECK = """
import sys
import krm_desktop, peewee
before = "psycopg2" in sys.modules or peewee.psycopg2 is not None
db = peewee.PostgresqlDatabase("krm", host="127.0.0.1", port=9)
print(before, peewee.psycopg2 is not None, type(db._adapter).__name__, db._adapter.json_type is not None,
      peewee.Psycopg2Adapter.txn_idle == __import__("psycopg2").extensions.TRANSACTION_STATUS_IDLE)
try:
    db.connect()
except peewee.OperationalError:
    print("refused as peewee.OperationalError")
"""


def test_postgres_driver_comes_with_the_first_server_database() -> None:
    pytest.importorskip("psycopg2")
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "False True Psycopg2Adapter True True",
        "refused as peewee.OperationalError",
    ]


WITHOUT_DRIVER = """
import sys
sys.modules["psycopg2"] = None  # as in the desk bundle built without the driver
from krm_desktop.model.db import open_store
from krm_desktop.model.errors import StoreError
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
    assert "fehlt diesem Programm der PostgreSQL-Treiber" in result.stdout and "nur SQLite-Dateien" in result.stdout
