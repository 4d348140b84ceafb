"""Reading PDFs back in tests: text, text positions (mm from the top-left corner), images."""

from __future__ import annotations

import re
from dataclasses import dataclass
from io import BytesIO

from pypdf import PdfReader

MM = 72 / 25.4
PAGE_H_MM = 297.0


@dataclass(frozen=True)
class Placed:
    text: str
    x_mm: float  # from the left edge
    top_mm: float  # baseline, from the top edge


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages]


def text(pdf: bytes) -> str:
    return "\n".join(pages_text(pdf))


def flowing(pdf: bytes) -> str:
    """The text of all pages without running heads and page numbers, so text across pages reads on."""
    head = re.compile(r"^(KRM-\d{4}-\d{4,6} · .* vom \d\d\.\d\d\.\d{4})?\s*(Seite \d+ von \d+)?$")
    return "\n".join(line for line in text(pdf).split("\n") if not head.match(line.strip()))


def squeezed(value: str) -> str:
    """Without any whitespace: line wrapping and extraction may add or move it."""
    return "".join(value.split())


def placed(pdf: bytes, page: int = 0) -> list[Placed]:
    found: list[Placed] = []

    def visit(chunk: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if not chunk.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        found.append(Placed(chunk.strip(), x / MM, PAGE_H_MM - y / MM))

    PdfReader(BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return found


def find(pdf: bytes, needle: str, page: int = 0) -> Placed:
    hits = [p for p in placed(pdf, page) if needle in p.text]
    assert hits, f"„{needle}“ nicht auf Seite {page + 1}: {[p.text for p in placed(pdf, page)]}"
    return hits[0]


def image_count(pdf: bytes) -> int:
    count = 0
    for page in PdfReader(BytesIO(pdf)).pages:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") if hasattr(resources, "get") else None
        if xobjects:
            for ref in xobjects.values():
                if ref.get_object().get("/Subtype") == "/Image":
                    count += 1
    return count


def png_bytes(image: object) -> bytes:
    out = BytesIO()
    image.save(out, format="PNG")  # type: ignore[attr-defined]
    return out.getvalue()
