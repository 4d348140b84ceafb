"""The annual purge wizard (Löschassistent): rules, preview, backup, confirmation, run, aftermath.

Pages as issue 6 lists them (preview_pages.py: 1-2, run_pages.py: 3-6). Nothing changes before the run page;
the run is one transaction (rolled back on any error, and the user is told); afterwards VACUUM, removal of
backups past their retention and the Löschprotokoll, which can be saved as PDF or opened for printing. A
later as-of date gives a preview only: cases are purged on or after their due day, never before.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget, QWizard

from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.retention.purge import PurgeResult
from krm_desktop.model.retention.purge_plan import PurgePlan
from krm_desktop.model.retention.rules import rules_of
from krm_desktop.model.store.connection import Store
from krm_desktop.ui.purge.preview_pages import AFTER, BACKUP, CONFIRM, INTRO, PREVIEW, RUN, IntroPage, PreviewPage
from krm_desktop.ui.purge.run_pages import AfterPage, BackupPage, ConfirmPage, RunPage

__all__ = ["AFTER", "BACKUP", "CONFIRM", "INTRO", "PREVIEW", "RUN", "PurgeWizard"]


class PurgeWizard(QWizard):
    """Löschassistent. `purged(log_id)` is emitted when a purge ran and its aftermath is done."""

    purged = QtSignal(int)

    def __init__(self, store: Store, today: date, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.today, self.user = store, today, user
        self.profile = load_profile()
        self.rules = rules_of(self.profile.retention)
        self.busy = False
        self.as_of = today
        self.plan: PurgePlan | None = None
        self.backup: Path | None = None
        self.purge_result: PurgeResult | None = None
        self.setWindowTitle("Jährliche Löschung – Löschassistent")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        for button, text in (
            (QWizard.WizardButton.NextButton, "&Weiter >"),
            (QWizard.WizardButton.BackButton, "< &Zurück"),
            (QWizard.WizardButton.CancelButton, "Abbrechen"),
            (QWizard.WizardButton.FinishButton, "&Fertig"),
        ):
            self.setButtonText(button, text)
        self.intro = IntroPage(self)
        self.preview = PreviewPage(self)
        self.backup_page = BackupPage(self)
        self.confirm = ConfirmPage()
        self.run_page = RunPage()
        self.after = AfterPage()
        for page_id, page in enumerate(
            (self.intro, self.preview, self.backup_page, self.confirm, self.run_page, self.after)
        ):
            self.setPage(page_id, page)
        self.resize(820, 620)

    @property
    def preview_only(self) -> bool:
        return self.as_of > self.today

    def default_folder(self) -> Path:
        return self.store.path.parent if self.store.path else Path.home()

    def set_busy(self, busy: bool) -> None:
        """While the database works: no cancelling (going back ends at the confirmation, a commit page)."""
        self.busy = busy
        self.button(QWizard.WizardButton.CancelButton).setEnabled(not busy)
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QApplication.restoreOverrideCursor()

    def tell(self, title: str, text: str) -> None:
        """A window-modal message that does not block the caller (tests read it from the wizard)."""
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("purge_error")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()

    def reject(self) -> None:
        if self.busy or (self.purge_result is not None and not self.after.finished):
            return  # the purge ran: the aftermath (VACUUM, backups, log) must finish first
        super().reject()
