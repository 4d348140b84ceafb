"""Registering new cases through the real intake step and forms, with the keyboard: every kind except the
Meinungskarte (batch entry), a petition with the requesting body's due date, a DAB, a Folgereaktion link, and
non-KRM matters that leave only a routing note."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from krm_desktop.model.cases.intake import routing_advice
from krm_desktop.model.codes import NOT_KRM
from krm_desktop.model.store.entities import Case, Concern, Event, RoutingNote
from krm_desktop.ui.entry.kind_forms import FORMS
from krm_desktop.ui.entry.new_case import NewCaseDialog
from krm_desktop.ui.window_menus import NEW_CASE_READ_ONLY
from tests import factories as f
from tests.ui.case_form_steps import (
    answer_modal,
    choose,
    click_shown,
    go_to_form,
    new_dialog,
    save,
    started_window,
    type_text,
)

DESCRIPTION = "Die Kundin schreibt, dass ihr Antrag seit sechs Wochen unbearbeitet ist."


def fill_person(qtbot, form, name: str = "Erika Mustermann", customer_no: str = "123A456789") -> None:
    person = form.party.person
    choose(qtbot, person.salutation, "Frau")
    type_text(qtbot, person.lines["name"], name)
    type_text(qtbot, person.lines["street"], "Breite Straße 12")
    type_text(qtbot, person.lines["postcode"], "23552")
    type_text(qtbot, person.lines["city"], "Lübeck")
    type_text(qtbot, person.lines["customer_no"], customer_no)


def fill_common(qtbot, form, subject: str) -> None:
    choose(qtbot, form.channel, "E-Mail")
    type_text(qtbot, form.subject, subject)
    type_text(qtbot, form.description, DESCRIPTION)
    fill_person(qtbot, form)


def selected_case(window) -> int | None:
    return window.model.case_id(window.view.currentIndex().row())


@pytest.mark.parametrize("kind", ["beschwerde", "fachaufsichtsbeschwerde", "lob", "idee", "eingabe"])
def test_register_a_case_of_each_kind(qtbot, store, kind: str) -> None:
    team = f.team("Team 401 Leistung")
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    go_to_form(qtbot, dialog, kind, received="16.11.2026")
    form = dialog.form
    assert type(form) is FORMS[kind] and form.kind == kind
    assert form.received.text() == "16.11.2026"  # taken over from the intake step
    fill_common(qtbot, form, f"Betreff {kind}")
    choose(qtbot, form.team, "Team 401")
    choose(qtbot, form.topic, "Erreichbarkeit")
    if kind == "eingabe":
        assert form.via.code() == "bmas"
        type_text(qtbot, form.requesting_body, "Bundesministerium für Arbeit und Soziales")
    if kind == "beschwerde":
        choose(qtbot, form.concerns.boxes[0], "Idee")
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, form.shown_errors()
    case = Case.get_by_id(dialog.case_id)
    assert (case.kind, case.channel, case.received, case.subject) == (
        kind,
        "email",
        date(2026, 11, 16),
        f"Betreff {kind}",
    )
    assert (case.team_id, case.topic, case.description) == (team.id, "Erreichbarkeit", DESCRIPTION)
    assert (case.person.name, case.person.salutation, case.person.customer_no) == (
        "Erika Mustermann",
        "frau",
        "123A456789",
    )
    kinds = [c.kind for c in Concern.select().where(Concern.case == case.id).order_by(Concern.position)]
    assert kinds == ([kind, "idee"] if kind == "beschwerde" else [kind])
    assert Event.get(Event.case == case.id, Event.action == "registered").actor == f.USER
    assert selected_case(window) == case.id  # the main window shows the new case


def test_praise_form_forwards_to_a_team(qtbot, store) -> None:
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window, kind="lob")
    assert dialog.intake.kind_buttons["lob"].isChecked()
    qtbot.keyClick(dialog.intake.received, Qt.Key.Key_Return)
    assert dialog.form.TEAM_CAPTION == "Weiterleiten an Team"
    assert any(
        label.text() == "Weiterleiten an Team:" for label in dialog.form.findChildren(type(dialog.form.deadlines))
    )


def test_petition_with_the_requesting_bodys_due_date(qtbot, store) -> None:
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    go_to_form(qtbot, dialog, "petition", received="02.11.2026")
    form = dialog.form
    assert form.via.code() == "petitionsausschuss"
    assert "5. Jahres" in form.retention.text()  # Lübeck keeps petitions' personal data 5 years
    assert "Sofortsache: Vorlage an die Geschäftsführung bis Mo 02.11.2026" in form.deadlines.text()
    assert "Abschließende Antwort bis Mo 16.11.2026 (14 Kalendertage nach Eingang)" in form.deadlines.text()
    fill_common(qtbot, form, "Petition wegen Bearbeitungsdauer")
    type_text(qtbot, form.requesting_body, "Petitionsausschuss des Deutschen Bundestages")
    type_text(qtbot, form.requesting_ref, "Pet 4-20-11-81503-012345")
    type_text(qtbot, form.body_due_field, "27.11.2026")  # after today: a due date may lie ahead
    type_text(qtbot, form.body_street, "Platz der Republik 1")
    type_text(qtbot, form.body_postcode, "11011")
    type_text(qtbot, form.body_city, "Berlin")
    assert "Abschließende Antwort bis Fr 27.11.2026 (Frist der einsendenden Stelle)" in form.deadlines.text()
    save(qtbot, dialog)
    case = Case.get_by_id(dialog.case_id)
    assert case.final_due == date(2026, 11, 27)
    assert (case.requesting_body, case.requesting_ref, case.body_due) == (
        "Petitionsausschuss des Deutschen Bundestages",
        "Pet 4-20-11-81503-012345",
        date(2026, 11, 27),
    )
    assert (case.body_street, case.body_postcode, case.body_city) == ("Platz der Republik 1", "11011", "Berlin")
    assert (case.lead, case.sign_off_role, case.gf_due) == ("gf", "GF", date(2026, 11, 2))


def test_dab_with_the_employee_concerned(qtbot, store) -> None:
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    go_to_form(qtbot, dialog, "dienstaufsichtsbeschwerde", received="19.11.2026")
    form = dialog.form
    assert form.TEAM_CAPTION == "Team der/des Beschäftigten"
    assert "GF informieren bis Do 19.11.2026" in form.deadlines.text()
    fill_common(qtbot, form, "Unfreundliche Behandlung am Schalter")
    type_text(qtbot, form.employee, "Herr Meier, Team 411")
    save(qtbot, dialog)
    case = Case.get_by_id(dialog.case_id)
    assert (case.kind, case.employee_concerned, case.lead, case.gf_due) == (
        "dienstaufsichtsbeschwerde",
        "Herr Meier, Team 411",
        "gf",
        date(2026, 11, 19),
    )
    assert Event.select().where((Event.case == case.id) & (Event.action == "gf_lead")).count() == 1


def closed_case():
    earlier = f.register(received=date(2026, 9, 1), subject="Wartezeit Weiterbewilligung")
    tl = f.staff("Jens Brandt", "TL")
    f.close_answered(earlier, date(2026, 9, 10), tl.id, "unbegruendet")
    return Case.get_by_id(earlier.id)


def test_folgereaktion_searches_links_and_shows_the_earlier_case(qtbot, store) -> None:
    earlier = closed_case()
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    go_to_form(qtbot, dialog, "folgereaktion")
    form = dialog.form
    type_text(qtbot, form.picker.search, "Mustermann")
    qtbot.keyClick(form.picker.search, Qt.Key.Key_Return)  # searches; never saves
    assert dialog.isVisible() and form.picker.results.count() == 1
    assert "1 abgeschlossener Fall gefunden" in form.picker.message.text()
    assert form.picker.chosen_id == earlier.id  # the first hit is chosen and shown beside the form
    assert (
        earlier.ref in form.picker.view.toPlainText()
        and "Wartezeit Weiterbewilligung" in form.picker.view.toPlainText()
    )
    assert form.side is form.picker.view
    # the same person, the same matter: taken over where nothing was typed
    assert form.party.person.lines["name"].text() == "Erika Mustermann"
    assert form.subject.text() == f"Folgereaktion zu {earlier.ref}: Wartezeit Weiterbewilligung"
    type_text(qtbot, form.description, "Die Kundin meldet sich erneut: die Zahlung fehlt weiterhin.")
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, form.shown_errors()
    case = Case.get_by_id(dialog.case_id)
    assert (case.kind, case.follows_id, case.follows_ref) == ("folgereaktion", earlier.id, earlier.ref)
    assert Event.get(Event.case == earlier.id, Event.action == "follow_up").text.startswith(f"Folgereaktion {case.ref}")


def test_folgereaktion_from_a_closed_case_starts_linked(qtbot, store) -> None:
    earlier = closed_case()
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window, follows_id=earlier.id)
    assert dialog.intake.kind() == "folgereaktion"
    qtbot.keyClick(dialog.intake.received, Qt.Key.Key_Return)
    assert dialog.form.picker.chosen_id == earlier.id
    assert dialog.form.picker.linked.text() == f"Folgereaktion zu <b>{earlier.ref}</b>"


@pytest.mark.parametrize("finding", [f for f in NOT_KRM if f != "dienstaufsicht"])  # Lübeck: DABs are KRM
def test_non_krm_matter_is_refused_and_only_a_routing_note_recorded(qtbot, store, finding: str) -> None:
    window = started_window(qtbot, store)
    before = f.snapshot()
    dialog = new_dialog(qtbot, window, kind="beschwerde")
    question = dialog.intake.questions[finding]
    question.setFocus()
    qtbot.keyClick(question, Qt.Key.Key_Space)
    assert dialog.intake.advice.text() == routing_advice(finding)  # why, and where it goes
    assert dialog.intake.advice.isVisible()
    assert not dialog.next_button.isEnabled()
    assert not dialog.intake.kind_buttons["beschwerde"].isEnabled()
    type_text(qtbot, dialog.intake.received, "19.11.2026")
    type_text(qtbot, dialog.intake.note, "per Hauspost weitergeleitet")
    click_shown(qtbot, dialog.intake.route_button)
    assert not dialog.isVisible() and dialog.routed and dialog.case_id is None
    after = f.snapshot()
    assert {table for table in after if after[table] != before[table]} == {"routing_note"}
    note = RoutingNote.get()
    assert (note.category, note.destination, note.note, note.received, note.actor) == (
        finding,
        NOT_KRM[finding][1],
        "per Hauspost weitergeleitet",
        date(2026, 11, 19),
        f.USER,
    )
    assert Case.select().count() == 0


def test_weiter_is_refused_while_a_finding_stands(qtbot, store) -> None:
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window, kind="beschwerde")
    dialog.intake.questions["widerspruch"].setChecked(True)
    qtbot.keyClick(dialog.intake.received, Qt.Key.Key_Return)
    assert dialog.stack.currentWidget() is dialog.intake_page
    dialog.intake.questions["widerspruch"].setChecked(False)
    assert dialog.next_button.isEnabled()
    qtbot.keyClick(dialog.intake.received, Qt.Key.Key_Return)
    assert dialog.stack.currentWidget() is dialog.form


def test_a_data_protection_letter_keeps_its_complaint(qtbot, store) -> None:
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window, kind="beschwerde")
    dialog.intake.questions["datenschutz"].setChecked(True)
    assert dialog.intake.keeps_krm_part.isVisible() and not dialog.next_button.isEnabled()
    dialog.intake.keeps_krm_part.setChecked(True)
    type_text(qtbot, dialog.intake.note, "Datenschutzteil an die DSB")
    assert dialog.next_button.isEnabled()
    qtbot.keyClick(dialog.intake.received, Qt.Key.Key_Return)
    fill_common(qtbot, dialog.form, "Beschwerde über Wartezeit")
    save(qtbot, dialog)
    assert Case.get_by_id(dialog.case_id).kind == "beschwerde"
    note = RoutingNote.get()
    assert (note.category, note.note) == ("datenschutz", "Datenschutzteil an die DSB")


def test_changing_the_kind_keeps_what_was_typed(qtbot, store) -> None:
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    go_to_form(qtbot, dialog, "beschwerde")
    fill_common(qtbot, dialog.form, "Erst Beschwerde")
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    go_to_form(qtbot, dialog, "fachaufsichtsbeschwerde")
    form = dialog.form
    assert form.kind == "fachaufsichtsbeschwerde"
    assert (form.subject.text(), form.channel.code(), form.description.toPlainText()) == (
        "Erst Beschwerde",
        "email",
        DESCRIPTION,
    )
    assert form.party.person.lines["customer_no"].text() == "123A456789"


def test_ctrl_n_in_the_main_window_registers_a_case(qtbot, store) -> None:
    window = started_window(qtbot, store)
    assert window.new_action.isEnabled() and window.new_action.shortcut().toString() == "Ctrl+N"

    def register(dialog) -> None:
        assert isinstance(dialog, NewCaseDialog)
        go_to_form(qtbot, dialog, "idee")
        fill_common(qtbot, dialog.form, "Mehr Termine am Abend")
        save(qtbot, dialog)

    modal = answer_modal(qtbot, register)
    qtbot.keyClick(window.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    modal.check()
    case = Case.get(Case.subject == "Mehr Termine am Abend")
    assert selected_case(window) == case.id


def test_read_only_window_cannot_register(qtbot, store) -> None:
    window = started_window(qtbot, store, read_only=True)
    assert not window.new_action.isEnabled()
    assert window.new_action.toolTip() == NEW_CASE_READ_ONLY
    assert not window.edit_action.isEnabled()


def test_meinungskarten_go_to_the_batch_entry(qtbot, store) -> None:
    from krm_desktop.ui.cards.batch import OpinionCardBatch

    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    assert "meinungskarte" not in dialog.intake.kind_buttons
    qtbot.mouseClick(dialog.intake.cards_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert any(batch.isVisible() for batch in window.findChildren(OpinionCardBatch))
    for batch in window.findChildren(OpinionCardBatch):
        batch.done(0)


def test_new_case_dialog_from_open_new_case_returns_the_id(qtbot, store) -> None:
    from krm_desktop.ui.entry.new_case import open_new_case

    window = started_window(qtbot, store)

    def register(dialog) -> None:
        go_to_form(qtbot, dialog, "lob")
        fill_common(qtbot, dialog.form, "Dank an Frau Schulz")
        save(qtbot, dialog)

    modal = answer_modal(qtbot, register)
    case_id = open_new_case(window.context, parent=window)
    modal.check()
    assert Case.get_by_id(case_id).subject == "Dank an Frau Schulz"


def test_a_representative_writes_for_a_customer(qtbot, store) -> None:
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    go_to_form(qtbot, dialog, "beschwerde")
    form = dialog.form
    choose(qtbot, form.channel, "Brief")
    type_text(qtbot, form.subject, "Beschwerde über die Bearbeitungsdauer")
    party = form.party
    assert party.represented_box.isHidden()
    choose(qtbot, party.person.role, "Vertreter")
    assert party.represented_box.isVisible()
    type_text(qtbot, party.person.lines["name"], "Rechtsanwältin Dr. Klug")
    type_text(qtbot, party.represented.lines["name"], "Olga Öztürk")
    type_text(qtbot, party.represented.lines["customer_no"], "777d777777")
    save(qtbot, dialog)
    case = Case.get_by_id(dialog.case_id)
    assert (case.person.role, case.person.name) == ("vertreter", "Rechtsanwältin Dr. Klug")
    assert (case.represented.name, case.represented.customer_no) == ("Olga Öztürk", "777D777777")


def test_an_anonymous_case_runs_no_clock(qtbot, store) -> None:
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    go_to_form(qtbot, dialog, "idee")
    form = dialog.form
    type_text(qtbot, form.subject, "Wickeltisch im Wartebereich")
    form.party.anonymous.setFocus()
    qtbot.keyClick(form.party.anonymous, Qt.Key.Key_Space)
    assert not form.party.person.isEnabled()
    assert "ohne Anschrift (anonym)" in form.deadlines.text()
    save(qtbot, dialog)
    case = Case.get_by_id(dialog.case_id)
    assert (case.person_id, case.ack_due, case.final_due) == (None, None, None)
