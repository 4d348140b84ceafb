"""The report's page layout: paragraph styles, the grid table, the office's own text, and the header and
"Seite x von y" drawn on each page once the page count is known."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from krm_desktop.documents.page.a4 import DrawNumber
from krm_desktop.documents.page.fonts import FONT, register_fonts

GRID = colors.HexColor("#cbd5e0")
HEAD = colors.HexColor("#edf2f7")
MUTED = colors.HexColor("#4a5568")

_base = getSampleStyleSheet()
STYLES = {
    "body": ParagraphStyle("body", _base["BodyText"], fontName="Helvetica", fontSize=10, leading=13.5),
    "small": ParagraphStyle("small", _base["BodyText"], fontName="Helvetica", fontSize=8.5, leading=11),
    "note": ParagraphStyle("note", _base["BodyText"], fontSize=8.5, leading=11, textColor=MUTED),
    "cell": ParagraphStyle("cell", _base["BodyText"], fontName="Helvetica", fontSize=9, leading=11),
    "h1": ParagraphStyle("h1", _base["Heading1"], fontName="Helvetica-Bold", fontSize=15, spaceBefore=6, spaceAfter=6),
    "h2": ParagraphStyle("h2", _base["Heading2"], fontName="Helvetica-Bold", fontSize=12, spaceBefore=10),
    "h3": ParagraphStyle("h3", _base["Heading3"], fontName="Helvetica-Bold", fontSize=10.5, spaceBefore=6),
    "bullet": ParagraphStyle("bullet", _base["BodyText"], fontSize=10, leading=13.5, leftIndent=12, bulletIndent=2),
    "office": ParagraphStyle("office", _base["Title"], fontName="Helvetica", fontSize=16, alignment=TA_CENTER),
    "title": ParagraphStyle("title", _base["Title"], fontName="Helvetica-Bold", fontSize=26, leading=32),
    "subtitle": ParagraphStyle("subtitle", _base["Title"], fontName="Helvetica", fontSize=14, leading=20),
}


def page_marks(header: str) -> DrawNumber:
    """What the report draws on each page once the count is known: `header` on top from page 2 on, and
    "Seite x von y" at the bottom."""

    def draw(canvas: Canvas, number: int, total: int) -> None:
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(MUTED)
        if number > 1:
            canvas.drawString(20 * mm, A4[1] - 12 * mm, header)
        canvas.drawRightString(A4[0] - 20 * mm, 10 * mm, f"Seite {number} von {total}")

    return draw


def paragraph(text: str, style: str = "body") -> Paragraph:
    """A paragraph of plain (escaped) text."""
    return Paragraph(escape(text), STYLES[style])


def _user_styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    """The office's own text in the embedded font: it prints every character typed (→, ş, ł …), which the PDF
    base fonts do not."""
    register_fonts()
    return (
        ParagraphStyle("user", STYLES["body"], fontName=FONT, fontSize=9.5),
        ParagraphStyle("user_bullet", STYLES["bullet"], fontName=FONT, fontSize=9.5),
    )


def user_text(text: str) -> list[Flowable]:
    """The office's text: paragraphs at blank lines, lines starting with -, • or * as bullets."""
    body, bullet = _user_styles()
    flowables: list[Flowable] = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        buffer: list[str] = []
        for line in lines:
            stripped = line.lstrip()
            if stripped[:1] in ("-", "•", "*") and stripped[1:2] == " ":
                if buffer:
                    flowables.append(Paragraph("<br/>".join(map(escape, buffer)), body))
                    buffer = []
                flowables.append(Paragraph(escape(stripped[2:].strip()), bullet, bulletText="•"))
            else:
                buffer.append(line)
        if buffer:
            flowables.append(Paragraph("<br/>".join(map(escape, buffer)), body))
        flowables.append(Spacer(1, 2 * mm))
    return flowables


def grid_table(
    header: list[str], rows: list[list[str]], widths: list[float], *, total: list[str] | None = None
) -> Table:
    """A grid table: first column text (wrapping), the others right-aligned numbers."""
    data: list[list[Any]] = [header]
    data += [[Paragraph(escape(r[0]), STYLES["cell"]), *r[1:]] for r in rows]
    if total:
        data.append(total)
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = [
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9),
        ("FONT", (0, 1), (-1, -1), "Helvetica", 9),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, GRID),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, GRID),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if total:
        style += [("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 9), ("LINEABOVE", (0, -1), (-1, -1), 0.8, GRID)]
    table.setStyle(TableStyle(style))
    return table
