"""The page „Fristen und Regeln“, tab „Verzicht auf schriftliche Antwort“: the form per kind is shown as the profile
has it, saved when changed, refused next to its field when the stored value is unknown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from krm_desktop.model.office.profile_checks import profile_problems
from krm_desktop.model.office.profiles import load_profile, profile_version
from krm_desktop.ui.settings.rules_page import WAIVER_TAB
from tests.ui.settings.test_rules_page import make_page


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_the_page_shows_pankows_forms_and_saves_a_changed_one(qtbot, store) -> None:
    page = make_page(qtbot, store)
    boxes = page.waiver_forms.boxes
    assert boxes["petition"].currentData() == "signed"
    assert boxes["beschwerde"].currentData() == "note"
    assert boxes["dienstaufsichtsbeschwerde"].currentData() == "none"
    assert "meinungskarte" not in boxes  # anonymous: never a waiver
    assert not page.has_unsaved()
    boxes["lob"].setCurrentIndex(boxes["lob"].findData("none"))
    assert page.has_unsaved()
    with qtbot.waitSignal(page.context.data_changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    stored = load_profile()
    assert stored.waiver_form("lob") == "none" and stored.waiver_form("petition") == "signed"
    assert not page.has_unsaved()


def test_an_unknown_form_is_named_next_to_its_kind(qtbot, store) -> None:
    page = make_page(qtbot, store)
    data = load_profile().to_dict()
    data["waiver_forms"]["eingabe"] = "mündlich"
    problems = profile_problems(data)
    assert set(problems) == {"waiver_forms.eingabe"}
    page.show_problems(problems)
    assert "Unbekannte Form des Verzichts" in page.errors.shown()["waiver_forms.eingabe"]
    assert page.tabs.currentIndex() == WAIVER_TAB


def test_read_only_shows_the_forms_but_takes_no_change(qtbot, store) -> None:
    version = profile_version()
    page = make_page(qtbot, store, read_only=True)
    assert not page.waiver_forms.boxes["beschwerde"].isEnabled()
    assert page.waiver_forms.boxes["beschwerde"].currentData() == "note"
    assert profile_version() == version
