"""The A4 page of a letter after DIN 5008, Form B, drawn with ReportLab (no Qt here).

Geometry (millimetres from the top-left corner of the sheet):

- letterhead 0–45; address field x 20, y 45, 85 × 45: the first 17.7 mm hold postal notes and the return
  address, then six address lines (text starts at x 25, aligned with the body), so it shows in a
  DIN-lang window envelope;
- information block at x 125 from y 50 (Ihr Zeichen, Unser Zeichen, Ansprechpartner/in, Telefon,
  E-Mail, Datum, and "Seite 1 von n" when there is more than one page);
- subject line at y 98.46; body text from x 25 to x 190 (left margin 25, right margin 20);
- fold marks at y 105 and 210, hole mark at y 148.5, on the left edge;
- footer (address, contact, opening hours, bank and legal lines) at the bottom of page 1; from page 2
  on a running head with "Seite n von N".

Three layouts: ``letter`` (all of the above), ``internal`` (Verfügungsblatt, Aktenvermerk: a small
office line on top, no address field) and ``blank`` (Verzicht: nothing of the office at all).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from krm_desktop.documents.page.a4 import numbered
from krm_desktop.documents.page.addressing import ADDRESS_SIZE, Addressee
from krm_desktop.documents.page.escape import visible
from krm_desktop.documents.page.fonts import FONT, FONT_BOLD, register_fonts, width

PAGE_W, PAGE_H = A4
LEFT = 25 * mm
RIGHT = 20 * mm
TEXT_W = PAGE_W - LEFT - RIGHT  # 165 mm
ADDRESS_X, ADDRESS_TOP, ADDRESS_W, ADDRESS_H = 20 * mm, 45 * mm, 85 * mm, 45 * mm
NOTE_ZONE = 17.7 * mm
ADDRESS_PITCH = 4.4 * mm
INFO_X, INFO_TOP, INFO_RIGHT = 125 * mm, 50 * mm, 200 * mm
INFO_LABEL_W = 29 * mm
INFO_PITCH = 3.9 * mm
SUBJECT_TOP = 98.46 * mm
FOLD_MARKS = (105 * mm, 210 * mm)
HOLE_MARK = 148.5 * mm
LATER_TOP = 27 * mm
BOTTOM = 20 * mm
FOOTER_SIZE = 7.0
FOOTER_PITCH = 3.1 * mm
GREY = Color(0.35, 0.35, 0.35)
MARK_GREY = Color(0.55, 0.55, 0.55)


def y(top: float) -> float:
    """ReportLab's y (from the bottom) of a distance from the top edge."""
    return PAGE_H - top


@dataclass(frozen=True)
class Letterhead:
    office_name: str = ""
    department: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    opening_hours: tuple[str, ...] = ()
    footer: tuple[str, ...] = ()
    logo: bytes | None = None

    @classmethod
    def from_settings(cls, values: dict[str, str], logo: bytes | None) -> Letterhead:
        def lines(text: str) -> tuple[str, ...]:
            return tuple(line.strip() for line in text.splitlines() if line.strip())

        return cls(
            office_name=values.get("office_name", "").strip(),
            department=values.get("department", "").strip(),
            street=values.get("street", "").strip(),
            postcode=values.get("postcode", "").strip(),
            city=values.get("city", "").strip(),
            phone=values.get("phone", "").strip(),
            email=values.get("email", "").strip(),
            website=values.get("website", "").strip(),
            opening_hours=lines(values.get("opening_hours", "")),
            footer=lines(values.get("footer", "")),
            logo=logo,
        )

    @property
    def town(self) -> str:
        return " ".join(f"{self.postcode} {self.city}".split())

    def strings(self) -> list[str]:
        """Every piece of text the letterhead may print (tests check that the waiver form has none)."""
        values = [self.office_name, self.department, self.street, self.town, self.phone, self.email, self.website]
        return [s for s in [*values, *self.opening_hours, *self.footer] if s]


