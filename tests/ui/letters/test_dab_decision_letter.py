"""The letter of the GF's decision on a DAB through the real main window: offered in the "Schreiben" menu once the
decision is recorded (and only for a DAB), filled with the decision and the decider, signed by the GF, kept in the
case, its sending recorded as the DAB's answer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.store.entities import Case, Event, Letter
from krm_desktop.ui.letters.dialog import LetterDialog
from tests import factories as f
from tests.documents.pdf_tools import squeezed, text
from tests.ui.action_helpers import open_action, saved, select, set_date, started_window, type_into

DOC = "entscheidung-dab"
DECISION = "Ein persönliches Fehlverhalten ist nicht festzustellen."


def offered(window) -> bool:
    action = window.workflows.letter_actions[DOC]
    return action.isVisible() and action.isEnabled()


def test_the_decision_letter_is_offered_once_the_gf_decided_and_prints_the_decision(qtbot, store, tmp_path: Path):
    people = f.office_people()
    complaint = f.register(team_id=people["team"].id)
    dab = f.register(kind="dienstaufsichtsbeschwerde", employee_concerned="Herr Tom Weber", team_id=people["team"].id)
    window = started_window(qtbot, store)
    select(window, complaint.id)
    assert not offered(window)
    select(window, dab.id)
    assert not offered(window)  # no decision yet

    dialog = open_action(qtbot, window, checks.DECIDE)
    set_date(dialog.decided_on, date(2026, 11, 16))
    type_into(qtbot, dialog.decision, DECISION)
    saved(qtbot, dialog)
    assert window.detail.case_id == dab.id and offered(window)

    window.workflows.letter_actions[DOC].trigger()
    letter = window.workflows.dialogs[-1]
    assert isinstance(letter, LetterDialog) and letter.isVisible()
    assert letter.windowTitle() == f"Entscheidung über die Dienstaufsichtsbeschwerde – {dab.ref}"
    assert letter.signer_box.currentText().startswith("Dr. Anna Lindqvist")
    assert letter.record.isChecked()  # the DAB's answer: its sending is recorded with the letter
    target = tmp_path / "entscheidung.pdf"
    assert letter.save_to(target)
    content = squeezed(text(target.read_bytes()))
    assert squeezed("Die Entscheidung der Geschäftsführung (Dr. Anna Lindqvist) vom 16.11.2026 lautet:") in content
    assert squeezed(DECISION) in content and squeezed("Dr. Anna Lindqvist Geschäftsführung") in content
    assert "Im Auftrag" not in content
    assert Letter.get().doc_type == DOC and bytes(Letter.get().pdf) == target.read_bytes()
    assert Case.get_by_id(dab.id).answer_sent == f.TODAY
    assert Event.select().where((Event.case == dab.id) & (Event.action == "answered")).count() == 1
