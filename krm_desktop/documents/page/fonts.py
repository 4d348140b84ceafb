"""The embedded letter font (DejaVu Sans, shipped in resources/fonts with its licence).

The program never relies on system fonts: every PDF embeds the glyphs it uses, so a letter prints the
same everywhere. DejaVu Sans covers German completely (ä ö ü ß ẞ „ “ – €) and most Latin, Greek and
Cyrillic names; what it lacks (emoji, many Asian scripts) `escape.visible` replaces by a visible mark.
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from krm_desktop.resources import resource_path

FONT = "KRM-DejaVuSans"
FONT_BOLD = "KRM-DejaVuSans-Bold"
FAMILY = "KRM-DejaVu"
_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}


@cache
def register_fonts() -> frozenset[int]:
    """Register the fonts once per process; returns the code points the regular face can show."""
    folder = resource_path("fonts")
    faces = {}
    for name, filename in _FILES.items():
        face = TTFont(name, str(folder / filename))
        pdfmetrics.registerFont(face)
        faces[name] = face
    pdfmetrics.registerFontFamily(FAMILY, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    regular = set(faces[FONT].face.charToGlyph)
    bold = set(faces[FONT_BOLD].face.charToGlyph)
    return frozenset(regular & bold)


def covered() -> frozenset[int]:
    return register_fonts()


def width(text: str, size: float, *, bold: bool = False) -> float:
    register_fonts()
    return float(pdfmetrics.stringWidth(text, FONT_BOLD if bold else FONT, size))
