"""Compose, preview, print and save a document of a case.

`LetterDialog` starts from the office's text blocks filled with the case's data (deadlines, contact,
reason of an interim notice); the person edits the text freely, inserts further blocks and watches the
preview. Printing or saving keeps the exact PDF bytes in the case with an event in the history and, when
ticked, records the sending (acknowledgement, interim notice, answer). A kept letter is shown and printed
again by `stored_letter.StoredLetterDialog`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.documents.letters.compose import GROUPS, LAYOUTS, block_label, compose, open_gaps, render
from krm_desktop.documents.letters.draft import Draft
from krm_desktop.documents.letters.facts import case_facts, office_facts
from krm_desktop.documents.letters.placeholders import FUNCTIONS, Signer, contact_for, filled, signer_from, values
from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.case_view import CaseView
from krm_desktop.model.cases.letters import DOC_TYPES, all_blocks, record_reprint, store_letter
from krm_desktop.model.errors import KrmError
from krm_desktop.model.store.files import write_file
from krm_desktop.ui.widgets.date_edit import DateEdit
from krm_desktop.ui.widgets.fields import ERROR_STYLE
from krm_desktop.ui.widgets.pdf_preview import PdfPreview, document_buttons, new_printer, print_pdf
from krm_desktop.ui.widgets.screen_fit import fit_on_screen

HINT_STYLE = "color: #8a5300;"
SENDING = {
    "eingangsbestaetigung": "ack",
    "eingang-tl": "ack",
    "zwischennachricht": "interim",
    "antwort": "answer",
    "entscheidung-dab": "answer",  # the DAB's answer to the complainant (DOMAIN §5)
}


class LetterDialog(QDialog):
    """One document of one case. Raises KrmError (German) when the document does not apply."""

    stored = Signal(int)  # the id of the Letter kept in the case

    def __init__(self, case_id: int, doc_type: str, *, today: date, user: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.case_id, self.doc_type, self.today, self.user = case_id, doc_type, today, user
        self.facts: CaseView = case_facts(case_id)
        self.office = office_facts()
        self.draft: Draft = compose(self.facts, self.office, doc_type, today, author=user)
        self.layout_kind = LAYOUTS[doc_type]
        self.last_pdf: bytes | None = None
        self.preview_pdf: bytes = b""  # what the preview shows now
        self.last_letter_id: int | None = None
        self.setWindowTitle(f"{DOC_TYPES[doc_type]} – {self.facts.ref}")
        fit_on_screen(self, 1200, 820)
        self._build()
        self._fill_from_draft(self.draft)
        self._timer = QTimer(self, singleShot=True, interval=350)
        self._timer.timeout.connect(self.refresh_preview)
        for edit in (self.subject, self.body):
            edit.textChanged.connect(self._timer.start)
        self.signer_box.currentIndexChanged.connect(self._timer.start)
        self.refresh_preview()

    # --- building -----------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.subject = QPlainTextEdit()
        self.subject.setAccessibleName("Betreff")
        self.subject.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.body = QPlainTextEdit()
        self.body.setAccessibleName("Text des Schreibens")
        self.blocks = QListWidget()
        self.blocks.setAccessibleName("Textbausteine zum Einfügen")
        for block in all_blocks():
            if block.key.split(".")[0] in GROUPS[self.doc_type]:
                item = QListWidgetItem(block_label(block.key, block.title))
                item.setData(Qt.ItemDataRole.UserRole, block.key)
                item.setToolTip(block.body)
                self.blocks.addItem(item)
        self.blocks.itemDoubleClicked.connect(lambda _item: self.insert_block())
        insert = QPushButton("Baustein &einfügen")
        insert.clicked.connect(self.insert_block)
        self.signer_box = QComboBox()
        self.signer_box.setAccessibleName("Unterschrift")
        self.signer_box.addItem("(ohne Namen, nur Funktion)", None)
        for staff in self.office.staff:  # the active people who sign (every Funktion but Mitarbeiter/in)
            if FUNCTIONS.get(staff.role):
                self.signer_box.addItem(f"{staff.name} – {FUNCTIONS[staff.role]}", staff.id)
        self.reason = QPlainTextEdit(self.facts.interim_reason)
        self.reason.setAccessibleName("Grund der Verzögerung")
        self.reason.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.expected = DateEdit(self.facts.interim_expected or self.today + timedelta(days=14))
        self.expected.setAccessibleName("Voraussichtliche Erledigung")
        self.recompose = QPushButton("Text neu aus Bausteinen erstellen (verwirft Änderungen)")
        self.recompose.clicked.connect(self.rebuild_text)
        self.record = QCheckBox(self._record_caption())
        self.record.setChecked(self._record_pending())
        self.record.setVisible(self._record_pending())
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(HINT_STYLE)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.status = QLabel()
        self.status.setWordWrap(True)

        form = QFormLayout()
        if self.layout_kind == "letter":
            form.addRow("&Betreff:", self.subject)
        else:
            self.subject.hide()
        form.addRow("&Text:", self.body)
        if self.doc_type == "zwischennachricht":
            form.addRow("&Grund der Verzögerung:", self.reason)
            form.addRow("&Voraussichtlich erledigt bis:", self.expected)
        else:
            self.reason.hide()
            self.expected.hide()
        if self.layout_kind == "letter":
            form.addRow("&Unterschrift:", self.signer_box)
        else:
            self.signer_box.hide()
        blocks_row = QHBoxLayout()
        blocks_row.addWidget(self.blocks, 1)
        blocks_row.addWidget(insert, 0, Qt.AlignmentFlag.AlignTop)
        blocks_label = QLabel("Text&bausteine:")  # a row of a layout gets no buddy of its own: Alt+B needs one
        blocks_label.setBuddy(self.blocks)
        form.addRow(blocks_label, blocks_row)
        form.addRow("", self.recompose)
        form.addRow("", self.record)

        self.preview = PdfPreview()
        left = QWidget()
        column = QVBoxLayout(left)
        column.addLayout(form)
        column.addWidget(self.warning)
        column.addWidget(self.error)
        column.addWidget(self.status)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([560, 640])

        self.print_button, self.save_button = document_buttons(self, splitter)
        self.reason.textChanged.connect(self._interim_changed)
        self.expected.line.textChanged.connect(self._interim_changed)

    def _record_caption(self) -> str:
        what = {
            "ack": "der Eingangsbestätigung",
            "interim": "der Zwischennachricht",
            "answer": "des Antwortschreibens",
        }.get(SENDING.get(self.doc_type) or "")
        return (
            f"Versand {what} zum Datum des Schreibens ({self.draft.today:%d.%m.%Y}) im Fall vermerken" if what else ""
        )

    def _record_pending(self) -> bool:
        kind = SENDING.get(self.doc_type)
        if kind is None or self.facts.status != "offen" or self.facts.final_due is None:
            return False
        case = self.facts
        # One sending, one entry: what the Vorgang menu (or an earlier print) recorded is not offered again. A
        # further interim notice on a later day is a new sending.
        return {
            "ack": case.ack_sent is None,
            "interim": case.interim_sent != self.draft.today,
            "answer": case.answer_sent is None,
        }[kind]

    def _fill_from_draft(self, draft: Draft) -> None:
        self.subject.setPlainText(draft.subject)
        self.body.setPlainText(draft.body)
        signer = draft.signer
        index = self.signer_box.findData(signer.staff_id if signer else None)
        if index < 0 and signer is not None and signer.staff_id is not None:  # who signed the case, deactivated since
            self.signer_box.addItem(f"{signer.name} – {signer.function} (deaktiviert)", signer.staff_id)
            index = self.signer_box.count() - 1
        self.signer_box.setCurrentIndex(max(index, 0))
        self.warning.setText("\n".join(draft.warnings))

    # --- editing ------------------------------------------------------------------------------------------------

    def _interim_changed(self) -> None:
        expected = self.expected.value()
        if expected is None:
            self.error.setText(self.expected.problem("Voraussichtliche Erledigung") or "")
            return
        self.error.clear()
        self.facts = replace(self.facts, interim_reason=self.reason.toPlainText(), interim_expected=expected)
        if not self.body.document().isModified():
            self.rebuild_text()

    def rebuild_text(self) -> None:
        try:
            draft = compose(self.facts, self.office, self.doc_type, self.today, author=self.user)
        except KrmError as exc:
            self.error.setText(exc.message)
            return
        self._fill_from_draft(draft)
        self.body.document().setModified(False)

    def insert_block(self) -> None:
        item = self.blocks.currentItem()
        if item is None:
            return
        text, _ = filled(item.data(Qt.ItemDataRole.UserRole), values(self.facts, self.office, self.today))
        cursor = self.body.textCursor()
        cursor.insertText(text)
        self.body.setFocus()

    def current_signer(self) -> Signer | None:
        if self.layout_kind != "letter":
            return None
        staff_id = self.signer_box.currentData()
        staff = next((s for s in self.office.staff if s.id == staff_id), None)
        default = self.draft.signer
        if staff is None and staff_id is not None and default is not None and default.staff_id == staff_id:
            return default  # the case's signer, deactivated since
        if staff is None:
            return signer_from(None, default.role if default else "TL")
        return signer_from(staff, staff.role)

    def current_draft(self) -> Draft:
        signer = self.current_signer()
        return replace(
            self.draft,
            case=self.facts,
            subject=self.subject.toPlainText(),
            body=self.body.toPlainText(),
            signer=signer,
            contact=contact_for(self.doc_type, self.facts, self.office),
        )

    def refresh_preview(self) -> None:
        try:
            rendered = render(self.current_draft(), check=False)
        except KrmError as exc:
            self.error.setText(exc.message)
            return
        self.preview_pdf = rendered.pdf
        self.preview.show_pdf(rendered.pdf)
        problems = []
        gaps = open_gaps(self.current_draft())
        if gaps:
            problems.append("Vor dem Drucken bitte ergänzen: " + "; ".join(gaps) + ".")
        if rendered.replaced:
            problems.append(f"{rendered.replaced} Zeichen kann die Schrift nicht darstellen; sie erscheinen als „�“.")
        problems += list(rendered.warnings)
        self.error.setText("\n".join(problems))

    # --- printing and keeping ------------------------------------------------------------------------------------

    def final_pdf(self) -> bytes | None:
        """The PDF to print: refused (message in the dialog) while something is missing."""
        try:
            rendered = render(self.current_draft(), check=True)
        except KrmError as exc:
            self.error.setText(exc.message)
            return None
        return rendered.pdf

    def print_dialog(self) -> None:
        pdf = self.final_pdf()
        if pdf is None:
            return
        printer = new_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(f"{DOC_TYPES[self.doc_type]} drucken")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer, pdf)

    def print_to(self, printer: QPrinter, pdf: bytes | None = None) -> bool:
        pdf = pdf if pdf is not None else self.final_pdf()
        if pdf is None:
            return False
        try:
            print_pdf(pdf, printer)
        except OSError as exc:
            self.error.setText(f"Drucken nicht möglich: {exc}")
            return False
        return self._keep(pdf, "gedruckt")

    def save_dialog(self) -> None:
        pdf = self.final_pdf()
        if pdf is None:
            return
        suggestion = str(Path.home() / f"{self.facts.ref}_{self.doc_type}.pdf")
        name, _ = QFileDialog.getSaveFileName(self, "Als PDF speichern", suggestion, "PDF-Dateien (*.pdf)")
        if name:
            self.save_to(Path(name), pdf)

    def save_to(self, path: Path, pdf: bytes | None = None) -> bool:
        pdf = pdf if pdf is not None else self.final_pdf()
        if pdf is None:
            return False
        try:
            write_file(path, pdf)
        except OSError as exc:
            self.error.setText(f"Die Datei {path} lässt sich nicht schreiben: {exc.strerror or exc}.")
            return False
        return self._keep(pdf, "als PDF gespeichert")

    def _keep(self, pdf: bytes, how: str) -> bool:
        try:
            if self.last_letter_id is not None and pdf == self.last_pdf:
                record_reprint(self.last_letter_id, today=self.today, user=self.user, how=f"erneut {how}")
            else:
                letter = store_letter(self.case_id, self.doc_type, pdf, today=self.today, user=self.user, how=how)
                self.last_letter_id, self.last_pdf = letter.id, pdf
                self.stored.emit(letter.id)
            text = f"Im Fall abgelegt ({how}): {DOC_TYPES[self.doc_type]}."
            if not self.record.isHidden() and self.record.isChecked():
                text += " " + self._record_sending()
        except KrmError as exc:
            self.error.setText(f"Nicht im Fall abgelegt: {exc.message}")
            return False
        self.status.setText(text)
        return True

    def _record_sending(self) -> str:
        """The sending is recorded on the letter's date (the date printed in it), so the case records what the
        letter promised (Braunschweig's answer clock runs from the sending)."""
        kind, case, sent_on = SENDING[self.doc_type], self.facts, self.draft.today
        try:
            if kind == "ack":
                cases.acknowledge(self.case_id, version=case.version, sent_on=sent_on, today=self.today, user=self.user)
            elif kind == "interim":
                cases.send_interim(
                    self.case_id, version=case.version, sent_on=sent_on, reason=case.interim_reason,
                    expected=case.interim_expected or sent_on, today=self.today, user=self.user,
                )  # fmt: skip
            else:
                cases.record_answer(
                    self.case_id, version=case.version, sent_on=sent_on, today=self.today, user=self.user
                )
        except KrmError as exc:
            return f"Den Versand konnte das Programm nicht vermerken: {exc.message}"
        self.facts = replace(case_facts(self.case_id), interim_reason=case.interim_reason,
                             interim_expected=case.interim_expected)  # fmt: skip
        self.record.setChecked(False)
        self.record.hide()
        return "Versand im Fall vermerkt."


def open_letter_dialog(
    parent: QWidget | None, case_id: int, doc_type: str, *, today: date, user: str
) -> LetterDialog | None:
    """For the main window: the dialog, or a message box saying why this document does not apply."""
    try:
        dialog = LetterDialog(case_id, doc_type, today=today, user=user, parent=parent)
    except KrmError as exc:
        QMessageBox.warning(parent, DOC_TYPES.get(doc_type, "Schreiben"), exc.message)
        return None
    dialog.show()
    return dialog
