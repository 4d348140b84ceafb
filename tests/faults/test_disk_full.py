"""The disk fills up or fails while saving: the person is told in German, the data stay as they were, and what
they typed is still there (and saves once the fault is gone).

Injected for real, without privileges:
- disk full: SQLite's own limit `PRAGMA max_page_count` set to the file's present size, so the save needs a
  page the database may not have: SQLite fails exactly as on a full disk (SQLITE_FULL).
- I/O error: in a child process the operating system's file size limit (RLIMIT_FSIZE) is set to the file's
  present size, so the write that grows the file fails in the kernel (EFBIG), which SQLite reports as a disk
  I/O error (SQLITE_IOERR) — as when a network drive goes away mid-write.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.intake import CaseInput
from krm_desktop.model.store.connection import open_store
from krm_desktop.model.store.entities import Case, database
from krm_desktop.model.store.transactions import FULL, IO, MESSAGES, SaveFailed, write_transaction
from tests import factories as f
from tests.faults.conftest import FORK
from tests.faults.workers import CASE_ID, save_beyond_file_size_limit

LONG_TEXT = "Die Kundin schildert ausführlich den Verlauf ihres Antrags. " * 1500  # ~90,000 characters


def _fill_up() -> None:
    """From now on this connection may not grow the database file by a single page."""
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    assert database.execute_sql("PRAGMA freelist_count").fetchone()[0] == 0  # no free page to write into
    database.execute_sql(f"PRAGMA max_page_count = {pages}")


def _room_again() -> None:
    database.execute_sql("PRAGMA max_page_count = 1073741823")


def test_disk_full_during_a_save_is_reported_and_changes_nothing(krm_file: Path) -> None:
    store = open_store(str(krm_file))
    try:
        case = Case.get_by_id(CASE_ID)
        typed = f.case_input(subject="Neuer Betreff nach Rückruf", description=LONG_TEXT)
        kept = replace(typed)
        before = f.snapshot()
        _fill_up()
        with pytest.raises(SaveFailed) as refused, write_transaction():
            _save(case, typed)
        assert refused.value.reason == FULL
        assert refused.value.message == MESSAGES[FULL]
        assert "Speicherplatz" in refused.value.message and "Ihre Eingaben sind noch da" in refused.value.message
        assert f.snapshot() == before  # the case, its concerns and history are as they were
        assert (typed.subject, typed.description) == (kept.subject, kept.description)

        _room_again()  # the IT made room: the same input saves
        with write_transaction():
            saved = _save(case, typed)
        assert (saved.subject, saved.description, saved.version) == (typed.subject, LONG_TEXT, case.version + 1)
    finally:
        store.close()


def _save(case: Case, typed: CaseInput) -> Case:
    return cases.update_case(case.id, version=case.version, data=typed, today=f.TODAY, user=f.USER)


def _rows(path: Path) -> list[tuple]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = [con.execute("PRAGMA integrity_check").fetchone()]
        for table in ("krm_case", "concern", "event", "party"):
            rows += con.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        return rows
    finally:
        con.close()


def test_an_io_error_during_a_save_is_reported_and_changes_nothing(krm_file: Path, spawn) -> None:
    before = _rows(krm_file)
    results = FORK.Queue()
    child = spawn(save_beyond_file_size_limit, krm_file, LONG_TEXT, results)
    kind, message, german = results.get(timeout=30)
    child.join(10)
    assert (kind, german) == ("SaveFailed", True)
    assert message == MESSAGES[IO] and "Ein-/Ausgabefehler" in message
    assert _rows(krm_file) == before  # integrity_check ok, and every row as it was
    assert _rows(krm_file)[0] == ("ok",)


def test_the_text_block_dialog_keeps_the_typed_text_when_the_disk_is_full(krm_file: Path, qtbot) -> None:
    from PySide6.QtCore import Qt

    from krm_desktop.ui.letters.text_blocks_dialog import PENDING_MARK, TextBlockDialog

    store = open_store(str(krm_file))
    try:
        dialog = TextBlockDialog(today=f.TODAY)
        qtbot.addWidget(dialog)
        page = dialog.blocks_page
        key = page.current
        page.body.setPlainText("Sehr geehrte Damen und Herren,\n\n" + "Vielen Dank für Ihr Schreiben. " * 600)
        page.body.moveCursor(page.body.textCursor().MoveOperation.End)
        qtbot.keyClicks(page.body, " Wir melden uns bis zum 30.11.2026.")  # (keyClicks types ASCII only)
        typed = page.body.toPlainText()
        before = f.snapshot()
        _fill_up()
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

        assert "Speicherplatz" in page.status.text() and "Ihre Eingaben sind noch da" in page.status.text()
        assert page.body.toPlainText() == typed  # the editor keeps every character
        assert page.list.currentItem().text().endswith(PENDING_MARK)  # still marked as not saved
        assert f.snapshot() == before

        _room_again()
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        assert page.status.text().startswith("Gespeichert")
        assert page.blocks[key].body == typed
    finally:
        store.close()
