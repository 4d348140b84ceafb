"""The annual purge wizard (Löschassistent): rules, preview, backup, confirmation, run, aftermath.

Pages as issue 6 lists them (preview_pages.py: 1-2, run_pages.py: 3-6). Nothing changes before the run page;
the run is one transaction (rolled back on any error, and the user is told); afterwards VACUUM, removal of
backups past their retention and the Löschprotokoll, which can be saved as PDF or opened for printing. A
later as-of date gives a preview only: cases are purged on or after their due day, never before.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal as QtSignal
from PySide6.QtWidgets import QWidget, QWizard

from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.retention.rules import rules_of
from krm_desktop.model.store.connection import Store
from krm_desktop.ui.purge.preview_pages import AFTER, BACKUP, CONFIRM, INTRO, PREVIEW, RUN, IntroPage, PreviewPage
from krm_desktop.ui.purge.run_pages import AfterPage, BackupPage, ConfirmPage, RunPage
from krm_desktop.ui.purge.state import PurgeState
from krm_desktop.ui.widgets.screen_fit import fit_on_screen

__all__ = ["AFTER", "BACKUP", "CONFIRM", "INTRO", "PREVIEW", "RUN", "PurgeWizard"]


class PurgeWizard(QWizard):
    """Löschassistent. `purged(log_id)` is emitted when a purge ran and its aftermath is done."""

    purged = QtSignal(int)

    def __init__(self, store: Store, today: date, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        profile = load_profile()
        self.state = PurgeState(store, today, user, profile, rules_of(profile.retention), as_of=today)
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
        self.intro = IntroPage(self.state)
        self.preview = PreviewPage(self.state)
        self.backup_page = BackupPage(self.state)
        self.confirm = ConfirmPage(self.state)
        self.run_page = RunPage(self.state)
        self.after = AfterPage(self.state)
        self.after.purge_done.connect(self.purged.emit)
        for page_id, page in enumerate(
            (self.intro, self.preview, self.backup_page, self.confirm, self.run_page, self.after)
        ):
            self.setPage(page_id, page)
        fit_on_screen(self, 820, 620)

    def reject(self) -> None:
        if self.state.busy or (self.state.purge_result is not None and not self.after.finished):
            return  # the purge ran: the aftermath (VACUUM, backups, log) must finish first
        super().reject()
