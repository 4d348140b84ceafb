"""The intake step of issue 18 driven as a person would: Dienstaufsicht routed out in Osnabrück, a DAB against the
Geschäftsführung routed everywhere, a Widerspruch with a complaint beside it, and an oral reaction settled at once,
which ends the intake with nothing stored."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from krm_desktop.model.cases.intake import (
    DAB_OUTSIDE_TEXT,
    MIXED_LETTER_NOTE,
    MIXED_LETTER_TEXT,
    SETTLED_OUTCOME,
    SETTLED_QUESTION,
    SETTLED_RULE,
    SETTLED_UNANSWERED,
    routing_advice,
)
from krm_desktop.model.store.entities import Case, RoutingNote
from tests import factories as f
from tests.ui.case_form_steps import click_shown, go_to_form, new_dialog, save, started_window, type_text
from tests.ui.entry.test_new_case import fill_common


def tick(qtbot, box) -> None:
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


def changed_tables(before, after) -> set[str]:
    return {table for table in after if after[table] != before[table]}


# --- Dienstaufsicht ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("store", ["osnabrueck"], indirect=True)
def test_osnabrueck_routes_a_dab_out_with_a_routing_note(qtbot, store) -> None:
    window = started_window(qtbot, store)
    before = f.snapshot()
    dialog = new_dialog(qtbot, window)
    intake = dialog.intake
    dab = intake.kind_buttons["dienstaufsichtsbeschwerde"]
    assert not dab.isEnabled() and dab.toolTip() == DAB_OUTSIDE_TEXT
    question = intake.questions["dienstaufsicht"]
    assert question.text() == (
        "Ist es eine Dienstaufsichtsbeschwerde (nur gegen das persönliche Verhalten einer/eines Beschäftigten)?"
    )
    tick(qtbot, question)
    assert intake.advice.isVisible() and intake.advice.text() == routing_advice("dienstaufsicht")
    assert "Personalstelle" in intake.advice.text()
    assert not intake.keeps_krm_part.isVisible() and not dialog.next_button.isEnabled()
    type_text(qtbot, intake.note, "an die Teamleitung weitergeleitet")
    click_shown(qtbot, intake.route_button)
    assert not dialog.isVisible() and dialog.routed and dialog.case_id is None
    assert changed_tables(before, f.snapshot()) == {"routing_note"}
    note = RoutingNote.get()
    assert (note.category, note.note) == ("dienstaufsicht", "an die Teamleitung weitergeleitet")
    assert Case.select().count() == 0


@pytest.mark.parametrize("store", ["osnabrueck"], indirect=True)
def test_osnabrueck_refuses_a_dab_chosen_as_kind(qtbot, store) -> None:
    """A DAB button that got checked anyhow (opened from a menu with the kind preset) still does not go on."""
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window, kind="dienstaufsichtsbeschwerde")
    assert dialog.intake.kind() is None  # the preset kind is not taken
    dialog.intake.kind_buttons["dienstaufsichtsbeschwerde"].setChecked(True)
    qtbot.keyClick(dialog.intake.received, Qt.Key.Key_Return)
    assert dialog.stack.currentWidget() is dialog.intake
    assert dialog.intake.errors.shown()["kind"].endswith(DAB_OUTSIDE_TEXT)


def test_elsewhere_a_dab_is_a_case_and_the_intake_does_not_ask_for_dienstaufsicht(qtbot, store) -> None:
    window = started_window(qtbot, store)  # Lübeck
    dialog = new_dialog(qtbot, window)
    assert "dienstaufsicht" not in dialog.intake.questions
    assert dialog.intake.kind_buttons["dienstaufsichtsbeschwerde"].isEnabled()
    go_to_form(qtbot, dialog, "dienstaufsichtsbeschwerde")
    assert dialog.form.kind == "dienstaufsichtsbeschwerde"


@pytest.mark.parametrize("store", ["luebeck", "osnabrueck", "berlin-pankow"], indirect=True)
def test_a_dab_against_the_gf_is_routed_to_its_dienstvorgesetzte(qtbot, store) -> None:
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window, kind="beschwerde")
    question = dialog.intake.questions["dienstaufsicht_gf"]
    assert question.text() == "Ist es eine Dienstaufsichtsbeschwerde gegen die Geschäftsführung selbst?"
    tick(qtbot, question)
    assert dialog.intake.advice.text() == routing_advice("dienstaufsicht_gf")
    assert "Dienstvorgesetzte/r der Geschäftsführung" in dialog.intake.advice.text()
    assert not dialog.intake.keeps_krm_part.isVisible() and not dialog.next_button.isEnabled()
    click_shown(qtbot, dialog.intake.route_button)
    assert dialog.routed and dialog.case_id is None
    assert RoutingNote.get().category == "dienstaufsicht_gf" and Case.select().count() == 0


# --- a Widerspruch and a complaint in one letter ------------------------------------------------------------------


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_a_widerspruch_with_a_complaint_gives_a_routing_note_and_a_case(qtbot, store) -> None:
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window, kind="beschwerde")
    intake = dialog.intake
    tick(qtbot, intake.questions["widerspruch"])
    assert intake.keeps_krm_part.isVisible() and intake.keeps_krm_part.text() == MIXED_LETTER_TEXT
    assert intake.mixed_note.isVisible() and intake.mixed_note.text() == MIXED_LETTER_NOTE
    assert not dialog.next_button.isEnabled()
    tick(qtbot, intake.keeps_krm_part)
    assert dialog.next_button.isEnabled() and not intake.route_button.isEnabled()
    type_text(qtbot, intake.note, "Widerspruch an die Rechtsbehelfsstelle")
    type_text(qtbot, intake.received, "19.11.2026")
    qtbot.keyClick(intake.received, Qt.Key.Key_Return)
    assert dialog.stack.currentWidget() is dialog.form
    fill_common(qtbot, dialog.form, "Unfreundlich am Telefon")
    save(qtbot, dialog)
    case = Case.get_by_id(dialog.case_id)
    assert case.kind == "beschwerde"
    note = RoutingNote.get()
    assert (note.category, note.destination, note.note, note.received) == (
        "widerspruch",
        "Rechtsbehelfsstelle",
        "Widerspruch an die Rechtsbehelfsstelle",
        date(2026, 11, 19),
    )


def test_a_widerspruch_without_a_complaint_part_is_only_routed(qtbot, store) -> None:
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window, kind="beschwerde")
    tick(qtbot, dialog.intake.questions["widerspruch"])
    qtbot.keyClick(dialog.intake.received, Qt.Key.Key_Return)  # Weiter is refused
    assert dialog.stack.currentWidget() is dialog.intake
    click_shown(qtbot, dialog.intake.route_button)
    assert dialog.routed and Case.select().count() == 0
    assert [n.category for n in RoutingNote.select()] == ["widerspruch"]


def test_a_widerspruch_with_a_klage_keeps_no_part(qtbot, store) -> None:
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window, kind="beschwerde")
    tick(qtbot, dialog.intake.questions["widerspruch"])
    tick(qtbot, dialog.intake.questions["klage"])
    assert not dialog.intake.keeps_krm_part.isVisible() and not dialog.next_button.isEnabled()


# --- oral reactions settled at once -------------------------------------------------------------------------------


def test_an_oral_reaction_settled_at_once_ends_the_intake_with_nothing_stored(qtbot, store) -> None:
    window = started_window(qtbot, store)
    before = f.snapshot()
    dialog = new_dialog(qtbot, window, kind="beschwerde")
    oral = dialog.intake.oral
    assert not oral.details.isVisible()
    tick(qtbot, oral.oral)
    assert oral.rule.isVisible() and oral.rule.text() == SETTLED_RULE
    assert oral.question.text() == SETTLED_QUESTION
    assert not oral.outcome.isVisible()
    oral.yes.setFocus()
    qtbot.keyClick(oral.yes, Qt.Key.Key_Space)
    assert oral.outcome.isVisible() and oral.outcome.text() == SETTLED_OUTCOME
    assert not dialog.next_button.isEnabled()
    assert not dialog.intake.kind_buttons["beschwerde"].isEnabled()
    qtbot.keyClick(dialog.intake.received, Qt.Key.Key_Return)  # Enter does not go on
    assert dialog.stack.currentWidget() is dialog.intake
    click_shown(qtbot, oral.end_button)
    assert not dialog.isVisible() and dialog.settled and dialog.case_id is None and not dialog.routed
    assert f.snapshot() == before


def test_an_oral_reaction_that_needs_work_goes_on_to_the_form_as_a_telephone_reaction(qtbot, store) -> None:
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window, kind="beschwerde")
    oral = dialog.intake.oral
    tick(qtbot, oral.oral)
    oral.no.setFocus()
    qtbot.keyClick(oral.no, Qt.Key.Key_Space)
    assert not oral.outcome.isVisible() and dialog.next_button.isEnabled()
    qtbot.keyClick(dialog.intake.received, Qt.Key.Key_Return)
    assert dialog.stack.currentWidget() is dialog.form
    assert dialog.form.channel.code() == "telefon"
    assert dialog.form.oral_hint.isVisible()


def test_an_oral_reaction_without_the_answer_does_not_go_on(qtbot, store) -> None:
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window, kind="beschwerde")
    tick(qtbot, dialog.intake.oral.oral)
    qtbot.keyClick(dialog.intake.received, Qt.Key.Key_Return)
    assert dialog.stack.currentWidget() is dialog.intake
    assert dialog.intake.errors.shown()["settled"].endswith(SETTLED_UNANSWERED)
    dialog.intake.oral.no.setChecked(True)  # answering clears the message
    assert "settled" not in dialog.intake.errors.shown()
    qtbot.keyClick(dialog.intake.received, Qt.Key.Key_Return)
    assert dialog.stack.currentWidget() is dialog.form


def test_taking_back_the_answer_opens_the_way_again(qtbot, store) -> None:
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window, kind="beschwerde")
    oral = dialog.intake.oral
    tick(qtbot, oral.oral)
    oral.yes.setChecked(True)
    assert not dialog.next_button.isEnabled()
    tick(qtbot, oral.oral)  # not oral after all: the question no longer applies
    assert not oral.details.isVisible() and dialog.next_button.isEnabled()
