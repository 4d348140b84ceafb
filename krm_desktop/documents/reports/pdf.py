"""The report as PDF (ReportLab platypus): title page for the recipient, key figures with the previous period,
the office's own texts, breakdowns with charts, deadlines, topics; page numbers "Seite x von y".

User text (the qualitative sections, team and topic names) is escaped before it enters Paragraph markup.
"""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from krm_desktop.documents.page.a4 import a4_document, numbered
from krm_desktop.documents.reports import charts
from krm_desktop.documents.reports.layout import grid_table, page_marks, paragraph, user_text
from krm_desktop.documents.reports.numbers import de_change, de_days, de_int, de_pct, de_value
from krm_desktop.documents.reports.sections_notable import category_texts, notable_part
from krm_desktop.documents.reports.sections_petitions import cards_section, petitions_section
from krm_desktop.model.reports.figures import Figures, Row
from krm_desktop.model.reports.periods import MONTHS_SHORT
from krm_desktop.model.reports.texts import RECIPIENTS, SECTIONS, ReportTexts


def _breakdown(rows: list[Row], what: str, figures: Figures) -> Table:
    body = [[r.label, de_int(r.concerns), de_pct(r.share), de_int(r.cases)] for r in rows]
    total = ["Summe", de_int(figures.concerns), de_pct(100.0 if figures.concerns else None), de_int(figures.cases)]
    return grid_table([what, "Anliegen", "Anteil", "Fälle"], body, [88 * mm, 26 * mm, 26 * mm, 26 * mm], total=total)


def _team_table(figures: Figures) -> Table:
    body = [[r.label, r.group, de_int(r.concerns), de_pct(r.share), de_int(r.cases)] for r in figures.by_team]
    total = ["Summe", "", de_int(figures.concerns), de_pct(100.0 if figures.concerns else None), de_int(figures.cases)]
    widths = [58 * mm, 50 * mm, 20 * mm, 18 * mm, 20 * mm]
    table = grid_table(["Team", "Bereich", "Anliegen", "Anteil", "Fälle"], body, widths, total=total)
    table.setStyle(TableStyle([("ALIGN", (1, 0), (1, -1), "LEFT"), ("FONT", (1, 1), (1, -1), "Helvetica", 8)]))
    return table


def _title_page(figures: Figures, recipient: str, office_name: str) -> list[Flowable]:
    period = figures.period
    parts: list[Flowable] = [
        Spacer(1, 30 * mm),
        paragraph(office_name or "Jobcenter", "office"),
        paragraph("Kundenreaktionsmanagement", "subtitle"),
        Spacer(1, 22 * mm),
        paragraph(period.title, "title"),
        Spacer(1, 6 * mm),
        paragraph(f"Berichtszeitraum {period.span_text}", "subtitle"),
        Spacer(1, 16 * mm),
        paragraph(f"für die {RECIPIENTS.get(recipient, recipient)}", "subtitle"),
        Spacer(1, 30 * mm),
        paragraph(f"Stand: {figures.today:%d.%m.%Y}", "subtitle"),
    ]
    if figures.provisional:
        parts.append(
            paragraph(
                f"Vorläufige Zahlen: der Berichtszeitraum endet erst am {period.end:%d.%m.%Y}.",
                "subtitle",
            )
        )
    parts.append(PageBreak())
    return parts


def _comparison_table(figures: Figures) -> Table:
    before = figures.period.previous()
    rows = []
    for c in figures.comparison():
        rows.append(
            [
                c.label,
                de_value(c.current, c.unit),
                de_value(c.previous, c.unit),
                de_change(c.change, c.change_pct, c.unit),
            ]
        )
    header = ["Kennzahl", figures.period.label, before.label, "Veränderung"]
    return grid_table(header, rows, [70 * mm, 32 * mm, 32 * mm, 32 * mm])


def _overview(figures: Figures) -> list[Flowable]:
    parts: list[Flowable] = [paragraph("1. Überblick", "h1")]
    if figures.empty:
        parts.append(paragraph(f"Im Zeitraum {figures.period.span_text} wurden keine Kundenreaktionen erfasst."))
    else:
        parts.append(
            paragraph(
                f"Im {figures.period.label} gingen {de_int(figures.cases)} Kundenreaktionen mit "
                f"{de_int(figures.concerns)} Anliegen ein; {de_int(figures.closed)} davon sind abgeschlossen, "
                f"{de_int(figures.open)} noch offen."
                + (
                    f" {de_int(figures.anonymised)} Fälle sind nach Ablauf der Löschfrist anonymisiert und "
                    "weiter mitgezählt."
                    if figures.anonymised
                    else ""
                )
            )
        )
    parts += [Spacer(1, 3 * mm), _comparison_table(figures)]
    if figures.previous is None:
        parts.append(paragraph("Für den Vorzeitraum liegen keine Daten vor.", "note"))
    elif figures.provisional:
        parts.append(
            paragraph(
                f"Der Berichtszeitraum läuft noch bis {figures.period.end:%d.%m.%Y}; der Vergleich mit dem "
                "abgeschlossenen Vorzeitraum ist deshalb nur eingeschränkt aussagekräftig.",
                "note",
            )
        )
    return parts + notable_part(figures)


