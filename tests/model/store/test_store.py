"""Opening, creating, refusing and migrating databases."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.consistency import database_problems
from krm_desktop.model.errors import ConflictError, StoreError
from krm_desktop.model.store.connection import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    backup_sqlite,
    open_store,
    resolve_target,
)
from krm_desktop.model.store.entities import Case, Concern, Event
from tests import factories as f
from tests.conftest import make_store

SCHEMAS = Path(__file__).parent / "schemas"


@pytest.mark.sqlite_only
def test_fresh_database_has_pragmas_marker_and_current_version(store) -> None:
    db = store.db
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA secure_delete").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert db.execute_sql("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert database_problems(store) == []


def test_missing_file_is_not_created_without_create(tmp_path: Path) -> None:
    target = tmp_path / "nichts.sqlite3"
    with pytest.raises(StoreError, match="gibt es nicht"):
        open_store(str(target))
    assert not target.exists()


def test_zero_byte_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "leer.sqlite3"
    target.touch()
    with pytest.raises(StoreError, match="leer"):
        open_store(str(target), create=True)
    assert target.stat().st_size == 0


def test_text_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "brief.sqlite3"
    target.write_text("Sehr geehrte Damen und Herren", encoding="utf-8")
    with pytest.raises(StoreError, match="keine SQLite-Datenbank"):
        open_store(str(target))


def test_foreign_sqlite_database_is_refused_and_unchanged(tmp_path: Path) -> None:
    target = tmp_path / "fremd.sqlite3"
    con = sqlite3.connect(target)
    con.execute("CREATE TABLE kunden (id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()
    before = target.read_bytes()
    with pytest.raises(StoreError, match="keine KRM-Datenbank"):
        open_store(str(target), create=True)
    assert target.read_bytes() == before


def test_newer_schema_is_refused_without_change(tmp_path: Path) -> None:
    target = tmp_path / "neu.sqlite3"
    make_store(target).close()
    con = sqlite3.connect(target)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    before = target.read_bytes()
    with pytest.raises(StoreError, match=f"Schema-Version {SCHEMA_VERSION + 1}"):
        open_store(str(target))
    assert target.read_bytes() == before


@pytest.mark.parametrize("sample", sorted(SCHEMAS.glob("v*.sqlite3")), ids=lambda p: p.stem)
def test_every_past_schema_upgrades_to_current(sample: Path, tmp_path: Path) -> None:
    copy = tmp_path / "alt.sqlite3"
    shutil.copy(sample, copy)
    old_version = int(sample.stem[1:])
    store = open_store(str(copy))
    try:
        assert store.db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        if old_version < SCHEMA_VERSION:
            assert store.migrated_from == old_version
            assert store.backup_before_migration is not None
            backup = sqlite3.connect(store.backup_before_migration)
            assert backup.execute("PRAGMA user_version").fetchone()[0] == old_version
            backup.close()
        assert database_problems(store) == []
        refs = [c.ref for c in Case.select().order_by(Case.ref)]
        assert refs == ["KRM-2026-0001", "KRM-2026-0002", "KRM-2026-0003", "KRM-2026-0004"]
        assert Case.get(Case.ref == "KRM-2026-0004").follows.ref == "KRM-2026-0001"
        assert all(c.topic == "" for c in Case.select())
        lob = Case.get(Case.ref == "KRM-2026-0002")
        assert (lob.next_action, lob.next_due) == ("ack", lob.ack_due)
        assert Case.get(Case.ref == "KRM-2026-0001").next_due is None  # closed
        # the upgraded database works with today's services
        case = Case.get(Case.ref == "KRM-2026-0002")
        cases.acknowledge(case.id, version=case.version, sent_on=f.TODAY, today=f.TODAY, user=f.USER)
    finally:
        store.close()
    again = open_store(str(copy))  # a second open finds nothing to migrate
    assert again.migrated_from is None
    again.close()


@pytest.mark.sqlite_only
def test_backup_is_verified_copy(store, tmp_path: Path) -> None:
    f.register()
    copy = backup_sqlite(store.db, tmp_path / "sicherung" / "krm.sqlite3")
    con = sqlite3.connect(copy)
    assert con.execute("SELECT count(*) FROM krm_case").fetchone()[0] == 1
    assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    con.close()
    assert not list(copy.parent.glob("*.part"))


def test_check_reports_broken_data(store) -> None:
    case = f.register()
    Concern.delete().where(Concern.case == case.id).execute()
    Case.update(ref="KRM-2026-9").where(Case.id == case.id).execute()
    problems = database_problems(store)
    assert any("Anliegen" in p for p in problems)
    assert any("Aktenzeichen passt nicht" in p for p in problems)


def test_target_resolution_order(tmp_path: Path) -> None:
    assert resolve_target("a.sqlite3", {"KRM_DB": "b.sqlite3"}) == "a.sqlite3"
    assert resolve_target(None, {"KRM_DB": "b.sqlite3"}) == "b.sqlite3"
    assert resolve_target(None, {}).endswith("krm.sqlite3")


def test_two_connections_second_stale_save_is_refused(store, db_path: Path) -> None:
    """Two desks load the same case; the second save is refused and changes nothing."""
    case = f.register()
    stale = Case.get_by_id(case.id)
    cases.acknowledge(case.id, version=case.version, sent_on=f.TODAY, today=f.TODAY, user="platz1")
    events_before = Event.select().count()
    with pytest.raises(ConflictError, match="anderen Platz"):
        cases.send_interim(
            stale.id,
            version=stale.version,
            sent_on=f.TODAY,
            reason="Rückfrage beim Team",
            expected=f.TODAY.replace(day=30),
            today=f.TODAY,
            user="platz2",
        )
    fresh = Case.get_by_id(case.id)
    assert fresh.interim_sent is None and fresh.ack_sent == f.TODAY
    assert Event.select().count() == events_before


@pytest.mark.sqlite_only
def test_read_only_open_reads_and_refuses_writes(store, db_path: Path) -> None:
    f.register()
    store.close()
    before = db_path.read_bytes()
    ro = open_store(str(db_path), read_only=True)
    try:
        assert ro.read_only
        assert Case.select().count() == 1
        with pytest.raises(Exception, match="schreibgeschützt"):
            f.register()
    finally:
        ro.close()
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("*-journal"))


def test_read_only_old_schema_is_refused_in_german(tmp_path: Path) -> None:
    copy = tmp_path / "alt.sqlite3"
    shutil.copy(SCHEMAS / "v1.sqlite3", copy)
    before = copy.read_bytes()
    with pytest.raises(StoreError, match="Schreibrechte"):
        open_store(str(copy), read_only=True)
    assert copy.read_bytes() == before


@pytest.mark.sqlite_only
def test_locked_database_is_explained_in_german(store, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from krm_desktop.model.store import connection as db_module

    store.close()
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 50)
    blocker = sqlite3.connect(db_path)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="gesperrt"):
            open_store(str(db_path))
    finally:
        blocker.rollback()
        blocker.close()


def test_damaged_file_is_explained_in_german(tmp_path: Path) -> None:
    target = tmp_path / "kaputt.sqlite3"
    make_store(target).close()
    data = bytearray(target.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the header stays, the schema page is gone
    target.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="beschädigt"):
        open_store(str(target))


def _schema(path: Path) -> dict[str, object]:
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        columns = {t: sorted(r[1] for r in con.execute(f'PRAGMA table_info("{t}")')) for t in tables}
        indexes = sorted(
            r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        )
    finally:
        con.close()
    return {"columns": columns, "indexes": indexes}


@pytest.mark.parametrize("sample", sorted(SCHEMAS.glob("v*.sqlite3")), ids=lambda p: p.stem)
def test_upgraded_schema_equals_a_fresh_one(sample: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "neu.sqlite3"
    make_store(fresh).close()
    copy = tmp_path / "alt.sqlite3"
    shutil.copy(sample, copy)
    open_store(str(copy)).close()
    assert _schema(copy) == _schema(fresh)


def test_version_6_puts_an_open_petitions_vorlage_first(tmp_path: Path) -> None:
    """Step 6 adds "vorgelegt an GF am"; an open case whose Vorlage an GF is due before its stored next item shows
    the Vorlage, a later one and a closed or answered case keep theirs."""
    copy = tmp_path / "alt.sqlite3"
    shutil.copy(SCHEMAS / "v5.sqlite3", copy)
    con = sqlite3.connect(copy)
    con.execute("UPDATE krm_case SET kind = 'petition', gf_due = '2026-11-16' WHERE ref = 'KRM-2026-0004'")
    con.execute("UPDATE krm_case SET kind = 'eingabe', gf_due = '2026-11-16' WHERE ref = 'KRM-2026-0002'")
    con.execute("UPDATE krm_case SET next_due = '2026-11-10' WHERE ref = 'KRM-2026-0002'")  # before the Vorlage
    con.execute("UPDATE krm_case SET kind = 'petition', gf_due = '2026-11-02' WHERE ref = 'KRM-2026-0001'")
    con.commit()
    con.close()
    store = open_store(str(copy))
    try:
        assert store.migrated_from == 5
        petition = Case.get(Case.ref == "KRM-2026-0004")
        assert (petition.next_action, petition.next_due, petition.gf_presented) == ("gf", date(2026, 11, 16), None)
        eingabe = Case.get(Case.ref == "KRM-2026-0002")
        assert (eingabe.next_action, eingabe.next_due) == ("ack", date(2026, 11, 10))
        closed = Case.get(Case.ref == "KRM-2026-0001")
        assert (closed.next_action, closed.next_due) == (None, None)
        done = cases.present_to_gf(
            petition.id, version=petition.version, presented_on=f.TODAY, today=f.TODAY, user=f.USER
        )
        assert (done.next_action, done.next_due) == ("ack", date(2026, 11, 19))
    finally:
        store.close()


@pytest.mark.sqlite_only
def test_version_7_gives_each_anliegen_its_team_and_each_card_its_tenor(tmp_path: Path) -> None:
    """Step 7: every Anliegen was its case's team's; a card's tenor stood at the head of its subject."""
    copy = tmp_path / "alt.sqlite3"
    shutil.copy(SCHEMAS / "v6.sqlite3", copy)
    store = open_store(str(copy))
    try:
        assert store.migrated_from == 6
        complaint = Case.get(Case.ref == "KRM-2026-0001")
        concern = Concern.get(Concern.case == complaint.id)
        assert concern.team_id == complaint.team_id is not None
        card = Case.get(Case.kind == "meinungskarte")
        assert (card.subject, card.card_tenor) == ("Kritik: Wartezeit", "kritik")
        assert Case.get(Case.ref == "KRM-2026-0002").card_tenor == ""
    finally:
        store.close()


