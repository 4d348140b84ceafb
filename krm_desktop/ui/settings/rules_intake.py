"""The intake settings of the page „Fristen und Regeln“: which matters the intake routes out of the KRM."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from krm_desktop.model.office.profile_checks import DAB_OUTSIDE_KRM
from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.ui.widgets.fields import FieldErrors, hint

DAB_OUTSIDE_LABEL = "&Dienstaufsichtsbeschwerden außerhalb des KRM bearbeiten"
DAB_OUTSIDE_HINT = (
    "Mit Haken fragt die Eingangsprüfung, ob eine Dienstaufsichtsbeschwerde vorliegt, und leitet sie mit einem "
    "Vermerk an die Dienstvorgesetzten bzw. die Personalstelle weiter, ohne einen Fall anzulegen. Ohne Haken wird "
    "sie als Kundenreaktion erfasst; die Geschäftsführung entscheidet."
)
DAB_GF_HINT = (
    "Eine Dienstaufsichtsbeschwerde gegen die Geschäftsführung selbst leitet die Eingangsprüfung immer an deren "
    "Dienstvorgesetzte weiter, unabhängig von dieser Einstellung."
)


class IntakeRules(QWidget):
    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dab_outside = QCheckBox(DAB_OUTSIDE_LABEL)
        self.dab_outside.setAccessibleName(DAB_OUTSIDE_LABEL.replace("&", ""))
        box = QGroupBox("Dienstaufsicht")
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.dab_outside)
        box_layout.addWidget(errors.add(DAB_OUTSIDE_KRM, self.dab_outside))
        box_layout.addWidget(hint(DAB_OUTSIDE_HINT))
        box_layout.addWidget(hint(DAB_GF_HINT))
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addStretch(1)

    def show_profile(self, profile: OfficeProfile) -> None:
        self.dab_outside.setChecked(profile.dab_outside_krm)

    def data(self) -> dict[str, Any]:
        return {DAB_OUTSIDE_KRM: self.dab_outside.isChecked()}

    def state(self) -> tuple[bool]:
        return (self.dab_outside.isChecked(),)

    def set_editable(self, editable: bool) -> None:
        self.dab_outside.setEnabled(editable)
