"""The report CSV's rows of the sections added with issue 19: Meinungskarten by tenor, Eingaben and petitions
(direct apart from those through other institutions), the Auffälligkeiten, and the note of a period without
cases. Each row: (Kennzahl, Schlüssel, Bezeichnung, Wert)."""

from __future__ import annotations

from krm_desktop.model.codes import KINDS, OUTCOMES, VIAS
from krm_desktop.model.reports.figures import Figures, pct
from krm_desktop.model.reports.notable import notable_changes
from krm_desktop.model.reports.petitions import PETITION_SECTION_KINDS, PetitionTally

CsvRow = tuple[str, str, str, float | None]


def _tally_rows(code: str, where: str, t: PetitionTally) -> list[CsvRow]:
    rows: list[CsvRow] = [
        (code, "cases", f"Fälle {where}", t.cases),
        (code, "gf_counted", f"Vorlage an die Geschäftsführung fällig oder erledigt, {where}", t.gf_counted),
        (code, "gf_on_time", f"Vorlage an die Geschäftsführung fristgerecht, {where}", t.gf_on_time),
        (code, "gf_on_time_pct", f"Vorlage an die Geschäftsführung fristgerecht (%), {where}", pct(t.gf_on_time, t.gf_counted)),
        (code, "body_clock", f"mit Frist der einsendenden Stelle, {where}", t.body_clock),
        (code, "body_counted", f"Frist der Stelle abgelaufen oder erledigt, {where}", t.body_counted),
        (code, "body_on_time", f"Stellungnahme bis zur Frist der Stelle, {where}", t.body_on_time),
        (code, "body_on_time_pct", f"Stellungnahme bis zur Frist der Stelle (%), {where}", pct(t.body_on_time, t.body_counted)),
        (code, "body_running", f"Frist der Stelle läuft noch, {where}", t.body_clock - t.body_counted),
        (code, "without_body_due", f"ohne Frist der einsendenden Stelle, {where}", t.without_body_due),
    ]  # fmt: skip
    rows += [
        (code, f"outcome_{key}", f"Ergebnis {text} (Anliegen), {where}", t.outcomes.get(key, 0))
        for key, text in OUTCOMES.items()
    ]
    rows.append((code, "outcome_open", f"noch ohne Ergebnis (Anliegen), {where}", t.outcomes.get(None, 0)))
    return rows


def petition_rows(f: Figures) -> list[CsvRow]:
    p = f.petitions
    rows: list[CsvRow] = [
        ("petition_cases", f"{kind}:{via}", f"{KINDS[kind]}, Eingang über: {text}", p.slice(kind, via=via).cases)
        for kind in PETITION_SECTION_KINDS
        for via, text in VIAS.items()
    ]
    rows += _tally_rows("petition_direct", "direkt", p.slice(direct=True))
    rows += _tally_rows("petition_other", "über andere Stellen", p.slice(direct=False))
    rows += _tally_rows("petition_total", "zusammen", p.slice())
    return rows


def card_rows(f: Figures) -> list[CsvRow]:
    rows: list[CsvRow] = [("card_tenor", r.key, r.label, r.cases) for r in f.card_tenors]
    rows += [("card_tenor_pct", r.key, f"Anteil {r.label}", r.share) for r in f.card_tenors]
    return rows


def notable_rows(f: Figures) -> list[CsvRow]:
    return [("notable", f"{n.group}:{n.key}", n.text, n.current) for n in notable_changes(f, f.previous)]


def empty_rows(f: Figures) -> list[CsvRow]:
    if not f.empty:
        return []
    return [("note", "empty", f"Im Zeitraum {f.period.span_text} wurden keine Kundenreaktionen erfasst.", None)]
