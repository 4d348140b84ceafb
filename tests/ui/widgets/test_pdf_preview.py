"""The PDF preview and printing: pages rasterised by PDFium on screen and onto a printer's paper."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from krm_desktop.ui.widgets.pdf_preview import PdfPreview, new_printer, print_pages, print_pdf


def a4_pdf(pages: int) -> bytes:
    canvas = Canvas(io.BytesIO(), pagesize=A4)
    for number in range(1, pages + 1):
        canvas.drawString(72, 720, f"Seite {number}")
        canvas.showPage()
    return canvas.getpdfdata()


def pdf_printer(path: Path) -> QPrinter:
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_printing_page_images_onto_a_printer(qtbot, tmp_path: Path) -> None:
    target = tmp_path / "raster.pdf"
    assert print_pages(a4_pdf(1), pdf_printer(target)) == 1
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert round(width) == 595 and round(height) == 842  # A4


def test_a_pdf_file_printer_gets_the_exact_bytes(qtbot, tmp_path: Path) -> None:
    pdf, target = a4_pdf(2), tmp_path / "exact.pdf"
    assert print_pdf(pdf, pdf_printer(target)) == 2
    assert target.read_bytes() == pdf


def test_the_preview_shows_every_page_and_follows_a_new_document(qtbot) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.show_pdf(a4_pdf(3))
    assert preview.page_count() == 3
    assert [page.accessibleName() for page in preview.pages] == ["Seite 1 von 3", "Seite 2 von 3", "Seite 3 von 3"]
    assert all(not page.pixmap().isNull() for page in preview.pages)
    preview.show_pdf(a4_pdf(1))
    assert preview.page_count() == 1 and preview.pages[0].accessibleName() == "Seite 1 von 1"
