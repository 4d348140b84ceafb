"""The daily backup runs beside the main window (its own thread and connection) and the status bar says so."""

from __future__ import annotations

from pathlib import Path

from krm_desktop.model.store.backups import verify_backup
from krm_desktop.model.store.daily_backups import DailyBackup
from krm_desktop.ui.database.daily_backup import daily_backup_message, start_daily_backup
from krm_desktop.ui.main_window import MainWindow
from tests import factories as f


def _window(qtbot, store, **options) -> MainWindow:
    window = MainWindow(store, f.TODAY, user=f.USER, **options)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.started)
    return window


def test_the_first_start_of_the_day_copies_beside_the_window(qtbot, store) -> None:
    f.register()
    window = _window(qtbot, store)
    runner = start_daily_backup(window)
    assert runner is not None
    with qtbot.waitSignal(runner.done, timeout=20_000) as finished:
        pass
    result = finished.args[0]
    assert isinstance(result, DailyBackup) and result.made is not None
    verify_backup(result.made, 1)
    assert window.statusBar().currentMessage() == "Tägliche Sicherung angelegt: krm-2026-11-20-taeglich.sqlite3"
    assert window.model.rowCount() == 1  # the window's own connection goes on working
    f.register()

    again = start_daily_backup(window)
    with qtbot.waitSignal(again.done, timeout=20_000) as finished:
        pass
    assert finished.args[0] == DailyBackup(None, [])  # the second start of the day copies nothing


def test_no_daily_copy_of_a_read_only_database(qtbot, store) -> None:
    window = _window(qtbot, store, read_only=True)
    assert start_daily_backup(window) is None


def test_status_texts() -> None:
    made = Path("/x/krm-2026-11-20-taeglich.sqlite3")
    assert daily_backup_message(DailyBackup(None, [])) == ""
    assert daily_backup_message(DailyBackup(made, [made, made])) == (
        "Tägliche Sicherung angelegt: krm-2026-11-20-taeglich.sqlite3 · 2 alte Sicherungen entfernt"
    )
    assert daily_backup_message(DailyBackup(None, [made], "Die tägliche Sicherung ist nicht gelungen: voll")) == (
        "Die tägliche Sicherung ist nicht gelungen: voll · 1 alte Sicherung entfernt"
    )
