"""User text into ReportLab: visible characters only, markup escaped, line breaks kept.

Everything a person typed (names, subjects, reasons, edited letter text) goes through `markup` before it
enters a Paragraph: ``<b>``, ``&`` and ``<img src=…>`` print literally and never make ReportLab open a
file. A character the embedded font cannot show is replaced by a visible mark (never silently dropped),
and `replaced` says how many, so the dialog can tell the person before printing. Characters beyond the
Basic Multilingual Plane (most emoji) are replaced too, even where DejaVu has a glyph: ReportLab writes
their ToUnicode entries wrongly, so copying, searching and screen readers would get them wrong. So are
right-to-left letters (Arabic, Hebrew): ReportLab alone neither reorders nor shapes them, and a name
printed backwards in unjoined letters would look right to nobody.
"""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape as _xml_escape

from krm_desktop.documents.page.fonts import covered

REPLACEMENT = "\ufffd"  # �, shown by the embedded font
_RIGHT_TO_LEFT = frozenset({"R", "AL", "RLE", "RLO", "RLI"})
_SPACES = {"\t": "    ", "\r": "", "\u2028": "\n", "\u2029": "\n\n", "\x0b": "\n", "\x0c": "\n"}


def visible(text: str) -> str:
    """The text as it will print: NFC-composed, tabs as spaces, unknown characters as �."""
    text = unicodedata.normalize("NFC", text)
    glyphs = covered()
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch in _SPACES:
            out.append(_SPACES[ch])
        elif ch == "\n" or (
            ord(ch) <= 0xFFFF
            and ord(ch) in glyphs
            and category not in ("Cc", "Cs", "Co", "Cn")
            and unicodedata.bidirectional(ch) not in _RIGHT_TO_LEFT
            # a combining mark needs a letter it was kept with; alone it would print detached
            and not (category.startswith("M") and not (out and out[-1] not in (REPLACEMENT, " ", "\n")))
        ):
            out.append(ch)
        else:
            out.append(REPLACEMENT)
    return "".join(out)


def replaced(text: str) -> int:
    """How many characters of `text` the font cannot show (they print as �)."""
    return visible(text).count(REPLACEMENT) - unicodedata.normalize("NFC", text).count(REPLACEMENT)


def markup(text: str) -> str:
    """Paragraph markup for literal user text: escaped, runs of spaces kept, line breaks as <br/>."""
    lines = []
    for line in visible(text).split("\n"):
        escaped = _xml_escape(line)
        # ReportLab collapses runs of spaces; keep indentation and double spaces visible.
        escaped = escaped.replace("  ", " \u00a0")
        if escaped.startswith(" "):
            escaped = "\u00a0" + escaped[1:]
        lines.append(escaped)
    return "<br/>".join(lines)
