"""Extras → Textbausteine: editing text blocks with a live preview; unknown placeholders are refused next to the field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from krm_desktop.model.cases.letters import block
from krm_desktop.ui.letters.text_blocks_dialog import PENDING_MARK, TextBlockDialog
from tests.documents.pdf_tools import squeezed, text

TODAY = date(2026, 11, 20)


def open_dialog(qtbot) -> TextBlockDialog:
    dialog = TextBlockDialog(today=TODAY)
    qtbot.addWidget(dialog)
    return dialog


def test_edit_a_block_see_it_in_the_preview_and_save(qtbot, store) -> None:
    dialog = open_dialog(qtbot)  # keep the dialog alive: pytest-qt holds it only weakly
    page = dialog.blocks_page
    page.select("eingangsbestaetigung.text")
    assert "{ansprechpartner}" in page.body.toPlainText()
    page.body.setPlainText("{anrede}\n\nIhr Anliegen ist da; Frist {frist}.")
    qtbot.waitUntil(lambda: squeezed("Ihr Anliegen ist da; Frist 04.12.2026.") in squeezed(text(page.preview_pdf())))
    assert page.list.currentItem().text().endswith(PENDING_MARK)
    assert page.save_button.isEnabled()
    assert page.save()
    assert block("eingangsbestaetigung.text").body == "{anrede}\n\nIhr Anliegen ist da; Frist {frist}."
    assert not page.list.currentItem().text().endswith(PENDING_MARK)
    assert "Gespeichert" in page.status.text()


def test_unknown_placeholder_is_refused_next_to_the_field(qtbot, store) -> None:
    dialog = open_dialog(qtbot)  # keep the dialog alive: pytest-qt holds it only weakly
    page = dialog.blocks_page
    page.select("zwischennachricht.text")
    qtbot.keyClicks(page.body, " {grund}")
    assert "unbekannter Platzhalter {grund}" in page.body_error.text()
    assert not page.save_button.isEnabled()
    assert not page.save()
    assert block("zwischennachricht.text").version == 0  # nothing stored
    assert page.body.toPlainText().startswith(" {grund}{anrede}")  # nothing typed is lost


def test_pending_edits_survive_switching_blocks(qtbot, store) -> None:
    dialog = open_dialog(qtbot)
    page = dialog.blocks_page
    page.select("antwort.abschluss")
    page.body.setPlainText("Neuer Abschluss.")
    page.select("antwort.einleitung")
    assert page.body.toPlainText().startswith("{anrede}")
    page.select("antwort.abschluss")
    assert page.body.toPlainText() == "Neuer Abschluss."
    assert dialog.unsaved() == ["Antwortschreiben: Abschluss"]


def test_placeholder_list_inserts_at_the_cursor(qtbot, store) -> None:
    dialog = open_dialog(qtbot)  # keep the dialog alive: pytest-qt holds it only weakly
    page = dialog.blocks_page
    page.select("allgemein.gruss")
    page.body.moveCursor(page.body.textCursor().MoveOperation.End)
    item = next(
        page.placeholders.item(i)
        for i in range(page.placeholders.count())
        if page.placeholders.item(i).data(Qt.ItemDataRole.UserRole) == "dienststelle"
    )
    page.insert_placeholder(item)
    assert page.body.toPlainText() == "Mit freundlichen Grüßen{dienststelle}"


def test_reset_restores_the_shipped_text(qtbot, store) -> None:
    dialog = open_dialog(qtbot)  # keep the dialog alive: pytest-qt holds it only weakly
    page = dialog.blocks_page
    page.select("antwort.idee")
    original = page.body.toPlainText()
    page.body.setPlainText("Kurz.")
    assert page.save()
    page.reset()
    assert page.body.toPlainText() == original and block("antwort.idee").body == original
