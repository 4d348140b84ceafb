"""The Vorlage an GF in the window: the list's "nächste Frist" says it and turns red when it is overdue, the
dashboard counts it, "Vorgelegt an GF" refuses a date before the receipt next to the field and stops the clock."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.store.entities import Event
from krm_desktop.ui.case_list.table_model import DUE_COLUMN
from tests import factories as f
from tests.ui.action_helpers import open_action, refused_next_to, saved, select, set_date, started_window

RECEIVED = date(2026, 11, 19)  # a Thursday: the Vorlage was due that day, the acknowledgement on 24.11.


def due_cell(window, case_id: int) -> str:
    row = window.model.row_of(case_id)
    assert row is not None
    return window.model.index(row, DUE_COLUMN).data()


def test_an_overdue_vorlage_is_shown_counted_and_recorded(qtbot, store) -> None:
    petition = f.register(kind="petition", received=RECEIVED)
    window = started_window(qtbot, store)
    assert due_cell(window, petition.id) == "überfällig seit 1 AT · Vorlage an GF"
    assert window.dashboard.number("overdue") == "1"
    select(window, petition.id)
    assert "Vorlage an GF fällig 19.11.2026, vorgelegt –" in window.detail.toPlainText()
    background = window.model.index(window.model.row_of(petition.id), DUE_COLUMN).data(Qt.ItemDataRole.BackgroundRole)
    assert background is not None  # the overdue colour, beside the words

    dialog = open_action(qtbot, window, checks.PRESENT_GF)
    assert dialog.captions == {"presented_on": "Vorgelegt am *"}
    set_date(dialog.presented_on, date(2026, 11, 18))
    refused_next_to(qtbot, dialog, "presented_on", "liegt vor dem Eingang (19.11.2026)")
    set_date(dialog.presented_on, date(2026, 11, 21))
    refused_next_to(qtbot, dialog, "presented_on", "in der Zukunft")
    set_date(dialog.presented_on, RECEIVED)
    stored = saved(qtbot, dialog)

    assert (stored.gf_presented, stored.next_action) == (RECEIVED, "ack")
    assert Event.get(Event.action == "gf_presented").text == "Vorgelegt an GF am 19.11.2026."
    qtbot.waitUntil(lambda: "vorgelegt 19.11.2026" in window.detail.toPlainText())
    qtbot.waitUntil(lambda: window.dashboard.number("overdue") == "0")
    assert due_cell(window, petition.id).endswith("· Eingangsbestätigung")
    assert not window.workflows.case_actions.actions[checks.PRESENT_GF].isEnabled()


def test_a_beschwerde_offers_no_vorlage(qtbot, store) -> None:
    case = f.register(received=RECEIVED)
    window = started_window(qtbot, store)
    select(window, case.id)
    action = window.workflows.case_actions.actions[checks.PRESENT_GF]
    assert not action.isEnabled()
    assert "nur bei Petition, Eingabe und Dienstaufsichtsbeschwerde" in action.toolTip()
