"""Restoring a backup: only sound KRM databases are taken, the present state is kept first, the replacement is
atomic, and the database opens again with the backup's content (migrated when the backup is older)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from krm_desktop.model.errors import StoreError
from krm_desktop.model.store.backups import PURPOSE_DAILY, list_backups, make_backup
from krm_desktop.model.store.connection import SCHEMA_VERSION, open_store
from krm_desktop.model.store.entities import Case
from krm_desktop.model.store.restore import check_backup_file, newest_good_backup, restore_backup
from tests import factories as f
from tests.faults import damage

pytestmark = pytest.mark.sqlite_only
SAMPLES = Path(__file__).parent / "schemas"


def _cases(path: Path) -> int:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return con.execute("SELECT count(*) FROM krm_case").fetchone()[0]
    finally:
        con.close()


def test_restore_from_the_menu_keeps_the_present_state_and_reopens(store) -> None:
    f.register()
    f.register()
    backup = make_backup(store, f.TODAY - timedelta(days=1), PURPOSE_DAILY)
    third = f.register(subject="Nach der Sicherung erfasst")
    other_workplace = sqlite3.connect(store.path)  # another workplace has the shared file open
    assert other_workplace.execute("SELECT count(*) FROM krm_case").fetchone()[0] == 3

    restored = restore_backup(store.path, backup, f.TODAY, store=store)
    try:
        assert restored.cases == 2 and restored.source == backup
        assert Case.select().count() == 2 and Case.get_or_none(Case.id == third.id) is None
        assert restored.store.path == store.path and store.db.is_closed()
        assert restored.safety_copy.name == "krm-2026-11-20-vor-wiederherstellung.sqlite3"
        assert _cases(restored.safety_copy) == 3  # what was there before: nothing is lost for good
        # The other workplace's open connection reads the restored content (the file was not swapped away).
        assert other_workplace.execute("SELECT count(*) FROM krm_case").fetchone()[0] == 2
        purposes = sorted(i.purpose_label() for i in list_backups(restored.store))
        assert purposes == ["Tägliche Sicherung", "Vor einer Wiederherstellung"]
    finally:
        other_workplace.close()
        restored.store.close()


def test_an_older_backup_is_migrated_after_the_restore(store, tmp_path: Path) -> None:
    old = tmp_path / "alt" / "krm-2024-01-15-manuell.sqlite3"
    old.parent.mkdir()
    shutil.copy(SAMPLES / "v2.sqlite3", old)
    expected = _cases(old)
    restored = restore_backup(store.path, old, f.TODAY, store=store)
    try:
        assert restored.store.migrated_from == 2
        assert restored.store.db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert Case.select().count() == expected
        assert damage.digest(old) == damage.digest(SAMPLES / "v2.sqlite3")  # the backup itself is untouched
    finally:
        restored.store.close()


def _foreign(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE krm_case (id INTEGER)")
    con.commit()
    con.close()


def _newer(path: Path, template: Path) -> None:
    shutil.copy(template, path)
    damage.newer_schema(path, SCHEMA_VERSION + 1)


def _damaged(path: Path, template: Path) -> None:
    shutil.copy(template, path)
    damage.zero_page(path, damage.root_page(path))


@pytest.mark.parametrize(
    ("name", "make", "words"),
    [
        ("brief.pdf", lambda p, _t: p.write_bytes(damage.pdf_document()), "ist ein PDF-Dokument"),
        ("leer.sqlite3", lambda p, _t: p.write_bytes(b""), "ist leer"),
        ("fremd.sqlite3", lambda p, _t: _foreign(p), "Datenbank eines anderen Programms"),
        ("neuer.sqlite3", _newer, "neueren Programmversion"),
        ("kaputt.sqlite3", _damaged, "ist beschädigt"),
    ],
)
def test_files_that_are_no_sound_krm_database_are_refused(store, tmp_path: Path, name, make, words) -> None:
    for _ in range(40):
        f.register()
    candidate = tmp_path / name
    make(candidate, make_backup(store, f.TODAY, "manuell"))
    before, live = f.snapshot(), damage.digest(store.path)
    with pytest.raises(StoreError) as refused:
        restore_backup(store.path, candidate, f.TODAY, store=store)
    assert refused.value.message.startswith("Diese Datei lässt sich nicht wiederherstellen.")
    assert words in refused.value.message
    assert f.snapshot() == before and damage.digest(store.path) == live
    assert [i.purpose for i in list_backups(store)] == ["manuell"]  # no safety copy for a refused file


def test_the_database_itself_is_no_backup(store) -> None:
    with pytest.raises(StoreError, match="ist die Datenbank selbst"):
        check_backup_file(store.path, database=store.path)


def test_a_read_only_store_cannot_be_restored(store, db_path: Path) -> None:
    backup = make_backup(store, f.TODAY, "manuell")
    store.close()
    reader = open_store(str(db_path), read_only=True)
    try:
        with pytest.raises(StoreError, match="schreibgeschützt"):
            restore_backup(db_path, backup, f.TODAY, store=reader)
    finally:
        reader.close()


def test_a_damaged_file_is_replaced_by_the_newest_good_backup_and_kept(store) -> None:
    for _ in range(40):
        f.register()
    good = make_backup(store, f.TODAY - timedelta(days=2), PURPOSE_DAILY)
    f.register()
    spoiled = make_backup(store, f.TODAY - timedelta(days=1), PURPOSE_DAILY)
    damage.zero_page(spoiled, damage.root_page(spoiled))  # the newer copy went bad as well
    path = store.path
    store.close()
    damage.zero_page(path, damage.root_page(path))
    journal = path.with_name(path.name + "-journal")
    journal.write_bytes(b"ein alter, fremder Journalrest")
    damaged = damage.digest(path)

    found = newest_good_backup(path)
    assert found is not None and found.path == good
    restored = restore_backup(path, good, f.TODAY)
    try:
        assert restored.cases == 40 == Case.select().count()
        assert restored.safety_copy.name == "krm-2026-11-20-beschaedigt.sqlite3"
        assert damage.digest(restored.safety_copy) == damaged  # the damaged bytes, exactly
        assert not journal.exists()  # the journal went with the damaged content
        assert restored.safety_copy.with_name(restored.safety_copy.name + "-journal").exists()
        assert not path.with_name(path.name + ".wiederherstellung").exists()
        assert newest_good_backup(path).path == good  # the kept damaged copy is never offered
    finally:
        restored.store.close()


def test_without_a_good_backup_nothing_is_offered(store) -> None:
    copy = make_backup(store, date(2026, 11, 1), PURPOSE_DAILY)
    copy.write_bytes(b"SQLite format 3\x00" + bytes(5000))
    path = store.path
    store.close()
    path.write_bytes(b"")
    assert newest_good_backup(path) is None
