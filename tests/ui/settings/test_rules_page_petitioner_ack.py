"""The page „Fristen und Regeln“, tab „Petitionen und Eingaben“: whether the petitioner is acknowledged is shown as
the profile has it, saved when changed (the acknowledgement clock of new petitions follows), refused next to its
field when the stored value is unknown."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from krm_desktop.model.office.profile_checks import profile_problems
from krm_desktop.model.office.profiles import load_profile, profile_version
from krm_desktop.ui.settings.rules_page import PETITION_TAB
from tests import factories as f
from tests.ui.settings.test_rules_page import make_page


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_pankow_acknowledges_no_petitioner_until_the_office_changes_it(qtbot, store) -> None:
    page = make_page(qtbot, store)
    boxes = page.petitioner_ack.boxes
    assert set(boxes) == {"petition", "eingabe"}
    assert (boxes["petition"].currentData(), boxes["eingabe"].currentData()) == ("none", "none")
    assert f.register(kind="petition", received=date(2026, 11, 16)).ack_due is None
    boxes["eingabe"].setCurrentIndex(boxes["eingabe"].findData("letter"))
    assert page.has_unsaved()
    with qtbot.waitSignal(page.context.data_changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    stored = load_profile()
    assert stored.petitioner_ack == (("petition", "none"), ("eingabe", "letter"))
    assert not page.has_unsaved()
    eingabe = f.register(kind="eingabe", received=date(2026, 11, 16))
    assert eingabe.ack_due == date(2026, 11, 19)


def test_an_unknown_value_is_named_next_to_its_kind(qtbot, store) -> None:
    page = make_page(qtbot, store)
    data = load_profile().to_dict()
    data["petitioner_ack"]["petition"] = "anruf"
    problems = profile_problems(data)
    assert set(problems) == {"petitioner_ack.petition"}
    page.show_problems(problems)
    assert "Unbekannte Angabe „anruf“" in page.errors.shown()["petitioner_ack.petition"]
    assert page.tabs.currentIndex() == PETITION_TAB


def test_read_only_shows_the_setting_but_takes_no_change(qtbot, store) -> None:
    version = profile_version()
    page = make_page(qtbot, store, read_only=True)
    assert not page.petitioner_ack.boxes["petition"].isEnabled()
    assert page.petitioner_ack.boxes["petition"].currentData() == "letter"  # Lübeck acknowledges
    assert profile_version() == version
