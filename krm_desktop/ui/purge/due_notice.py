"""Deletion when it is due, on the start screen (issue 19): after the first paint, a thread of its own counts the
cases past their retention date (0.2–0.6 s on 100,000 cases) and, where the profile says "automatisch löschen",
runs the day's automatic purge first (verified backup, one transaction, Löschprotokoll). The result goes to the
status bar (a failure also to a message box); what is still due shows as a line above the list with a button
that opens the purge wizard.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from krm_desktop.model.errors import KrmError
from krm_desktop.model.retention.purge_due import (
    AutoPurge,
    auto_purge_message,
    auto_purge_ran,
    overdue_count,
    run_auto_purge,
)
from krm_desktop.model.retention.purge_log import purge_reminder
from krm_desktop.ui.context import WindowContext
from krm_desktop.ui.database.start_check import StartCheck

MESSAGE_MS = 30_000
NOTICE_STYLE = "#purge_due { background: #fdebd3; border: 1px solid #b35c00; } #purge_due QLabel { color: #000000; }"
FAILED = (
    "Die automatische Löschung ist fehlgeschlagen: {message} Die Datenbank ist unverändert; beim nächsten "
    "Programmstart wird es erneut versucht. Sie können auch den Löschassistenten verwenden (Extras → Jährliche "
    "Löschung)."
)


@dataclass(frozen=True)
class Finding:
    """What the thread found: the automatic purge's outcome (None: not run; a str: why it failed) and the
    reminder for what is still due (None: nothing)."""

    purge: AutoPurge | str | None
    reminder: str | None
    count: int  # cases past their retention date; -1 when they could not be counted


class PurgeDueNotice(QObject):
    """`finished` carries the Finding (in the GUI thread); `finding` holds it once the thread is through."""

    finished = Signal(object)

    def __init__(self, context: WindowContext, window: QWidget, open_wizard: Callable[[], None]) -> None:
        super().__init__(context)
        self.context = context
        self.window = window
        self.finding: Finding | None = None  # set in the GUI thread once the line shows it
        self.running = False
        self.frame = QFrame()
        self.frame.setObjectName("purge_due")
        self.frame.setStyleSheet(NOTICE_STYLE)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName("Hinweis: Löschung fällig")
        self.button = QPushButton("&Löschassistent öffnen …")
        self.button.clicked.connect(open_wizard)
        row = QHBoxLayout(self.frame)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.frame.setVisible(False)
        self.finished.connect(self._show)
        context.data_changed.connect(self._recount)

    def start_after(self, check: StartCheck | None) -> None:
        """Start once the start check (and the day's backup behind it) is through; at once without a check."""
        if check is None:
            self.start()
        elif check.is_judged:
            self._after_backup(check)
        else:
            # Both run in the GUI thread (the check's verdict is acted on there): no emission can come in between.
            check.judged.connect(lambda: self._after_backup(check))

    def _after_backup(self, check: StartCheck) -> None:
        runner = check.daily_backup
        if runner is None:  # a damaged file: nothing is written or counted; its dialog says what to do
            return
        runner.done.connect(lambda _result: self.start())
        if runner.result is not None:  # through before the connection (set before `done` is emitted)
            self.start()

    def start(self) -> None:
        """Once: count (and purge where the profile says so) in a thread of its own."""
        if self.running:
            return
        self.running = True
        threading.Thread(target=self._run, name="Löschung fällig", daemon=True).start()

    def _run(self, *, purge: bool = True) -> None:
        context = self.context
        store, today, profile = context.store, context.today, context.profile
        done: AutoPurge | str | None = None
        reminder: str | None = None
        count = -1  # not counted (a busy database): the next start counts again
        try:
            if purge and profile.auto_purge and not context.read_only and not auto_purge_ran(today):
                try:
                    done = run_auto_purge(store, today, context.user, profile)
                except KrmError as exc:
                    done = exc.message
                except Exception as exc:  # the database's own error: rolled back, said, never a crash
                    done = str(exc)
            count = overdue_count(today, profile.retention, profile.code)
            reminder = purge_reminder(count)
        except Exception:  # the count is a hint: without it the start goes on, the next start counts again
            reminder = None
        finally:
            if not store.db.is_closed():
                store.db.close()  # this thread's connection (peewee keeps one per thread)
        self.finished.emit(Finding(done, reminder, count))

    def _recount(self) -> None:
        """After a purge in the wizard (or any change) while the line is shown: count again, purge no more."""
        if self.frame.isVisible():
            threading.Thread(target=self._run, kwargs={"purge": False}, name="Löschung fällig", daemon=True).start()

    def _show(self, finding: Finding) -> None:
        context = self.context
        if isinstance(finding.purge, AutoPurge):  # (a failure: below)
            context.status_message.emit(auto_purge_message(finding.purge), MESSAGE_MS)
            if finding.purge.result is not None:
                context.data_changed.emit()
        failed = ""
        if isinstance(finding.purge, str):
            text = failed = FAILED.format(message=finding.purge.rstrip(".") + ".")
            context.status_message.emit(text, 0)
            box = QMessageBox(QMessageBox.Icon.Warning, "Automatische Löschung fehlgeschlagen", text)
            box.setObjectName("auto_purge_failed")
            box.setParent(self.window, box.windowFlags())
            box.setWindowModality(Qt.WindowModality.WindowModal)
            box.open()
        lines = [line for line in (failed, finding.reminder) if line]
        self.label.setText("\n".join(lines))
        self.frame.setVisible(bool(lines))
        self.button.setEnabled(not context.read_only)
        self.finding = finding


def install_purge_notice(
    context: WindowContext, window: QWidget, layout: QBoxLayout, index: int, open_wizard: Callable[[], None]
) -> PurgeDueNotice:
    """Put the (hidden) line into `layout` at `index`; the caller starts the count once the start check is done."""
    notice = PurgeDueNotice(context, window, open_wizard)
    layout.insertWidget(index, notice.frame)
    return notice
