"""The intake's question for oral reactions: one settled on the spot is not recorded (every office's instruction
says so), so the intake asks whether it was, says so, and ends without storing anything."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.cases.intake import ORAL_QUESTION, SETTLED_OUTCOME, SETTLED_QUESTION, SETTLED_RULE
from krm_desktop.ui.widgets.fields import WARNING_STYLE, hint


class OralQuestion(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.oral = QCheckBox(ORAL_QUESTION)
        self.oral.setAccessibleName(ORAL_QUESTION)
        self.rule = hint(SETTLED_RULE)
        self.question = QLabel(SETTLED_QUESTION)
        self.question.setWordWrap(True)
        self.yes = QRadioButton("&Ja, sofort geklärt")
        self.no = QRadioButton("N&ein, es braucht weitere Bearbeitung")
        for button in (self.yes, self.no):
            button.setAccessibleName(f"{SETTLED_QUESTION} {button.text().replace('&', '')}")
        self.answers = QButtonGroup(self)
        self.answers.addButton(self.yes)
        self.answers.addButton(self.no)
        self.outcome = QLabel(SETTLED_OUTCOME)
        self.outcome.setWordWrap(True)
        self.outcome.setStyleSheet(WARNING_STYLE)
        self.outcome.setAccessibleName("Nicht erfassen: sofort geklärt")
        self.end_button = QPushButton("Eingabe &beenden – nichts erfassen")
        self.end_button.setAutoDefault(False)

        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(24, 0, 0, 0)
        details.addWidget(self.rule)
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.question, 1)
        answer_row.addWidget(self.yes)
        answer_row.addWidget(self.no)
        details.addLayout(answer_row)
        end_row = QHBoxLayout()
        end_row.addWidget(self.outcome, 1)
        end_row.addWidget(self.end_button)
        details.addLayout(end_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.oral)
        layout.addWidget(self.details)

        self.oral.toggled.connect(lambda _on: self._update())
        self.answers.buttonToggled.connect(lambda _button, _on: self._update())
        self._update()

    def settled(self) -> bool:
        """An oral reaction settled on the spot: nothing is to be recorded."""
        return self.oral.isChecked() and self.yes.isChecked()

    def answer(self) -> bool | None:
        """Ja / Nein to „sofort abschließend geklärt?“; None while unanswered."""
        return True if self.yes.isChecked() else False if self.no.isChecked() else None

    def state(self) -> tuple[bool, bool, bool]:
        return self.oral.isChecked(), self.yes.isChecked(), self.no.isChecked()

    def _update(self) -> None:
        self.details.setVisible(self.oral.isChecked())
        settled = self.settled()
        self.outcome.setVisible(settled)
        self.end_button.setVisible(settled)
        self.changed.emit()
