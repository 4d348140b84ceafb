"""The report PDF, checked by extracting its text again (pypdf)."""

from __future__ import annotations

import re
from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from krm_desktop.documents.reports.files import render_report
from krm_desktop.documents.reports.pdf import TEAM_FOOTNOTE, render_report_pdf
from krm_desktop.model.reports.figures import Deadlines, Figures, Processing, Row, compute_figures
from krm_desktop.model.reports.periods import Period
from krm_desktop.model.reports.texts import ReportTexts
from tests.report_data import TODAY, report_cases, report_db_path, report_template  # noqa: F401

TEXTS = ReportTexts(
    focus="Erreichbarkeit am Telefon.\n- Rückrufe <b>fehlen</b> & Mails bleiben liegen\n- Wartezeiten",
    actions="Rückrufservice ab März.",
    remarks="",
)


def pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(data)).pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def year_pdf(report_cases) -> bytes:  # noqa: F811
    figures = compute_figures(Period(2025), today=TODAY)
    return render_report(figures, "pdf", recipient="regionaldirektion", texts=TEXTS, invariant=True)


def test_title_page_names_office_recipient_and_period(year_pdf: bytes) -> None:
    first = flat(pages(year_pdf)[0])
    for words in (
        "Jobcenter Lübeck",
        "Kundenreaktionsmanagement",
        "Jahresbericht 2025",
        "Berichtszeitraum 01.01.2025 – 31.12.2025",
        "für die Regionaldirektion",
        "Stand: 20.11.2026",
    ):
        assert words in first
    assert "Vorläufige Zahlen" not in first


def test_every_page_is_numbered(year_pdf: bytes) -> None:
    texts = pages(year_pdf)
    assert len(texts) >= 4
    for number, text in enumerate(texts, start=1):
        assert f"Seite {number} von {len(texts)}" in text


def test_figures_in_german_format(year_pdf: bytes) -> None:
    text = flat(" ".join(pages(year_pdf)))
    assert (
        "Im Jahr 2025 gingen 11 Kundenreaktionen mit 14 Anliegen ein; 9 davon sind abgeschlossen, 2 noch offen." in text
    )
    assert "Kundenreaktionen (Fälle) 11 2 +9 (+450,0 %)" in text
    assert "Eingangsbestätigung fristgerecht 66,7 % 100,0 % -33,3 Pp." in text
    assert "Beschwerde 5 35,7 % 5" in text  # kind table: concerns, share, cases
    assert "begründet 3 37,5 % 3" in text
    assert "Eingangsbestätigung fristgerecht 6 von 9 66,7 %" in text
    assert "Antwort oder Zwischennachricht fristgerecht 5 von 9 55,6 %" in text
    assert "Bearbeitungsdauer in Tagen, Median 10" in text and "90. Perzentil 24" in text
    assert "Erreichbarkeit 4 36,4 % 7" in text  # top topic: cases, share, concerns
    assert "Team 411 Leistung Bereich 41 5" in text


def test_sections_and_the_office_texts_escaped(year_pdf: bytes) -> None:
    text = flat(" ".join(pages(year_pdf)))
    for heading in (
        "1. Überblick",
        "2. Schwerpunkte und Optimierung",
        "Schwerpunktthemen",
        "Optimierungsansätze",
        "3. Anliegen nach Art",
        "4. Verlauf nach Monaten",
        "5. Eingangswege",
        "6. Bereiche und Teams",
        "7. Ergebnisse der Beschwerden",
        "8. Eingaben und Petitionen",
        "9. Meinungskarten",
        "10. Fristen und Bearbeitungsdauer",
        "11. Häufigste Themen",
    ):
        assert heading in text
    assert "Rückrufe <b>fehlen</b> & Mails bleiben liegen" in text  # as typed, not as markup
    assert "Bemerkungen" not in text  # no remarks: no section


def test_pdf_is_byte_stable_with_invariant(report_cases) -> None:  # noqa: F811
    figures = compute_figures(Period(2025, quarter=4), today=TODAY)
    one = render_report(figures, "pdf", recipient="gf", texts=TEXTS, invariant=True)
    two = render_report(figures, "pdf", recipient="gf", texts=TEXTS, invariant=True)
    assert one == two
    assert "für die Dienstbesprechung der Geschäftsführung" in flat(pages(one)[0])
    assert "Quartalsauswertung 4. Quartal 2025" in flat(pages(one)[0])


def test_empty_period_says_so(report_cases) -> None:  # noqa: F811
    figures = compute_figures(Period(2026, half=1), today=TODAY)
    text = flat(" ".join(pages(render_report(figures, "pdf", recipient="traegerversammlung", texts=ReportTexts()))))
    assert "Im Zeitraum 01.01.2026 – 30.06.2026 wurden keine Kundenreaktionen erfasst." in text
    assert "Kundenreaktionen (Fälle) 0 6 -6 (-100,0 %)" in text
    assert "Eingangsbestätigung fristgerecht – " in text  # no percentage without a base
    assert "Schwerpunktthemen Keine Angaben." in text
    assert "Anliegen nach Art" not in text


def test_running_period_is_marked_provisional(report_cases) -> None:  # noqa: F811
    figures = compute_figures(Period(2026, quarter=4), today=TODAY)
    first = flat(pages(render_report(figures, "pdf", recipient="gf", texts=ReportTexts()))[0])
    assert "Vorläufige Zahlen: der Berichtszeitraum endet erst am 31.12.2026." in first


def test_large_numbers_have_thousands_separators() -> None:
    period = Period(2025)
    figures = Figures(period, date(2026, 1, 10), cases=12345, concerns=23456, closed=12000)
    figures.by_kind = [Row("beschwerde", "Beschwerde", 23456, 12345, 100.0)]
    figures.by_month = [Row(f"2025-{m:02d}", f"Monat {m}", 1954 + m, 1000, 8.3) for m in period.months]
    figures.outcomes = [Row("begruendet", "begründet", 1234, 1200, 12.5), Row("open", "ohne Ergebnis (offen)", 0, 0)]
    figures.deadlines = Deadlines(ack_clock=10000, ack_counted=10000, ack_on_time=9125)
    figures.processing = Processing(11000, 7.5, 21)
    text = flat(
        " ".join(pages(render_report_pdf(figures, ReportTexts(), recipient="regionaldirektion", office_name="JC")))
    )
    assert "Im Jahr 2025 gingen 12.345 Kundenreaktionen mit 23.456 Anliegen ein" in text
    assert "Eingangsbestätigung fristgerecht 9.125 von 10.000 91,3 %" in text
    assert "begründet 1.234 12,5 % 1.200" in text
    assert "Bearbeitungsdauer in Tagen, Median 7,5" in text


def test_the_team_table_says_that_a_case_counts_for_each_team_concerned(year_pdf: bytes) -> None:
    text = flat(" ".join(pages(year_pdf)))
    assert flat(TEAM_FOOTNOTE) in text
