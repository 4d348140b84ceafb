"""The profile's choice between the automatic purge and the annual wizard (issue 19), on the tab „Aufbewahrung und
Berichte“ of the page „Fristen und Regeln“."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from krm_desktop.model.office.profile_checks import AUTO_PURGE
from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.model.retention.purge_due import backup_folder_problem
from krm_desktop.model.store.connection import Store
from krm_desktop.ui.widgets.fields import FieldErrors, hint

AUTO_PURGE_LABEL = "Au&tomatisch löschen, sobald die Aufbewahrungsfrist abgelaufen ist"
AUTO_PURGE_HINT = (
    "Mit Haken löscht das Programm beim ersten Start eines Tages, was nach der Löschregel fällig ist: vorher legt "
    "es eine geprüfte Sicherung an, danach schreibt es das Löschprotokoll; die Statusleiste nennt das Ergebnis. "
    "Ohne Haken zeigt die Startseite, wie viele Kundenreaktionen fällig sind, und die Löschung läuft über den "
    "Löschassistenten (Extras → Jährliche Löschung). Automatisch geht nur bei einer Datenbankdatei mit "
    "beschreibbarem Sicherungsordner."
)


class AutoPurgeSetting(QWidget):
    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.auto_purge = QCheckBox(AUTO_PURGE_LABEL)
        self.auto_purge.setAccessibleName(AUTO_PURGE_LABEL.replace("&", ""))
        box = QGroupBox("Löschung, wenn sie fällig ist")
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.auto_purge)
        box_layout.addWidget(errors.add(AUTO_PURGE, self.auto_purge))
        box_layout.addWidget(hint(AUTO_PURGE_HINT))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)

    def show_profile(self, profile: OfficeProfile) -> None:
        self.auto_purge.setChecked(profile.auto_purge)

    def data(self) -> dict[str, Any]:
        return {AUTO_PURGE: self.auto_purge.isChecked()}

    def state(self) -> tuple[bool]:
        return (self.auto_purge.isChecked(),)

    def set_editable(self, editable: bool) -> None:
        self.auto_purge.setEnabled(editable)

    def refusal(self, profile: OfficeProfile, before: OfficeProfile, store: Store) -> dict[str, str]:
        """Switching the automatic purge on where its verified backup cannot be made is refused (the wizard
        stays); a setting that is on already does not stop other changes from being saved."""
        if not profile.auto_purge or before.auto_purge:
            return {}
        problem = backup_folder_problem(store)
        return {AUTO_PURGE: f"Automatisch löschen lässt sich hier nicht einschalten. {problem}"} if problem else {}
