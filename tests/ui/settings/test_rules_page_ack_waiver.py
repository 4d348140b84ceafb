"""The page „Fristen und Regeln": for which channels the KRM may decide that no acknowledgement is sent."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from krm_desktop.model.office.profiles import load_profile
from krm_desktop.ui.context import WindowContext
from krm_desktop.ui.settings.rules_page import RulesPage
from tests import factories as f


def make_page(qtbot, store, *, read_only: bool = False) -> RulesPage:
    page = RulesPage(WindowContext(store, f.TODAY, f.USER, load_profile(), read_only=read_only))
    qtbot.addWidget(page)
    page.show()
    return page


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_pankow_shows_email_and_a_change_is_saved(qtbot, store) -> None:
    page = make_page(qtbot, store)
    box = page.ack_waiver
    assert [code for code, check in box.checks.items() if check.isChecked()] == ["email"]
    assert list(box.checks) == ["brief", "email", "online", "telefon", "persoenlich"]
    box.checks["brief"].setChecked(True)
    box.checks["email"].setChecked(False)
    assert page.has_unsaved()
    with qtbot.waitSignal(page.context.data_changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert load_profile().ack_waivable_channels == ("brief",)
    assert page.context.profile.ack_waivable_channels == ("brief",)
    assert not page.has_unsaved()


def test_luebeck_allows_none_and_read_only_takes_no_change(qtbot, store) -> None:
    page = make_page(qtbot, store, read_only=True)
    assert not any(check.isChecked() for check in page.ack_waiver.checks.values())
    assert not any(check.isEnabled() for check in page.ack_waiver.checks.values())
    assert not page.has_unsaved()
