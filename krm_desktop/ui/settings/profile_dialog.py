"""First start of a new database: choose the office profile."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.errors import KrmError, ValidationError
from krm_desktop.model.office.new_office import initialise_office
from krm_desktop.model.office.profiles import BUNDESLAND_NAMES, PRESETS, OfficeProfile
from krm_desktop.ui.widgets.fields import ERROR_STYLE, accept_cancel


def describe(profile: OfficeProfile) -> str:
    return (
        f"Bundesland: {BUNDESLAND_NAMES.get(profile.bundesland, profile.bundesland)}\n"
        f"Eingangsbestätigung: {profile.ack.describe()} ({profile.default_rule().describe_channels()})\n"
        f"Abschließende Antwort: {profile.final.describe()}\n"
        f"Löschung: {profile.retention.describe()}\n"
        f"Schließtage: {profile.closing_days_text()}"
    )


class ProfileDialog(QDialog):
    """Asks which office this database belongs to; every value can be changed later in the settings."""

    def __init__(self, database_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Neue KRM-Datenbank einrichten")
        self.profile: OfficeProfile | None = None
        intro = QLabel(
            f"Die Datenbank <b>{database_label}</b> ist neu. Bitte wählen Sie das Office-Profil Ihrer "
            "Dienststelle. Es legt Fristen, Feiertage und Löschregeln fest; alle Werte lassen sich später "
            "in den Einstellungen anpassen."
        )
        intro.setWordWrap(True)
        self.profile_box = QComboBox()
        self.profile_box.setAccessibleName("Office-Profil")
        for code, profile in PRESETS.items():
            self.profile_box.addItem(profile.label, code)
        self.office_name = QLineEdit()
        self.office_name.setAccessibleName("Name der Dienststelle")
        self.office_name.setPlaceholderText("wie im Briefkopf, z. B. Jobcenter Lübeck")
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow("&Office-Profil:", self.profile_box)
        form.addRow("&Name der Dienststelle:", self.office_name)
        form.addRow("", self.error)
        buttons = accept_cancel(self, "Einrichten")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.profile_box.currentIndexChanged.connect(self._show_details)
        self._show_details()

    def _show_details(self) -> None:
        profile = PRESETS[self.profile_box.currentData()]
        if not self.office_name.isModified():
            self.office_name.setText(profile.label)
        self.details.setText(describe(profile))

    def accept(self) -> None:
        try:
            self.profile = initialise_office(self.profile_box.currentData(), self.office_name.text())
        except ValidationError as exc:
            self.error.setText(next(iter(exc.errors.values())))
            self.error.show()
            self.office_name.setFocus()
            return
        except KrmError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        super().accept()
