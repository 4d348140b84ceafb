"""A4 documents: the plain page template of the summaries, protocols and reports, and the canvas that numbers
the pages ("Seite n von N") once it knows how many there are (letters use it too)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

DrawNumber = Callable[[Canvas, int, int], None]


def a4_document(
    out: BinaryIO,
    *,
    title: str,
    invariant: bool,
    author: str = "KRM Desktop",
    left: float = 25 * mm,
    bottom: float = 20 * mm,
    **metadata: Any,
) -> SimpleDocTemplate:
    """A portrait A4 document written to `out`, 20 mm from the top and the right edge; `metadata` adds PDF
    properties (subject, creator). `invariant` makes the bytes stable (tests)."""
    return SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=left,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=bottom,
        title=title,
        author=author,
        invariant=int(invariant),
        **metadata,
    )


class NumberedCanvas(Canvas):
    """Holds its pages back until it knows how many there are, then lets `draw_number` mark each one."""

    def __init__(self, *args: Any, draw_number: DrawNumber, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._draw_number = draw_number
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self._draw_number(self, number, total)
            Canvas.showPage(self)
        Canvas.save(self)


def numbered(draw_number: DrawNumber) -> Callable[..., Canvas]:
    """The canvasmaker for `doc.build` that numbers the pages with `draw_number(canvas, number, total)`."""
    return partial(NumberedCanvas, draw_number=draw_number)
