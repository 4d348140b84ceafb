"""A Dienstaufsichtsbeschwerde through the real main window: statements, the GF's decision or its
reclassification (who, when, why), the employee informed, the close signed by the GF; and the bad inputs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtWidgets import QLabel

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases import dab as dab_services
from krm_desktop.model.store.entities import Case, Event, Statement
from tests import factories as f
from tests.ui.action_helpers import (
    choose,
    open_action,
    refused_next_to,
    save,
    saved,
    select,
    set_date,
    shown_errors,
    started_window,
    type_into,
)

EMPLOYEE = "Herr Tom Weber"


@pytest.fixture
def people(store):
    team = f.team()
    return {
        "team": team,
        "tl": f.staff("Jens Brandt", "TL", team),
        "gf": f.staff("Dr. Anna Lindqvist", "GF"),
    }


def register_dab() -> Case:
    return f.register(
        kind="dienstaufsichtsbeschwerde",
        employee_concerned=EMPLOYEE,
        subject="Verhalten im Beratungsgespräch",
    )


def state(window) -> dict[str, bool]:
    return {
        code: a.isEnabled() for code, a in window.workflows.case_actions.actions.items() if code in checks.DAB_ACTIONS
    }


def add_statements(qtbot, window) -> None:
    dialog = open_action(qtbot, window, checks.STATEMENT)
    assert dialog.author.text() == EMPLOYEE and dialog.role.currentData() == "MA"  # the employee first
    set_date(dialog.received_on, date(2026, 11, 9))
    type_into(qtbot, dialog.text, "Das Gespräch am 28.10. dauerte 20 Minuten; ich habe die Unterlagen erklärt.")
    saved(qtbot, dialog)
    dialog = open_action(qtbot, window, checks.STATEMENT)
    assert dialog.author.text() == "" and dialog.role.currentData() == "TL"
    type_into(qtbot, dialog.author, "Jens Brandt")
    set_date(dialog.received_on, date(2026, 11, 10))
    type_into(
        qtbot, dialog.text, "Ich war beim Gespräch nicht anwesend; Beschwerden über Herrn Weber liegen nicht vor."
    )
    saved(qtbot, dialog)
    assert Statement.select().where(Statement.author_role.in_(["MA", "TL"])).count() == 2


def test_a_dab_through_statements_decision_information_and_close(qtbot, store, people) -> None:
    case = register_dab()
    window = started_window(qtbot, store)
    select(window, case.id)
    assert state(window) == {checks.DECIDE: True, checks.RECLASSIFY: True, checks.INFORM: False}
    add_statements(qtbot, window)

    dialog = open_action(qtbot, window, checks.DECIDE)
    assert dialog.decider.currentData() == people["gf"].id  # the only GF is proposed
    assert any("Jens Brandt (Teamleitung), 10.11.2026" in label.text() for label in dialog.findChildren(QLabel))
    set_date(dialog.decided_on, date(2026, 11, 16))
    type_into(qtbot, dialog.decision, "Ein persönliches Fehlverhalten ist nicht festzustellen.")
    stored = saved(qtbot, dialog)
    assert stored.gf_decision == "Ein persönliches Fehlverhalten ist nicht festzustellen."
    assert (stored.decided_by_id, stored.decided_on) == (people["gf"].id, date(2026, 11, 16))
    assert state(window) == {checks.DECIDE: False, checks.RECLASSIFY: False, checks.INFORM: True}

    dialog = open_action(qtbot, window, checks.INFORM)
    set_date(dialog.informed_on, date(2026, 11, 17))
    assert saved(qtbot, dialog).employee_informed == date(2026, 11, 17)

    window.filter_bar.status.setCurrentIndex(0)  # all cases: the closed one stays in the list
    dialog = open_action(qtbot, window, checks.CLOSE)
    assert dialog.signer.currentData() == people["gf"].id  # a DAB: only the GF signs
    choose(dialog.signer, people["tl"].id)
    choose(dialog.outcomes[1], "unbegruendet")
    set_date(dialog.answer_date, date(2026, 11, 19))
    before = f.snapshot()
    save(qtbot, dialog)
    assert "zeichnungsbefugt: Geschäftsführung" in shown_errors(dialog)["signed_by"] and f.snapshot() == before
    choose(dialog.signer, people["gf"].id)
    stored = saved(qtbot, dialog)
    assert (stored.status, stored.outcome, stored.signed_by_id) == ("abgeschlossen", "unbegruendet", people["gf"].id)

    pane = window.detail.toPlainText()
    assert "Entscheidung der Geschäftsführung (Dr. Anna Lindqvist) vom 16.11.2026" in pane
    assert "Beschäftigte/r informiert am 17.11.2026" in pane
    assert "Stellungnahme Herr Tom Weber (Mitarbeiter/in), eingegangen 09.11.2026" in pane
    assert checks.FREE_TEXT_NOTICE in pane
    actions = [e.action for e in Event.select().where(Event.case == case.id).order_by(Event.id)]
    assert actions == [
        "registered", "gf_lead", "statement", "statement", "dab_decided", "employee_informed", "closed",
    ]  # fmt: skip


def test_a_dab_reclassified_by_the_gf_goes_on_as_a_complaint(qtbot, store, people) -> None:
    case = f.register(
        kind="dienstaufsichtsbeschwerde", employee_concerned=EMPLOYEE, subject="Verhalten", team_id=people["team"].id
    )
    window = started_window(qtbot, store)
    select(window, case.id)
    assert "Federführung\nGeschäftsführung (Eskalationsstufe 3)" in window.detail.toPlainText()
    add_statements(qtbot, window)

    dialog = open_action(qtbot, window, checks.RECLASSIFY)
    choose(dialog.kind, "fachaufsichtsbeschwerde")
    set_date(dialog.decided_on, date(2026, 11, 18))
    type_into(qtbot, dialog.reason, "Beanstandet wird die Entscheidung über den Antrag, nicht das Verhalten.")
    stored = saved(qtbot, dialog)
    assert (stored.kind, stored.reclassified_from, stored.lead, stored.escalation_level, stored.sign_off_role) == (
        "fachaufsichtsbeschwerde",
        "dienstaufsichtsbeschwerde",
        "team",
        1,
        "TL",
    )
    event = Event.select().where(Event.action == "reclassified").get()
    assert "Dr. Anna Lindqvist" in event.text and "18.11.2026" in event.text and "nicht das Verhalten" in event.text
    assert event.actor == f.USER
    # a complaint now: the team leads, the DAB's own buttons are gone, escalating and the reserve are offered
    pane = window.detail.toPlainText()
    assert "Federführung\nTeam, Eskalationsstufe 1 (Teamleitung)" in pane
    assert "Schlusszeichnung\nzeichnungsbefugt: Teamleitung oder KRM-Beauftragte/r" in pane
    buttons = window.workflows.case_actions.buttons
    assert not any(buttons[code].isVisible() for code in checks.DAB_ACTIONS)
    assert state(window) == {checks.DECIDE: False, checks.RECLASSIFY: False, checks.INFORM: False}
    assert "umgedeutet" in window.workflows.case_actions.actions[checks.INFORM].toolTip()
    assert buttons[checks.ESCALATE].isEnabled() and buttons[checks.RESERVE].isEnabled()

    window.filter_bar.status.setCurrentIndex(0)  # all cases: the closed one stays in the list
    dialog = open_action(qtbot, window, checks.CLOSE)
    assert dialog.signer.currentData() == people["tl"].id  # its Teamleitung signs, as for any complaint
    choose(dialog.outcomes[1], "begruendet")
    set_date(dialog.answer_date, date(2026, 11, 19))
    stored = saved(qtbot, dialog)
    assert (stored.status, stored.kind, stored.outcome) == ("abgeschlossen", "fachaufsichtsbeschwerde", "begruendet")
    assert stored.signed_by_id == people["tl"].id and stored.employee_informed is None
    assert "Umgedeutet aus Dienstaufsichtsbeschwerde in Fachaufsichtsbeschwerde" in window.detail.toPlainText()


def _decide(gf: int | None, text: str, when: date) -> Callable:
    def fill(qtbot, dialog, people) -> None:
        choose(dialog.decider, people[gf] if gf else None)
        set_date(dialog.decided_on, when)
        type_into(qtbot, dialog.decision, text)

    return fill


def _reclassify(kind: str | None, reason: str) -> Callable:
    def fill(qtbot, dialog, people) -> None:
        choose(dialog.kind, kind)
        choose(dialog.decider, people["gf"])
        type_into(qtbot, dialog.reason, reason)

    return fill


BAD = {
    "decision-without-gf": (checks.DECIDE, _decide(None, "Kein Fehlverhalten.", f.TODAY), "decided_by", "Funktion GF"),
    "decision-without-text": (checks.DECIDE, _decide("gf", "", f.TODAY), "decision", "„Entscheidung“ aus"),
    "decision-before-receipt": (
        checks.DECIDE,
        _decide("gf", "Kein Fehlverhalten.", date(2026, 10, 1)),
        "decided_on",
        "vor dem Eingang",
    ),
    "decision-in-the-future": (
        checks.DECIDE,
        _decide("gf", "Kein Fehlverhalten.", date(2026, 12, 1)),
        "decided_on",
        "in der Zukunft",
    ),
    "reclassify-without-kind": (checks.RECLASSIFY, _reclassify(None, "fachlich"), "kind", "Fachaufsichtsbeschwerde"),
    "reclassify-without-reason": (
        checks.RECLASSIFY,
        _reclassify("beschwerde", ""),
        "reason",
        "„Begründung“ aus",
    ),
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_dab_input_is_refused_next_to_its_field(qtbot, store, people, name: str) -> None:
    action, fill, field, message = BAD[name]
    people["gf2"] = f.staff("Klaus Petersen", "GF")  # two GFs: nobody is proposed
    people = {key: person.id for key, person in people.items()}
    case = register_dab()
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, action)
    fill(qtbot, dialog, people)
    refused_next_to(qtbot, dialog, field, message)


def test_information_before_the_decision_is_refused(qtbot, store, people) -> None:
    case = register_dab()
    dab_services.decide_dab(
        case.id, version=case.version, decision="Kein Fehlverhalten.", decided_by=people["gf"].id,
        decided_on=date(2026, 11, 16), today=f.TODAY, user=f.USER,
    )  # fmt: skip
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, checks.INFORM)
    set_date(dialog.informed_on, date(2026, 11, 12))
    before = f.snapshot()
    save(qtbot, dialog)
    assert "vor der Entscheidung der GF (16.11.2026)" in shown_errors(dialog)["informed_on"]
    assert f.snapshot() == before


def test_without_a_gf_in_the_staff_list_the_decision_says_so(qtbot, store) -> None:
    case = register_dab()
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, checks.DECIDE)
    assert dialog.decider.currentText() == "– keine Person mit Funktion GF angelegt –"
    type_into(qtbot, dialog.decision, "Kein Fehlverhalten.")
    save(qtbot, dialog)
    assert "nur die Geschäftsführung" in shown_errors(dialog)["decided_by"]


def test_the_close_dialog_proposes_the_outcome_the_decision_names(qtbot, store, people) -> None:
    case = register_dab()
    case = f.act(
        dab_services.decide_dab,
        case,
        decision="Die Dienstaufsichtsbeschwerde ist unbegründet.",
        decided_by=people["gf"].id,
        decided_on=date(2026, 11, 16),
    )
    f.act(dab_services.inform_employee, case, informed_on=date(2026, 11, 17))
    window = started_window(qtbot, store)
    window.filter_bar.status.setCurrentIndex(0)
    select(window, case.id)
    dialog = open_action(qtbot, window, checks.CLOSE)
    assert dialog.outcomes[1].currentData() == "unbegruendet"
    assert any("Folgt der Entscheidung der GF" in label.text() for label in dialog.findChildren(QLabel))
    set_date(dialog.answer_date, date(2026, 11, 19))
    stored = saved(qtbot, dialog)
    assert (stored.status, stored.outcome) == ("abgeschlossen", "unbegruendet")
