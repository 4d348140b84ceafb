"""One complaint the whole way: typed into the intake step and the complaint form, then acknowledged, answered
and closed with an outcome and the Teamleitung's sign-off through the Vorgang actions of the same window."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.store.entities import Case, Concern
from tests import factories as f
from tests.ui import action_helpers as actions
from tests.ui.case_form_steps import choose, go_to_form, new_dialog, save, started_window
from tests.ui.entry.test_new_case import fill_common


def test_a_complaint_from_the_intake_to_its_close(qtbot, store) -> None:
    people = f.office_people()
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    go_to_form(qtbot, dialog, "beschwerde", received="09.11.2026")
    fill_common(qtbot, dialog.form, "Weiterbewilligung seit sechs Wochen offen")
    choose(qtbot, dialog.form.team, "Team 401")
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.form.shown_errors()
    case = Case.get_by_id(dialog.case_id)
    assert (case.status, case.team_id, case.next_action) == ("offen", people["team"].id, "ack")

    actions.select(window, case.id)
    step = actions.open_action(qtbot, window, checks.ACKNOWLEDGE)
    actions.set_date(step.sent_on, date(2026, 11, 10))
    assert actions.saved(qtbot, step).ack_sent == date(2026, 11, 10)
    step = actions.open_action(qtbot, window, checks.ANSWER)
    actions.set_date(step.sent_on, date(2026, 11, 19))
    assert actions.saved(qtbot, step).answer_sent == date(2026, 11, 19)
    step = actions.open_action(qtbot, window, checks.CLOSE)
    actions.choose(step.outcomes[1], "unbegruendet")
    actions.choose(step.signer, people["tl"].id)  # not escalated: the team's TL signs
    actions.set_date(step.closed_on, date(2026, 11, 20))
    closed = actions.saved(qtbot, step)

    assert (closed.status, closed.closed, closed.outcome, closed.signed_by_id) == (
        "abgeschlossen",
        date(2026, 11, 20),
        "unbegruendet",
        people["tl"].id,
    )
    assert [c.outcome for c in Concern.select().where(Concern.case == case.id)] == ["unbegruendet"]
    assert f.actions(case) == ["registered", "acknowledged", "answered", "closed"]
    assert window.dashboard.number("open") == "0"
