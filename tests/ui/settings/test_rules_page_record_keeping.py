"""Issue 19: the page „Fristen und Regeln", tab „Ablage und Vermerke": scans on Meinungskarten and the Vermerk for the
E-Akte/VerBIS, shown as the profile has them and saved both ways."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from krm_desktop.model.office.profiles import load_profile
from krm_desktop.ui.settings.rules_page import RECORD_TAB
from tests.ui.settings.test_rules_page_ack_waiver import make_page


def save(qtbot, page) -> None:
    with qtbot.waitSignal(page.context.data_changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_pankow_keeps_no_card_scans_and_makes_notes_both_switched_and_saved(qtbot, store) -> None:
    page = make_page(qtbot, store)
    box = page.record_keeping
    assert page.tabs.tabText(RECORD_TAB) == "Ablage und Vermerke"
    assert not box.card_attachments.isChecked() and box.file_notes.isChecked()
    box.card_attachments.setChecked(True)
    box.file_notes.setChecked(False)
    assert page.has_unsaved()
    save(qtbot, page)
    stored = load_profile()
    assert (stored.card_attachments, stored.file_notes) == (True, False)
    box.card_attachments.setChecked(False)
    box.file_notes.setChecked(True)
    save(qtbot, page)
    stored = load_profile()
    assert (stored.card_attachments, stored.file_notes) == (False, True)
    assert not page.has_unsaved()


@pytest.mark.parametrize("store", ["osnabrueck"], indirect=True)
def test_osnabrueck_keeps_card_scans_and_no_notes_read_only_takes_no_change(qtbot, store) -> None:
    page = make_page(qtbot, store, read_only=True)
    box = page.record_keeping
    assert box.card_attachments.isChecked() and not box.file_notes.isChecked()
    assert not box.card_attachments.isEnabled() and not box.file_notes.isEnabled()
