"""Verzicht auf schriftliche Antwort: the matter was settled by phone or in person and the customer declared in
writing, with concrete reasons, that no written answer is wanted; the case may then close without an answer.

The declaration form (blank paper, never the letterhead) and the Aktenvermerk of the conversation are made by
the ordinary letter dialog; the form carries the reasons typed here even before they are saved."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases import services as cases
from krm_desktop.model.store.entities import Case
from krm_desktop.ui.actions.action_form import ActionDialog, date_edit, note, pydate, text_edit

EXPLANATION = (
    "Die Erklärung wird auf Blanko-Papier gedruckt, nie auf dem Briefkopf des Jobcenters, und von der Kundin/dem "
    "Kunden unterschrieben. Liegt sie unterschrieben vor, erfassen Sie hier ihr Datum: der Fall kann dann ohne "
    "Antwortschreiben abgeschlossen werden."
)


class WaiverDialog(ActionDialog):
    action = checks.WAIVER
    title = "Verzicht auf schriftliche Antwort"
    save_text = "Verzicht &erfassen"

    def build(self) -> None:
        self.form.addRow(note(EXPLANATION))
        self.settled = QComboBox()
        self.settled.addItem("– bitte wählen –", "")
        for code, caption in checks.SETTLED_BY.items():
            self.settled.addItem(caption, code)
        self.add_field("settled_by", "&Geklärt", self.settled, required=True)
        self.declared_on = self.add_field(
            "declared_on", "Erklärung &unterschrieben am", date_edit(self.today), required=True
        )
        self.reasons = self.add_field(
            "reasons",
            "G&ründe des Verzichts",
            text_edit(5),
            required=True,
            free_text=True,
            hint="Die konkreten Gründe der Kundin/des Kunden; sie stehen auch auf der Erklärung.",
        )
        self.print_button = QPushButton("Erklärung &drucken …")
        self.note_button = QPushButton("Akten&vermerk …")
        for button in (self.print_button, self.note_button):
            button.setAutoDefault(False)  # Enter saves, it does not print
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.note_button)
        row.addStretch(1)
        self.form.addRow("", row)
        self.print_button.setToolTip("Die Verzichtserklärung zum Unterschreiben (Blanko-Papier), mit den Gründen.")
        self.note_button.setToolTip("Kurzer Aktenvermerk über das Gespräch.")
        self.print_button.clicked.connect(self.open_declaration)
        self.note_button.clicked.connect(lambda: self.open_letter("aktenvermerk"))
        self.letter_dialogs: list[QWidget] = []

    def open_letter(self, doc_type: str) -> QWidget | None:
        from krm_desktop.ui.letters.dialog import open_letter_dialog

        dialog = open_letter_dialog(self, self.case_id, doc_type, today=self.today, user=self.user)
        if dialog is not None:
            self.letter_dialogs.append(dialog)
        return dialog

    def open_declaration(self) -> QWidget | None:
        """The declaration form of the letter dialog, filled with the reasons as typed here."""
        from krm_desktop.ui.letters.dialog import LetterDialog

        dialog = self.open_letter("verzicht")
        reasons = self.reasons.toPlainText().strip()
        if isinstance(dialog, LetterDialog) and reasons:
            dialog.facts = replace(dialog.facts, waiver_reasons=reasons)
            dialog.rebuild_text()
            dialog.refresh_preview()
        return dialog

    def save(self) -> Case:
        return cases.record_waiver(
            self.case_id,
            version=self.version,
            settled_by=self.settled.currentData(),
            declared_on=pydate(self.declared_on.date()),
            reasons=self.reasons.toPlainText(),
            today=self.today,
            user=self.user,
        )