def _texts(texts: ReportTexts, number: int, figures: Figures) -> list[Flowable]:
    parts: list[Flowable] = [paragraph(f"{number}. Schwerpunkte und Optimierung", "h1")]
    for name, heading in SECTIONS.items():
        text = getattr(texts, name)
        if not text.strip() and name in ("remarks", "notable"):
            continue
        parts.append(paragraph(heading, "h2"))
        parts += user_text(text) if text.strip() else [paragraph("Keine Angaben.", "note")]
    return parts + category_texts(texts, figures)


def _kinds(figures: Figures, number: int) -> list[Flowable]:
    shown = [r for r in figures.by_kind if r.concerns]
    return [
        paragraph(f"{number}. Anliegen nach Art", "h1"),
        _breakdown(figures.by_kind, "Anliegensart", figures),
        paragraph(
            "Eine Kundenreaktion kann bis zu drei Anliegen enthalten; gezählt werden die Anliegen. „Fälle“ nennt "
            "die Kundenreaktionen mit mindestens einem Anliegen dieser Art; ein Fall kann daher in mehreren "
            "Zeilen stehen.",
            "note",
        ),
        Spacer(1, 3 * mm),
        charts.bar_chart([r.label for r in shown], [r.concerns for r in shown]),
    ]


def _months(figures: Figures, number: int) -> list[Flowable]:
    rows = figures.by_month
    labels = [MONTHS_SHORT[int(r.key[-2:]) - 1] for r in rows]
    return [
        CondPageBreak(90 * mm),
        paragraph(f"{number}. Verlauf nach Monaten", "h1"),
        charts.month_chart(labels, [r.concerns for r in rows]),
        paragraph("Anliegen je Monat des Eingangs.", "note"),
        Spacer(1, 2 * mm),
        _breakdown(rows, "Monat", figures),
    ]


def _ways(figures: Figures, number: int) -> list[Flowable]:
    shown = [r for r in figures.by_channel if r.concerns]
    return [
        CondPageBreak(80 * mm),
        paragraph(f"{number}. Eingangswege", "h1"),
        _breakdown(figures.by_channel, "Eingangsweg", figures),
        Spacer(1, 3 * mm),
        charts.bar_chart([r.label for r in shown], [r.concerns for r in shown]),
        KeepTogether([paragraph("Eingang über", "h2"), _breakdown(figures.by_via, "Eingang über", figures)]),
    ]


def _teams(figures: Figures, number: int) -> list[Flowable]:
    return [
        CondPageBreak(60 * mm),
        paragraph(f"{number}. Bereiche und Teams", "h1"),
        _breakdown(figures.by_area, "Bereich", figures),
        paragraph("Teams", "h2"),
        _team_table(figures),
        paragraph(TEAM_FOOTNOTE, "note"),
    ]


# Several teams concerned (issue 19, item 1): the team table counts by every team concerned.
TEAM_FOOTNOTE = (
    "Jedes Anliegen zählt bei dem Team, das es betrifft. Betreffen die Anliegen eines Falls mehrere Teams, zählt "
    "der Fall bei jedem dieser Teams einmal; die Fälle der Teams ergeben dann zusammen mehr als die Summe."
)


def _complaints(figures: Figures, number: int) -> list[Flowable]:
    outcomes = [r for r in figures.outcomes if r.key != "open"]
    decided = sum(r.concerns for r in outcomes)
    body = [[r.label, de_int(r.concerns), de_pct(r.share), de_int(r.cases)] for r in figures.outcomes]
    parts: list[Flowable] = [
        CondPageBreak(90 * mm),
        paragraph(f"{number}. Ergebnisse der Beschwerden", "h1"),
        paragraph(
            f"{de_int(figures.complaints)} Anliegen waren Beschwerden (einschließlich Fach- und "
            "Dienstaufsichtsbeschwerden und Folgereaktionen); Petitionen und Eingaben werden wie Beschwerden "
            f"bewertet. Die Anteile beziehen sich auf die {de_int(decided)} bewerteten Anliegen."
        ),
        grid_table(["Ergebnis", "Anliegen", "Anteil", "Fälle"], body, [88 * mm, 26 * mm, 26 * mm, 26 * mm]),
        Spacer(1, 3 * mm),
    ]
    if decided:
        parts.append(
            charts.outcome_pie([r.label for r in outcomes], [r.concerns for r in outcomes], [r.share for r in outcomes])
        )
    dab = figures.dab
    special = [
        ["Folgereaktionen (Fälle)", de_int(figures.followups), de_pct(figures.followup_pct)],
        ["Meinungskarten", de_int(figures.cards), de_pct(figures.card_pct)],
        ["Dienstaufsichtsbeschwerden eingegangen", de_int(dab.total), ""],
        ["– von der Geschäftsführung entschieden", de_int(dab.decided), ""],
        ["– umgedeutet in Fachaufsichtsbeschwerde", de_int(dab.reclassified_fach), ""],
        ["– umgedeutet in Beschwerde", de_int(dab.reclassified_beschwerde), ""],
        ["– noch nicht entschieden", de_int(dab.undecided), ""],
    ]
    parts += [
        KeepTogether(
            [
                paragraph("Folgereaktionen, Meinungskarten, Dienstaufsichtsbeschwerden", "h2"),
                grid_table(["", "Anzahl", "Anteil an allen Fällen"], special, [100 * mm, 26 * mm, 40 * mm]),
            ]
        )
    ]
    return parts


