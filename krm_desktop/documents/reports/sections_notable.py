"""The report's Auffälligkeiten (what changed notably against the previous period) and the qualitative part per
kind category (Pankow), both in the embedded font so that "→" and every name print as typed."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from krm_desktop.documents.page.fonts import FONT, register_fonts
from krm_desktop.documents.reports.layout import STYLES, paragraph, user_text
from krm_desktop.documents.reports.numbers import de_int
from krm_desktop.model.reports.categories import CATEGORIES
from krm_desktop.model.reports.figures import Figures
from krm_desktop.model.reports.notable import notable_changes
from krm_desktop.model.reports.texts import ReportTexts


def _bullet_style() -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle("notable", STYLES["bullet"], fontName=FONT, fontSize=9.5)


def notable_part(figures: Figures) -> list[Flowable]:
    """Beneath the comparison: the list, or a sentence that nothing changed notably."""
    if figures.previous is None or figures.empty:
        return []
    items = notable_changes(figures, figures.previous)
    parts: list[Flowable] = [paragraph("Auffälligkeiten gegenüber dem Vorzeitraum", "h2")]
    if not items:
        return [
            *parts,
            paragraph(
                "Keine auffälligen Veränderungen: keine Anliegensart, kein Eingangsweg, kein Team und kein Thema "
                "änderte sich um mindestens die Hälfte und zugleich um mindestens fünf Fälle, und keine Fristquote "
                "sank um zehn Prozentpunkte oder mehr.",
                "note",
            ),
        ]
    style = _bullet_style()
    parts += [Paragraph(escape(item.text), style, bulletText="•") for item in items]
    parts.append(
        paragraph(
            "Auffällig ist eine Änderung um mindestens die Hälfte und zugleich um mindestens fünf Fälle (Fälle mit "
            "einem Anliegen der Art, je Eingangsweg, Team oder Thema) oder eine Fristquote, die um zehn "
            "Prozentpunkte oder mehr sank.",
            "note",
        )
    )
    return parts


def category_texts(texts: ReportTexts, figures: Figures) -> list[Flowable]:
    """The qualitative part per category, each under its heading with the category's number of concerns."""
    written = dict((code, text) for code, _, text in texts.category_sections())
    if not written:
        return []
    parts: list[Flowable] = [paragraph("Nach Kategorien", "h2")]
    for category in CATEGORIES:
        if category.code not in written:
            continue
        count = figures.kind_concerns(*category.kinds)
        parts.append(paragraph(f"{category.label} ({de_int(count)} Anliegen)", "h3"))
        parts += user_text(written[category.code])
    return parts
