"""The letterhead's form: office name, address, contact, opening hours, footer lines and logo, with a preview.

The form only holds what is typed; who stores it (the Einstellungen page, the set-up assistant) decides when."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.documents.letters.samples import letterhead_preview
from krm_desktop.model.office.settings import (
    FIELD_LABELS,
    LETTERHEAD_FIELDS,
    MULTILINE_FIELDS,
    letterhead_problems,
    logo_problem,
)
from krm_desktop.ui.widgets.fields import ERROR_STYLE
from krm_desktop.ui.widgets.pdf_preview import PdfPreview


class LetterheadForm(QWidget):
    """The fields (each with its German message below it) beside a preview of a letter with this letterhead."""

    edited = Signal()  # a field or the logo changed

    def __init__(self, today: date, values: dict[str, str], logo: bytes | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.logo = logo
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for name in LETTERHEAD_FIELDS:
            widget: QLineEdit | QPlainTextEdit
            if name in MULTILINE_FIELDS:
                widget = QPlainTextEdit(values.get(name, ""))
                widget.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
                widget.textChanged.connect(self._edited)
            else:
                widget = QLineEdit(values.get(name, ""))
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
        self.logo_error.setWordWrap(True)
        self.choose_button = QPushButton("Logo &wählen …")
        self.remove_button = QPushButton("Logo &entfernen")
        self.choose_button.clicked.connect(self.choose_logo)
        self.remove_button.clicked.connect(lambda: self.set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_view)
        logo_row.addWidget(self.choose_button)
        logo_row.addWidget(self.remove_button)
        logo_row.addStretch(1)
        form.addRow("Logo (PNG/JPEG):", logo_row)
        form.addRow("", self.logo_error)
        fields = QWidget()
        column = QVBoxLayout(fields)
        column.addLayout(form)
        column.addStretch(1)
        scroll = QScrollArea()  # all thirteen fields do not fit a small screen's height
        scroll.setWidget(fields)
        scroll.setWidgetResizable(True)
        self.preview = PdfPreview()
        self._preview_pdf = b""
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(self.preview)
        splitter.setSizes([560, 440])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._timer = QTimer(self, singleShot=True, interval=350)
        self._timer.timeout.connect(self.refresh_preview)
        self._show_logo()
        self.refresh_preview()

    def values(self) -> dict[str, str]:
        return {name: w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text() for name, w in self.fields.items()}

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.fields.values():
            widget.setReadOnly(read_only)
        self.choose_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)

    def _edited(self) -> None:
        self.show_errors(letterhead_problems(self.values()))
        self._timer.start()
        self.edited.emit()

    def show_errors(self, problems: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.setText(problems.get(name, ""))
            label.setVisible(name in problems)
        self.logo_error.setText(problems.get("logo", ""))

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
        self.edited.emit()
        return True

    def preview_pdf(self) -> bytes:
        """The PDF the preview shows now."""
        return self._preview_pdf

    def refresh_preview(self) -> None:
        if letterhead_problems(self.values()):
            return
        self._preview_pdf = letterhead_preview(self.values(), self.logo, self.today).pdf
        self.preview.show_pdf(self._preview_pdf)
