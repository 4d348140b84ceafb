"""Part of the page „Fristen und Regeln“: one choice per kind of reaction, e.g. the form of a waiver or whether a
petitioner is acknowledged. Each setting names its key, its kinds, its choices and its explanation."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QVBoxLayout, QWidget

from krm_desktop.model.codes import KINDS, label
from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.ui.widgets.fields import FieldErrors, add_row, hint


class KindChoices(QWidget):
    """One combo box per kind; the model's messages come by the keys `<key>.<kind>` and `<key>`."""

    key = ""  # the profile's entry
    what = ""  # the boxes' accessible names: "<what> bei <kind>"
    explanation = ""
    box_width = 360  # a choice, not a text: it need not span the page

    def __init__(
        self,
        errors: FieldErrors,
        kinds: Iterable[str],
        choices: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QComboBox] = {}
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        for kind in kinds:
            box = QComboBox()
            for code, text in choices.items():
                box.addItem(text, code)
            box.setAccessibleName(f"{self.what} bei {label(KINDS, kind)}")
            box.setMaximumWidth(self.box_width)
            self.boxes[kind] = box
            add_row(form, errors, f"{self.key}.{kind}", label(KINDS, kind), box)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(hint(self.explanation))
        self.layout_.addLayout(form)
        self.layout_.addWidget(errors.add(self.key, None))  # the whole entry, e.g. in a profile file
        self.layout_.addStretch(1)

    def value_of(self, profile: OfficeProfile, kind: str) -> str:
        raise NotImplementedError

    def show_profile(self, profile: OfficeProfile) -> None:
        for kind, box in self.boxes.items():
            box.setCurrentIndex(max(box.findData(self.value_of(profile, kind)), 0))

    def data(self) -> dict[str, Any]:
        return {kind: box.currentData() for kind, box in self.boxes.items()}

    def state(self) -> tuple[object, ...]:
        return tuple(box.currentIndex() for box in self.boxes.values())

    def set_editable(self, editable: bool) -> None:
        for box in self.boxes.values():
            box.setEnabled(editable)
