"""The report wizard's texts page (issue 19): one text per category where the office writes so (Pankow), the
Auffälligkeiten beside the texts and their copy into the text, a period without cases (tests/report_data.py)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from krm_desktop.model.office.profiles import load_profile, profile_version, save_profile
from krm_desktop.model.reports.periods import Period
from krm_desktop.model.reports.texts import ReportTexts, load_texts, save_texts
from krm_desktop.ui.reports.texts_page import CATEGORY_TAB, GENERAL_TAB
from krm_desktop.ui.reports.wizard import ReportWizard
from tests.report_data import TODAY, report_cases, report_db_path, report_template  # noqa: F401

ACK = "Eingangsbestätigung fristgerecht: 100,0\u00a0% → 66,7\u00a0% (-33,3 Pp.)"
ANSWER = "Antwort fristgerecht: 100,0\u00a0% → 44,4\u00a0% (-55,6 Pp.)"


def open_wizard(qtbot, tmp_path: Path) -> ReportWizard:
    w = ReportWizard(TODAY, folder=tmp_path)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def next_page(w: ReportWizard, qtbot) -> None:
    qtbot.mouseClick(w.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


@pytest.fixture
def by_category(report_cases) -> None:  # noqa: F811
    save_profile(dataclasses.replace(load_profile(), report_texts_by_category=True), profile_version())


def test_one_text_per_category_where_the_office_writes_so(by_category, qtbot, tmp_path: Path) -> None:
    w = open_wizard(qtbot, tmp_path)
    w.period_page.set_period(Period(2025))
    next_page(w, qtbot)
    page = w.texts_page
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["Allgemein", "Je Kategorie"]
    labels = [page.category_list.item(i).text() for i in range(page.category_list.count())]
    assert labels == [
        "Beschwerden",
        "Lob",
        "Ideen und Anregungen",
        "Petitionen und Eingaben",
        "Dienstaufsichtsbeschwerden",
        "Meinungskarten",
    ]
    page.tabs.setCurrentIndex(CATEGORY_TAB)
    page.category_list.setCurrentRow(3)
    assert page.category_stack.currentIndex() == 3 and page.edits["category.petitionen"].isVisible()
    qtbot.keyClicks(page.edits["category.petitionen"], "Eine Petition, Frist um einen Tag verfehlt.")
    page.edits["focus"].setPlainText("Erreichbarkeit")
    next_page(w, qtbot)
    assert w.currentPage() is w.preview_page
    assert load_texts(Period(2025)) == ReportTexts(
        focus="Erreichbarkeit", categories={"petitionen": "Eine Petition, Frist um einen Tag verfehlt."}
    )


def test_a_bad_category_text_is_refused_next_to_its_field(by_category, qtbot, tmp_path: Path) -> None:
    w = open_wizard(qtbot, tmp_path)
    w.period_page.set_period(Period(2025))
    next_page(w, qtbot)
    page = w.texts_page
    page.edits["category.lob"].setPlainText("Glocke \x07 im Text")
    next_page(w, qtbot)
    assert w.currentPage() is page
    assert page.tabs.currentIndex() == CATEGORY_TAB and page.category_list.currentRow() == 1
    assert page.errors["category.lob"].isVisible() and "Lob enthält" in page.errors["category.lob"].text()
    assert page.edits["category.lob"].toPlainText() == "Glocke \x07 im Text"  # nothing lost
    assert load_texts(Period(2025)) == ReportTexts()


def test_without_the_setting_no_category_tab_and_stored_category_texts_stay(report_cases, qtbot, tmp_path) -> None:  # noqa: F811
    save_texts(Period(2025), ReportTexts(categories={"lob": "Viel Lob"}))
    w = open_wizard(qtbot, tmp_path)  # Lübeck: no texts per category
    w.period_page.set_period(Period(2025))
    next_page(w, qtbot)
    assert w.texts_page.tabs.count() == 1
    w.texts_page.edits["actions"].setPlainText("Rückrufservice")
    next_page(w, qtbot)
    assert load_texts(Period(2025)) == ReportTexts(actions="Rückrufservice", categories={"lob": "Viel Lob"})


def test_the_auffaelligkeiten_beside_the_text_and_their_copy(report_cases, qtbot, tmp_path: Path) -> None:  # noqa: F811
    w = open_wizard(qtbot, tmp_path)
    w.period_page.set_period(Period(2025))
    next_page(w, qtbot)
    page = w.texts_page
    panel = page.notable
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == [ACK, ANSWER]
    assert "Gegenüber dem Jahr 2024" in panel.note.text() and panel.copy.isEnabled()
    page.edits["notable"].setPlainText("Zu beachten:")
    page.tabs.setCurrentIndex(GENERAL_TAB)
    qtbot.mouseClick(panel.copy, Qt.MouseButton.LeftButton)
    typed = f"Zu beachten:\n- {ACK}\n- {ANSWER}".replace("\u00a0", " ")  # the text field keeps plain spaces
    assert page.edits["notable"].toPlainText() == typed
    qtbot.mouseClick(panel.copy, Qt.MouseButton.LeftButton)  # a second click adds nothing twice
    assert page.edits["notable"].toPlainText() == typed
    qtbot.keyClicks(page.edits["notable"], " (Personalwechsel)")
    next_page(w, qtbot)
    assert load_texts(Period(2025)).notable == f"{typed} (Personalwechsel)"


def test_a_period_without_cases(report_cases, qtbot, tmp_path: Path) -> None:  # noqa: F811
    w = open_wizard(qtbot, tmp_path)
    w.period_page.set_period(Period(2026, quarter=2))
    next_page(w, qtbot)
    panel = w.texts_page.notable
    assert panel.note.text() == "Im Zeitraum 01.04.2026 – 30.06.2026 wurden keine Kundenreaktionen erfasst."
    assert not panel.copy.isEnabled() and panel.list.count() == 0
    next_page(w, qtbot)
    assert "Im Zeitraum 01.04.2026 – 30.06.2026 wurden keine Kundenreaktionen erfasst" in w.preview_page.note.text()
    next_page(w, qtbot)
    qtbot.mouseClick(w.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert [(s.format, s.cases) for s in w.saved] == [("pdf", 0)]
