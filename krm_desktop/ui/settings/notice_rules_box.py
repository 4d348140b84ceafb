"""Einstellungen › Fristen und Regeln › Zur Kenntnis: whom the program proposes to inform of a case (the profile's
`notice_rules`: the employees concerned, the manager of an answer GF or KRM signed, the KRM for each answer, the
LGF by Bereich, a Meinungskarte's team lead) and whether cases can be marked "vorlagepflichtig" (Pankow's
Anlage 2, `gf_required_mark`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from krm_desktop.model.office.notice_rules import GF_REQUIRED_MARK, NOTICE_RULES, NOTICE_RULES_KEY
from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.ui.widgets.fields import FieldErrors, hint

RULES_TEXT = (
    "Die angekreuzten Regeln schlagen im Vorgang „Zur Kenntnis geben“ Personen vor; erfasst wird erst, was Sie dort "
    "bestätigen. Welche Bereiche die LGF in cc erhalten, steht unter Einstellungen › Teams."
)
MARK_TEXT = (
    "Fälle der Anlage 2 (vorlagepflichtige Fälle) gehen der Geschäftsführung zur Entscheidung zu: die Markierung "
    "startet die Frist „Vorlage an GF“ (derselbe Arbeitstag); „Vorgelegt an GF“ beendet sie."
)


class NoticeRulesBox(QWidget):
    """One check box per rule, and the vorlagepflichtig mark."""

    def __init__(self, errors: FieldErrors) -> None:
        super().__init__()
        rules_box = QGroupBox("Zur Kenntnis: wen das Programm vorschlägt")
        inner = QVBoxLayout(rules_box)
        self.rules = {code: QCheckBox(text) for code, text in NOTICE_RULES.items()}
        for code, check in self.rules.items():
            check.setAccessibleName(f"Regel: {NOTICE_RULES[code]}")
            inner.addWidget(check)
        inner.addWidget(hint(RULES_TEXT))
        inner.addWidget(errors.add(NOTICE_RULES_KEY, next(iter(self.rules.values()))))
        mark_box = QGroupBox("Vorlagepflichtige Fälle")
        self.mark = QCheckBox("Fälle lassen sich als „&vorlagepflichtig“ markieren (Anlage 2)")
        mark_layout = QVBoxLayout(mark_box)
        mark_layout.addWidget(self.mark)
        mark_layout.addWidget(hint(MARK_TEXT))
        mark_layout.addWidget(errors.add(GF_REQUIRED_MARK, self.mark))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(rules_box)
        layout.addWidget(mark_box)
        layout.addStretch(1)

    def show_profile(self, profile: OfficeProfile) -> None:
        for code, check in self.rules.items():
            check.setChecked(code in profile.notice_rules)
        self.mark.setChecked(profile.gf_required_mark)

    def data(self) -> dict[str, Any]:
        return {
            NOTICE_RULES_KEY: [code for code, check in self.rules.items() if check.isChecked()],
            GF_REQUIRED_MARK: self.mark.isChecked(),
        }

    def state(self) -> tuple[object, ...]:
        return (tuple(check.isChecked() for check in self.rules.values()), self.mark.isChecked())

    def set_editable(self, editable: bool) -> None:
        for check in (*self.rules.values(), self.mark):
            check.setEnabled(editable)
