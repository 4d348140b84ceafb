"""The report's sections of their own for Eingaben and petitions (direct ones apart from those received through
other institutions) and for the Meinungskarten by Lob/Anregung/Kritik (DOMAIN.md §6)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from krm_desktop.documents.reports import charts
from krm_desktop.documents.reports.layout import grid_table, paragraph
from krm_desktop.documents.reports.numbers import de_int, de_pct
from krm_desktop.model.codes import OUTCOMES, VIAS
from krm_desktop.model.reports.figures import Figures, pct
from krm_desktop.model.reports.petitions import DIRECT, PETITION_SECTION_KINDS, PetitionFigures, PetitionTally

OTHER_BODIES = "über andere Stellen"


def _of(part: int, whole: int) -> str:
    return f"{de_int(part)} von {de_int(whole)}"


def _by_via(p: PetitionFigures) -> list[Flowable]:
    def line(text: str, **where: object) -> list[str]:
        counts = [p.slice(kind, **where).cases for kind in PETITION_SECTION_KINDS]  # type: ignore[arg-type]
        return [text, *map(de_int, counts), de_int(sum(counts))]

    body = [line("direkt", via=DIRECT), line(f"{OTHER_BODIES}, zusammen", direct=False)]
    body += [line(f"– {VIAS.get(via, via)}", via=via) for via in VIAS if via != DIRECT and p.slice(via=via).cases]
    total = ["Summe", *(de_int(p.slice(kind).cases) for kind in PETITION_SECTION_KINDS), de_int(p.cases)]
    widths = [82 * mm, 28 * mm, 28 * mm, 28 * mm]
    return [grid_table(["Eingang über", "Petitionen", "Eingaben", "zusammen"], body, widths, total=total)]


def _deadlines_and_outcomes(p: PetitionFigures) -> list[Flowable]:
    slices: list[PetitionTally] = [p.slice(direct=True), p.slice(direct=False), p.slice()]
    rows = [
        ["Fälle", *(de_int(s.cases) for s in slices)],
        ["Vorlage an die Geschäftsführung fristgerecht", *(_of(s.gf_on_time, s.gf_counted) for s in slices)],
        ["– Quote", *(de_pct(pct(s.gf_on_time, s.gf_counted)) for s in slices)],
        ["Stellungnahme bis zur Frist der einsendenden Stelle", *(_of(s.body_on_time, s.body_counted) for s in slices)],
        ["– Quote", *(de_pct(pct(s.body_on_time, s.body_counted)) for s in slices)],
        ["– Frist der Stelle läuft noch", *(de_int(s.body_clock - s.body_counted) for s in slices)],
        ["ohne Frist der einsendenden Stelle", *(de_int(s.without_body_due) for s in slices)],
    ]
    rows += [
        [f"Ergebnis {text} (Anliegen)", *(de_int(s.outcomes.get(code, 0)) for s in slices)]
        for code, text in OUTCOMES.items()
    ]
    rows.append(["noch ohne Ergebnis (Anliegen)", *(de_int(s.outcomes.get(None, 0)) for s in slices)])
    widths = [70 * mm, 28 * mm, 40 * mm, 28 * mm]
    return [grid_table(["", "direkt", OTHER_BODIES, "zusammen"], rows, widths)]


def petitions_section(figures: Figures, number: int) -> list[Flowable]:
    p = figures.petitions
    parts: list[Flowable] = [CondPageBreak(90 * mm), paragraph(f"{number}. Eingaben und Petitionen", "h1")]
    if not p.cases:
        return [*parts, paragraph("Im Berichtszeitraum gingen keine Eingaben oder Petitionen ein.")]
    direct, other = p.slice(direct=True).cases, p.slice(direct=False).cases
    parts += [
        paragraph(
            f"{de_int(p.slice('petition').cases)} Petitionen und {de_int(p.slice('eingabe').cases)} Eingaben gingen "
            f"ein: {de_int(direct)} direkt, {de_int(other)} über andere Stellen (zugeleitet etwa von der Agentur für "
            "Arbeit, dem kommunalen Träger, der Regionaldirektion, dem BMAS oder dem Petitionsausschuss); diese "
            "werden gesondert ausgewiesen."
        ),
        *_by_via(p),
        Spacer(1, 3 * mm),
        KeepTogether(
            [
                paragraph("Fristen und Ergebnisse", "h2"),
                *_deadlines_and_outcomes(p),
                paragraph(
                    "Gezählt sind Petitionen und Eingaben nach dem Eingang im Berichtszeitraum. Die Vorlage an die "
                    "Geschäftsführung ist am Eingangstag fällig (Sofortsache); gezählt, wenn vorgelegt oder fällig. "
                    "Die Stellungnahme ist fristgerecht, wenn sie bis zur Frist der einsendenden Stelle versandt "
                    "(oder der Fall ohne sie abgeschlossen) wurde; Fristen, die noch laufen, sind nicht gezählt.",
                    "note",
                ),
            ]
        ),
    ]
    return parts


def cards_section(figures: Figures, number: int) -> list[Flowable]:
    parts: list[Flowable] = [CondPageBreak(70 * mm), paragraph(f"{number}. Meinungskarten", "h1")]
    if not figures.cards:
        return [*parts, paragraph("Im Berichtszeitraum gingen keine Meinungskarten ein.")]
    shown = [r for r in figures.card_tenors if r.cases or r.key != "none"]
    body = [[r.label, de_int(r.cases), de_pct(r.share)] for r in shown]
    cards = sum(r.cases for r in figures.card_tenors)
    return [
        *parts,
        paragraph(f"{de_int(cards)} Meinungskarten, nach ihrem Tenor:"),
        grid_table(
            ["Tenor", "Karten", "Anteil"],
            body,
            [100 * mm, 33 * mm, 33 * mm],
            total=["Summe", de_int(cards), de_pct(100.0)],
        ),
        Spacer(1, 3 * mm),
        charts.bar_chart([r.label for r in shown], [r.cases for r in shown]),
    ]
