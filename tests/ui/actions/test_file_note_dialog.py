"""Issue 19: Vorgang › „Vermerk für E-Akte/VerBIS erstellt …" on the real main window — the day (default today) and
the acting person are recorded, the detail pane says it, a bad day stays in the dialog with its message; an office
without such notes shows no button; the Schreiben menu offers the note only where the office keeps them."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QLabel

from krm_desktop.model.cases.file_notes import FILE_NOTE
from krm_desktop.model.store.entities import Case
from tests import factories as f
from tests.ui.action_helpers import error_of, open_action, save, saved, select, set_date, started_window


def test_the_note_is_recorded_and_shown_in_the_detail_pane(qtbot, store) -> None:
    case = f.register()
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, FILE_NOTE)
    assert dialog.made_on.value() == f.TODAY  # today by default
    assert f.USER in [label.text() for label in dialog.findChildren(QLabel)]  # by whom: the acting person
    set_date(dialog.made_on, date(2026, 11, 9))
    stored = saved(qtbot, dialog)
    assert (stored.file_note_on, stored.file_note_by) == (date(2026, 11, 9), f.USER)
    qtbot.waitUntil(lambda: "Vermerk für E-Akte/VerBIS erstellt am 09.11.2026" in window.detail.toPlainText())
    assert f"Vermerk für E-Akte/VerBIS erstellt am 09.11.2026 von {f.USER}" in window.detail.toPlainText()
    assert window.workflows.letter_actions["vermerk-everbis"].isVisible()  # Lübeck keeps such notes


@pytest.mark.parametrize(
    ("typed", "message"), [(date(2026, 11, 1), "liegt vor dem Eingang"), (date(2026, 11, 21), "in der Zukunft")]
)
def test_a_bad_day_stays_in_the_dialog_with_its_message(qtbot, store, typed, message) -> None:
    case = f.register()
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, FILE_NOTE)
    set_date(dialog.made_on, typed)
    save(qtbot, dialog)
    assert message in error_of(dialog, "made_on")
    assert dialog.isVisible() and dialog.made_on.value() == typed  # what was typed stays
    assert Case.get_by_id(case.id).file_note_on is None
    set_date(dialog.made_on, date(2026, 11, 2))  # corrected: the day of receipt is fine
    assert saved(qtbot, dialog).file_note_on == date(2026, 11, 2)


@pytest.mark.parametrize("store", ["osnabrueck"], indirect=True)
def test_an_office_without_such_notes_shows_neither_button_nor_letter(qtbot, store) -> None:
    case = f.register()
    window = started_window(qtbot, store)
    select(window, case.id)
    actions = window.workflows.case_actions
    assert not actions.buttons[FILE_NOTE].isVisible() and not actions.actions[FILE_NOTE].isVisible()
    assert not actions.actions[FILE_NOTE].isEnabled()
    assert not window.workflows.letter_actions["vermerk-everbis"].isVisible()
