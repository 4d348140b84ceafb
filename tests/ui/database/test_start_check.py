"""The full check of the file runs beside the first minutes of work (ui.start_check): saves wait for its
verdict; a sound file gets its daily backup, a damaged one is never written to and the newest good backup is
offered."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from krm_desktop.model.cases import services as cases
from krm_desktop.model.store.backups import list_backups
from krm_desktop.model.store.connection import open_store
from krm_desktop.model.store.write_gate import WritesRefused, gate
from krm_desktop.ui.database.damaged_dialog import DamagedDialog
from krm_desktop.ui.database.start_check import StartCheck
from krm_desktop.ui.main_window import MainWindow
from tests import factories as f
from tests.faults import damage


@pytest.fixture(autouse=True)
def release_the_gate() -> Iterator[None]:
    yield
    gate.release()  # one gate per process: the next test starts with writes allowed


def _window(qtbot, store) -> MainWindow:
    window = MainWindow(store, f.TODAY, user=f.USER)  # as the program starts it: with the check
    qtbot.addWidget(window)
    window.finish_start()
    return window


def test_a_sound_file_is_checked_then_backed_up_for_the_day(qtbot, store) -> None:
    case = f.register()
    check = _window(qtbot, store).safety.start_check
    assert check is not None
    qtbot.waitUntil(lambda: check.finding is not None, timeout=20_000)
    assert check.finding.ok
    assert not gate.checking and gate.refusal is None
    cases.acknowledge(case.id, version=case.version, sent_on=f.TODAY, today=f.TODAY, user=f.USER)  # writes again
    qtbot.waitUntil(lambda: check.daily_backup is not None and not check.daily_backup.worker.is_alive(), timeout=20_000)
    assert [info.purpose for info in list_backups(store)] == ["taeglich"]


def test_the_checks_thread_gives_the_verdict_without_the_event_loop(qtbot, store) -> None:
    """A save in the GUI thread blocks the event loop while it waits: the check's own thread must open the gate."""
    window = MainWindow(store, f.TODAY, user=f.USER, start_check=False)
    qtbot.addWidget(window)
    check = StartCheck(window.context, window)
    gate.hold()
    check.worker.start()
    check.worker.join(timeout=20)  # no event loop turn in between
    assert not gate.checking and gate.refusal is None
    qtbot.waitUntil(lambda: check.finding is not None, timeout=20_000)  # the window still hears the verdict
    assert check.finding.ok


def test_a_save_during_the_check_waits_for_the_verdict(qtbot, store) -> None:
    case = f.register()
    gate.hold()  # as start_check does before its thread reads the file
    verdict = threading.Timer(0.15, gate.release)  # (the check's thread gives it)
    verdict.start()
    started = time.perf_counter()
    cases.acknowledge(case.id, version=case.version, sent_on=f.TODAY, today=f.TODAY, user=f.USER)
    assert time.perf_counter() - started >= 0.1  # it waited
    assert not gate.checking
    verdict.join()


def test_a_damaged_file_is_not_written_to_and_a_backup_is_offered(qtbot, db_path: Path, store) -> None:
    case = f.register()
    f.staff("Anna Gf", "GF")
    cases.record_routing_note("widerspruch", f.TODAY, "an die Rechtsbehelfsstelle", today=f.TODAY, user=f.USER)
    store.close()
    damage.zero_page(db_path, damage.root_page(db_path, "routing_note"))  # a page the list does not read
    store = open_store(str(db_path))
    before = damage.digest(db_path)
    seen: dict[str, object] = {}

    def answer_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DamagedDialog):
            QTimer.singleShot(50, answer_dialog)
            return
        seen.update(text=dialog.informativeText(), restore=DamagedDialog.RESTORE in dialog.buttons_by_choice)
        dialog.buttons_by_choice[DamagedDialog.QUIT].click()

    QTimer.singleShot(0, answer_dialog)
    window = _window(qtbot, store)
    qtbot.waitUntil(lambda: "text" in seen, timeout=20_000)
    assert "beschädigt" in str(seen["text"])
    assert seen["restore"] is False  # no backup of this file yet: only "Andere Datei" and "Beenden"
    assert window.safety.start_check.daily_backup is None  # a damaged file is not copied as the day's backup
    with pytest.raises(WritesRefused, match="speichert das Programm nichts mehr"):
        cases.acknowledge(case.id, version=case.version, sent_on=f.TODAY, today=f.TODAY, user=f.USER)
    store.close()
    assert damage.digest(db_path) == before
