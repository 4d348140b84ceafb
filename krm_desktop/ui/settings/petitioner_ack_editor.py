"""Part of the page „Fristen und Regeln“: per petition and Eingabe, whether the petitioner gets an acknowledgement.
The Stellungnahme goes to the requesting body, so no letter promises the petitioner a date; "keine" also runs no
acknowledgement clock for that kind."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QVBoxLayout, QWidget

from krm_desktop.model.codes import KINDS, label
from krm_desktop.model.office.profiles import PETITIONER_ACK_KINDS, PETITIONER_ACKS, OfficeProfile
from krm_desktop.ui.widgets.fields import FieldErrors, add_row, hint

EXPLANATION = (
    "Petitionen und Eingaben beantwortet die Dienststelle gegenüber der Stelle, die die Stellungnahme anfordert; "
    "die Petentin/der Petent erhält die abschließende Antwort von dort. Je Anliegensart: ob sie/er vorab eine "
    "Eingangsbestätigung erhält. Sie nennt kein Datum, sondern sagt, dass die Sache an die einsendende Stelle "
    "beantwortet wird (Textbaustein „Eingangsbestätigung: Text bei Petition oder Eingabe“). Bei „keine“ läuft für "
    "diese Anliegensart keine Frist der Eingangsbestätigung."
)


class PetitionerAckEditor(QWidget):
    """One choice per petition kind; keys `petitioner_ack.<kind>` for the model's messages."""

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QComboBox] = {}
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        for kind in PETITIONER_ACK_KINDS:
            box = QComboBox()
            for code, text in PETITIONER_ACKS.items():
                box.addItem(text, code)
            box.setAccessibleName(f"Eingangsbestätigung bei {label(KINDS, kind)}")
            box.setMaximumWidth(480)
            self.boxes[kind] = box
            add_row(form, errors, f"petitioner_ack.{kind}", label(KINDS, kind), box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint(EXPLANATION))
        layout.addLayout(form)
        layout.addWidget(errors.add("petitioner_ack", None))  # the whole entry, e.g. in a profile file
        layout.addStretch(1)

    def show_profile(self, profile: OfficeProfile) -> None:
        values = dict(profile.petitioner_ack)
        for kind, box in self.boxes.items():
            box.setCurrentIndex(max(box.findData(values.get(kind)), 0))

    def data(self) -> dict[str, Any]:
        return {kind: box.currentData() for kind, box in self.boxes.items()}

    def state(self) -> tuple[object, ...]:
        return tuple(box.currentIndex() for box in self.boxes.values())

    def set_editable(self, editable: bool) -> None:
        for box in self.boxes.values():
            box.setEnabled(editable)
