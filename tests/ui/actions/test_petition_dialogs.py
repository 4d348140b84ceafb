"""Pankow's petition steps in the window: the KRM's check of the Stellungnahme, then the agreement with Agentur für
Arbeit and Regionaldirektion; bad dates refused next to their field; answer and closing wait for both."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases.petition_checks import BA_AGREE, STATEMENT_CHECK
from tests.model.cases.test_petition_steps import petition
from tests.ui.action_helpers import open_action, refused_next_to, saved, select, set_date, started_window, type_into

pankow = pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)


@pankow
def test_pankow_checks_then_agrees_in_the_window(qtbot, store) -> None:
    case = petition()
    window = started_window(qtbot, store)
    select(window, case.id)
    actions = window.workflows.case_actions
    assert actions.buttons[STATEMENT_CHECK].isVisible() and actions.buttons[BA_AGREE].isVisible()
    assert not actions.actions[BA_AGREE].isEnabled()
    assert "erst die Prüfung durch das KRM" in actions.actions[BA_AGREE].toolTip()
    assert not actions.actions[checks.ANSWER].isEnabled()
    assert "prüft das KRM die Stellungnahme" in actions.actions[checks.ANSWER].toolTip()
    assert "Abstimmung ausstehend" in window.detail.toPlainText()

    dialog = open_action(qtbot, window, STATEMENT_CHECK)
    assert dialog.captions == {"checked_on": "Geprüft am *", "checked_by": "Geprüft von *"}
    set_date(dialog.checked_on, date(2026, 11, 21))
    refused_next_to(qtbot, dialog, "checked_on", "in der Zukunft")
    set_date(dialog.checked_on, date(2026, 11, 11))
    refused_next_to(qtbot, dialog, "checked_on", "vor dem Eingang der Stellungnahme")
    dialog.checked_by.clear()
    set_date(dialog.checked_on, date(2026, 11, 13))
    refused_next_to(qtbot, dialog, "checked_by", "Geprüft von")
    type_into(qtbot, dialog.checked_by, "Petra Ohlsen")
    stored = saved(qtbot, dialog)
    assert (stored.statement_checked, stored.statement_checked_by) == (date(2026, 11, 13), "Petra Ohlsen")
    qtbot.waitUntil(lambda: "Stellungnahme geprüft (KRM)" in window.detail.toPlainText())

    assert "Abstimmung mit der Agentur für Arbeit" in actions.actions[checks.CLOSE].toolTip()
    dialog = open_action(qtbot, window, BA_AGREE)
    set_date(dialog.agreed_on, date(2026, 11, 12))
    refused_next_to(qtbot, dialog, "agreed_on", "vor der Prüfung der Stellungnahme")
    set_date(dialog.agreed_on, date(2026, 11, 16))
    stored = saved(qtbot, dialog)
    assert stored.ba_agreed == date(2026, 11, 16)
    qtbot.waitUntil(lambda: "abgestimmt am 16.11.2026" in window.detail.toPlainText())
    assert actions.actions[checks.ANSWER].isEnabled()
    assert not actions.actions[BA_AGREE].isEnabled()


def test_luebeck_shows_no_petition_step_buttons(qtbot, store) -> None:
    case = petition(ba=False)
    window = started_window(qtbot, store)
    select(window, case.id)
    actions = window.workflows.case_actions
    assert not actions.buttons[STATEMENT_CHECK].isVisible() and not actions.buttons[BA_AGREE].isVisible()
    assert actions.actions[checks.ANSWER].isEnabled()
