"""The start-up check reads the file only: quick_check, application id and schema version, each problem in
German (the damaged and foreign files of the fault list: tests/faults/test_damaged_files.py)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest

from krm_desktop.model.store.connection import SCHEMA_VERSION
from krm_desktop.model.store.file_check import (
    EMPTY,
    MISSING,
    NOT_KRM,
    NOT_SQLITE,
    OK,
    RECOVERY,
    check_database_file,
)
from tests import factories as f
from tests.faults import damage
from tests.faults.conftest import FORK

pytestmark = pytest.mark.sqlite_only
SAMPLES = Path(__file__).parent / "schemas"


def test_a_sound_database_passes_and_is_only_read(store) -> None:
    f.register()
    path = store.path
    store.close()
    before = damage.folder_state(path.parent)
    found = check_database_file(path)
    assert (found.status, found.ok, found.message, found.writable) == (OK, True, "", True)
    assert found.schema_version == SCHEMA_VERSION and found.check_ms > 0
    assert damage.folder_state(path.parent) == before


def test_an_older_schema_passes_the_check(tmp_path: Path) -> None:
    """Upgrading is open_store's step (with its own backup first), after the check."""
    path = tmp_path / "krm.sqlite3"
    shutil.copy(SAMPLES / "v1.sqlite3", path)
    found = check_database_file(path)
    assert (found.status, found.schema_version) == (OK, 1)
    assert damage.digest(path) == damage.digest(SAMPLES / "v1.sqlite3")


def test_an_interrupted_save_is_rolled_back_before_the_check(store) -> None:
    f.register(subject="Gespeichert")
    path = store.path
    store.close()
    damage.interrupted_save(path)
    journal = path.with_name(path.name + "-journal")
    assert damage.is_hot(path)
    assert check_database_file(path).ok
    assert not journal.exists()
    con = sqlite3.connect(path)
    assert con.execute("SELECT subject FROM krm_case").fetchall() == [("Gespeichert",)]
    assert con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'ballast'").fetchone() == (0,)
    con.close()


def _check_as_nobody(path: Path, results) -> None:
    if os.geteuid() == 0:  # root may write any file: give that up, as an ordinary account
        os.setgid(65534)
        os.setuid(65534)
    found = check_database_file(path)
    results.put((found.status, found.writable, found.message))


def test_an_interrupted_save_in_a_file_this_account_may_only_read(store) -> None:
    f.register()
    folder = Path(tempfile.mkdtemp(prefix="krm-journal-"))
    try:
        path = folder / "krm.sqlite3"
        store.close()
        shutil.copy(store.path, path)
        damage.interrupted_save(path)
        assert damage.is_hot(path)
        for item in (path, path.with_name(path.name + "-journal")):
            item.chmod(0o444)
        folder.chmod(0o555)
        before = damage.folder_state(folder)
        results = FORK.Queue()
        child = FORK.Process(target=_check_as_nobody, args=(path, results))
        child.start()
        status, writable, message = results.get(timeout=30)
        child.join(10)
        assert (status, writable) == (RECOVERY, False)
        assert "Speichervorgang unterbrochen" in message and "Schreibrechten" in message
        assert damage.folder_state(folder) == before
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def test_what_a_foreign_file_is_gets_named(tmp_path: Path) -> None:
    zip_file = tmp_path / "akte.sqlite3"
    zip_file.write_bytes(b"PK\x03\x04" + bytes(300))
    found = check_database_file(zip_file)
    assert (found.status, found.replaceable) == (NOT_SQLITE, True)
    assert "ein ZIP-Archiv oder Office-Dokument, keine KRM-Datenbank" in found.message

    other = tmp_path / "andere.sqlite3"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE kunden (name TEXT)")
    con.commit()
    con.close()
    found = check_database_file(other)
    assert (found.status, found.replaceable) == (NOT_KRM, False)
    assert "Datenbank eines anderen Programms" in found.message

    bare = tmp_path / "leer.sqlite3"
    con = sqlite3.connect(bare)
    con.execute("PRAGMA user_version = 0")
    con.execute("VACUUM")  # a valid SQLite file without a single table
    con.close()
    assert bare.stat().st_size > 0
    assert check_database_file(bare).status == EMPTY


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert check_database_file(tmp_path / "gibt-es-nicht.sqlite3").status == MISSING
    found = check_database_file(tmp_path)
    assert found.status == NOT_SQLITE and "ist ein Ordner" in found.message
