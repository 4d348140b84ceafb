"""The Anliegen of a case: the first is the case's kind, up to two more (as the BA's KRM database allows),
each with its kind; an outcome recorded on closing is kept while the kind stays."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from krm_desktop.model.cases.intake import MAX_CONCERNS, ConcernInput
from krm_desktop.model.cases.stored_case import StoredConcern
from krm_desktop.model.codes import KINDS, OUTCOMES, label
from krm_desktop.ui.widgets.fields import CodeBox, FieldErrors

FURTHER_KINDS = ("beschwerde", "fachaufsichtsbeschwerde", "dienstaufsichtsbeschwerde", "lob", "idee")
NONE_TEXT = "— kein weiteres Anliegen —"


class ConcernsEditor(QWidget):
    edited = Signal()

    def __init__(self, kind: str, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.outcomes: dict[int, tuple[str, str | None]] = {}  # position -> (kind, outcome) as loaded
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.first = QLabel(f"{label(KINDS, kind)} (Anliegensart des Falls)")
        self.first.setAccessibleName("Anliegen 1")
        self.first_outcome = QLabel()
        grid.addWidget(QLabel("1."), 0, 0)
        grid.addWidget(self.first, 0, 1)
        grid.addWidget(self.first_outcome, 0, 2)
        grid.addWidget(errors.add("concerns.1", None), 1, 1, 1, 2)
        self.boxes: list[CodeBox] = []
        self.outcome_labels: list[QLabel] = []
        for position in range(2, MAX_CONCERNS + 1):
            box = CodeBox(f"Anliegen {position}", [(None, NONE_TEXT), *((k, KINDS[k]) for k in FURTHER_KINDS)])
            box.currentIndexChanged.connect(lambda _i: self._changed())
            outcome = QLabel()
            row = 2 * position - 2
            grid.addWidget(QLabel(f"{position}."), row, 0)
            grid.addWidget(box, row, 1)
            grid.addWidget(outcome, row, 2)
            grid.addWidget(errors.add(f"concerns.{position}", box), row + 1, 1, 1, 2)
            self.boxes.append(box)
            self.outcome_labels.append(outcome)
        grid.setColumnStretch(1, 1)
        self._changed()

    def _changed(self) -> None:
        # A third concern only after a second one.
        for index, box in enumerate(self.boxes[1:], start=1):
            before = self.boxes[index - 1].code()
            box.setEnabled(before is not None)
            if before is None and box.code() is not None:
                box.set_code(None)
        for index, box in enumerate(self.boxes, start=2):
            self.outcome_labels[index - 2].setText(self._outcome_text(index, box.code()))
        self.edited.emit()

    def _outcome_text(self, position: int, kind: str | None) -> str:
        loaded = self.outcomes.get(position)
        if loaded and loaded[0] == kind and loaded[1]:
            return f"Ergebnis: {label(OUTCOMES, loaded[1])}"
        return ""

    def concerns(self) -> list[ConcernInput]:
        kinds = [self.kind, *(box.code() for box in self.boxes if box.code() is not None)]
        result = []
        for position, kind in enumerate(kinds, start=1):
            loaded = self.outcomes.get(position)
            outcome = loaded[1] if loaded and loaded[0] == kind else None
            result.append(ConcernInput(kind, outcome))
        return result

    def load(self, concerns: Sequence[StoredConcern]) -> None:
        self.outcomes = {c.position: (c.kind, c.outcome) for c in concerns}
        for box in self.boxes:
            box.set_code(None)
        for concern in concerns:
            if 2 <= concern.position <= MAX_CONCERNS:
                box = self.boxes[concern.position - 2]
                if box.findData(concern.kind) < 0:  # e.g. imported: keep it rather than lose it
                    box.addItem(label(KINDS, concern.kind), concern.kind)
                box.set_code(concern.kind)
        self.first_outcome.setText(self._outcome_text(1, self.kind))
        self._changed()

    def raw(self) -> dict[str, str]:
        return {f"concerns.{i}": box.currentText() for i, box in enumerate(self.boxes, start=2)}

    def typed_lines(self) -> list[str]:
        return [
            f"Anliegen {i}: {box.currentText()}" for i, box in enumerate(self.boxes, start=2) if box.code() is not None
        ]
