"""Einstellungen → Dienststelle und Briefkopf: the letterhead's fields and logo, refused values next to the field,
the page's own save button, and a read-only database that shows the values but stores nothing."""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import Qt

from krm_desktop.model.office.settings import letterhead, letterhead_logo
from krm_desktop.ui.settings.office_page import OfficePage
from tests.documents.pdf_tools import png_bytes, text
from tests.ui.settings.settings_helpers import context_for


def open_page(qtbot, store, *, read_only: bool = False) -> OfficePage:
    page = OfficePage(context_for(store, read_only=read_only))
    qtbot.addWidget(page)
    return page


def test_letterhead_page_saves_fields_and_logo_and_refuses_bad_values(qtbot, store) -> None:
    page = open_page(qtbot, store)
    form = page.form
    assert form.fields["office_name"].text() == "Jobcenter Lübeck" and not page.has_unsaved()
    form.fields["street"].setText("Hafenkante 17")
    form.fields["email"].setText("keine-adresse")
    form._edited()
    assert "E-Mail-Adresse" in form.errors["email"].text()
    assert page.has_unsaved()
    assert not page.save()
    assert letterhead()["street"] == ""  # refused: nothing stored, the typed text stays
    assert form.fields["street"].text() == "Hafenkante 17"
    form.fields["email"].setText("post@beispiel.example")
    assert not form.set_logo(b"GIF89a")
    assert "PNG- oder JPEG" in form.logo_error.text()
    assert form.set_logo(png_bytes(Image.new("RGB", (200, 80), (0, 90, 160))))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "gespeichert" in page.status.text()
    assert letterhead()["street"] == "Hafenkante 17" and letterhead_logo() is not None
    assert not page.has_unsaved()
    form.refresh_preview()
    assert "Hafenkante 17" in text(form.preview_pdf())


def test_an_empty_office_name_is_refused_next_to_the_field(qtbot, store) -> None:
    page = open_page(qtbot, store)
    page.form.fields["office_name"].setText("  ")
    assert not page.save()
    assert page.form.errors["office_name"].text() == "Bitte den Namen der Dienststelle angeben."
    assert letterhead()["office_name"] == "Jobcenter Lübeck"


def test_read_only_database_shows_the_values_and_refuses_to_store(qtbot, store) -> None:
    page = open_page(qtbot, store, read_only=True)
    name = page.form.fields["office_name"]
    assert name.text() == "Jobcenter Lübeck" and name.isReadOnly()
    assert not page.save_button.isEnabled() and not page.form.choose_button.isEnabled()
    assert not page.save()
    assert "nur lesbar" in page.status.text()
    assert not page.has_unsaved()
