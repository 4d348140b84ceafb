"""The daily backup of the main window, away from the screen: the first start of a day copies the database in a
worker thread (at 100,000 cases the verified copy takes a few seconds; the live file is held only for the
copy itself, about half a second), then the status bar says what happened."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from krm_desktop.model.errors import KrmError
from krm_desktop.model.store.daily_backups import DailyBackup, run_daily_backup
from krm_desktop.ui.context import WindowContext

MESSAGE_MS = 15_000


def daily_backup_message(result: DailyBackup | str) -> str:
    """The status bar's words for what the daily run did ("" when there is nothing worth saying)."""
    if isinstance(result, str):
        return result
    parts = []
    if result.problem:
        parts.append(result.problem)
    elif result.made is not None:
        parts.append(f"Tägliche Sicherung angelegt: {result.made.name}")
    if result.removed:
        count = len(result.removed)
        parts.append(f"{count} alte Sicherung{'en' if count != 1 else ''} entfernt")
    return " · ".join(parts)


class DailyBackupRunner(QObject):
    """Runs `run_daily_backup` in a thread of its own (its own SQLite connection); `done` carries the
    DailyBackup, or a German message when it failed; `result` holds the same once the thread is through."""

    done = Signal(object)

    def __init__(self, context: WindowContext) -> None:
        super().__init__(context)
        self.store = context.store
        self.today = context.today
        self.result: DailyBackup | str | None = None
        self.worker = threading.Thread(target=self._run, name="tägliche Sicherung", daemon=True)

    def start(self) -> None:
        self.worker.start()

    def _run(self) -> None:
        result: DailyBackup | str
        try:
            result = run_daily_backup(self.store, self.today)
        except KrmError as exc:
            result = exc.message
        except Exception as exc:  # a database error of this thread's connection: said, never a crash
            result = f"Die tägliche Sicherung ist nicht gelungen: {exc}"
        finally:
            if not self.store.db.is_closed():
                self.store.db.close()  # this thread's connection (peewee keeps one per thread)
        self.result = result
        self.done.emit(result)


def start_daily_backup(context: WindowContext) -> DailyBackupRunner | None:
    """Start the daily run for the window's database; None for a server database or a read-only file."""
    if context.read_only or not context.store.is_sqlite:
        return None
    runner = DailyBackupRunner(context)

    def report(result: DailyBackup | str) -> None:
        text = daily_backup_message(result)
        if text:
            context.status_message.emit(text, MESSAGE_MS)

    runner.done.connect(report)
    runner.start()
    return runner
