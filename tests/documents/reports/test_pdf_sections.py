"""The report's new sections read back from the PDF (pypdf): the Auffälligkeiten beneath the comparison,
Eingaben and petitions on their own, the Meinungskarten by tenor, the qualitative part per category, and a period
without cases."""

from __future__ import annotations

import re
from io import BytesIO

from pypdf import PdfReader

from krm_desktop.documents.reports.files import render_report
from krm_desktop.model.reports.figures import compute_figures
from krm_desktop.model.reports.periods import Period
from krm_desktop.model.reports.texts import ReportTexts
from krm_desktop.model.store.entities import Case
from tests.report_data import TODAY, report_cases, report_db_path, report_template  # noqa: F401


def text_of(data: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages))


def test_the_new_sections_of_the_annual_report(report_cases) -> None:  # noqa: F811
    card = report_cases.by_name["c5"]
    Case.update(card_tenor="kritik").where(Case.id == card.id).execute()
    texts = ReportTexts(
        focus="Erreichbarkeit",
        notable="- Antwort fristgerecht: 100,0 % → 44,4 % – Personalwechsel im Team 411",
        categories={"lob": "Lob für die Eingangszone.", "petitionen": "Eine Petition, Frist knapp verfehlt."},
    )
    figures = compute_figures(Period(2025), today=TODAY)
    text = text_of(render_report(figures, "pdf", recipient="regionaldirektion", texts=texts, invariant=True))
    # the Auffälligkeiten beneath the comparison (tests/model/reports/test_notable.py computes them by hand)
    assert "Auffälligkeiten gegenüber dem Vorzeitraum" in text
    assert "Eingangsbestätigung fristgerecht: 100,0 % → 66,7 % (-33,3 Pp.)" in text
    assert "Antwort fristgerecht: 100,0 % → 44,4 % (-55,6 Pp.)" in text
    # the qualitative part: the Auffälligkeiten as commented by the office, then per category
    assert "Optimierungsansätze Keine Angaben. Auffälligkeiten" in text
    assert "Antwort fristgerecht: 100,0 % → 44,4 % – Personalwechsel im Team 411 Nach Kategorien" in text
    assert "Nach Kategorien Lob (2 Anliegen) Lob für die Eingangszone." in text
    assert "Petitionen und Eingaben (1 Anliegen) Eine Petition, Frist knapp verfehlt." in text
    assert not re.search(r"(Beschwerden|Meinungskarten) \(\d+ Anliegen\)", text)  # no text: no heading
    # c9: a petition through the Petitionsausschuss, body's date 24.11., answered 25.11., not presented to GF
    assert "1 Petitionen und 0 Eingaben gingen ein: 0 direkt, 1 über andere Stellen" in text
    assert "direkt 0 0 0" in text and "über andere Stellen, zusammen 1 0 1" in text
    assert "– Petitionsausschuss/Landtag 1 0 1" in text
    assert "Vorlage an die Geschäftsführung fristgerecht 0 von 0 0 von 1 0 von 1" in text
    assert "Stellungnahme bis zur Frist der einsendenden Stelle 0 von 0 0 von 1 0 von 1" in text
    assert "Ergebnis unbegründet (Anliegen) 0 1 1" in text
    # c5: the one Meinungskarte, Kritik
    assert "9. Meinungskarten 1 Meinungskarten, nach ihrem Tenor:" in text
    assert "Lob 0 0,0 % Anregung 0 0,0 % Kritik 1 100,0 % Summe 1 100,0 %" in text


def test_a_quarter_without_petitions_or_cards_says_so(report_cases) -> None:  # noqa: F811
    figures = compute_figures(Period(2025, quarter=1), today=TODAY)
    text = text_of(render_report(figures, "pdf", recipient="gf", texts=ReportTexts(), invariant=True))
    assert "Im Berichtszeitraum gingen keine Eingaben oder Petitionen ein." in text
    assert "Im Berichtszeitraum gingen keine Meinungskarten ein." in text
    assert "Nach Kategorien" not in text


def test_a_period_without_cases_is_a_report_that_says_so(report_cases) -> None:  # noqa: F811
    figures = compute_figures(Period(2026, quarter=2), today=TODAY)
    text = text_of(render_report(figures, "pdf", recipient="gf", texts=ReportTexts(), invariant=True))
    assert "Quartalsauswertung 2. Quartal 2026" in text
    assert "Im Zeitraum 01.04.2026 – 30.06.2026 wurden keine Kundenreaktionen erfasst." in text
    assert "Auffälligkeiten gegenüber" not in text and "Eingaben und Petitionen" not in text
