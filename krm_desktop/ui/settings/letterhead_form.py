"""The letterhead settings: office name, address, contact, opening hours, footer lines and logo, with a preview."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.documents.letters.samples import letterhead_preview
from krm_desktop.model.errors import KrmError, ValidationError
from krm_desktop.model.office.settings import (
    FIELD_LABELS,
    LETTERHEAD_FIELDS,
    LETTERHEAD_KEY,
    MULTILINE_FIELDS,
    letterhead,
    letterhead_logo,
    letterhead_problems,
    logo_problem,
    save_letterhead,
    save_letterhead_logo,
    setting_version,
)
from krm_desktop.ui.widgets.pdf_preview import PdfPreview

ERROR_STYLE = "color: #b00020;"


class LetterheadPage(QWidget):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.version = setting_version(LETTERHEAD_KEY)
        self.stored = letterhead()
        self.stored_logo = letterhead_logo()
        self.logo = self.stored_logo
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for name in LETTERHEAD_FIELDS:
            widget: QLineEdit | QPlainTextEdit
            if name in MULTILINE_FIELDS:
                widget = QPlainTextEdit(self.stored[name])
                widget.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
                widget.textChanged.connect(self._edited)
            else:
                widget = QLineEdit(self.stored[name])
                widget.textEdited.connect(self._edited)
            widget.setAccessibleName(FIELD_LABELS[name])
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            holder = QVBoxLayout()
            holder.setSpacing(0)
            holder.addWidget(widget)
            holder.addWidget(error)
            form.addRow(f"{FIELD_LABELS[name]}:", holder)
            self.fields[name], self.errors[name] = widget, error
        self.logo_view = QLabel()
        self.logo_view.setAccessibleName("Logo")
        self.logo_error = QLabel()
        self.logo_error.setStyleSheet(ERROR_STYLE)
        choose = QPushButton("Logo &wählen …")
        remove = QPushButton("Logo &entfernen")
        choose.clicked.connect(self.choose_logo)
        remove.clicked.connect(lambda: self.set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_view)
        logo_row.addWidget(choose)
        logo_row.addWidget(remove)
        logo_row.addStretch(1)
        form.addRow("Logo (PNG/JPEG):", logo_row)
        form.addRow("", self.logo_error)
        self.save_button = QPushButton("Briefkopf &speichern")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setWordWrap(True)
        left = QWidget()
        column = QVBoxLayout(left)
        column.addLayout(form)
        column.addWidget(self.save_button)
        column.addWidget(self.status)
        column.addStretch(1)
        self.preview = PdfPreview()
        self._preview_pdf = b""
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([600, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._timer = QTimer(self, singleShot=True, interval=350)
        self._timer.timeout.connect(self.refresh_preview)
        self._show_logo()
        self.refresh_preview()

    def values(self) -> dict[str, str]:
        return {name: w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text() for name, w in self.fields.items()}

    def is_modified(self) -> bool:
        return self.values() != self.stored or self.logo != self.stored_logo

    def _edited(self) -> None:
        self._show_errors(letterhead_problems(self.values()))
        self._timer.start()

    def _show_errors(self, problems: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.setText(problems.get(name, ""))
            label.setVisible(name in problems)

    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self.logo and pixmap.loadFromData(self.logo):
            self.logo_view.setPixmap(pixmap.scaledToHeight(40))
        else:
            self.logo_view.setText("kein Logo")

    def choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Logo wählen", str(Path.home()), "Bilder (*.png *.jpg *.jpeg)")
        if name:
            self.set_logo(Path(name).read_bytes())

    def set_logo(self, data: bytes | None) -> bool:
        problem = logo_problem(data) if data is not None else None
        self.logo_error.setText(problem or "")
        if problem:
            return False
        self.logo = data
        self._show_logo()
        self._timer.start()
        return True

    def preview_pdf(self) -> bytes:
        """The PDF the preview shows now."""
        return self._preview_pdf

    def refresh_preview(self) -> None:
        if letterhead_problems(self.values()):
            return
        self._preview_pdf = letterhead_preview(self.values(), self.logo, self.today).pdf
        self.preview.show_pdf(self._preview_pdf)

    def save(self) -> bool:
        try:
            self.version = save_letterhead(self.values(), expected_version=self.version)
            if self.logo != self.stored_logo:
                save_letterhead_logo(self.logo)
        except ValidationError as exc:
            self._show_errors(exc.errors)
            self.logo_error.setText(exc.errors.get("logo", ""))
            return False
        except KrmError as exc:
            self.status.setText(exc.message)
            self.status.setStyleSheet(ERROR_STYLE)
            return False
        self.stored, self.stored_logo = letterhead(), self.logo
        self.status.setStyleSheet("")
        self.status.setText("Briefkopf gespeichert; er gilt für alle neuen Schreiben.")
        return True
