"""Deletion when it is due, at the start of the main window (issue 19): after the first paint the line above the
list says how many cases are past their date (with the wizard behind its button); where the profile says
"automatisch löschen" the first start of a day purges (verified backup, Löschprotokoll, status bar), never on a
read-only database, not twice the same day; a failure changes nothing, says so and is tried again."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from krm_desktop.model.office.profiles import load_profile, profile_version, save_profile
from krm_desktop.model.retention.purge_due import AUTO_PURGE_DAY_KEY, AutoPurge
from krm_desktop.model.store.backups import BACKUP_FOLDER_KEY, list_backups
from krm_desktop.model.store.entities import Case, PurgeLog
from krm_desktop.model.store.settings import get_setting, put_setting
from krm_desktop.model.store.write_gate import gate
from krm_desktop.ui.main_window import MainWindow
from krm_desktop.ui.purge.wizard import PurgeWizard
from tests.model import retention_data as rd
from tests.ui.windows import make_window

DUE = date(2026, 12, 31)  # a case closed on 15.03.2024 loses its personal data on this day (BA rule)


@pytest.fixture(autouse=True)
def release_the_gate() -> Iterator[None]:
    yield
    gate.release()  # one gate per process (the start check holds it): the next test starts with writes allowed


def started(qtbot, store, today: date = DUE, **options) -> MainWindow:
    """A window as the program starts it (with the start check), its notice's thread through."""
    window = make_window(qtbot, store, today, start_check=True, **options)
    assert not hasattr(window, "purge_notice")  # nothing of it before the first paint
    window.show()
    qtbot.waitUntil(lambda: window.started, timeout=10_000)
    qtbot.waitUntil(lambda: window.purge_notice.finding is not None, timeout=30_000)
    check = window.safety.start_check
    if check is not None:
        qtbot.waitUntil(lambda: check.daily_backup is None or not check.daily_backup.worker.is_alive(), timeout=30_000)
    return window


def set_auto_purge(on: bool) -> None:
    save_profile(dataclasses.replace(load_profile(), auto_purge=on), profile_version())


def test_the_count_is_shown_after_the_first_paint_with_the_wizard_behind_it(qtbot, store) -> None:
    set_auto_purge(False)
    rd.closed_case(date(2024, 3, 15))
    rd.closed_case(date(2024, 5, 2))
    rd.closed_case(date(2025, 6, 1))  # due on 31.12.2027
    window = started(qtbot, store)
    notice = window.purge_notice
    assert notice.finding.count == 2 and notice.finding.purge is None
    assert notice.frame.isVisible()
    assert notice.label.text().startswith(
        "2 Kundenreaktionen sind über ihre Aufbewahrungsfrist hinaus – Löschung fällig."
    )
    assert PurgeLog.select().count() == 0 and not Case.select().where(Case.anonymised == True).exists()  # noqa: E712
    qtbot.mouseClick(notice.button, Qt.MouseButton.LeftButton)
    wizard = next(d for d in window.workflows.dialogs if isinstance(d, PurgeWizard))
    assert wizard.isVisible()
    wizard.reject()


def test_nothing_due_shows_no_line(qtbot, store) -> None:
    rd.closed_case(date(2025, 6, 1))
    window = started(qtbot, store)
    assert window.purge_notice.finding.count == 0
    assert not window.purge_notice.frame.isVisible()
    assert get_setting(AUTO_PURGE_DAY_KEY) == DUE.isoformat()  # Lübeck purges by itself: today nothing was due


def test_a_notice_waiting_for_a_check_already_judged_counts_at_once(qtbot, store) -> None:
    """The start check may be through before the line is put up: the count must not wait for a signal that came."""
    from krm_desktop.ui.purge.due_notice import PurgeDueNotice

    set_auto_purge(False)
    rd.closed_case(date(2024, 3, 15))
    window = started(qtbot, store)
    check = window.safety.start_check
    assert check is not None and check.is_judged
    late = PurgeDueNotice(window.context, window, lambda: None)
    late.start_after(check)
    qtbot.waitUntil(lambda: late.finding is not None, timeout=30_000)
    assert late.finding.count == 1


def test_the_automatic_purge_runs_at_the_first_start_of_a_day_only(qtbot, store) -> None:
    assert load_profile().auto_purge  # Lübeck: "automatisch entfernt"
    first = rd.closed_case(date(2024, 3, 15))
    window = started(qtbot, store)
    done = window.purge_notice.finding.purge
    assert isinstance(done, AutoPurge) and done.result is not None and done.result.anonymised == 1
    message = window.statusBar().currentMessage()
    assert message.startswith("Automatische Löschung: 1 anonymisiert, 0 gelöscht; Löschprotokoll Nr.")
    assert Case.get_by_id(first.id).anonymised
    log = PurgeLog.get()
    assert log.backup and log.backup in [info.path.name for info in list_backups(store)]
    assert "vor-loeschung" in {info.purpose for info in list_backups(store)}
    assert not window.purge_notice.frame.isVisible()
    window.close()

    second = rd.closed_case(date(2024, 6, 3))  # due as well: the same day does not purge again
    again = started(qtbot, store)
    assert again.purge_notice.finding.purge is None
    assert not Case.get_by_id(second.id).anonymised and PurgeLog.select().count() == 1
    assert again.purge_notice.label.text().startswith("1 Kundenreaktion ist über ihre Aufbewahrungsfrist hinaus")
    again.close()

    next_day = started(qtbot, store, date(2027, 1, 4))
    assert isinstance(next_day.purge_notice.finding.purge, AutoPurge)
    assert Case.get_by_id(second.id).anonymised and PurgeLog.select().count() == 2


def test_a_read_only_database_is_not_purged(qtbot, store) -> None:
    case = rd.closed_case(date(2024, 3, 15))
    window = started(qtbot, store, read_only=True)
    assert window.purge_notice.finding.purge is None and window.purge_notice.finding.count == 1
    assert not Case.get_by_id(case.id).anonymised and PurgeLog.select().count() == 0
    assert window.purge_notice.frame.isVisible() and not window.purge_notice.button.isEnabled()


def test_a_failure_changes_nothing_says_so_and_is_tried_again(qtbot, store, tmp_path: Path) -> None:
    case = rd.closed_case(date(2024, 3, 15))
    blocker = tmp_path / "datei"
    blocker.write_text("where the backup folder should be")
    put_setting(BACKUP_FOLDER_KEY, str(blocker / "Sicherungen"))
    before = Case.select().where(Case.id == case.id).tuples().get()
    window = started(qtbot, store)
    assert isinstance(window.purge_notice.finding.purge, str)
    message = window.statusBar().currentMessage()
    assert message.startswith("Die automatische Löschung ist fehlgeschlagen: In den Sicherungsordner")
    assert "Die Datenbank ist unverändert; beim nächsten Programmstart wird es erneut versucht." in message
    box = window.findChild(QMessageBox, "auto_purge_failed")
    assert box is not None and box.isVisible() and box.text() == message
    assert window.purge_notice.label.text().startswith(message)
    box.accept()
    assert Case.select().where(Case.id == case.id).tuples().get() == before
    assert PurgeLog.select().count() == 0 and get_setting(AUTO_PURGE_DAY_KEY) is None
    assert window.purge_notice.frame.isVisible()  # the wizard stays: the line with its button
    window.close()

    put_setting(BACKUP_FOLDER_KEY, str(tmp_path / "Sicherungen"))  # the IT fixed the folder
    again = started(qtbot, store)
    assert isinstance(again.purge_notice.finding.purge, AutoPurge)
    assert Case.get_by_id(case.id).anonymised