@dataclass
class PageFrame:
    layout: str  # letter | internal | blank
    letterhead: Letterhead
    addressee: Addressee | None = None
    info: Sequence[tuple[str, str]] = ()
    running_head: str = ""
    warnings: list[str] = field(default_factory=list)
    _info_rows: list[tuple[str, list[str], float]] = field(default_factory=list)
    _page_row_top: float = 0.0

    # --- measuring -----------------------------------------------------------------------------------------

    def _layout_info(self) -> float:
        """Wrap the information block; returns its bottom (mm from the top, in points)."""
        value_w = INFO_RIGHT - INFO_X - INFO_LABEL_W
        self._info_rows = [(label, *_info_value(visible(value), value_w)) for label, value in self.info if value]
        lines = sum(len(values) for _, values, _ in self._info_rows)
        self._page_row_top = INFO_TOP + lines * INFO_PITCH
        return self._page_row_top + INFO_PITCH  # one row kept for "Seite 1 von n"

    def _footer_lines(self) -> tuple[list[str], list[str], list[str]]:
        lh = self.letterhead
        address = [s for s in (lh.office_name, lh.department, lh.street, lh.town) if s]
        contact = [
            s
            for s in (
                f"Telefon {lh.phone}" if lh.phone else "",
                f"E-Mail {lh.email}" if lh.email else "",
                f"Internet {lh.website}" if lh.website else "",
            )
            if s
        ]
        hours = ["Öffnungszeiten", *lh.opening_hours] if lh.opening_hours else []
        return address, contact, hours

    def _footer_top(self) -> float:
        columns = self._footer_lines()
        rows = max((len(c) for c in columns), default=0) + len(self.letterhead.footer)
        return PAGE_H - 10 * mm - rows * FOOTER_PITCH if rows else PAGE_H - BOTTOM

    def frames(self) -> tuple[Frame, Frame]:
        later = Frame(LEFT, BOTTOM, TEXT_W, PAGE_H - LATER_TOP - BOTTOM, 0, 0, 0, 0, id="later")
        if self.layout == "letter":
            top = max(SUBJECT_TOP, self._layout_info() + 5 * mm)
            bottom = PAGE_H - self._footer_top() + 5 * mm
        elif self.layout == "internal":
            top, bottom = 30 * mm, BOTTOM
        else:
            top, bottom = 20 * mm, BOTTOM
        first = Frame(LEFT, bottom, TEXT_W, PAGE_H - top - bottom, 0, 0, 0, 0, id="first")
        return first, later

    # --- drawing -----------------------------------------------------------------------------------------------

    def draw_first(self, canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        if self.layout == "letter":
            _marks(canvas)
            self._draw_letterhead(canvas)
            self._draw_address(canvas)
            self._draw_info(canvas)
            self._draw_footer(canvas)
        elif self.layout == "internal":
            lh = self.letterhead
            canvas.setFont(FONT, 8)
            canvas.setFillColor(GREY)
            canvas.drawString(LEFT, y(15 * mm), visible(" · ".join(s for s in (lh.office_name, lh.department) if s)))
        canvas.restoreState()

    def draw_later(self, canvas: Canvas, _doc: Any) -> None:
        if self.running_head and self.layout != "blank":
            canvas.saveState()
            canvas.setFont(FONT, 8)
            canvas.setFillColor(GREY)
            canvas.drawString(LEFT, y(15 * mm), visible(self.running_head))
            canvas.restoreState()

    def draw_page_number(self, canvas: Canvas, number: int, total: int) -> None:
        if total < 2:
            return
        text = f"Seite {number} von {total}"
        canvas.saveState()
        if self.layout == "letter" and number == 1:
            self._info_row(canvas, self._page_row_top, "Seite", [f"{number} von {total}"])
        elif self.layout == "blank":
            canvas.setFont(FONT, 8)
            canvas.drawCentredString(PAGE_W / 2, 10 * mm, text)
        else:
            canvas.setFont(FONT, 8)
            canvas.setFillColor(GREY)
            canvas.drawRightString(PAGE_W - RIGHT, y(15 * mm), text)
        canvas.restoreState()

    def _draw_letterhead(self, canvas: Canvas) -> None:
        lh = self.letterhead
        if lh.logo:
            self._draw_logo(canvas, lh.logo)
        canvas.setFillColor(Color(0, 0, 0))
        size = 15.0
        name = visible(lh.office_name)
        while size > 9 and width(name, size, bold=True) > 95 * mm:
            size -= 0.5
        canvas.setFont(FONT_BOLD, size)
        canvas.drawString(LEFT, y(20 * mm), name)
        if lh.department:
            canvas.setFont(FONT, 9.5)
            canvas.drawString(LEFT, y(26 * mm), visible(lh.department))

    def _draw_logo(self, canvas: Canvas, logo: bytes) -> None:
        try:
            image = ImageReader(BytesIO(logo))
            w, h = image.getSize()
        except Exception:  # a damaged image must not stop the letter; the dialog says so
            self.warnings.append("Das Logo im Briefkopf lässt sich nicht lesen und wird weggelassen.")
            return
        box_w, box_h = 55 * mm, 25 * mm
        scale = min(box_w / w, box_h / h)
        dw, dh = w * scale, h * scale
        canvas.drawImage(image, PAGE_W - RIGHT - dw, y(10 * mm) - dh, dw, dh, mask="auto")

    def _draw_address(self, canvas: Canvas) -> None:
        lh = self.letterhead
        zone_bottom = ADDRESS_TOP + NOTE_ZONE
        sender = " · ".join(s for s in (lh.office_name, lh.street, lh.town) if s)
        if sender:
            sender = visible(sender)
            size = 7.0
            while size > 5 and width(sender, size) > ADDRESS_W - 5 * mm:
                size -= 0.25
            canvas.setFont(FONT, size)
            canvas.setFillColor(GREY)
            canvas.drawString(LEFT, y(zone_bottom - 1.6 * mm), sender)
        if self.addressee is None:
            return
        if self.addressee.postal_note:
            canvas.setFont(FONT_BOLD, 8)
            canvas.setFillColor(Color(0, 0, 0))
            canvas.drawString(LEFT, y(zone_bottom - 6 * mm), visible(self.addressee.postal_note))
        canvas.setFillColor(Color(0, 0, 0))
        canvas.setFont(FONT, ADDRESS_SIZE)
        for index, line in enumerate(self.addressee.lines):
            canvas.drawString(LEFT, y(zone_bottom + 4.0 * mm + index * ADDRESS_PITCH), line)

    def _info_row(self, canvas: Canvas, top: float, label: str, values: list[str], size: float = 8.5) -> None:
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawString(INFO_X, y(top + 2.8 * mm), label)
        canvas.setFont(FONT, size)
        canvas.setFillColor(Color(0, 0, 0))
        for index, value in enumerate(values):
            canvas.drawString(INFO_X + INFO_LABEL_W, y(top + 2.8 * mm + index * INFO_PITCH), value)

    def _draw_info(self, canvas: Canvas) -> None:
        top = INFO_TOP
        for label, values, size in self._info_rows:
            self._info_row(canvas, top, label, values, size)
            top += len(values) * INFO_PITCH

    def _draw_footer(self, canvas: Canvas) -> None:
        columns = self._footer_lines()
        if not any(columns) and not self.letterhead.footer:
            return
        top = self._footer_top()
        canvas.setStrokeColor(MARK_GREY)
        canvas.setLineWidth(0.4)
        canvas.line(LEFT, y(top - 2 * mm), PAGE_W - RIGHT, y(top - 2 * mm))
        canvas.setFont(FONT, FOOTER_SIZE)
        canvas.setFillColor(GREY)
        xs = (LEFT, LEFT + 58 * mm, LEFT + 116 * mm)
        for x, column in zip(xs, columns, strict=True):
            for index, line in enumerate(column):
                _fitted(canvas, x, y(top + 1.2 * mm + index * FOOTER_PITCH), visible(line), 56 * mm)
        row = max((len(c) for c in columns), default=0)
        for index, line in enumerate(self.letterhead.footer):
            _fitted(canvas, LEFT, y(top + 1.2 * mm + (row + index) * FOOTER_PITCH), visible(line), TEXT_W)


def _fitted(canvas: Canvas, x: float, base: float, text: str, limit: float) -> None:
    """Footer text in 7 pt, smaller (down to 5 pt) when it would run into the next column."""
    size = FOOTER_SIZE
    while size > 5 and width(text, size) > limit:
        size -= 0.25
    canvas.setFont(FONT, size)
    canvas.drawString(x, base, text)


def _marks(canvas: Canvas) -> None:
    canvas.setStrokeColor(MARK_GREY)
    canvas.setLineWidth(0.4)
    for top in FOLD_MARKS:
        canvas.line(4 * mm, y(top), 9 * mm, y(top))
    canvas.line(4 * mm, y(HOLE_MARK), 11 * mm, y(HOLE_MARK))


def _info_value(text: str, limit: float) -> tuple[list[str], float]:
    """One line in 8.5 pt, or down to 7 pt; longer values wrap (an e-mail address after its "@")."""
    size = 8.5
    while size > 7 and width(text, size) > limit:
        size -= 0.25
    if width(text, size) <= limit:
        return [text], size
    if "@" in text and " " not in text:
        local, _, domain = text.partition("@")
        parts = [local + "@", domain]
        if all(width(p, 8.5) <= limit for p in parts):
            return parts, 8.5
    return _wrap_chars(text, limit, 8.5), 8.5


def _wrap_chars(text: str, limit: float, size: float) -> list[str]:
    """Wrap at spaces, and inside a word (an e-mail address) only where it must."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if width(candidate, size) <= limit:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        for ch in word:
            if width(current + ch, size) > limit and current:
                lines.append(current)
                current = ""
            current += ch
    if current or not lines:
        lines.append(current)
    return lines


def build_pdf(
    frame: PageFrame, story: list[Flowable], *, title: str, author: str, invariant: bool = False
) -> tuple[bytes, int]:
    """Lay the story out on the page frame; returns the PDF bytes and the number of pages."""
    register_fonts()
    out = BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        title=title,
        author=author,
        creator="KRM Desktop",
        subject=title,
        invariant=int(invariant),
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=LATER_TOP,
        bottomMargin=BOTTOM,
    )
    first, later = frame.frames()
    doc.addPageTemplates(
        [
            PageTemplate("first", [first], onPage=frame.draw_first, autoNextPageTemplate="later"),
            PageTemplate("later", [later], onPage=frame.draw_later),
        ]
    )
    doc.build(story, canvasmaker=numbered(frame.draw_page_number))
    return out.getvalue(), doc.page
