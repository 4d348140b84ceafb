"""The reports' deadline figures have a line of their own for „Eingangsbestätigung entfallen" (PDF and CSV)."""

from __future__ import annotations

import re
from datetime import date
from io import BytesIO

from pypdf import PdfReader

from krm_desktop.documents.reports.csv_file import report_rows
from krm_desktop.documents.reports.pdf import render_report_pdf
from krm_desktop.model.reports.figures import Deadlines, Figures, Row
from krm_desktop.model.reports.periods import Period
from krm_desktop.model.reports.texts import ReportTexts


def figures() -> Figures:
    period = Period(2025)
    found = Figures(period, date(2026, 1, 10), cases=40, concerns=40, closed=40)
    found.by_kind = [Row("beschwerde", "Beschwerde", 40, 40, 100.0)]
    found.by_month = [Row(f"2025-{m:02d}", f"Monat {m}", 4 if m < 11 else 0, 4, 10.0) for m in period.months]
    found.deadlines = Deadlines(ack_clock=30, ack_counted=30, ack_on_time=27, ack_waived=7)
    return found


def test_the_pdf_has_a_line_for_waived_acknowledgements() -> None:
    pdf = render_report_pdf(figures(), ReportTexts(), recipient="gf", office_name="JC Pankow")
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages))
    assert "Eingangsbestätigung fristgerecht 27 von 30 90,0 %" in text
    assert "Eingangsbestätigung entfallen 7" in text


def test_the_csv_has_a_row_for_waived_acknowledgements() -> None:
    rows = {(section, key): (text, value) for section, key, text, value in report_rows(figures())}
    assert rows[("deadline", "ack_waived")] == ("Eingangsbestätigung entfallen", 7)
    assert rows[("deadline", "ack_on_time_pct")][1] == 90.0
