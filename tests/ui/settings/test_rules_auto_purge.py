"""„Automatisch löschen“ on the tab „Aufbewahrung und Berichte“ of the page „Fristen und Regeln“ (issue 19): shown per
office, saved, and refused in German next to the box while the backup folder cannot be written (nothing saved)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.store.backups import BACKUP_FOLDER_KEY
from krm_desktop.model.store.settings import put_setting
from krm_desktop.ui.settings.rules_page import RETENTION_TAB
from tests.ui.settings.test_rules_page import make_page, stored_state


@pytest.mark.parametrize(("store", "checked"), [("luebeck", True), ("braunschweig", False)], indirect=["store"])
def test_the_tab_shows_the_office_setting(qtbot, store, checked: bool) -> None:
    page = make_page(qtbot, store)
    assert page.tabs.tabText(RETENTION_TAB) == "Aufbewahrung und Berichte"
    assert page.auto_purge.auto_purge.isChecked() is checked
    assert page.tabs.widget(RETENTION_TAB).isAncestorOf(page.auto_purge)


@pytest.mark.parametrize("store", ["braunschweig"], indirect=True)
def test_switching_the_automatic_purge_on_is_saved(qtbot, store) -> None:
    page = make_page(qtbot, store)
    page.tabs.setCurrentIndex(RETENTION_TAB)
    check = page.auto_purge.auto_purge
    check.setFocus()
    qtbot.keyClick(check, Qt.Key.Key_Space)
    assert page.has_unsaved()
    with qtbot.waitSignal(page.context.data_changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert load_profile().auto_purge is True and page.context.profile.auto_purge is True
    assert not page.has_unsaved()


@pytest.mark.parametrize("store", ["braunschweig"], indirect=True)
def test_switching_it_on_without_a_writable_backup_folder_is_refused(qtbot, store, tmp_path: Path) -> None:
    blocker = tmp_path / "datei"
    blocker.write_text("no folder")
    put_setting(BACKUP_FOLDER_KEY, str(blocker / "Sicherungen"))
    page = make_page(qtbot, store)
    before = stored_state()
    page.tabs.setCurrentIndex(0)
    page.auto_purge.auto_purge.setChecked(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    shown = page.errors.shown()["auto_purge"]
    assert "Automatisch löschen lässt sich hier nicht einschalten." in shown
    assert "kann nicht geschrieben werden" in shown
    assert page.tabs.currentIndex() == RETENTION_TAB
    assert page.auto_purge.auto_purge.isChecked()  # what the person chose stays
    assert stored_state() == before and load_profile().auto_purge is False


def test_read_only_shows_the_setting_but_takes_no_change(qtbot, store) -> None:
    page = make_page(qtbot, store, read_only=True)
    assert page.auto_purge.auto_purge.isChecked() and not page.auto_purge.auto_purge.isEnabled()
