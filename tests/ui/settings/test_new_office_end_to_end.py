"""A new office from an empty database to a closed complaint, through the program only: the set-up assistant
(Dienststellenprofil, name, a team with its Teamleitung and the KRM-Beauftragte), the question who works at
this desk, the new-case dialog, the acknowledgement printed from the Schreiben menu (it names the team's
Teamleitung), the answer, and the close with the Teamleitung's sign-off."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.office.staff import people, teams
from krm_desktop.model.store.connection import open_store
from krm_desktop.model.store.entities import Case, Event
from krm_desktop.ui.app import start_gui
from krm_desktop.ui.letters.dialog import LetterDialog
from krm_desktop.ui.settings.setup_assistant import SetupAssistant
from krm_desktop.ui.settings.who_are_you import WhoAreYouDialog
from krm_desktop.ui.widgets.pdf_preview import new_printer
from tests import factories as f
from tests.documents.pdf_tools import squeezed, text
from tests.ui import action_helpers as actions
from tests.ui.case_form_steps import answer_modal, choose, go_to_form, new_dialog, save, type_text
from tests.ui.entry.test_new_case import fill_common
from tests.ui.settings.setup_steps import FINISH, NEXT, click, fill_row


def set_up(qtbot, assistant: QDialog) -> None:
    """The assistant as a new office fills it in."""
    assert isinstance(assistant, SetupAssistant)
    presets = assistant.preset_step.profile_box
    presets.setCurrentIndex(presets.findData("osnabrueck"))
    click(qtbot, assistant, NEXT)
    type_text(qtbot, assistant.letterhead_step.form.fields["office_name"], "Jobcenter Osnabrück, Büro der GF")
    click(qtbot, assistant, NEXT)
    staff = assistant.staff_step
    fill_row(staff.teams, 0, "Team 411 Leistung", "Bereich 41")
    fill_row(staff.people, 0, "Erika Muster", "Teamleitung", "Team 411 Leistung", "erika.muster@beispiel.example")
    fill_row(staff.people, 1, "Karl Reimann", "KRM-Beauftragte/r")
    click(qtbot, assistant, NEXT)
    assert "Erika Muster, Teamleitung, Team 411 Leistung" in assistant.summary_step.text.text()
    click(qtbot, assistant, FINISH)


def say_who(qtbot, dialog: QDialog) -> None:
    """The login belongs to nobody yet: this is the KRM-Beauftragte."""
    assert isinstance(dialog, WhoAreYouDialog)
    item = next(
        dialog.chosen.item(r) for r in range(dialog.chosen.count()) if "Karl Reimann" in dialog.chosen.item(r).text()
    )
    dialog.chosen.setCurrentItem(item)
    qtbot.mouseClick(dialog.this_one, Qt.MouseButton.LeftButton)


def test_a_new_office_registers_acknowledges_and_closes_a_complaint(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable in ("LOGNAME", "LNAME", "USERNAME"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("USER", "kreimann")
    path = tmp_path / "luebeck-neu.sqlite3"
    open_store(str(path), create=True).close()  # a new, empty database: no profile, no teams, no people

    asked = []  # the question who works here comes right after the assistant

    def set_up_then_say_who(modal: QDialog) -> None:
        set_up(qtbot, modal)
        asked.append(answer_modal(qtbot, lambda dialog: say_who(qtbot, dialog)))

    assistant_done = answer_modal(qtbot, set_up_then_say_who)
    _app, window, store = start_gui(str(path), today=f.TODAY)
    assistant_done.check()
    asked[0].check()
    assert window is not None and store is not None
    qtbot.addWidget(window)
    window.persist_settings = False
    try:
        qtbot.waitUntil(lambda: window.started)
        assert load_profile().code == "osnabrueck"
        assert window.context.user == "Karl Reimann"  # the history names the person, not the login
        (team,) = teams()
        lead = next(p for p in people() if p.name == "Erika Muster")

        dialog = new_dialog(qtbot, window)
        go_to_form(qtbot, dialog, "beschwerde", received="19.11.2026")
        fill_common(qtbot, dialog.form, "Weiterbewilligung seit sechs Wochen offen")
        choose(qtbot, dialog.form.team, "Team 411 Leistung")
        save(qtbot, dialog)
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.form.shown_errors()
        case = Case.get_by_id(dialog.case_id)
        assert (case.team_id, case.next_action) == (team.id, "ack")

        actions.select(window, case.id)
        menu_entry = window.workflows.letter_actions["eingangsbestaetigung"]
        assert menu_entry.text() == "Eingangsbestätigung …"
        menu_entry.trigger()
        letter = window.workflows.dialogs[-1]
        assert isinstance(letter, LetterDialog) and letter.isVisible()
        printer = new_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "eingangsbestaetigung.pdf"))
        assert letter.print_to(printer), letter.error.text()
        printed = squeezed(text((tmp_path / "eingangsbestaetigung.pdf").read_bytes()))
        assert squeezed("Erika Muster (Teamleitung, Team 411 Leistung)") in printed
        assert squeezed("Jobcenter Osnabrück, Büro der GF") in printed
        letter.close()
        assert Case.get_by_id(case.id).ack_sent == f.TODAY

        actions.select(window, case.id)
        step = actions.open_action(qtbot, window, checks.ANSWER)
        actions.set_date(step.sent_on, f.TODAY)
        assert actions.saved(qtbot, step).answer_sent == f.TODAY
        step = actions.open_action(qtbot, window, checks.CLOSE)
        assert step.signer is not None and step.signer.currentData() == lead.id  # the team's TL is proposed
        actions.choose(step.outcomes[1], "begruendet")
        actions.set_date(step.closed_on, f.TODAY)
        closed = actions.saved(qtbot, step)
        assert (closed.status, closed.closed, closed.signed_by_id) == ("abgeschlossen", f.TODAY, lead.id)
        assert f.actions(case)[0] == "registered" and f.actions(case)[-1] == "closed"
        assert {e.actor for e in Event.select().where(Event.case == case.id)} == {"Karl Reimann"}
    finally:
        window.close()
        store.close()
