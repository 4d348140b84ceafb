"""The daily backup runs beside the main window (its own thread and connection) and the status bar says so."""

from __future__ import annotations

from pathlib import Path

from krm_desktop.model.store.backups import verify_backup
from krm_desktop.model.store.daily_backups import DailyBackup
from krm_desktop.ui.database.daily_backup import MESSAGE_MS, daily_backup_message, start_daily_backup
from krm_desktop.ui.main_window import MainWindow
from tests import factories as f
from tests.ui.windows import make_window


def _window(qtbot, store, **options) -> MainWindow:
    window = make_window(qtbot, store, **options)
    window.show()
    qtbot.waitUntil(lambda: window.started)
    return window


def test_the_first_start_of_the_day_copies_beside_the_window(qtbot, store) -> None:
    f.register()
    window = _window(qtbot, store)
    with qtbot.waitSignal(window.context.status_message, timeout=20_000) as said:  # listening before the thread runs
        runner = start_daily_backup(window.context)
        assert runner is not None
    assert said.args == ["Tägliche Sicherung angelegt: krm-2026-11-20-taeglich.sqlite3", MESSAGE_MS]
    assert window.statusBar().currentMessage() == "Tägliche Sicherung angelegt: krm-2026-11-20-taeglich.sqlite3"
    result = runner.result
    assert isinstance(result, DailyBackup) and result.made is not None
    verify_backup(result.made, 1)
    assert window.model.rowCount() == 1  # the window's own connection goes on working
    f.register()

    again = start_daily_backup(window.context)  # (it may be through before the next line: it has nothing to copy)
    assert again is not None
    qtbot.waitUntil(lambda: again.result is not None, timeout=20_000)
    assert again.result == DailyBackup(None, [])  # the second start of the day copies nothing


def test_no_daily_copy_of_a_read_only_database(qtbot, store) -> None:
    window = _window(qtbot, store, read_only=True)
    assert start_daily_backup(window.context) is None


def test_status_texts() -> None:
    made = Path("/x/krm-2026-11-20-taeglich.sqlite3")
    assert daily_backup_message(DailyBackup(None, [])) == ""
    assert daily_backup_message(DailyBackup(made, [made, made])) == (
        "Tägliche Sicherung angelegt: krm-2026-11-20-taeglich.sqlite3 · 2 alte Sicherungen entfernt"
    )
    assert daily_backup_message(DailyBackup(None, [made], "Die tägliche Sicherung ist nicht gelungen: voll")) == (
        "Die tägliche Sicherung ist nicht gelungen: voll · 1 alte Sicherung entfernt"
    )