@pytest.mark.sqlite_only
def test_version_7_moves_a_waived_acknowledgement_off_the_next_item(tmp_path: Path) -> None:
    """A case whose acknowledgement was waived under version 6 could still show the acknowledgement as due next;
    step 7 gives it the answer, or the Vorlage an GF where that comes first. Other cases keep their item."""
    copy = tmp_path / "alt.sqlite3"
    shutil.copy(SCHEMAS / "v6.sqlite3", copy)
    con = sqlite3.connect(copy)
    con.execute(
        "UPDATE krm_case SET ack_waived = '2026-11-12', ack_waived_reason = 'telefonisch geklärt', "
        "next_action = 'ack', next_due = '2026-11-13', final_due = '2026-12-01' WHERE ref = 'KRM-2026-0002'"
    )
    con.execute(
        "UPDATE krm_case SET ack_waived = '2026-11-17', next_action = 'ack', next_due = '2026-11-18', "
        "gf_due = '2026-11-16', final_due = '2026-12-01' WHERE ref = 'KRM-2026-0004'"
    )
    untouched = con.execute("SELECT next_action, next_due FROM krm_case WHERE ref = 'KRM-2026-0003'").fetchone()
    con.commit()
    con.close()
    store = open_store(str(copy))
    try:
        waived = Case.get(Case.ref == "KRM-2026-0002")
        assert (waived.next_action, waived.next_due) == ("answer", date(2026, 12, 1))
        vorlage = Case.get(Case.ref == "KRM-2026-0004")
        assert (vorlage.next_action, vorlage.next_due) == ("gf", date(2026, 11, 16))
        card = Case.get(Case.ref == "KRM-2026-0003")
        assert (card.next_action, card.next_due and card.next_due.isoformat()) == untouched
    finally:
        store.close()
