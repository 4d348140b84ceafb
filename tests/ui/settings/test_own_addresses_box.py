"""Einstellungen → Dienststelle und Briefkopf: the box of the office's own e-mail addresses (issue 21) shows the
stored list, names a bad line next to the field, saves with its own button and counts as unsaved input."""

from __future__ import annotations

from PySide6.QtCore import Qt

from krm_desktop.model.office.own_addresses import own_addresses, save_own_addresses
from krm_desktop.ui.settings.office_page import OfficePage
from tests.ui.settings.settings_helpers import context_for


def open_page(qtbot, store, *, read_only: bool = False) -> OfficePage:
    page = OfficePage(context_for(store, read_only=read_only))
    qtbot.addWidget(page)
    return page


def test_the_box_saves_the_addresses_and_names_a_bad_line(qtbot, store) -> None:
    page = open_page(qtbot, store)
    box = page.own_addresses
    assert box.text.toPlainText() == "" and not page.has_unsaved()
    box.text.setPlainText("krm@jobcenter-luebeck.de\nGeschäftsführung")
    assert "Zeile 2: „Geschäftsführung“ ist keine E-Mail-Adresse" in box.error.text()
    assert page.has_unsaved()
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert own_addresses() == ()  # refused: nothing stored, the typed text stays
    assert "gespeichert ist noch nichts" in box.status.text()
    assert box.text.toPlainText().endswith("Geschäftsführung")
    box.text.setPlainText("KRM@jobcenter-luebeck.de\ngf@jobcenter-luebeck.de")
    assert box.error.isHidden()
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert own_addresses() == ("krm@jobcenter-luebeck.de", "gf@jobcenter-luebeck.de")
    assert box.status.text() == "2 eigene Adressen gespeichert."
    assert not page.has_unsaved()


def test_the_box_shows_the_stored_list_and_refuses_on_a_read_only_database(qtbot, store) -> None:
    save_own_addresses("krm@jobcenter-luebeck.de", expected_version=0)
    page = open_page(qtbot, store, read_only=True)
    box = page.own_addresses
    assert box.text.toPlainText() == "krm@jobcenter-luebeck.de"
    assert box.text.isReadOnly() and not box.save_button.isEnabled()
    assert not box.save() and not page.has_unsaved()
