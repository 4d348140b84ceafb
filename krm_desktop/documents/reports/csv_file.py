"""The report's figures as CSV for German Excel: semicolon, UTF-8 with BOM, decimal comma, CRLF.

Columns `Kennzahl;Schlüssel;Bezeichnung;Wert;Kennzahl (deutsch)`. `Kennzahl` is a stable code, `Schlüssel` the code
of DESIGN.md §2 where one exists; `Kennzahl (deutsch)` says in German what the row is (`csv_labels`), the last column
so that tools reading the first four keep working. `Wert` is a whole number, or a decimal with comma (percentages, days); empty where there
is no value (a share of nothing). Counts of a breakdown are concerns (Anliegen); the same breakdown with the
suffix `_cases` gives the number of cases.

| Kennzahl | Schlüssel |
|---|---|
| period | the period code (2025, 2025-H1, 2025-Q3); Bezeichnung names it; Wert empty |
| note | empty: the period has no cases (Bezeichnung says so); Wert empty |
| cases | total, closed, open, anonymised |
| concerns | total |
| kind, kind_cases | kind codes (beschwerde, lob, …) |
| channel, channel_cases | channel codes (brief, email, …) |
| via, via_cases | via codes (direkt, agentur, …) |
| area, area_cases | the Bereich's name; `none` without Bereich |
| team, team_cases | the team's name; `none` without team |
| month, month_cases | YYYY-MM |
| outcome | begruendet, unbegruendet, nicht_bewertbar, open (complaint concerns without outcome) |
| outcome_pct | begruendet, unbegruendet, nicht_bewertbar: share of the assessed complaint concerns |
| folgereaktion | cases, pct (of all cases) |
| meinungskarte | cases, pct (of all cases) |
| dab | total, decided, reclassified, reclassified_fachaufsichtsbeschwerde, reclassified_beschwerde, undecided |
| deadline | ack_on_time_pct, answer_on_time_pct, answer_or_interim_on_time_pct, interim_sent, interim_on_time, ack_clock, ack_counted, ack_on_time, ack_running, ack_waived, answer_clock, answer_counted, answer_on_time, answer_running |
| processing_days | median, p90, closed (cases measured) |
| topic, topic_concerns | the topic's name (cases; concerns); `none`: cases without topic |
| card_tenor, card_tenor_pct | lob, anregung, kritik, none (ohne Angabe): Meinungskarten; share of the cards |
| petition_cases | `<kind>:<via>` for petition and eingabe and every via code: cases |
| petition_direct, petition_other, petition_total | direct, through other institutions, all petitions and Eingaben: cases, gf_counted, gf_on_time, gf_on_time_pct, body_clock, body_counted, body_on_time, body_on_time_pct, body_running, without_body_due, outcome_begruendet, outcome_unbegruendet, outcome_nicht_bewertbar, outcome_open |
| notable | `<group>:<key>` (rate:ack, rate:answer, kind:<code>, channel:<code>, team:<name>, topic:<name>): the Auffälligkeiten; Bezeichnung with the figures, Wert the current one |
| previous | the comparison figures of the previous period (cases, concerns, complaints, lob, folgereaktion, meinungskarte, begruendet_pct, ack_on_time_pct, answer_on_time_pct, processing_median) |
"""

from __future__ import annotations

import csv
import io

from krm_desktop.documents.reports.csv_labels import kennzahl_de
from krm_desktop.documents.reports.csv_sections import card_rows, empty_rows, notable_rows, petition_rows
from krm_desktop.model.reports.figures import Figures, Row

HEADER = ("Kennzahl", "Schlüssel", "Bezeichnung", "Wert", "Kennzahl (deutsch)")
BOM = "\ufeff"


def csv_value(value: float | None) -> str:
    """12 -> "12"; 12.5 -> "12,5"; None -> "" (no thousands separator: Excel reads the number as it is)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    return f"{value:.1f}".replace(".", ",")


def _safe(text: str) -> str:
    """Text that Excel would take for a formula (=, +, -, @ first) gets a leading apostrophe."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _breakdown(code: str, rows: list[Row]) -> list[tuple[str, str, str, float | None]]:
    def text(r: Row) -> str:
        return f"{r.label} ({r.group})" if r.group else r.label

    lines: list[tuple[str, str, str, float | None]] = [(code, r.key, text(r), r.concerns) for r in rows]
    lines += [(f"{code}_cases", r.key, text(r), r.cases) for r in rows]
    return lines


