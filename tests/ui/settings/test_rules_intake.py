"""The tab „Eingangsprüfung“ of the page „Fristen und Regeln“: Dienstaufsicht inside or outside the KRM."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from krm_desktop.model.office.profile_checks import profile_problems
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.ui.settings.rules_page import INTAKE_TAB
from tests.ui.settings.test_rules_page import make_page, stored_state


@pytest.mark.parametrize(("store", "checked"), [("osnabrueck", True), ("luebeck", False)], indirect=["store"])
def test_the_tab_shows_the_office_setting(qtbot, store, checked: bool) -> None:
    page = make_page(qtbot, store)
    assert page.tabs.tabText(INTAKE_TAB) == "Eingangsprüfung"
    check = page.intake_rules.dab_outside
    assert check.isChecked() is checked
    assert check.text() == "&Dienstaufsichtsbeschwerden außerhalb des KRM bearbeiten"


def test_switching_dienstaufsicht_out_of_the_krm_is_saved(qtbot, store) -> None:
    page = make_page(qtbot, store)  # Lübeck
    page.tabs.setCurrentIndex(INTAKE_TAB)
    check = page.intake_rules.dab_outside
    check.setFocus()
    qtbot.keyClick(check, Qt.Key.Key_Space)
    assert page.has_unsaved()
    with qtbot.waitSignal(page.context.data_changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert load_profile().dab_outside_krm is True
    assert page.context.profile.dab_outside_krm is True
    assert not page.has_unsaved()


def test_a_bad_stored_value_is_named_next_to_the_check_box(qtbot, store) -> None:
    page = make_page(qtbot, store)
    before = stored_state()
    problems = profile_problems({**load_profile().to_dict(), "dab_outside_krm": "ja"})
    page.show_problems(problems)
    assert "„true“" in page.errors.shown()["dab_outside_krm"]
    assert page.tabs.currentIndex() == INTAKE_TAB
    assert page.errors.lines["dab_outside_krm"].window() is page
    assert stored_state() == before


def test_read_only_shows_the_setting_but_takes_no_change(qtbot, store) -> None:
    page = make_page(qtbot, store, read_only=True)
    assert not page.intake_rules.dab_outside.isEnabled()
    assert not page.has_unsaved()
