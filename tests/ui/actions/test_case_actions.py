"""The workflow actions on the real main window: a complaint from registration to its close, the actions the
state allows (and why not), a read-only database, a stale save through the conflict dialog, unsaved input."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.contributions import CONTRIBUTION
from krm_desktop.model.cases.file_notes import FILE_NOTE
from krm_desktop.model.cases.notices import MARK_GF_REQUIRED, NOTICE, NOTICE_ACTIONS
from krm_desktop.model.cases.petition_checks import PETITION_ACTIONS
from krm_desktop.model.store.entities import Case, Concern, Event, Statement
from krm_desktop.ui.actions.case_actions import ACTION_ORDER, NO_CASE_REASON, READ_ONLY_REASON
from tests import factories as f
from tests.ui.action_helpers import (
    choose,
    error_of,
    open_action,
    save,
    saved,
    select,
    set_date,
    started_window,
    type_into,
    when_modal,
)


@pytest.fixture
def people(store):
    team = f.team()
    return {
        "team": team,
        "team2": f.team("Team 402 Markt und Integration"),
        "tl": f.staff("Jens Brandt", "TL", team),
        "bl": f.staff("Sabine Kröger", "BL"),
        "gf": f.staff("Dr. Anna Lindqvist", "GF"),
        "krm": f.staff("Petra Ohlsen", "KRM"),
    }


def enabled(window) -> set[str]:
    return {code for code, action in window.workflows.case_actions.actions.items() if action.isEnabled()}


def test_a_complaint_from_registration_to_its_close(qtbot, store, people) -> None:
    case = f.register(concerns=[("beschwerde", None), ("fachaufsichtsbeschwerde", None), ("lob", None)])
    window = started_window(qtbot, store)
    select(window, case.id)
    # Lübeck lets the KRM decide on no acknowledgement for no channel: „Eingangsbestätigung entfällt" is not offered
    # nor the Vorlage an GF (petitions, Eingaben and DABs only)
    # Lübeck keeps Vermerke for the E-Akte/VerBIS. Zur Kenntnis is always offered; "vorlagepflichtig" only in Pankow.
    assert enabled(window) == set(checks.ACTIONS) - {checks.FOLLOW_UP, checks.WAIVE_ACK, checks.PRESENT_GF} - (
        checks.DAB_ACTIONS
    ) | {NOTICE, FILE_NOTE}

    dialog = open_action(qtbot, window, checks.ACKNOWLEDGE)
    set_date(dialog.sent_on, date(2026, 11, 4))
    assert saved(qtbot, dialog).ack_sent == date(2026, 11, 4)
    ack = window.workflows.case_actions.actions[checks.ACKNOWLEDGE]
    assert not ack.isEnabled() and "bereits am 04.11.2026 versandt" in ack.toolTip()

    dialog = open_action(qtbot, window, checks.INTERIM)
    set_date(dialog.sent_on, date(2026, 11, 13))
    type_into(qtbot, dialog.reason, "Die Leistungsakte liegt dem Widerspruchsteam vor.")
    set_date(dialog.expected, date(2026, 11, 30))
    stored = saved(qtbot, dialog)
    assert (stored.interim_sent, stored.interim_expected) == (date(2026, 11, 13), date(2026, 11, 30))
    assert stored.interim_reason == "Die Leistungsakte liegt dem Widerspruchsteam vor."

    dialog = open_action(qtbot, window, checks.ASSIGN)
    choose(dialog.team, people["team"].id)
    assert saved(qtbot, dialog).team_id == people["team"].id

    dialog = open_action(qtbot, window, checks.ESCALATE)
    choose(dialog.level, 3)  # TL -> GF: skipping BL needs a reason
    before = f.snapshot()
    save(qtbot, dialog)
    assert "bitte begründen" in error_of(dialog, "reason") and f.snapshot() == before
    type_into(qtbot, dialog.reason, "Die Kundin hat die Geschäftsführung ausdrücklich angeschrieben.")
    stored = saved(qtbot, dialog)
    assert (stored.escalation_level, stored.lead) == (3, "gf")

    dialog = open_action(qtbot, window, checks.STATEMENT)
    type_into(qtbot, dialog.author, "Jens Brandt")
    choose(dialog.role, "TL")
    set_date(dialog.received_on, date(2026, 11, 16))
    type_into(qtbot, dialog.text, "Der Antrag ist am 16.11. beschieden worden.")
    saved(qtbot, dialog)
    statement = Statement.get(Statement.case == case.id)
    assert (statement.author, statement.author_role, statement.received_on) == ("Jens Brandt", "TL", date(2026, 11, 16))

    dialog = open_action(qtbot, window, checks.ANSWER)
    set_date(dialog.sent_on, date(2026, 11, 19))
    assert saved(qtbot, dialog).answer_sent == date(2026, 11, 19)

    window.filter_bar.status.setCurrentIndex(0)  # all cases: the closed one stays in the list
    dialog = open_action(qtbot, window, checks.CLOSE)
    assert set(dialog.outcomes) == {1, 2}  # the Lob gets no outcome
    # escalated to the GF: the GF or the KRM-Beauftragte signs; the first of them is proposed
    assert any("Zeichnungsbefugt: Geschäftsführung oder KRM" in label.text() for label in dialog.findChildren(QLabel))
    assert dialog.signer.currentData() == people["gf"].id
    choose(dialog.outcomes[1], "begruendet")
    choose(dialog.outcomes[2], "unbegruendet")
    choose(dialog.signer, people["gf"].id)
    set_date(dialog.closed_on, date(2026, 11, 20))
    stored = saved(qtbot, dialog)
    assert (stored.status, stored.closed, stored.outcome) == ("abgeschlossen", date(2026, 11, 20), "begruendet")
    assert stored.signed_by_id == people["gf"].id
    outcomes = {c.position: c.outcome for c in Concern.select().where(Concern.case == case.id)}
    assert outcomes == {1: "begruendet", 2: "unbegruendet", 3: None}

    # The history: every step with who and on which day; the free texts under the Art. 15 reminder.
    events = list(Event.select().where(Event.case == case.id).order_by(Event.id))
    assert [e.action for e in events] == [
        "registered", "acknowledged", "interim", "assigned", "escalated", "statement", "answered", "closed",
    ]  # fmt: skip
    assert {e.actor for e in events} == {f.USER}
    pane = window.detail.toPlainText()
    for event in events:
        assert f"{event.on_day:%d.%m.%Y}\t{f.USER}\t{event.text}" in pane.replace("\n", "\t")
    assert checks.FREE_TEXT_NOTICE in pane
    assert "Der Antrag ist am 16.11. beschieden worden." in pane and "Widerspruchsteam" in pane
    # Closed: only the Folgereaktion and the Vermerk for the E-Akte/VerBIS are left (and Zur Kenntnis: the copy of the answer goes out at the close), the
    # rest says why not.
    assert enabled(window) == {checks.FOLLOW_UP, NOTICE, FILE_NOTE}
    close = window.workflows.case_actions.actions[checks.CLOSE]
    assert "abgeschlossen; dafür ist eine Folgereaktion anzulegen" in close.toolTip()


def test_menu_and_buttons_offer_the_same_actions(qtbot, store, people) -> None:
    praise = f.register(kind="lob", subject="Freundliche Beratung")
    dab = f.register(kind="dienstaufsichtsbeschwerde", employee_concerned="Herr Tom Weber")
    window = started_window(qtbot, store)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Vorgang") < titles.index("&Schreiben") < titles.index("&Hilfe")
    actions = window.workflows.case_actions
    menu = [a for a in actions.menu.actions() if not a.isSeparator()]
    assert menu == [actions.actions[code] for code in ACTION_ORDER]
    # the Beitrag of a team and the petition steps after the statement, Zur Kenntnis and vorlagepflichtig
    assert set(ACTION_ORDER) == {*checks.ACTIONS, *PETITION_ACTIONS, *NOTICE_ACTIONS, CONTRIBUTION, FILE_NOTE}
    for case, dab_buttons in ((praise, False), (dab, True)):
        select(window, case.id)
        for code, button in actions.buttons.items():
            assert button.defaultAction() is actions.actions[code]
            assert button.isEnabled() == actions.actions[code].isEnabled()
            assert button.isVisible() == (
                (dab_buttons or code not in checks.DAB_ACTIONS)
                and code not in PETITION_ACTIONS  # Lübeck: none
                and code != MARK_GF_REQUIRED  # Lübeck has no Anlage 2
                and code != CONTRIBUTION  # one team concerned
            )
    select(window, dab.id)  # a DAB: GF leads and signs; decided first, then informed, then closed
    assert not actions.actions[checks.ESCALATE].isEnabled()
    assert "bereits bei der Geschäftsführung" in actions.actions[checks.ESCALATE].toolTip()
    assert "Erst entscheidet die Geschäftsführung" in actions.actions[checks.INFORM].toolTip()
    assert "nach der Entscheidung der GF" in actions.actions[checks.CLOSE].toolTip()
    # the frequent actions have shortcuts
    assert actions.actions[checks.ACKNOWLEDGE].shortcuts()[0].toString() == "Ctrl+Shift+E"
    select(window, praise.id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert actions.dialogs and actions.dialogs[-1].windowTitle() == f"Eingangsbestätigung versandt – {praise.ref}"


def test_without_a_selected_case_every_action_says_so(qtbot, store, people) -> None:
    window = started_window(qtbot, store)  # an empty list
    actions = window.workflows.case_actions
    assert window.detail.case_id is None
    assert not enabled(window)
    assert {a.toolTip() for a in actions.actions.values()} == {NO_CASE_REASON}


def test_a_read_only_database_disables_every_action_and_says_why(qtbot, store, people) -> None:
    case = f.register()
    window = started_window(qtbot, store, read_only=True)
    select(window, case.id)
    actions = window.workflows.case_actions
    assert not enabled(window)
    assert {a.toolTip() for a in actions.actions.values()} == {READ_ONLY_REASON}
    assert all(not b.isEnabled() for b in actions.buttons.values())


def test_a_stale_save_goes_to_the_conflict_dialog_and_reload_keeps_the_typed_text(qtbot, store, people) -> None:
    case = f.register()
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, checks.INTERIM)
    type_into(qtbot, dialog.reason, "Die Akte liegt noch beim Ärztlichen Dienst.")
    set_date(dialog.expected, date(2026, 12, 4))
    # meanwhile another workstation assigns a team
    cases.assign_team(case.id, version=case.version, team_id=people["team2"].id, today=f.TODAY, user="platz2")
    before = f.snapshot()
    changes: list[str] = []
    typed: list[str] = []

    def reload(conflict) -> None:
        changes.extend(conflict.changes)
        typed.append(conflict.typed.toPlainText())
        conflict.reload_button.click()

    seen = when_modal(reload)
    save(qtbot, dialog)
    assert seen, "no conflict dialog"
    assert f.snapshot() == before  # the stale save changed nothing
    assert any("Team" in line and "Team 402" in line for line in changes), changes
    assert "Die Akte liegt noch beim Ärztlichen Dienst." in typed[0]
    assert dialog.isVisible() and dialog.reason.toPlainText() == "Die Akte liegt noch beim Ärztlichen Dienst."
    assert "Neu geladen" in dialog.message.text() and dialog.version == Case.get_by_id(case.id).version
    stored = saved(qtbot, dialog)
    assert (
        stored.interim_reason == "Die Akte liegt noch beim Ärztlichen Dienst." and stored.team_id == people["team2"].id
    )


def test_cancelling_the_conflict_keeps_the_dialog_and_the_database(qtbot, store, people) -> None:
    case = f.register()
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, checks.ACKNOWLEDGE)
    set_date(dialog.sent_on, date(2026, 11, 3))
    cases.reserve_sign_off(case.id, version=case.version, today=f.TODAY, user="platz2")
    before = f.snapshot()
    seen = when_modal(lambda conflict: conflict.cancel_button.click())
    save(qtbot, dialog)
    assert seen and f.snapshot() == before
    assert dialog.isVisible() and dialog.sent_on.date().toString("dd.MM.yyyy") == "03.11.2026"
    assert "Nicht gespeichert" in dialog.message.text()


def test_closing_a_dialog_with_typed_input_asks_first(qtbot, store, people) -> None:
    from tests.ui.case_form_steps import answer_modal, click_box_button

    case = f.register()
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, checks.INTERIM)
    type_into(qtbot, dialog.reason, "Rückfrage beim Vermieter")
    before = f.snapshot()
    keep = answer_modal(qtbot, lambda box: click_box_button(box, "Weiter bearbeiten"))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    keep.check()
    assert dialog.isVisible() and dialog.reason.toPlainText() == "Rückfrage beim Vermieter"
    drop = answer_modal(qtbot, lambda box: click_box_button(box, "Verwerfen"))
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    drop.check()
    assert not dialog.isVisible()
    assert [m.windowTitle() for m in keep.seen + drop.seen] == ["Eingaben verwerfen?", "Eingaben verwerfen?"]
    assert f.snapshot() == before
    # an untouched dialog closes at once
    dialog = open_action(qtbot, window, checks.ANSWER)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_closed_case_reopens_as_a_linked_folgereaktion(qtbot, store, people) -> None:
    case = f.register()
    cases.close(
        case.id, version=1, closed_on=f.TODAY, today=f.TODAY, user=f.USER, outcomes={1: "unbegruendet"},
        answer_sent=f.TODAY, signed_by=people["tl"].id,
    )  # fmt: skip
    window = started_window(qtbot, store)
    window.filter_bar.status.setCurrentIndex(window.filter_bar.status.findText("alle Status"))
    qtbot.waitUntil(lambda: window.model.row_of(case.id) is not None)
    select(window, case.id)
    follow = window.workflows.case_actions.buttons[checks.FOLLOW_UP]
    forms: list[object] = []

    def look(form) -> None:
        forms.append(getattr(form, "follows_id", None))
        form.done(QDialog.DialogCode.Rejected)

    when_modal(look)
    qtbot.mouseClick(follow, Qt.MouseButton.LeftButton)
    assert forms == [case.id]  # the new-case form, with the earlier case linked


def test_editing_opens_the_case_form_of_the_selected_case(qtbot, store, people) -> None:
    case = f.register()
    window = started_window(qtbot, store)
    select(window, case.id)
    titles: list[str] = []

    def look(form) -> None:
        titles.append(form.windowTitle())
        form.done(QDialog.DialogCode.Rejected)

    when_modal(look)
    qtbot.mouseClick(window.workflows.case_actions.buttons[checks.EDIT], Qt.MouseButton.LeftButton)
    assert titles == [f"{case.ref} bearbeiten"]
