"""Peewee loads without psycopg2; the first PostgreSQL database gets the driver as peewee's import would."""

from __future__ import annotations

import json
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
from krm_desktop.model.store.connection import open_store
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


STAND_INS = """
import datetime, json, sys
import krm_desktop, peewee

seen = {"absent": [name for name in ("socket", "uuid", "calendar", "hashlib") if name not in sys.modules]}
import uuid

value = uuid.UUID("12345678123456781234567812345678")
seen["uuid"] = peewee.UUIDField().db_value(value) == value.hex and peewee.uuid is sys.modules["uuid"]
seen["calendar"] = peewee.TimestampField(utc=True).db_value(datetime.datetime(2020, 1, 1)) == 1577836800
seen["socket"] = peewee.IPField().python_value(peewee.IPField().db_value("10.0.0.1")) == "10.0.0.1"
db = peewee.SqliteDatabase(":memory:")
class Long(peewee.Model):
    a_very_long_field_name_for_an_index_one = peewee.IntegerField()
    a_very_long_field_name_for_an_index_two = peewee.IntegerField()
    class Meta:
        database = db
        table_name = "a_table_with_a_long_name_so_the_index_name_is_hashed_by_peewee"
        indexes = ((("a_very_long_field_name_for_an_index_one", "a_very_long_field_name_for_an_index_two"), False),)
db.create_tables([Long])
seen["hashlib"] = any(len(index.name) <= 64 for index in db.get_indexes(Long._meta.table_name))
import socket, calendar, hashlib

seen["real"] = [type(module).__name__ for module in (socket, calendar, hashlib, peewee.socket, peewee.calendar)]
print(json.dumps(seen))
"""


def test_standard_modules_peewee_rarely_needs_come_at_its_first_use() -> None:
    result = subprocess.run([sys.executable, "-c", STAND_INS], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "absent": ["socket", "uuid", "calendar", "hashlib"],
        "uuid": True,
        "calendar": True,
        "socket": True,
        "hashlib": True,
        "real": ["module"] * 5,
    }


def test_stand_ins_with_pyside6_imported_first() -> None:
    """PySide6's import hook looks into every module imported after it (here: peewee's stand-ins)."""
    code = "import PySide6.QtCore\n" + STAND_INS
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["real"] == ["module"] * 5
