"""Verzicht auf schriftliche Antwort: the matter was settled by phone or in person and the customer waived a
written answer, recorded in the form the office's profile requires for the kind (Einstellungen → Fristen und
Regeln): a Vermerk of the conversation, or the declaration the customer signed on blank paper, with the day it came
back signed. The case may then close without an answer.

The declaration form (blank paper, never the letterhead) and the Aktenvermerk of the conversation are made by
the ordinary letter dialog; the form carries the reasons typed here even before they are saved."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.waiver_checks import SETTLED_BY
from krm_desktop.model.office.profiles import WAIVER_SIGNED
from krm_desktop.model.store.entities import Case
from krm_desktop.ui.actions.action_form import ActionDialog, date_edit, note, pydate, text_edit
from krm_desktop.ui.widgets.date_edit import DateEdit

SIGNED_EXPLANATION = (
    "Für diese Anliegensart verlangt die Dienstanweisung eine vom Kunden/von der Kundin unterschriebene Erklärung "
    "mit den Gründen. Sie wird auf Blanko-Papier gedruckt, nie auf dem Briefkopf des Jobcenters. Erfassen Sie den "
    "Verzicht, wenn die unterschriebene Erklärung vorliegt: der Fall kann dann ohne Antwortschreiben abgeschlossen "
    "werden."
)
NOTE_EXPLANATION = (
    "Die Kundin/der Kunde hat im Gespräch auf eine schriftliche Antwort verzichtet. Halten Sie in einem kurzen "
    "Vermerk fest, was geklärt wurde: der Fall kann dann ohne Antwortschreiben abgeschlossen werden."
)


class WaiverDialog(ActionDialog):
    action = checks.WAIVER
    title = "Verzicht auf schriftliche Antwort"
    save_text = "Verzicht &erfassen"

    def build(self) -> None:
        self.signed = self.facts.waiver_form == WAIVER_SIGNED
        self.form.addRow(note(SIGNED_EXPLANATION if self.signed else NOTE_EXPLANATION))
        self.settled = QComboBox()
        self.settled.addItem("– bitte wählen –", "")
        for code, caption in SETTLED_BY.items():
            self.settled.addItem(caption, code)
        self.add_field("settled_by", "&Geklärt", self.settled, required=True)
        self.form_received_on: DateEdit | None = None
        if self.signed:
            self.declared_on = self.add_field(
                "declared_on", "Erklärung &unterschrieben am", date_edit(self.today), required=True
            )
            self.form_received_on = self.add_field(
                "form_received_on",
                "Unterschrieben &eingegangen am",
                DateEdit(None),
                required=True,
                hint="Der Tag, an dem die unterschriebene Erklärung im Haus eingegangen ist.",
            )
            self.reasons = self.add_field(
                "reasons",
                "G&ründe des Verzichts",
                text_edit(5),
                required=True,
                free_text=True,
                hint="Die konkreten Gründe der Kundin/des Kunden; sie stehen auch auf der Erklärung.",
            )
        else:
            self.declared_on = self.add_field("declared_on", "&Gespräch am", date_edit(self.today), required=True)
            self.reasons = self.add_field(
                "reasons",
                "&Vermerk",
                text_edit(5),
                required=True,
                free_text=True,
                hint="Was im Gespräch geklärt wurde; der Hinweis auf den Verzicht steht im Verlauf.",
            )
        self.print_button = QPushButton("Erklärung &drucken …")
        self.note_button = QPushButton("Akten&vermerk …")
        self.print_button.setVisible(self.signed)  # the declaration exists only in the signed form
        row = QHBoxLayout()
        for button in (self.print_button, self.note_button):
            button.setAutoDefault(False)  # Enter saves, it does not print
            row.addWidget(button)
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
            form_received_on=self.form_received_on.value() if self.form_received_on is not None else None,
            reasons=self.reasons.toPlainText(),
            today=self.today,
            user=self.user,
        )
