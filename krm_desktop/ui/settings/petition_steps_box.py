"""Einstellungen › Fristen und Regeln: the petition steps of the office's instruction (Pankow, Konzept 4.5) — the
KRM's formal check of a Stellungnahme before the GF signs, and the agreement with the Agentur für Arbeit and the
Regionaldirektion where the BA is responsible under § 44b Abs. 3 SGB II. The profile's `statement_check_by_krm`
and `ba_agreement_step`."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from krm_desktop.model.office.profile_checks import BA_AGREEMENT_STEP, STATEMENT_CHECK_BY_KRM
from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.ui.widgets.fields import FieldErrors, hint

CHECK_TEXT = (
    "Vor der Schlusszeichnung durch die Geschäftsführung prüft das KRM die Stellungnahme in formeller Hinsicht "
    "(Form, Verständlichkeit, Vollständigkeit, Plausibilität). Erfasst wird „geprüft am … von …“ (Vorgang › "
    "„Stellungnahme geprüft“); vorher lassen sich Antwort und Abschluss nicht erfassen."
)
BA_TEXT = (
    "Ist die BA nach § 44b Abs. 3 SGB II zuständig (im Fall anzukreuzen), stimmt das KRM die Stellungnahme vorher "
    "mit der Agentur für Arbeit und der Regionaldirektion ab. Erst danach gehen die unterschriebenen Originale "
    "hinaus: Antwort und Abschluss setzen „abgestimmt am …“ voraus (Vorgang › „Abgestimmt mit AA und RD“)."
)


class PetitionStepsBox(QWidget):
    """Two yes/no settings with what each one means."""

    def __init__(self, errors: FieldErrors) -> None:
        super().__init__()
        box = QGroupBox("Schritte bei Petitionen und Eingaben")
        self.statement_check = QCheckBox("Das &KRM prüft jede Stellungnahme, bevor die Geschäftsführung zeichnet")
        self.ba_agreement = QCheckBox(
            "Bei Zuständigkeit der BA (§ 44b Abs. 3 SGB II): Abstimmung mit &Agentur für Arbeit und Regionaldirektion"
        )
        inner = QVBoxLayout(box)
        inner.addWidget(self.statement_check)
        inner.addWidget(hint(CHECK_TEXT))
        inner.addWidget(errors.add(STATEMENT_CHECK_BY_KRM, self.statement_check))
        inner.addSpacing(6)
        inner.addWidget(self.ba_agreement)
        inner.addWidget(hint(BA_TEXT))
        inner.addWidget(errors.add(BA_AGREEMENT_STEP, self.ba_agreement))
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addStretch(1)

    def show_profile(self, profile: OfficeProfile) -> None:
        self.statement_check.setChecked(profile.statement_check_by_krm)
        self.ba_agreement.setChecked(profile.ba_agreement_step)

    def data(self) -> dict[str, bool]:
        return {
            STATEMENT_CHECK_BY_KRM: self.statement_check.isChecked(),
            BA_AGREEMENT_STEP: self.ba_agreement.isChecked(),
        }

    def state(self) -> tuple[bool, ...]:
        return tuple(self.data().values())

    def set_editable(self, editable: bool) -> None:
        self.statement_check.setEnabled(editable)
        self.ba_agreement.setEnabled(editable)
