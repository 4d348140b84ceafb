"""A workplace with the first page of the case list loaded does not block another process's save: the list
reads in short queries and keeps no read transaction open. (The control shows that an open read transaction
would block: then the writer waits for the lock and gives up.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from krm_desktop.model.case_list.query import CaseList
from krm_desktop.model.demo.generator import generate
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.store.connection import open_store
from krm_desktop.model.store.entities import Case, database
from krm_desktop.model.time.day_counter import list_calendar
from tests import factories as f
from tests.conftest import make_store
from tests.faults.conftest import FORK
from tests.faults.workers import CASE_ID, one_update

WRITER_WAIT_MS = 1500  # the writer's busy timeout: blocked, it would give up after this


@pytest.fixture
def listed_file(tmp_path: Path) -> Path:
    """Case 1 open (it is edited), and more cases than the list writes before its first paint."""
    path = tmp_path / "krm.sqlite3"
    store = make_store(path)
    f.register()
    generate(400, seed=3, years=2, today=f.TODAY, user=f.USER)
    store.close()
    return path


def _save_elsewhere(path: Path, spawn) -> tuple[str, float]:
    results = FORK.Queue()
    writer = spawn(one_update, path, WRITER_WAIT_MS, results)
    outcome = results.get(timeout=30)
    writer.join(10)
    return outcome


def test_the_first_page_of_the_list_does_not_block_a_writer(listed_file: Path, spawn) -> None:
    store = open_store(str(listed_file))
    try:
        listed = CaseList(f.TODAY, list_calendar(load_profile()), f.USER)
        assert listed.load() == 401
        first_page = listed.rows_after(0, 50)
        assert len(first_page) == 50 and not listed.is_complete
        version = Case.get_by_id(CASE_ID).version

        outcome, seconds = _save_elsewhere(listed_file, spawn)
        assert outcome == "ok"
        assert seconds < WRITER_WAIT_MS / 1000 / 2  # it never waited for a lock
        assert Case.get_by_id(CASE_ID).version == version + 1  # the list's connection sees the save
        assert len(listed.rows_after(50, 50)) == 50  # and the list reads on
    finally:
        store.close()


def test_the_case_table_model_with_rows_on_screen_does_not_block_a_writer(listed_file: Path, spawn, qapp) -> None:
    from krm_desktop.ui.case_list.table_model import PAGE_SIZE, CaseTableModel

    store = open_store(str(listed_file))
    try:
        model = CaseTableModel(f.TODAY, list_calendar(load_profile()), f.USER)
        model.reload()
        shown = [model.index(row, 0).data() for row in range(PAGE_SIZE)]  # what the view paints first
        assert all(shown) and model.rowCount() == 401

        outcome, seconds = _save_elsewhere(listed_file, spawn)
        assert outcome == "ok" and seconds < WRITER_WAIT_MS / 1000 / 2
        assert model.index(PAGE_SIZE + 10, 0).data()  # the next page comes after the save
    finally:
        store.close()


def test_control_an_open_read_transaction_would_block_the_writer(listed_file: Path, spawn) -> None:
    store = open_store(str(listed_file))
    try:
        database.execute_sql("BEGIN")
        database.execute_sql("SELECT count(*) FROM krm_case").fetchone()  # holds SQLite's shared lock
        outcome, seconds = _save_elsewhere(listed_file, spawn)
        database.execute_sql("ROLLBACK")
        assert "gesperrt" in outcome  # (SaveFailed: "Die Datenbank ist gerade gesperrt …")
        assert seconds >= WRITER_WAIT_MS / 1000 * 0.9
    finally:
        store.close()
