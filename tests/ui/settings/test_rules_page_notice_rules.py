"""The page „Fristen und Regeln": Zur Kenntnis (whom the program proposes) and Pankow's "vorlagepflichtig"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from krm_desktop.model.office.notice_rules import CARD_TEAM_LEAD, EMPLOYEES_INFORMED, LGF_BY_AREA
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.ui.settings.rules_page import NOTICE_TAB
from tests.ui.settings.test_rules_page_ack_waiver import make_page


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_pankow_shows_its_rules_and_a_change_is_saved(qtbot, store) -> None:
    page = make_page(qtbot, store)
    box = page.notice_rules
    assert page.tabs.tabText(NOTICE_TAB) == "Zur Kenntnis"
    assert {code for code, check in box.rules.items() if check.isChecked()} == {LGF_BY_AREA, CARD_TEAM_LEAD}
    assert box.mark.isChecked()
    box.rules[EMPLOYEES_INFORMED].setChecked(True)
    box.mark.setChecked(False)
    assert page.has_unsaved()
    page.tabs.setCurrentIndex(NOTICE_TAB)
    page.resize(1366, 768)
    page.grab().save("/tmp/rules_notice_tab.png")
    with qtbot.waitSignal(page.context.data_changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    stored = load_profile()
    assert stored.notice_rules == (EMPLOYEES_INFORMED, LGF_BY_AREA, CARD_TEAM_LEAD)
    assert not stored.gf_required_mark
    assert not page.has_unsaved()


def test_read_only_takes_no_change(qtbot, store) -> None:
    page = make_page(qtbot, store, read_only=True)
    assert not page.notice_rules.mark.isChecked() and not page.notice_rules.mark.isEnabled()
    assert not any(check.isEnabled() for check in page.notice_rules.rules.values())
