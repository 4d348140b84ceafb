"""A letter kept in the case, shown exactly as it was printed; printing or saving it again only adds to the
case's history."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QVBoxLayout, QWidget

from krm_desktop.model.cases.letters import letter_info, letter_pdf, record_reprint
from krm_desktop.model.errors import KrmError
from krm_desktop.model.store.files import write_file
from krm_desktop.ui.widgets.pdf_preview import PdfPreview, new_printer, print_pdf
from krm_desktop.ui.widgets.screen_fit import fit_on_screen


class StoredLetterDialog(QDialog):
    """A document kept in the case, exactly as it was printed; printing it again changes nothing but the history."""

    def __init__(self, letter_id: int, *, today: date, user: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.letter_id, self.today, self.user = letter_id, today, user
        self.pdf = letter_pdf(letter_id)
        letter = letter_info(letter_id)
        self.filename = letter.filename
        self.setWindowTitle(f"{letter.title} – {letter.filename}")
        fit_on_screen(self, 820, 900)
        info = QLabel(
            f"Abgelegt am {letter.created:%d.%m.%Y} von {letter.created_by}. So wurde das Schreiben gedruckt; "
            "es lässt sich nicht mehr ändern."
        )
        info.setWordWrap(True)
        self.preview = PdfPreview()
        self.status = QLabel()
        buttons = QDialogButtonBox()
        print_button = buttons.addButton("Erneut &drucken …", QDialogButtonBox.ButtonRole.ActionRole)
        save_button = buttons.addButton("Als &PDF speichern …", QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton("Schließen", QDialogButtonBox.ButtonRole.RejectRole)
        print_button.clicked.connect(self.print_dialog)
        save_button.clicked.connect(self.save_dialog)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.preview.show_pdf(self.pdf)

    def print_dialog(self) -> None:
        printer = new_printer()
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        try:
            print_pdf(self.pdf, printer)
            record_reprint(self.letter_id, today=self.today, user=self.user)
        except (OSError, KrmError) as exc:
            self.status.setText(f"Drucken nicht möglich: {getattr(exc, 'message', exc)}")
            return False
        self.status.setText("Erneut gedruckt; in der Fallhistorie vermerkt.")
        return True

    def save_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Als PDF speichern", str(Path.home() / self.filename), "PDF (*.pdf)"
        )
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> bool:
        try:
            write_file(path, self.pdf)
            record_reprint(self.letter_id, today=self.today, user=self.user, how="erneut als PDF gespeichert")
        except (OSError, KrmError) as exc:
            self.status.setText(f"Speichern nicht möglich: {getattr(exc, 'message', exc)}")
            return False
        self.status.setText(f"Gespeichert unter {path}; in der Fallhistorie vermerkt.")
        return True
