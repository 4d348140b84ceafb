"""The intake step of a new case: the questions that keep non-KRM matters out, then the received date and the
kind. A non-KRM finding says why and where the matter goes, and records only a routing note (no case).
A letter with a Widerspruch or a data-protection matter that also complains keeps its KRM part: that part goes on
to the form. An oral reaction settled on the spot is not recorded at all: the intake says so and ends."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.cases.entry import record_routing_notes
from krm_desktop.model.cases.intake import (
    DAB_OUTSIDE_TEXT,
    KIND_HINTS,
    MIXED_FINDINGS,
    MIXED_LETTER_NOTE,
    MIXED_LETTER_TEXT,
    intake_errors,
    intake_questions,
    routing_advice,
)
from krm_desktop.model.codes import KINDS
from krm_desktop.model.errors import KrmError, ValidationError
from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.ui.entry.kind_forms import FORM_KINDS
from krm_desktop.ui.entry.oral_question import OralQuestion
from krm_desktop.ui.widgets.fields import (
    REQUIRED_NOTE,
    WARNING_STYLE,
    DateField,
    FieldErrors,
    add_row,
    error_line,
    hint,
)


class IntakePage(QWidget):
    routed = Signal()  # routing notes recorded: there is no case
    blocked = Signal(bool)  # a non-KRM finding (or a reaction settled on the spot) stands in the way of a case
    settled = Signal()  # an oral reaction settled on the spot: nothing is recorded

    def __init__(
        self,
        *,
        today: date,
        user: str,
        profile: OfficeProfile,
        kind: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.today, self.user, self.profile = today, user, profile
        self.general_error = error_line()
        self.errors = FieldErrors(self.general_error)
        self.questions = {code: QCheckBox(text) for code, text in intake_questions(profile).items()}
        check = QGroupBox("1. Ist es eine Kundenreaktion?")
        check_layout = QVBoxLayout(check)
        self.oral = OralQuestion()
        self.oral.changed.connect(self._findings_changed)
        self.oral.end_button.clicked.connect(self.settled.emit)
        check_layout.addWidget(self.oral)
        check_layout.addWidget(self.errors.add("settled", None))
        check_layout.addWidget(hint("Kreuzen Sie an, was zutrifft. Trifft nichts zu, ist es eine Kundenreaktion."))
        for box in self.questions.values():
            box.setAccessibleName(box.text())
            box.toggled.connect(lambda _on: self._findings_changed())
            check_layout.addWidget(box)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setStyleSheet(WARNING_STYLE)
        self.advice.setAccessibleName("Keine Kundenreaktion: Begründung und Weiterleitung")
        self.keeps_krm_part = QCheckBox(MIXED_LETTER_TEXT)
        self.keeps_krm_part.setAccessibleName("Gemischtes Schreiben: enthält daneben eine Kundenreaktion")
        self.mixed_note = hint(MIXED_LETTER_NOTE)
        self.note = QLineEdit()
        self.note.setMaxLength(500)
        self.note.setPlaceholderText("z. B. am 20.11. per Hauspost weitergeleitet (ohne Namen)")
        self.note.setAccessibleName("Vermerk zur Weiterleitung")
        self.route_button = QPushButton("Weiterleitung &vermerken – keine Kundenreaktion")
        self.route_button.setAutoDefault(False)
        self.route_button.clicked.connect(self.record_routing)
        self.finding = QWidget()
        finding_layout = QVBoxLayout(self.finding)
        finding_layout.setContentsMargins(0, 0, 0, 0)
        finding_layout.addWidget(self.advice)
        finding_layout.addWidget(self.keeps_krm_part)
        finding_layout.addWidget(self.mixed_note)
        finding_form = QFormLayout()
        add_row(finding_form, self.errors, "note", "Vermerk (ohne Personendaten)", self.note)
        finding_form.addRow("", self.route_button)
        finding_layout.addLayout(finding_form)
        check_layout.addWidget(self.finding)
        check_layout.addWidget(self.errors.add("not_krm", None))

        self.received = DateField("Eingangsdatum", today)
        self.kinds = QButtonGroup(self)
        grid = QGridLayout()
        self.kind_buttons: dict[str, QRadioButton] = {}
        for index, code in enumerate(FORM_KINDS):
            button = QRadioButton(KINDS[code])
            button.setAccessibleName(f"Anliegensart {KINDS[code]}")
            button.setToolTip(KIND_HINTS[code])
            self.kinds.addButton(button, index)
            self.kind_buttons[code] = button
            grid.addWidget(button, 2 * (index // 2), index % 2)
            grid.addWidget(hint(KIND_HINTS[code]), 2 * (index // 2) + 1, index % 2)
        self.dab_outside = profile.dab_outside_krm and "dienstaufsichtsbeschwerde" in self.kind_buttons
        if self.dab_outside:
            self.kind_buttons["dienstaufsichtsbeschwerde"].setToolTip(DAB_OUTSIDE_TEXT)
        if kind in self.kind_buttons and not (self.dab_outside and kind == "dienstaufsichtsbeschwerde"):
            self.kind_buttons[kind].setChecked(True)
        self.kinds.buttonToggled.connect(lambda _b, _on: self.errors.clear("kind"))
        self.second = second = QGroupBox("2. Eingang und Anliegensart")
        second_form = QFormLayout(second)
        add_row(second_form, self.errors, "received", "Eingangsdatum", self.received, required=True)
        kind_holder = QVBoxLayout()
        kind_holder.addLayout(grid)
        self.cards_button = QPushButton("&Meinungskarten im Stapel erfassen …")
        self.cards_button.setAutoDefault(False)
        self.cards_button.setToolTip("Anonyme Meinungskarten werden Karte für Karte in der Stapelerfassung erfasst.")
        kind_holder.addWidget(self.cards_button, 0, Qt.AlignmentFlag.AlignLeft)
        first_button = next(iter(self.kind_buttons.values()))
        add_row(second_form, self.errors, "kind", "Anliegensart", kind_holder, required=True, focus=first_button)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(QLabel("<h2 style='margin:0'>Neue Kundenreaktion: Eingangsprüfung</h2>"))
        layout.addWidget(hint(REQUIRED_NOTE))
        layout.addWidget(check)
        layout.addWidget(second)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        # With every question open the step is taller than a 1366×768 screen allows: it scrolls then.
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.keeps_krm_part.toggled.connect(lambda _on: self._findings_changed())
        self._findings_changed()

    # --- the questions -------------------------------------------------------------------------------------

    def findings(self) -> list[str]:
        return [code for code, box in self.questions.items() if box.isChecked()]

    def mixed(self) -> bool:
        """Only findings after which the letter keeps its KRM part, and the user says it has one."""
        found = self.findings()
        return bool(found) and set(found) <= MIXED_FINDINGS and self.keeps_krm_part.isChecked()

    def _findings_changed(self) -> None:
        found = self.findings()
        self.errors.clear("not_krm")
        self.errors.clear("settled")
        settled = self.oral.settled()
        self.finding.setVisible(bool(found) and not settled)
        mixable = bool(found) and set(found) <= MIXED_FINDINGS
        self.keeps_krm_part.setVisible(mixable)
        self.mixed_note.setVisible(mixable and "widerspruch" in found)
        self.advice.setText("\n\n".join(routing_advice(code) for code in found))
        self.route_button.setEnabled(bool(found) and not self.mixed())
        blocked = settled or (bool(found) and not self.mixed())
        for code, button in self.kind_buttons.items():
            button.setEnabled(not blocked and not (self.dab_outside and code == "dienstaufsichtsbeschwerde"))
        self.blocked.emit(blocked)
        if hasattr(self, "scroll"):  # what the answer asks for next comes into view on a small screen
            shown = self.oral.end_button if settled else self.route_button if self.finding.isVisible() else None
            if shown is not None:  # once the layouts have placed it
                QTimer.singleShot(0, lambda: self.scroll.ensureWidgetVisible(shown))

    # --- moving on -----------------------------------------------------------------------------------------

    def kind(self) -> str | None:
        checked = self.kinds.checkedButton()
        return next((code for code, button in self.kind_buttons.items() if button is checked), None)

    def set_kind(self, kind: str) -> None:
        if kind in self.kind_buttons and not (self.dab_outside and kind == "dienstaufsichtsbeschwerde"):
            self.kind_buttons[kind].setChecked(True)

    def ready(self) -> bool:
        """Shows every problem of the intake step; True when the form of the chosen kind may follow."""
        received, problem = self.received.parsed()
        errors = intake_errors(
            self.findings(),
            self.kind(),
            received,
            self.today,
            keeps_krm_part=self.mixed(),
            dab_outside_krm=self.profile.dab_outside_krm,
            oral=self.oral.oral.isChecked(),
            settled_at_once=self.oral.answer(),
        )
        if problem:
            errors["received"] = problem
        self.errors.show(errors)
        return not errors

    def record_routing(self) -> bool:
        """Record a routing note per finding (no case); True when stored."""
        received, problem = self.received.parsed()
        if problem or received is None:
            self.errors.show({"received": problem or "Bitte das Eingangsdatum angeben (TT.MM.JJJJ)."})
            return False
        try:
            record_routing_notes(self.findings(), received, self.note.text(), today=self.today, user=self.user)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return False
        except KrmError as exc:
            self.errors.show({"": exc.message})
            return False
        self.routed.emit()
        return True

    def raw(self) -> dict[str, object]:
        return {
            "findings": self.findings(),
            "note": self.note.text(),
            "received": self.received.text(),
            "kind": self.kind(),
            "mixed": self.keeps_krm_part.isChecked(),
            "oral": self.oral.state(),
        }
