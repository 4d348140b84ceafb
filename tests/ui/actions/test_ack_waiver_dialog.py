"""„Eingangsbestätigung entfällt" in the window: offered only where the office lets the KRM decide (Pankow:
e-mails); a missing reason is refused next to its field; the detail pane then says who decided, when and why."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.store.entities import Event
from tests import factories as f
from tests.ui.action_helpers import open_action, refused_next_to, saved, select, set_date, started_window, type_into

RECEIVED = date(2026, 11, 16)
REASON = "Die Antwort geht binnen drei Arbeitstagen hinaus."


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_pankow_records_that_no_acknowledgement_is_sent(qtbot, store) -> None:
    case = f.register(channel="email", received=RECEIVED)
    window = started_window(qtbot, store)
    select(window, case.id)
    assert "Eingangsbestätigung fällig 19.11.2026" in window.detail.toPlainText()
    dialog = open_action(qtbot, window, checks.WAIVE_ACK)
    assert dialog.captions == {"decided_on": "Entschieden am *", "reason": "Begründung *"}
    refused_next_to(qtbot, dialog, "reason", "Bitte füllen Sie „Begründung“ aus.")
    set_date(dialog.decided_on, date(2026, 11, 21))
    type_into(qtbot, dialog.reason, REASON)
    refused_next_to(qtbot, dialog, "decided_on", "in der Zukunft")
    set_date(dialog.decided_on, date(2026, 11, 17))
    stored = saved(qtbot, dialog)
    assert (stored.ack_waived, stored.ack_waived_reason, stored.next_action) == (date(2026, 11, 17), REASON, "answer")
    assert Event.get(Event.action == "ack_waived").actor == window.context.user
    qtbot.waitUntil(lambda: "Eingangsbestätigung entfällt" in window.detail.toPlainText())
    shown = " ".join(window.detail.toPlainText().split())
    assert (
        f"Eingangsbestätigung entfällt (entschieden am 17.11.2026 von {window.context.user}). Begründung: {REASON}"
        in shown
    )
    actions = window.workflows.case_actions
    assert not actions.actions[checks.WAIVE_ACK].isEnabled()
    assert not actions.actions[checks.ACKNOWLEDGE].isEnabled()
    assert "entfällt" in actions.actions[checks.ACKNOWLEDGE].toolTip()


@pytest.mark.parametrize("store", ["berlin-pankow", "osnabrueck"], indirect=True)
def test_the_action_says_why_it_is_not_offered(qtbot, store) -> None:
    case = f.register(channel="brief", received=RECEIVED)  # Pankow decides for e-mails only; Osnabrück never
    window = started_window(qtbot, store)
    select(window, case.id)
    action = window.workflows.case_actions.actions[checks.WAIVE_ACK]
    assert not action.isEnabled()
    assert "entscheidet das KRM in dieser Dienststelle nicht" in action.toolTip()
    assert action.text() == "Eingangsbestätigung ent&fällt …"
