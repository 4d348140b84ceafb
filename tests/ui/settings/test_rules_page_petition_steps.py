"""The page „Fristen und Regeln": Pankow's petition steps (the KRM's check, the agreement with AA and RD)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from krm_desktop.model.office.profiles import load_profile
from krm_desktop.ui.settings.rules_page import PETITION_TAB
from tests.ui.settings.test_rules_page_ack_waiver import make_page


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_pankow_has_both_steps_and_a_change_is_saved(qtbot, store) -> None:
    page = make_page(qtbot, store)
    box = page.petition_steps
    assert page.tabs.tabText(PETITION_TAB) == "Petitionen und Eingaben"
    assert box.statement_check.isChecked() and box.ba_agreement.isChecked()
    box.ba_agreement.setChecked(False)
    assert page.has_unsaved()
    with qtbot.waitSignal(page.context.data_changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    stored = load_profile()
    assert (stored.statement_check_by_krm, stored.ba_agreement_step) == (True, False)
    assert not page.has_unsaved()


def test_luebeck_has_neither_and_read_only_takes_no_change(qtbot, store) -> None:
    page = make_page(qtbot, store, read_only=True)
    box = page.petition_steps
    assert not box.statement_check.isChecked() and not box.ba_agreement.isChecked()
    assert not box.statement_check.isEnabled() and not box.ba_agreement.isEnabled()
    assert not page.has_unsaved()
