"""A letter kept in the case is shown as it was printed, and printing or saving it again only adds to the history."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from krm_desktop.model.errors import RefusedError
from krm_desktop.model.store.entities import Event, Letter
from krm_desktop.ui.letters.dialog import LetterDialog
from krm_desktop.ui.letters.stored_letter import StoredLetterDialog
from tests import factories as f
from tests.documents.conftest import office  # noqa: F401 (fixture)
from tests.ui.letters.test_dialog import TODAY, pdf_printer


def test_stored_letter_is_shown_and_reprinted_unchanged(qtbot, office, tmp_path: Path) -> None:  # noqa: F811
    case = f.register(team_id=office.team.id)
    composer = LetterDialog(case.id, "antwort", today=TODAY, user="x")
    qtbot.addWidget(composer)
    assert composer.save_to(tmp_path / "a.pdf")
    letter = Letter.get()
    shown = StoredLetterDialog(letter.id, today=date(2026, 11, 20), user="y")
    qtbot.addWidget(shown)
    assert shown.windowTitle() == f"Antwortschreiben – {letter.filename}"
    assert shown.preview.page_count() == 1
    again = tmp_path / "again.pdf"
    assert shown.print_to(pdf_printer(again))
    assert again.read_bytes() == bytes(letter.pdf) == (tmp_path / "a.pdf").read_bytes()
    assert Letter.select().count() == 1
    assert Event.select().where(Event.text.startswith("Schreiben erneut gedruckt")).count() == 1
    saved = tmp_path / "saved.pdf"
    assert shown.save_to(saved) and saved.read_bytes() == bytes(letter.pdf)
    assert Event.select().where(Event.text.startswith("Schreiben erneut als PDF gespeichert")).count() == 1


def test_a_letter_that_is_gone_does_not_open(qtbot, store) -> None:
    with pytest.raises(RefusedError, match="gibt es nicht mehr"):
        StoredLetterDialog(9999, today=date(2026, 11, 20), user="y")
