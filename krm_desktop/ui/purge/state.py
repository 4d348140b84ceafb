"""What the purge wizard's pages share: the store, the day, the rules, and what each step leaves for the next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.model.retention.purge import PurgeResult
from krm_desktop.model.retention.purge_plan import PurgePlan
from krm_desktop.model.retention.rules import Rule
from krm_desktop.model.store.connection import Store


@dataclass
class PurgeState:
    store: Store
    today: date
    user: str
    profile: OfficeProfile
    rules: tuple[Rule, ...]
    as_of: date  # chosen on the intro page
    plan: PurgePlan | None = None
    backup: Path | None = None  # the verified copy made before the run (None on a server database)
    purge_result: PurgeResult | None = None
    busy: bool = False

    @property
    def preview_only(self) -> bool:
        return self.as_of > self.today

    def default_folder(self) -> Path:
        return self.store.path.parent if self.store.path else Path.home()


def set_busy(wizard: QWizard, state: PurgeState, busy: bool) -> None:
    """While the database works: no cancelling (going back ends at the confirmation, a commit page)."""
    state.busy = busy
    wizard.button(QWizard.WizardButton.CancelButton).setEnabled(not busy)
    if busy:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    else:
        QApplication.restoreOverrideCursor()
