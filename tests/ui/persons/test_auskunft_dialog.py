"""The Auskunft dialog before a PDF is issued (issue 16 item 1): the KRM-Beauftragte sees each withheld and each
kept passage, blacks out more, confirms her check, and who checked is recorded with the request."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from krm_desktop.documents.auskunft.content import REDACTED
from krm_desktop.model.persons.auskunft import record_request
from krm_desktop.model.persons.search import PersonQuery, find_persons
from krm_desktop.model.store.entities import Event, Letter
from krm_desktop.ui.persons.auskunft_dialog import AuskunftDialog
from tests import factories as f
from tests.documents.conftest import set_letterhead
from tests.documents.pdf_tools import squeezed, text
from tests.third_party_data import LEAKS, build_dab


@pytest.fixture
def dialog(qtbot, store) -> AuskunftDialog:
    set_letterhead()
    build_dab()
    person = find_persons(PersonQuery(text="Sabine Kühn")).persons[0]
    record_request(person, received=date(2026, 11, 18), today=f.TODAY, user=f.USER)
    widget = AuskunftDialog(person, today=f.TODAY, user="krm.beauftragte")
    qtbot.addWidget(widget)
    return widget


def row_of(dialog: AuskunftDialog, suffix: str):
    return next(row for row in dialog.check_rows() if row.data(0, Qt.ItemDataRole.UserRole).endswith(suffix))


def test_each_withheld_and_each_kept_passage_is_shown(dialog: AuskunftDialog) -> None:
    description = row_of(dialog, ":case:description")
    assert REDACTED in description.text(1) and "verlangt eine Entschuldigung" in description.text(1)
    assert not [leak for leak in LEAKS if leak in description.text(1)]  # shown as it will print
    shown_kinds = description.text(2)
    for kind in ("Name", "Kundennummer", "BG-Nummer", "Anschrift", "Telefon", "E-Mail"):
        assert kind in shown_kinds
    note = next(row for row in dialog.check_rows() if ":event:" in row.data(0, Qt.ItemDataRole.UserRole)
                and "Rückruf" in row.text(1))  # fmt: skip
    assert "Telefon" in note.text(2) and "Anschrift" in note.text(2)
    subject = row_of(dialog, ":case:subject")
    assert subject.text(1) == "Unfreundliche Behandlung" and subject.text(2) == ""  # kept as it is


def test_nothing_is_issued_before_the_check_is_confirmed(dialog: AuskunftDialog, tmp_path: Path) -> None:
    target = tmp_path / "kuehn.pdf"
    assert not dialog.save_to(target)
    assert not target.exists() and Letter.select().count() == 0
    assert "geprüft" in dialog.error.text()


def test_she_blacks_out_more_and_her_check_is_recorded(qtbot, dialog: AuskunftDialog, tmp_path: Path) -> None:
    qtbot.keyClicks(dialog.blackout, "Entschuldigung")  # typed (keyClicks takes ASCII only), then more
    dialog.blackout.setText(dialog.blackout.text() + "; empört")
    row = row_of(dialog, ":case:description")
    assert "Entschuldigung" not in row.text(1) and "von Hand" in row.text(2)
    dialog.checked.setChecked(True)
    target = tmp_path / "kuehn.pdf"
    assert dialog.save_to(target)
    printed = squeezed(text(target.read_bytes()))
    assert "Entschuldigung" not in printed and "empört" not in printed and squeezed("verlangt eine") in printed
    answered = Event.get(Event.action == "auskunft_answered")
    assert "geprüft von krm.beauftragte" in answered.text
    kept = Event.get(Event.action == "letter")
    assert "geprüft von krm.beauftragte" in kept.text
    assert not [leak for leak in LEAKS if leak in answered.text + kept.text]
