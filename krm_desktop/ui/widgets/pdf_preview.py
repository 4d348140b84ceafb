"""PDF pages on screen and on paper: rendered with PDFium (pypdfium2), printed through a QPrinter.

PySide6-Essentials has no QtPdf, so the pages are rasterised by pypdfium2. Printing to a real printer
sends page images at the printer's resolution (at most 300 dpi); printing "to a PDF file" (the print
dialog's file printer) writes the document's own bytes, so the file is the exact, searchable PDF.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from krm_desktop.model.store.files import write_file

MAX_PRINT_DPI = 300
A4_WIDTH_PT = 595.2756


def page_images(pdf: bytes, dpi: float) -> list[QImage]:
    """Every page of the PDF as an RGB image at `dpi`."""
    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
            images.append(image.copy())  # own the pixels before PDFium frees the bitmap
            page.close()
        return images
    finally:
        document.close()


def new_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the document's own margins: marks and address field stay where DIN wants them
    return printer


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print the document; returns the number of pages. A PDF-file printer gets the exact bytes."""
    target = printer.outputFileName()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and target:
        write_file(Path(target), pdf)
        return len(pdfium.PdfDocument(pdf))
    return print_pages(pdf, printer)


def print_pages(pdf: bytes, printer: QPrinter) -> int:
    """Draw the pages as images onto the printer's paper (real printers, and tests of that path)."""
    dpi = min(MAX_PRINT_DPI, max(printer.resolution(), 72))
    images = page_images(pdf, dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("Der Drucker lässt sich nicht öffnen.")
    try:
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            painter.drawImage(QRectF(0, 0, paper.width(), paper.height()), image)
    finally:
        painter.end()
    return len(images)


class PdfPreview(QScrollArea):
    """The pages one under the other, as wide as the view allows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Vorschau des Schreibens")
        self.setWidgetResizable(True)
        self.setMinimumWidth(360)
        self._pdf: bytes | None = None
        self._holder = QWidget()
        self._column = QVBoxLayout(self._holder)
        self._column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._column.setSpacing(12)
        self.setWidget(self._holder)
        self.pages: list[QLabel] = []
        self._resize_timer = QTimer(self, singleShot=True, interval=150)
        self._resize_timer.timeout.connect(self._draw)

    def show_pdf(self, pdf: bytes) -> None:
        self._pdf = pdf
        self._draw()

    def page_count(self) -> int:
        return len(self.pages)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._pdf is not None:
            self._resize_timer.start()

    def _draw(self) -> None:
        if self._pdf is None:
            return
        usable = max(self.viewport().width() - 40, 300)
        dpi = 72 * usable / A4_WIDTH_PT * self.devicePixelRatioF()
        images = page_images(self._pdf, dpi)
        while len(self.pages) > len(images):
            self.pages.pop().deleteLater()
        while len(self.pages) < len(images):
            label = QLabel()
            label.setStyleSheet("background: white; border: 1px solid #999;")
            self._column.addWidget(label)
            self.pages.append(label)
        for number, (label, image) in enumerate(zip(self.pages, images, strict=True), start=1):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            label.setPixmap(pixmap)
            label.setAccessibleName(f"Seite {number} von {len(images)}")


def document_buttons(dialog: QDialog, body: QWidget) -> tuple[QPushButton, QPushButton]:
    """Lay out `body` above "Drucken … / Als PDF speichern … / Schließen" (Ctrl+P, Ctrl+S).

    The dialog provides `print_dialog` and `save_dialog`; returns the print and save buttons."""
    buttons = QDialogButtonBox()
    print_button = buttons.addButton("&Drucken …", QDialogButtonBox.ButtonRole.ActionRole)
    save_button = buttons.addButton("Als &PDF speichern …", QDialogButtonBox.ButtonRole.ActionRole)
    close = buttons.addButton("Schließen", QDialogButtonBox.ButtonRole.RejectRole)
    print_button.clicked.connect(dialog.print_dialog)  # type: ignore[attr-defined]
    save_button.clicked.connect(dialog.save_dialog)  # type: ignore[attr-defined]
    close.clicked.connect(dialog.reject)
    QShortcut(QKeySequence.StandardKey.Print, dialog, dialog.print_dialog)  # type: ignore[attr-defined]
    QShortcut(QKeySequence.StandardKey.Save, dialog, dialog.save_dialog)  # type: ignore[attr-defined]
    layout = QVBoxLayout(dialog)
    layout.addWidget(body, 1)
    layout.addWidget(buttons)
    return print_button, save_button
