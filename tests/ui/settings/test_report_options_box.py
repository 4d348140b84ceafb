"""The reports an office makes and how, on the page „Fristen und Regeln“ (issue 19), driven as a person would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from krm_desktop.model.office.profiles import load_profile
from krm_desktop.ui.context import WindowContext
from krm_desktop.ui.settings.rules_page import RETENTION_TAB, RulesPage
from tests import factories as f


def make_page(qtbot, store, *, read_only: bool = False) -> RulesPage:
    page = RulesPage(WindowContext(store, f.TODAY, f.USER, load_profile(), read_only=read_only))
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentIndex(RETENTION_TAB)
    return page


def test_the_luebeck_preset_is_shown_and_changes_are_saved(qtbot, store) -> None:
    page = make_page(qtbot, store)
    box = page.report_options
    assert [code for code, check in box.reports.items() if check.isChecked()] == ["annual"]
    assert box.annual_to_tv.isChecked() and box.annual_to_tv.isEnabled() and not box.by_category.isChecked()
    box.by_category.click()
    box.annual_to_tv.click()
    box.reports["half_year"].setChecked(True)
    assert page.has_unsaved()
    with qtbot.waitSignal(page.context.data_changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    stored = load_profile()
    assert (stored.reports, stored.annual_report_to_tv, stored.report_texts_by_category) == (
        ("annual", "half_year"),
        False,
        True,
    )
    assert not page.has_unsaved()


def test_without_the_annual_report_it_goes_to_no_traegerversammlung(qtbot, store) -> None:
    page = make_page(qtbot, store)
    box = page.report_options
    box.reports["annual"].setChecked(False)
    assert not box.annual_to_tv.isEnabled()
    box.reports["annual"].setChecked(True)
    assert box.annual_to_tv.isEnabled()


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_the_pankow_preset_writes_per_category(qtbot, store) -> None:
    box = make_page(qtbot, store).report_options
    assert [code for code, check in box.reports.items() if check.isChecked()] == ["annual", "half_year", "quarter"]
    assert box.by_category.isChecked() and not box.annual_to_tv.isChecked()


def test_read_only_shows_but_does_not_change(qtbot, store) -> None:
    box = make_page(qtbot, store, read_only=True).report_options
    assert box.annual_to_tv.isChecked()
    assert not any(c.isEnabled() for c in (*box.reports.values(), box.annual_to_tv, box.by_category))
