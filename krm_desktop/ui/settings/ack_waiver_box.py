"""Einstellungen › Fristen und Regeln: for which channels the KRM may decide that no acknowledgement is sent
("Eingangsbestätigung entfällt"; Pankow: e-mails). The profile's `ack_waivable_channels`."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QVBoxLayout

from krm_desktop.model.codes import CHANNELS
from krm_desktop.model.office.profiles import ACK_CHANNELS, OfficeProfile
from krm_desktop.ui.widgets.fields import FieldErrors, hint

KEY = "ack_waivable_channels"
EXPLANATION = (
    "Bei diesen Eingangswegen darf das KRM entscheiden, dass keine Eingangsbestätigung versandt wird "
    "(Vorgang › „Eingangsbestätigung entfällt“, mit Begründung). Die Frist der Eingangsbestätigung endet dann; "
    "die Berichte zählen solche Fälle gesondert, weder als fristgerecht noch als verspätet."
)


class AckWaiverBox(QGroupBox):
    """One check box per channel that can start the acknowledgement clock."""

    def __init__(self, errors: FieldErrors) -> None:
        super().__init__("Eingangsbestätigung entfällt (Entscheidung des KRM)")
        self.checks = {code: QCheckBox(CHANNELS[code]) for code in ACK_CHANNELS}
        row = QHBoxLayout()
        for code, check in self.checks.items():
            check.setAccessibleName(f"Eingangsbestätigung kann entfallen bei {CHANNELS[code]}")
            row.addWidget(check)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint(EXPLANATION))
        layout.addLayout(row)
        layout.addWidget(errors.add(KEY, next(iter(self.checks.values()))))

    def show_profile(self, profile: OfficeProfile) -> None:
        for code, check in self.checks.items():
            check.setChecked(code in profile.ack_waivable_channels)

    def channels(self) -> list[str]:
        return [code for code, check in self.checks.items() if check.isChecked()]

    def state(self) -> tuple[bool, ...]:
        return tuple(check.isChecked() for check in self.checks.values())

    def set_editable(self, editable: bool) -> None:
        for check in self.checks.values():
            check.setEnabled(editable)
