"""Deletion when it is due (issue 19): the count of cases past their date, the automatic purge with its verified
backup and Löschprotokoll, marked once per day, and its refusals (no writable backup folder, a server database)
that change nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from krm_desktop.model.errors import RefusedError
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.retention.purge_due import (
    AUTO_PURGE_DAY_KEY,
    auto_purge_message,
    auto_purge_ran,
    backup_folder_problem,
    overdue_count,
    run_auto_purge,
)
from krm_desktop.model.retention.purge_log import overdue_text, purge_logs
from krm_desktop.model.store.backups import BACKUP_FOLDER_KEY, backup_folder
from krm_desktop.model.store.entities import Case, PurgeLog
from krm_desktop.model.store.settings import get_setting, put_setting
from tests import factories as f
from tests.model import retention_data as rd

DUE = date(2026, 12, 31)  # a case closed on 15.03.2024 loses its personal data on this day (BA rule)


def test_the_count_follows_the_retention_date(store) -> None:
    rd.closed_case(date(2024, 3, 15))
    rd.closed_case(date(2025, 1, 10))
    assert overdue_count(date(2026, 12, 30)) == 0
    assert overdue_count(DUE) == 1
    assert overdue_count(date(2027, 12, 31)) == 2
    assert overdue_text(0) == ""
    assert overdue_text(1) == "1 Kundenreaktion ist über ihre Aufbewahrungsfrist hinaus – Löschung fällig."
    assert overdue_text(1234) == "1.234 Kundenreaktionen sind über ihre Aufbewahrungsfrist hinaus – Löschung fällig."


@pytest.mark.sqlite_only
def test_the_automatic_purge_backs_up_purges_logs_and_marks_the_day(store) -> None:
    due = rd.closed_case(date(2024, 3, 15))
    kept = rd.closed_case(date(2025, 6, 1))
    assert not auto_purge_ran(DUE)
    done = run_auto_purge(store, DUE, f.USER, load_profile())
    assert done.result is not None and done.result.anonymised == 1 and done.result.deleted == 0
    assert done.backup is not None and done.backup.parent == backup_folder(store) and done.backup.exists()
    assert Case.get_by_id(due.id).anonymised and Case.get_by_id(due.id).subject == ""
    assert not Case.get_by_id(kept.id).anonymised
    log = purge_logs()[0]
    assert log.id == done.result.log_id and log.backup == done.backup.name and log.vacuumed
    assert log.done_by == f"{f.USER} (automatisch beim Programmstart)" and log.as_of == DUE
    assert auto_purge_ran(DUE) and not auto_purge_ran(date(2027, 1, 1))
    message = auto_purge_message(done)
    assert message.startswith("Automatische Löschung: 1 anonymisiert, 0 gelöscht; Löschprotokoll Nr.")
    assert overdue_count(DUE) == 0


@pytest.mark.sqlite_only
def test_nothing_due_makes_no_backup_but_marks_the_day(store) -> None:
    rd.closed_case(date(2025, 6, 1))
    done = run_auto_purge(store, DUE, f.USER, load_profile())
    assert done.result is None and done.backup is None
    assert not backup_folder(store).exists() or not any(backup_folder(store).iterdir())
    assert PurgeLog.select().count() == 0 and auto_purge_ran(DUE)
    assert auto_purge_message(done) == "Automatische Löschung: heute ist nichts fällig."


@pytest.mark.sqlite_only
def test_a_backup_folder_that_cannot_be_written_refuses_and_changes_nothing(store, tmp_path: Path) -> None:
    due = rd.closed_case(date(2024, 3, 15))
    blocker = tmp_path / "keine-ordner"
    blocker.write_text("a file where the folder should be")
    put_setting(BACKUP_FOLDER_KEY, str(blocker / "Sicherungen"))
    before = Case.select().where(Case.id == due.id).tuples().get()
    problem = backup_folder_problem(store)
    assert problem is not None and "Sicherungsordner" in problem and "kann nicht geschrieben werden" in problem
    with pytest.raises(RefusedError) as refused:
        run_auto_purge(store, DUE, f.USER, load_profile())
    assert "Ohne geprüfte Sicherung wird nicht automatisch gelöscht" in refused.value.message
    assert Case.select().where(Case.id == due.id).tuples().get() == before
    assert PurgeLog.select().count() == 0
    assert get_setting(AUTO_PURGE_DAY_KEY) is None  # the next start tries again


def test_a_server_database_is_refused(store) -> None:
    if store.path is not None:
        assert backup_folder_problem(store) is None  # a SQLite file: its backup folder is writable
        return
    rd.closed_case(date(2024, 3, 15))
    with pytest.raises(RefusedError) as refused:
        run_auto_purge(store, DUE, f.USER, load_profile())
    assert "Server-Datenbank" in refused.value.message
    assert overdue_count(DUE) == 1 and not auto_purge_ran(DUE)
