"""Editing a stored case in the form: an open case is edited, a closed one is not, a Folgereaktion keeps its link,
and a save conflict between two stale copies is resolved without losing what was typed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.entry import save_new
from krm_desktop.model.cases.stored_case import stored_case
from krm_desktop.model.store.entities import Case, Event
from krm_desktop.ui.entry.conflict_dialog import ConflictDialog
from krm_desktop.ui.entry.new_case import EditCaseDialog, open_edit_case
from tests import factories as f
from tests.ui.case_form_steps import (
    activate,
    answer_modal,
    choose,
    click_box_button,
    save,
    started_window,
    type_text,
)
from tests.ui.entry.test_new_case import closed_case


def _edit_dialog(qtbot, window, case_id: int) -> EditCaseDialog:
    case = stored_case(case_id)
    assert case is not None
    dialog = EditCaseDialog(window.context, case, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    return dialog


def test_edit_an_open_case(qtbot, store) -> None:
    team = f.team("Team 401 Leistung")
    data = f.case_input(concerns=[("beschwerde", None), ("lob", None)], topic="Erreichbarkeit")
    case = save_new(data, follows_id=None, today=f.TODAY, user=f.USER)
    window = started_window(qtbot, store)
    window.view.setCurrentIndex(window.model.index(window.model.row_of(case.id), 0))

    def edit(dialog) -> None:
        assert isinstance(dialog, EditCaseDialog) and dialog.windowTitle() == f"{case.ref} bearbeiten"
        form = dialog.form
        assert (form.subject.text(), form.party.person.lines["name"].text()) == (case.subject, "Erika Mustermann")
        assert form.topic.code() == "Erreichbarkeit" and form.concerns.boxes[0].code() == "lob"
        type_text(qtbot, form.received, "09.11.2026")
        choose(qtbot, form.team, "Team 401")
        type_text(qtbot, form.party.person.lines["city"], "Lübeck-Travemünde")
        save(qtbot, dialog)

    modal = answer_modal(qtbot, edit)
    qtbot.keyClick(window.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    modal.check()
    stored = Case.get_by_id(case.id)
    assert (stored.received, stored.team_id, stored.person.city) == (date(2026, 11, 9), team.id, "Lübeck-Travemünde")
    assert (stored.ack_due, stored.final_due, stored.version) == (date(2026, 11, 12), date(2026, 11, 23), 2)
    assert [c.kind for c in stored.concerns.order_by(Case.concerns.rel_model.position)] == ["beschwerde", "lob"]
    assert stored.topic == "Erreichbarkeit"
    assert Event.get(Event.case == case.id, Event.action == "edited").text == (
        "Erfassungsdaten geändert; Fristen neu berechnet."
    )


def test_a_closed_case_is_not_edited_in_the_form(qtbot, store) -> None:
    earlier = closed_case()
    window = started_window(qtbot, store)
    said: list[str] = []

    def read(box) -> None:
        said.append(box.text())
        click_box_button(box, "OK")

    modal = answer_modal(qtbot, read)
    assert open_edit_case(window.context, earlier.id, parent=window) is False
    modal.check()
    assert said == [
        f"{earlier.ref} ist abgeschlossen; für eine erneute Reaktion in derselben Sache bitte eine Folgereaktion anlegen."
    ]


def test_save_conflict_between_two_stale_copies(qtbot, store) -> None:
    first_team, second_team = f.team("Team 401 Leistung"), f.team("Team 402 Markt")
    case = f.register(team_id=first_team.id)
    window = started_window(qtbot, store)
    first = _edit_dialog(qtbot, window, case.id)
    second = _edit_dialog(qtbot, window, case.id)  # both loaded version 1
    activate(qtbot, first)
    choose(qtbot, first.form.team, "Team 402")
    save(qtbot, first)
    assert first.result() == QDialog.DialogCode.Accepted and Case.get_by_id(case.id).version == 2

    activate(qtbot, second)
    type_text(qtbot, second.form.subject, "Wartezeit seit August")
    type_text(qtbot, second.form.description, "Die Kundin ergänzt: seit August keine Antwort.")
    before = f.snapshot()
    seen: dict[str, object] = {}

    def reload(dialog) -> None:
        assert isinstance(dialog, ConflictDialog)
        seen["changes"] = [dialog.change_list.item(i).text() for i in range(dialog.change_list.count())]
        seen["typed"] = dialog.typed.toPlainText()
        qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)

    modal = answer_modal(qtbot, reload)
    save(qtbot, second)
    modal.check()
    assert "Team: Team 401 Leistung → Team 402 Markt" in seen["changes"]
    assert "Betreff: Wartezeit seit August" in seen["typed"]
    assert "Die Kundin ergänzt: seit August keine Antwort." in seen["typed"]
    assert f.snapshot() == before  # the stale save wrote nothing
    form = second.form
    assert second.isVisible()
    assert form.team.code() == second_team.id  # reloaded: the other workstation's change is shown
    assert form.subject.text() == case.subject
    assert not form.kept_box.isHidden()  # and the user's typed text is kept for copying
    assert "Betreff: Wartezeit seit August" in form.kept.toPlainText()
    assert form.kept.isReadOnly()
    activate(qtbot, second)
    type_text(qtbot, form.subject, "Wartezeit seit August")
    save(qtbot, second)
    stored = Case.get_by_id(case.id)
    assert (stored.subject, stored.team_id, stored.version) == ("Wartezeit seit August", second_team.id, 3)


def test_cancel_after_a_conflict_keeps_the_form_as_typed(qtbot, store) -> None:
    case = f.register()
    window = started_window(qtbot, store)
    dialog = _edit_dialog(qtbot, window, case.id)
    cases.acknowledge(case.id, version=1, sent_on=date(2026, 11, 4), today=f.TODAY, user="kollegin")
    type_text(qtbot, dialog.form.subject, "Mein neuer Betreff")
    modal = answer_modal(qtbot, lambda d: qtbot.mouseClick(d.cancel_button, Qt.MouseButton.LeftButton))
    save(qtbot, dialog)
    modal.check()
    assert dialog.isVisible() and dialog.form.subject.text() == "Mein neuer Betreff"
    assert Case.get_by_id(case.id).subject == case.subject


def test_edit_a_folgereaktion_keeps_its_link(qtbot, store) -> None:
    earlier = closed_case()
    follow = cases.follow_up(earlier.id, f.case_input(received=date(2026, 11, 16)), today=f.TODAY, user=f.USER)
    window = started_window(qtbot, store)
    dialog = _edit_dialog(qtbot, window, follow.id)
    picker = dialog.form.picker
    assert picker.search.isHidden() and picker.chosen_id == earlier.id
    assert earlier.ref in picker.view.toPlainText()
    type_text(qtbot, dialog.form.subject, "Erneut: Wartezeit")
    save(qtbot, dialog)
    stored = Case.get_by_id(follow.id)
    assert (stored.subject, stored.follows_id, stored.version) == ("Erneut: Wartezeit", earlier.id, 2)
