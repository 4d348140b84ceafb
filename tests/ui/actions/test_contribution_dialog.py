"""Beitrag eines Teams erfassen: the action shows only where several teams are concerned, the dialog offers the
teams concerned, a bad input is refused in German next to its field with nothing stored and nothing typed lost,
and the detail pane lists the Beiträge and which team has not yet sent one."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.model.cases.contributions import CONTRIBUTION
from krm_desktop.model.cases.intake import ConcernInput
from krm_desktop.model.store.entities import Event, Statement
from tests import factories as f
from tests.ui.action_helpers import open_action, save, saved, select, set_date, started_window, type_into

TEXT = "Die Unterlagen lagen zehn Tage im Team; die Bearbeitung ist nachgeholt."


@pytest.fixture
def teams(store):
    return f.team("Team 411 Leistung"), f.team("Team 412 Markt"), f.team("Team 413 Reha")


def two_team_case(teams):
    t411, t412, _ = teams
    return f.register(
        team_id=t411.id,
        subject="Wartezeit und falsche Auskunft",
        concerns=[ConcernInput("beschwerde"), ConcernInput("beschwerde", team_id=t412.id)],
    )


def fill(qtbot, dialog, *, author: str = "Jens Brandt", on: date = date(2026, 11, 10), text: str = TEXT) -> None:
    if author:
        type_into(qtbot, dialog.author, author)
    set_date(dialog.received_on, on)
    if text:
        type_into(qtbot, dialog.text, text)


def test_a_beitrag_of_each_team_and_the_detail_pane(qtbot, store, teams) -> None:
    t411, _, _ = teams
    case = two_team_case(teams)
    one_team = f.register(team_id=t411.id)
    window = started_window(qtbot, store)
    actions = window.workflows.case_actions
    select(window, one_team.id)
    assert actions.buttons[CONTRIBUTION].isHidden()
    assert "nur ein Team betroffen" in actions.actions[CONTRIBUTION].toolTip()
    select(window, case.id)
    pane = window.detail.toPlainText()
    assert "Team 411 Leistung, Team 412 Markt" in pane
    assert "mehrere Teams betroffen: Federführung bei der Geschäftsführung" in pane
    assert "Beitrag ausstehend: Team 411 Leistung, Team 412 Markt" in pane
    dialog = open_action(qtbot, window, CONTRIBUTION)
    assert [dialog.team.itemText(i) for i in range(dialog.team.count())] == ["Team 411 Leistung", "Team 412 Markt"]
    assert dialog.sent_info.text() == "noch keiner eingegangen"
    fill(qtbot, dialog)
    saved(qtbot, dialog)
    statement = Statement.get(Statement.case == case.id)
    assert (statement.team_id, statement.author, statement.author_role) == (t411.id, "Jens Brandt", "TL")
    event = Event.get((Event.case == case.id) & (Event.action == "contribution"))
    assert event.actor == f.USER and "Beitrag von Team 411 Leistung eingegangen am 10.11.2026" in event.text
    # the next one proposes the team still missing
    dialog = open_action(qtbot, window, CONTRIBUTION)
    assert dialog.team.currentText() == "Team 412 Markt"
    assert "eingegangen: Team 411 Leistung (10.11.2026, Jens Brandt)" in dialog.sent_info.text()
    assert "ausstehend: Team 412 Markt" in dialog.sent_info.text()
    dialog.reject()
    pane = window.detail.toPlainText()
    assert "Beitrag Team 411 Leistung – Jens Brandt (Teamleitung), eingegangen 10.11.2026:" in pane
    assert TEXT in pane and "Beitrag ausstehend: Team 412 Markt" in pane


def test_a_team_not_concerned_is_refused_in_german_and_nothing_changes(qtbot, store, teams) -> None:
    case = two_team_case(teams)
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, CONTRIBUTION)
    dialog.team.addItem("Team 413 Reha", teams[2].id)  # e.g. a stale list: a team no Anliegen concerns
    dialog.team.setCurrentIndex(dialog.team.count() - 1)
    fill(qtbot, dialog)
    before = f.snapshot()
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert "nicht betroffen" in dialog.errors["team"].text() and dialog.errors["team"].isVisible()
    assert f.snapshot() == before
    assert dialog.text.toPlainText() == TEXT and dialog.author.text() == "Jens Brandt"


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"on": date(2026, 10, 30)}, "received_on", "vor dem Eingang"),
        ({"on": date(2026, 11, 21)}, "received_on", "Zukunft"),
        ({"text": ""}, "text", "„Beitrag“"),
        ({"author": ""}, "author", "Verfasser/in"),
    ],
)
def test_bad_input_is_shown_next_to_its_field(qtbot, store, teams, values, field, message) -> None:
    case = two_team_case(teams)
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, CONTRIBUTION)
    fill(qtbot, dialog, **values)
    before = f.snapshot()
    save(qtbot, dialog)
    assert dialog.isVisible() and f.snapshot() == before
    assert message in dialog.errors[field].text(), {k: e.text() for k, e in dialog.errors.items()}
