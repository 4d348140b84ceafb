"""The full check of the database file, beside the first minutes of work instead of before the first paint.

Before the window opens, `app.open_for_gui` checks what costs milliseconds (the file's kind, application id,
schema version) and runs the full check at once only where the start would write (an older schema to
upgrade). Here, right after the first paint, SQLite's quick_check reads every page in a thread of its own
(about 0.4 s on 100,000 cases; SQLite lets other threads run meanwhile). Saves wait for its verdict
(model.store.write_gate). Sound: the daily backup follows. Damaged: nothing is written any more, the person is told
and offered the newest good backup (the same dialog as before the start).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from krm_desktop.model.store.file_check import LOCKED, RECOVERY, FileCheck, check_database_file
from krm_desktop.model.store.write_gate import gate
from krm_desktop.ui.context import WindowContext
from krm_desktop.ui.database.daily_backup import DailyBackupRunner, start_daily_backup

DAMAGED_SUFFIX = (
    " Bis die Datei ersetzt ist, speichert das Programm nichts mehr in ihr; Sie können weiter lesen. "
    "Eine Sicherung spielen Sie über „Datei → Sicherung wiederherstellen …“ zurück."
)
INCONCLUSIVE = frozenset({LOCKED, RECOVERY})  # another desk holds the file: the open already read it soundly


class StartCheck(QObject):
    """Runs the check of the context's database file; `finished` carries the FileCheck (in the GUI thread). A
    damaged file's dialog opens over `window`. `judged` follows once the verdict is acted on in the GUI thread (the
    day's backup started, or the damaged file's dialog done); `is_judged` says it already happened."""

    finished = Signal(object)
    judged = Signal()

    def __init__(self, context: WindowContext, window: QWidget) -> None:
        super().__init__(context)
        self.context = context
        self.window = window
        self.path = context.store.path
        self.finding: FileCheck | None = None
        self.daily_backup: DailyBackupRunner | None = None  # started once the file is found sound
        self.is_judged = False
        self.worker = threading.Thread(target=self._run, name="Start-Prüfung", daemon=True)
        self.finished.connect(self._verdict)

    def start(self) -> None:
        gate.hold()
        self.worker.start()

    def _run(self) -> None:
        try:
            finding = check_database_file(self.path) if self.path is not None else None
        except Exception as exc:  # never a crash of the check thread: the verdict says what happened
            finding = FileCheck(LOCKED, f"Die Start-Prüfung ließ sich nicht ausführen: {exc}")
        # the gate opens here, not in the GUI thread: a save waiting in the GUI thread would block the verdict
        if _sound(finding):
            gate.release()
        else:
            assert finding is not None
            gate.refuse(finding.message + DAMAGED_SUFFIX)
        self.finished.emit(finding)

    def _verdict(self, finding: FileCheck | None) -> None:
        self.finding = finding
        if _sound(finding):
            self.daily_backup = start_daily_backup(self.context)
        else:
            assert finding is not None
            self.context.status_message.emit(
                "Start-Prüfung: die Datenbank ist beschädigt – es wird nichts gespeichert.", 0
            )
            self._offer_backup(finding)
        self.is_judged = True
        self.judged.emit()

    def _offer_backup(self, finding: FileCheck) -> None:
        from krm_desktop.model.errors import KrmError
        from krm_desktop.model.store.restore import newest_good_backup, restore_backup
        from krm_desktop.ui.database.damaged_dialog import DamagedDialog
        from krm_desktop.ui.database.restore_dialog import adopt_restored

        context = self.context
        if self.path is None:
            return
        backup = newest_good_backup(self.path)
        dialog = DamagedDialog(finding, backup, self.window)
        dialog.exec()
        if dialog.choice != DamagedDialog.RESTORE or backup is None:
            return
        context.store.close()
        try:
            restored = restore_backup(self.path, backup.path, context.today)
        except KrmError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self.window, "Wiederherstellung nicht möglich", exc.message)
            return
        gate.release()
        adopt_restored(context, restored)


def _sound(finding: FileCheck | None) -> bool:
    return finding is None or finding.ok or finding.status in INCONCLUSIVE


def start_check(context: WindowContext, window: QWidget) -> StartCheck | None:
    """For a SQLite file this desk may write to; a server database checks itself, a read-only one is not written."""
    if context.store.path is None or context.read_only:
        return None
    check = StartCheck(context, window)
    check.start()
    return check
