"""The report wizard, driven like a person would: period, texts, preview, save."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from krm_desktop.model.reports.periods import Period
from krm_desktop.model.reports.texts import ReportTexts, load_texts, report_made, save_texts
from krm_desktop.ui.reports.input_pages import suggested_period
from krm_desktop.ui.reports.wizard import ReportWizard
from tests.report_data import TODAY, report_cases, report_db_path, report_template  # noqa: F401


@pytest.fixture
def wizard(report_cases, qtbot, tmp_path: Path):  # noqa: F811
    w = ReportWizard(TODAY, folder=tmp_path)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def choose(w: ReportWizard, period: Period) -> None:
    w.period_page.set_period(period)


def next_page(w: ReportWizard, qtbot) -> None:
    qtbot.mouseClick(w.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def test_suggested_period_follows_the_calendar() -> None:
    from datetime import date

    assert suggested_period(date(2026, 1, 12)) == Period(2025)
    assert suggested_period(date(2026, 7, 3)) == Period(2026, half=1)
    assert suggested_period(date(2026, 11, 20)) == Period(2026, quarter=3)


def test_starts_with_the_last_quarter_and_its_recipient(wizard) -> None:
    page = wizard.period_page
    assert page.period() == Period(2026, quarter=3)
    assert page.recipient_code() == "gf"
    page.kind.setCurrentIndex(page.kind.findData("year"))
    assert page.recipient_code() == "regionaldirektion" and not page.part.isEnabled()
    page.kind.setCurrentIndex(page.kind.findData("half"))
    assert page.recipient_code() == "traegerversammlung" and page.part.count() == 2


def test_refuses_a_year_before_the_oldest_record_next_to_the_field(wizard, qtbot) -> None:
    page = wizard.period_page
    page.kind.setCurrentIndex(page.kind.findData("year"))
    page.year.setValue(2023)
    next_page(wizard, qtbot)
    assert wizard.currentPage() is page
    assert page.error.isVisible()
    assert "älteste erfasste Kundenreaktion ist vom 03.06.2024" in page.error.text()
    page.year.setValue(2027)
    next_page(wizard, qtbot)
    assert wizard.currentPage() is page and "Zukunft" in page.error.text()
    page.year.setValue(2025)
    assert not page.error.isVisible()  # the message goes when the input changes
    next_page(wizard, qtbot)
    assert wizard.currentPage() is wizard.texts_page


def test_texts_are_prefilled_and_saved_per_period(wizard, qtbot) -> None:
    save_texts(Period(2025), ReportTexts(focus="Erreichbarkeit", actions="Rückrufe", remarks=""))
    choose(wizard, Period(2025))
    next_page(wizard, qtbot)
    edits = wizard.texts_page.edits
    assert edits["focus"].toPlainText() == "Erreichbarkeit" and edits["actions"].toPlainText() == "Rückrufe"
    edits["remarks"].setPlainText("Zahlen vorläufig <geprüft>")
    next_page(wizard, qtbot)
    assert load_texts(Period(2025)).remarks == "Zahlen vorläufig <geprüft>"
    assert load_texts(Period(2025, half=1)) == ReportTexts()  # another period has its own texts


def test_bad_text_is_refused_next_to_the_field(wizard, qtbot) -> None:
    choose(wizard, Period(2025))
    next_page(wizard, qtbot)
    wizard.texts_page.edits["actions"].setPlainText("Steuerzeichen \x07 im Text")
    next_page(wizard, qtbot)
    assert wizard.currentPage() is wizard.texts_page
    assert "Steuerzeichen" in wizard.texts_page.errors["actions"].text()
    assert wizard.texts_page.edits["actions"].toPlainText() == "Steuerzeichen \x07 im Text"  # nothing lost


def test_preview_shows_key_figures_beside_the_previous_year(wizard, qtbot) -> None:
    choose(wizard, Period(2025))
    next_page(wizard, qtbot)
    next_page(wizard, qtbot)
    table = wizard.preview_page.table
    assert wizard.currentPage() is wizard.preview_page
    cells = {table.item(r, 0).text(): [table.item(r, c).text() for c in (1, 2, 3)] for r in range(table.rowCount())}
    assert cells["Kundenreaktionen (Fälle)"] == ["11", "2", "+9 (+450,0 %)"]
    assert cells["Eingangsbestätigung fristgerecht"] == ["66,7\u00a0%", "100,0\u00a0%", "-33,3 Pp."]
    assert cells["Bearbeitungsdauer (Median, Tage)"] == ["10", "4", "+6"]
    assert table.horizontalHeaderItem(1).text() == "Jahr 2025"


def test_empty_period_preview_says_so(wizard, qtbot) -> None:
    choose(wizard, Period(2026, half=1))
    next_page(wizard, qtbot)
    next_page(wizard, qtbot)
    assert "keine Kundenreaktionen erfasst" in wizard.preview_page.note.text()


def test_saves_pdf_and_csv(wizard, qtbot, tmp_path: Path) -> None:
    choose(wizard, Period(2025))
    wizard.period_page.recipient.setCurrentIndex(wizard.period_page.recipient.findData("traegerversammlung"))
    next_page(wizard, qtbot)
    wizard.texts_page.edits["focus"].setPlainText("- Erreichbarkeit am Telefon")
    next_page(wizard, qtbot)
    next_page(wizard, qtbot)
    page = wizard.save_page
    assert Path(page.pdf_path.text()) == tmp_path / "KRM-Jahresbericht-2025.pdf"
    page.csv.setChecked(True)
    assert page.csv_path.isEnabled()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert [(s.format, s.cases, s.concerns) for s in wizard.saved] == [("pdf", 11, 14), ("csv", 11, 14)]
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "KRM-Jahresbericht-2025.pdf").pages)
    assert "für die Trägerversammlung" in text and "Erreichbarkeit am Telefon" in text
    assert (tmp_path / "KRM-Jahresbericht-2025.csv").read_bytes().startswith(b"\xef\xbb\xbfKennzahl;")
    assert report_made(Period(2025))


def test_save_refuses_missing_folder_and_no_format(wizard, qtbot, tmp_path: Path) -> None:
    choose(wizard, Period(2025))
    for _ in range(3):
        next_page(wizard, qtbot)
    page = wizard.save_page
    page.pdf_path.setText(str(tmp_path / "fehlt" / "bericht.pdf"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.isVisible() and "gibt es nicht" in page.error.text()
    page.pdf_path.setText(str(tmp_path / "bericht.txt"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert "muss auf .pdf enden" in page.error.text()
    page.pdf.setChecked(False)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert "mindestens ein Format" in page.error.text() and wizard.saved == []
    assert not (tmp_path / "bericht.txt").exists()


def test_first_page_shows_the_due_report(report_cases, qtbot, tmp_path: Path) -> None:  # noqa: F811
    from datetime import date

    w = ReportWizard(date(2026, 1, 12), folder=tmp_path)
    qtbot.addWidget(w)
    assert "Jahresbericht 2025 fällig" in w.period_page.reminder.text()
    assert w.period_page.period() == Period(2025) and w.period_page.recipient_code() == "regionaldirektion"


def test_write_error_is_shown_and_leaves_no_partial_file(wizard, qtbot, tmp_path: Path) -> None:
    choose(wizard, Period(2025))
    for _ in range(3):
        next_page(wizard, qtbot)
    (tmp_path / "ordner.pdf").mkdir()  # a folder where the file should go
    wizard.save_page.pdf_path.setText(str(tmp_path / "ordner.pdf"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.isVisible() and "Speichern nicht möglich" in wizard.save_page.error.text()
    assert not list(tmp_path.glob("*.part")) and wizard.saved == []