def report_rows(figures: Figures) -> list[tuple[str, str, str, float | None]]:
    """(Kennzahl, Schlüssel, Bezeichnung, Wert) of every figure, in the order of the file."""
    f, d, p, dab = figures, figures.deadlines, figures.processing, figures.dab
    stand = f"Stand {f.today:%d.%m.%Y}" + (", vorläufig" if f.provisional else "")
    rows: list[tuple[str, str, str, float | None]] = [
        ("period", f.period.code, f"{f.period.label} ({f.period.span_text}), {stand}", None),
        *empty_rows(f),
        ("cases", "total", "Kundenreaktionen", f.cases),
        ("cases", "closed", "abgeschlossen", f.closed),
        ("cases", "open", "offen", f.open),
        ("cases", "anonymised", "davon anonymisiert", f.anonymised),
        ("concerns", "total", "Anliegen", f.concerns),
    ]
    rows += _breakdown("kind", f.by_kind)
    rows += _breakdown("channel", f.by_channel)
    rows += _breakdown("via", f.by_via)
    rows += _breakdown("area", f.by_area)
    rows += _breakdown("team", f.by_team)
    rows += _breakdown("month", f.by_month)
    rows += [("outcome", r.key, r.label, r.concerns) for r in f.outcomes]
    rows += [("outcome_pct", r.key, f"Anteil {r.label}", r.share) for r in f.outcomes if r.key != "open"]
    rows += [
        ("folgereaktion", "cases", "Folgereaktionen", f.followups),
        ("folgereaktion", "pct", "Anteil Folgereaktionen an allen Kundenreaktionen", f.followup_pct),
        ("meinungskarte", "cases", "Meinungskarten", f.cards),
        ("meinungskarte", "pct", "Anteil Meinungskarten an allen Kundenreaktionen", f.card_pct),
        *card_rows(f),
        *petition_rows(f),
        ("dab", "total", "Dienstaufsichtsbeschwerden", dab.total),
        ("dab", "decided", "von der Geschäftsführung entschieden", dab.decided),
        ("dab", "reclassified", "umgedeutet", dab.reclassified),
        ("dab", "reclassified_fachaufsichtsbeschwerde", "umgedeutet in Fachaufsichtsbeschwerde", dab.reclassified_fach),
        ("dab", "reclassified_beschwerde", "umgedeutet in Beschwerde", dab.reclassified_beschwerde),
        ("dab", "undecided", "noch nicht entschieden", dab.undecided),
        ("deadline", "ack_on_time_pct", "Eingangsbestätigung fristgerecht (%)", d.ack_on_time_pct),
        ("deadline", "answer_on_time_pct", "Antwort fristgerecht (%)", d.answer_on_time_pct),
        (
            "deadline",
            "answer_or_interim_on_time_pct",
            "Antwort oder Zwischennachricht fristgerecht (%)",
            d.answer_or_interim_on_time_pct,
        ),
        ("deadline", "interim_sent", "Zwischennachrichten versandt", d.interim_sent),
        ("deadline", "interim_on_time", "Zwischennachrichten bis zur Antwortfrist", d.interim_on_time),
        ("deadline", "ack_clock", "Fälle mit Frist für die Eingangsbestätigung", d.ack_clock),
        ("deadline", "ack_counted", "davon fällig oder erledigt", d.ack_counted),
        ("deadline", "ack_on_time", "davon fristgerecht", d.ack_on_time),
        ("deadline", "ack_running", "Frist läuft noch", d.ack_running),
        ("deadline", "ack_waived", "Eingangsbestätigung entfallen", d.ack_waived),
        ("deadline", "answer_clock", "Fälle mit Antwortfrist", d.answer_clock),
        ("deadline", "answer_counted", "davon fällig oder erledigt", d.answer_counted),
        ("deadline", "answer_on_time", "davon fristgerecht", d.answer_on_time),
        ("deadline", "answer_running", "Frist läuft noch", d.answer_running),
        ("processing_days", "median", "Bearbeitungsdauer in Tagen (Median)", p.median),
        ("processing_days", "p90", "Bearbeitungsdauer in Tagen (90. Perzentil)", p.p90),
        ("processing_days", "closed", "abgeschlossene Fälle (ohne Meinungskarten)", p.closed),
    ]
    rows += [("topic", r.key, r.label, r.cases) for r in f.topics]
    rows.append(("topic", "none", "ohne Thema", f.no_topic))
    rows += [("topic_concerns", r.key, r.label, r.concerns) for r in f.topics]
    if f.previous is not None:
        label = f.previous.period.label
        rows += [("previous", key, f"{text} ({label})", value) for key, text, value, _ in f.previous.key_figures()]
    return rows + notable_rows(f)


def render_report_csv(figures: Figures) -> bytes:
    """The CSV file's bytes (UTF-8 with BOM)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for code, key, text, value in report_rows(figures):
        writer.writerow((code, _safe(key), _safe(text), csv_value(value), kennzahl_de(code)))
    return (BOM + out.getvalue()).encode("utf-8")
