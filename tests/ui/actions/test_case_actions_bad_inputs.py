"""Every bad input of the everyday actions is refused next to its field: the database stays as it was and
everything typed stays in the dialog."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases import services as cases
from krm_desktop.ui.actions.action_form import ActionDialog
from tests import factories as f
from tests.ui.action_helpers import (
    choose,
    open_action,
    refused_next_to,
    save,
    select,
    set_date,
    shown_errors,
    started_window,
    type_into,
    when_modal,
)


@dataclass(frozen=True)
class Bad:
    action: str
    fill: Callable[[object, ActionDialog], None]
    field: str
    message: str


def _interim(reason: str, sent: date, expected: date) -> Callable[[object, ActionDialog], None]:
    def fill(qtbot, dialog) -> None:
        set_date(dialog.sent_on, sent)
        type_into(qtbot, dialog.reason, reason)
        set_date(dialog.expected, expected)

    return fill


def _statement(author: str, text: str, received: date) -> Callable[[object, ActionDialog], None]:
    def fill(qtbot, dialog) -> None:
        type_into(qtbot, dialog.author, author)
        set_date(dialog.received_on, received)
        type_into(qtbot, dialog.text, text)

    return fill


NOV = 11
BAD = {
    "ack-in-the-future": Bad(
        checks.ACKNOWLEDGE, lambda q, d: set_date(d.sent_on, date(2026, NOV, 21)), "sent_on", "in der Zukunft"
    ),
    "ack-before-receipt": Bad(
        checks.ACKNOWLEDGE, lambda q, d: set_date(d.sent_on, date(2026, NOV, 1)), "sent_on", "vor dem Eingang"
    ),
    "interim-without-reason": Bad(
        checks.INTERIM, _interim("", date(2026, NOV, 13), date(2026, 12, 1)), "reason", "Grund der Verzögerung"
    ),
    "interim-blank-reason": Bad(
        checks.INTERIM, _interim("   ", date(2026, NOV, 13), date(2026, 12, 1)), "reason", "Grund der Verzögerung"
    ),
    "interim-expected-not-after-sending": Bad(
        checks.INTERIM,
        _interim("Die Akte ist beim Ärztlichen Dienst.", date(2026, NOV, 13), date(2026, NOV, 13)),
        "expected",
        "nach dem Versand",
    ),
    "interim-sent-in-the-future": Bad(
        checks.INTERIM,
        _interim("Rückfrage beim Vermieter", date(2026, NOV, 23), date(2026, 12, 10)),
        "sent_on",
        "in der Zukunft",
    ),
    "assign-nothing-chosen": Bad(checks.ASSIGN, lambda q, d: None, "team", "Bitte ein Team wählen"),
    "assign-the-same-team": Bad(
        checks.ASSIGN, lambda q, d: d.team.setCurrentIndex(d.team.findText("Team 401 Leistung")), "team", "bereits"
    ),
    "escalate-skipping-without-reason": Bad(
        checks.ESCALATE, lambda q, d: choose(d.level, 3), "reason", "Überspringen einer Eskalationsstufe"
    ),
    "statement-without-author": Bad(
        checks.STATEMENT,
        _statement("", "Der Antrag wurde am 16.11. beschieden.", date(2026, NOV, 16)),
        "author",
        "Verfasser/in",
    ),
    "statement-without-text": Bad(
        checks.STATEMENT, _statement("Jens Brandt", "", date(2026, NOV, 16)), "text", "„Stellungnahme“ aus"
    ),
    "statement-before-receipt": Bad(
        checks.STATEMENT,
        _statement("Jens Brandt", "Stellungnahme der Teamleitung.", date(2026, 10, 30)),
        "received_on",
        "vor dem Eingang",
    ),
    "answer-in-the-future": Bad(
        checks.ANSWER, lambda q, d: set_date(d.sent_on, date(2027, 1, 4)), "sent_on", "in der Zukunft"
    ),
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_input_is_refused_next_to_its_field(qtbot, store, name: str) -> None:
    bad = BAD[name]
    team = f.team()
    f.staff("Jens Brandt", "TL", team)
    case = f.register(team_id=team.id)  # received 02.11.2026, today 20.11.2026
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, bad.action)
    bad.fill(qtbot, dialog)
    refused_next_to(qtbot, dialog, bad.field, bad.message)
    assert dialog.message.isHidden()


def test_several_bad_inputs_are_shown_at_once(qtbot, store) -> None:
    case = f.register()
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, checks.STATEMENT)
    dialog.author.clear()
    set_date(dialog.received_on, date(2026, 12, 1))
    save(qtbot, dialog)
    assert set(shown_errors(dialog)) == {"author", "received_on", "text"}
    assert dialog.focusWidget() is dialog.fields["author"]  # the first wrong field gets the cursor


def test_required_fields_are_marked(qtbot, store) -> None:
    case = f.register()
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, checks.INTERIM)
    assert dialog.captions == {
        "sent_on": "Versandt am *",
        "reason": "Grund der Verzögerung *",
        "expected": "Voraussichtlich erledigt bis *",
    }
    assert not dialog.legend.isHidden() and dialog.legend.text() == "* Pflichtfeld"
    assert dialog.fields["reason"].accessibleName() == "Grund der Verzögerung (Pflichtfeld)"


def test_a_refused_state_change_is_said_above_the_buttons(qtbot, store) -> None:
    """Another workstation sent the acknowledgement and this one reloads: the action is no longer possible."""
    case = f.register()
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, checks.ACKNOWLEDGE)
    cases.acknowledge(case.id, version=case.version, sent_on=date(2026, 11, 3), today=f.TODAY, user="platz2")
    seen = when_modal(lambda conflict: conflict.reload_button.click())
    save(qtbot, dialog)
    assert seen
    assert "bereits am 03.11.2026 versandt" in dialog.message.text()
    assert not dialog.save_button.isEnabled()
