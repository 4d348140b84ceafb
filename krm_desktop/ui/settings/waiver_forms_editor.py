"""Part of the page „Fristen und Regeln“: per kind, whether and how a customer may waive a written answer —
not at all, by a Vermerk of the conversation, or by a declaration signed on blank paper."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QVBoxLayout, QWidget

from krm_desktop.model.codes import KINDS, label
from krm_desktop.model.office.profile_rules import RULE_KINDS, WAIVER_FORMS
from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.ui.widgets.fields import FieldErrors, add_row, hint

EXPLANATION = (
    "Wurde die Sache telefonisch oder persönlich geklärt, kann die Kundin/der Kunde auf eine schriftliche Antwort "
    "verzichten. Je Anliegensart: ob das vorgesehen ist und in welcher Form es festgehalten wird – als kurzer "
    "Vermerk über das Gespräch oder als Erklärung, die die Kundin/der Kunde auf Blanko-Papier unterschreibt (der "
    "Verzicht wird dann erst erfasst, wenn sie unterschrieben vorliegt). Bei „kein Verzicht“ bietet das Programm "
    "die Aktion nicht an."
)


class WaiverFormsEditor(QWidget):
    """One choice per kind; keys `waiver_forms.<kind>` for the model's messages."""

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QComboBox] = {}
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        for kind in RULE_KINDS:
            box = QComboBox()
            for code, text in WAIVER_FORMS.items():
                box.addItem(text, code)
            box.setAccessibleName(f"Verzicht bei {label(KINDS, kind)}")
            box.setMaximumWidth(360)  # a choice, not a text: it need not span the page
            self.boxes[kind] = box
            add_row(form, errors, f"waiver_forms.{kind}", label(KINDS, kind), box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)  # as the other tabs of the page
        layout.addWidget(hint(EXPLANATION))
        layout.addLayout(form)
        layout.addWidget(errors.add("waiver_forms", None))  # the whole entry, e.g. in a profile file
        layout.addStretch(1)

    def show_profile(self, profile: OfficeProfile) -> None:
        for kind, box in self.boxes.items():
            box.setCurrentIndex(max(box.findData(profile.waiver_form(kind)), 0))

    def data(self) -> dict[str, Any]:
        return {kind: box.currentData() for kind, box in self.boxes.items()}

    def state(self) -> tuple[object, ...]:
        return tuple(box.currentIndex() for box in self.boxes.values())

    def set_editable(self, editable: bool) -> None:
        for box in self.boxes.values():
            box.setEnabled(editable)
