"""Datei → "Sicherung wiederherstellen …": the list of backups, the confirmation, refusals in German, and the
main window working on the restored database afterwards."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from krm_desktop.model.store.backups import PURPOSE_DAILY, make_backup
from krm_desktop.model.store.entities import Case
from krm_desktop.ui.database.restore_dialog import COLUMN_TITLES, MENU_TEXT, RestoreDialog
from tests import factories as f
from tests.faults import damage
from tests.ui.windows import make_window


def answer_next_question(qtbot, button_text: str) -> list[str]:
    """Click `button_text` in the next message box; returns its texts once it was answered."""
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.extend([box.text(), box.informativeText()])
        button = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)
    return seen


@pytest.fixture
def backups(store) -> dict[str, Path]:
    for _ in range(3):
        f.register()
    older = make_backup(store, f.TODAY - timedelta(days=2), PURPOSE_DAILY)
    f.register()
    newer = make_backup(store, f.TODAY - timedelta(days=1), PURPOSE_DAILY)
    broken = make_backup(store, f.TODAY, "manuell")
    broken.write_bytes(b"SQLite format 3\x00" + bytes(6000))
    f.register(subject="Heute erfasst")
    return {"older": older, "newer": newer, "broken": broken}


def table_rows(dialog: RestoreDialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_backups_are_listed_newest_first_with_date_purpose_and_cases(qtbot, store, backups) -> None:
    dialog = RestoreDialog(store, f.TODAY)
    qtbot.addWidget(dialog)
    assert [dialog.table.horizontalHeaderItem(c).text() for c in range(4)] == list(COLUMN_TITLES)
    assert table_rows(dialog) == [
        ["20.11.2026", "Von Hand", "nicht lesbar", backups["broken"].name],
        ["19.11.2026", "Tägliche Sicherung", "4", backups["newer"].name],
        ["18.11.2026", "Tägliche Sicherung", "3", backups["older"].name],
    ]
    assert not dialog.table.item(0, 0).flags() & Qt.ItemFlag.ItemIsSelectable  # an unreadable copy: no choice
    assert dialog.selected().path == backups["newer"]  # the newest good one is preselected
    assert dialog.folder_label.text() == f"Sicherungsordner: {store.path.parent / 'Sicherungen'}"


def test_the_chosen_backup_replaces_the_database_after_the_confirmation(qtbot, store, backups) -> None:
    dialog = RestoreDialog(store, f.TODAY)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(2)
    question = answer_next_question(qtbot, "Ersetzen")
    with qtbot.waitSignal(dialog.restored) as signal:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert question[0] == "Datenbank durch Tägliche Sicherung vom 18.11.2026 ersetzen?"
    assert "enthält 3 Kundenreaktionen" in question[1] and "vorher gesichert" in question[1]
    result = signal.args[0]
    try:
        assert Case.select().count() == 3 and result.cases == 3
        assert result.safety_copy.name == "krm-2026-11-20-vor-wiederherstellung.sqlite3"
        assert dialog.result() == dialog.DialogCode.Accepted
    finally:
        result.store.close()


def test_cancelling_the_confirmation_changes_nothing(qtbot, store, backups) -> None:
    dialog = RestoreDialog(store, f.TODAY)
    qtbot.addWidget(dialog)
    before, live = f.snapshot(), damage.digest(store.path)
    answer_next_question(qtbot, "Abbrechen")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.result_ is None and f.snapshot() == before and damage.digest(store.path) == live
    assert not (store.path.parent / "Sicherungen" / "krm-2026-11-20-vor-wiederherstellung.sqlite3").exists()


def test_a_file_that_is_no_krm_database_is_refused_in_the_dialog(qtbot, store, backups, tmp_path: Path) -> None:
    dialog = RestoreDialog(store, f.TODAY)
    qtbot.addWidget(dialog)
    letter = tmp_path / "Antwortschreiben.sqlite3"
    letter.write_bytes(damage.pdf_document())
    before = f.snapshot()
    assert not dialog.restore_file(letter)
    assert dialog.error.text() == (
        f"Diese Datei lässt sich nicht wiederherstellen. Die Datei {letter} ist ein PDF-Dokument, keine KRM-Datenbank."
    )
    assert f.snapshot() == before and dialog.result_ is None


def test_the_menu_entry_restores_and_the_window_shows_the_restored_list(qtbot, store, backups) -> None:
    window = make_window(qtbot, store)
    window.show()
    qtbot.waitUntil(lambda: window.started)
    action = window.safety.restore_action  # (MainWindow.finish_start puts it into the Datei menu)
    texts = [a.text() for a in window.menus["file"].actions() if not a.isSeparator()]
    assert texts.index(MENU_TEXT) == texts.index("&Beenden") - 1
    assert window.count_label.text().startswith("5 ")

    action.trigger()
    dialog = window.findChild(RestoreDialog)
    assert dialog is not None and dialog.isVisible()
    answer_next_question(qtbot, "Ersetzen")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)  # the newest good: 4 cases
    qtbot.waitUntil(lambda: window.count_label.text().startswith("4 "))
    assert window.context.store is dialog.result_.store and window.context.store is not store
    assert "wiederhergestellt (4 Kundenreaktionen)" in window.statusBar().currentMessage()
    window.context.store.close()


def test_the_menu_entry_is_off_for_a_read_only_database(qtbot, store) -> None:
    window = make_window(qtbot, store, read_only=True)
    window.show()
    qtbot.waitUntil(lambda: window.started)
    assert not window.safety.restore_action.isEnabled()