def _deadlines(figures: Figures, number: int) -> list[Flowable]:
    d, p = figures.deadlines, figures.processing
    rows = [
        ["Eingangsbestätigung fristgerecht", f"{de_int(d.ack_on_time)} von {de_int(d.ack_counted)}", de_pct(d.ack_on_time_pct)],
        ["Antwort fristgerecht", f"{de_int(d.answer_on_time)} von {de_int(d.answer_counted)}", de_pct(d.answer_on_time_pct)],
        [
            "Antwort oder Zwischennachricht fristgerecht",
            f"{de_int(d.answer_or_interim_on_time)} von {de_int(d.answer_counted)}",
            de_pct(d.answer_or_interim_on_time_pct),
        ],
        ["Eingangsbestätigung entfallen", de_int(d.ack_waived), ""],
        ["Zwischennachrichten versandt", de_int(d.interim_sent), ""],
        ["– davon bis zur Antwortfrist", de_int(d.interim_on_time), ""],
        ["Bearbeitungsdauer in Tagen, Median", de_days(p.median), ""],
        ["Bearbeitungsdauer in Tagen, 90. Perzentil", de_days(p.p90), ""],
        ["abgeschlossene Fälle (ohne Meinungskarten)", de_int(p.closed), ""],
        ["noch offene Fälle", de_int(figures.open), ""],
    ]  # fmt: skip
    running = []
    if d.ack_running or d.answer_running:
        running.append(
            f"Noch nicht fällig und daher nicht gezählt: {de_int(d.ack_running)} Eingangsbestätigung(en), "
            f"{de_int(d.answer_running)} Antwort(en)."
        )
    return [
        CondPageBreak(70 * mm),
        paragraph(f"{number}. Fristen und Bearbeitungsdauer", "h1"),
        grid_table(["Kennzahl", "Anzahl", "Quote"], rows, [100 * mm, 40 * mm, 26 * mm]),
        paragraph(
            "Gezählt sind die Fälle mit Frist (Fälle mit Adressat, ohne Meinungskarten), deren Frist abgelaufen "
            "oder erledigt ist. Fristgerecht heißt: am Fälligkeitstag oder früher. Eine Antwort oder ein "
            "Abschluss (z. B. nach Verzicht) vor Ablauf der Frist für die Eingangsbestätigung gilt auch für diese "
            "als fristgerecht. Bearbeitungsdauer: Kalendertage vom Eingang bis zum Abschluss. " + " ".join(running),
            "note",
        ),
    ]


def _topics(figures: Figures, number: int) -> list[Flowable]:
    parts: list[Flowable] = [CondPageBreak(50 * mm), paragraph(f"{number}. Häufigste Themen", "h1")]
    if not figures.topics:
        return [*parts, paragraph("Keine Themen erfasst.", "note")]
    body = [[r.label, de_int(r.cases), de_pct(r.share), de_int(r.concerns)] for r in figures.topics]
    parts.append(grid_table(["Thema", "Fälle", "Anteil", "Anliegen"], body, [88 * mm, 26 * mm, 26 * mm, 26 * mm]))
    if figures.no_topic:
        parts.append(paragraph(f"Ohne Thema erfasst: {de_int(figures.no_topic)} Fälle.", "note"))
    return parts


def report_story(figures: Figures, texts: ReportTexts, recipient: str, office_name: str) -> list[Flowable]:
    story = _title_page(figures, recipient, office_name) + _overview(figures)
    story += _texts(texts, 2, figures)
    if figures.empty:
        return story
    sections = (_kinds, _months, _ways, _teams, _complaints, petitions_section, cards_section, _deadlines, _topics)
    for number, section in enumerate(sections, start=3):
        story += section(figures, number)
    return story


def render_report_pdf(
    figures: Figures, texts: ReportTexts, *, recipient: str, office_name: str, invariant: bool = False
) -> bytes:
    """The PDF bytes of the report."""
    out = BytesIO()
    title = f"{figures.period.title} – Kundenreaktionsmanagement"
    doc = a4_document(
        out,
        title=title,
        invariant=invariant,
        author=office_name or "KRM Desktop",
        left=20 * mm,
        bottom=18 * mm,
        subject=f"für die {RECIPIENTS.get(recipient, recipient)}",
        creator="KRM Desktop",
    )
    marks = page_marks(f"{office_name} · {title}")
    doc.build(report_story(figures, texts, recipient, office_name), canvasmaker=numbered(marks))
    return out.getvalue()
