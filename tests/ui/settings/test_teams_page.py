"""Einstellungen → Teams und Bereiche: create, rename (the cases keep the team), deactivate, delete only where no
case names the team, refusals next to the field with nothing typed lost, and the Bereich flag LGF in cc."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from krm_desktop.model.office import staff
from krm_desktop.model.office.areas import AreaFlags, area_flags, save_area_flags
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.office.staff_checks import TeamData
from krm_desktop.model.store.entities import Case
from krm_desktop.ui.context import WindowContext
from krm_desktop.ui.settings.teams_page import TeamsPage
from tests import factories as f
from tests.ui.case_form_steps import answer_modal, click_box_button, type_text


def make_page(qtbot, store, *, read_only: bool = False) -> tuple[TeamsPage, WindowContext]:
    context = WindowContext(store, f.TODAY, "Petra Ohlsen", load_profile(), read_only=read_only)
    page = TeamsPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    return page, context


def listed(page: TeamsPage) -> list[list[str]]:
    return page.table.rows.texts()


def choose_row(page: TeamsPage, name: str) -> None:
    row = next(i for i, texts in enumerate(listed(page)) if texts[0] == name)
    page.table.selectRow(row)


def test_a_new_team_is_created_with_its_bereich_and_the_window_hears_of_it(qtbot, store) -> None:
    page, context = make_page(qtbot, store)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, page.name, "Team 411 Leistung")
    type_text(qtbot, page.area.lineEdit(), "Bereich 41")
    assert page.has_unsaved()
    with qtbot.waitSignal(context.data_changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert [(t.name, t.area, t.active) for t in staff.teams()] == [("Team 411 Leistung", "Bereich 41", True)]
    assert listed(page) == [["Team 411 Leistung", "Bereich 41", "ja", "0", "0"]]
    assert not page.has_unsaved()
    assert "angelegt" in page.status.text()
    assert [page.area.itemText(i) for i in range(page.area.count())] == ["Bereich 41"]
    assert page.areas.item(0).text().startswith("Bereich 41")


def test_renaming_says_the_cases_keep_the_team(qtbot, store) -> None:
    unit = staff.save_team(None, TeamData("Team 411 Leistung", "Bereich 41"))
    cases = [f.register(team_id=unit.id) for _ in range(2)]
    page, _context = make_page(qtbot, store)
    choose_row(page, "Team 411 Leistung")
    assert page.name.text() == "Team 411 Leistung"
    type_text(qtbot, page.name, "Team 411 Leistung Nord")
    assert page.rename_note.isVisible()
    assert "Die 2 Kundenreaktion(en) dieses Teams behalten es" in page.rename_note.text()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "führen jetzt „Team 411 Leistung Nord“" in page.status.text()
    assert {Case.get_by_id(c.id).team.name for c in cases} == {"Team 411 Leistung Nord"}


def test_two_teams_with_one_name_are_refused_next_to_the_name_and_the_typing_stays(qtbot, store) -> None:
    staff.save_team(None, TeamData("Team 411 Leistung", "Bereich 41"))
    page, _context = make_page(qtbot, store)
    before = f.snapshot()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, page.name, "team 411 leistung")
    type_text(qtbot, page.area.lineEdit(), "Bereich 42")
    assert not page.save()
    assert page.errors.shown()["name"] == (
        "⚠ Ein Team „team 411 leistung“ gibt es schon. Bitte wählen Sie einen anderen Namen."
    )
    assert (page.name.text(), page.area.currentText()) == ("team 411 leistung", "Bereich 42")
    assert f.snapshot() == before
    type_text(qtbot, page.name, "Team 412")  # typing clears the message
    assert "name" not in page.errors.shown()


def test_a_stale_edit_is_refused_in_german_and_keeps_the_typing(qtbot, store) -> None:
    unit = staff.save_team(None, TeamData("Team 411", "Bereich 41"))
    page, _context = make_page(qtbot, store)
    choose_row(page, "Team 411")
    staff.save_team(unit.id, TeamData("Team 411 (anderer Platz)", "Bereich 41"), version=unit.version)
    type_text(qtbot, page.name, "Team 411 Leistung")
    assert not page.save()
    assert (
        "an einem anderen Platz geändert" in page.status.text() and "Ihre Eingaben sind noch da" in page.status.text()
    )
    assert page.name.text() == "Team 411 Leistung"
    assert staff.team(unit.id).name == "Team 411 (anderer Platz)"
    assert listed(page)[0][0] == "Team 411 (anderer Platz)"  # what the other desk stored is shown
    assert page.save()  # saving again takes over what was typed
    assert staff.team(unit.id).name == "Team 411 Leistung"


def test_a_team_with_cases_is_deactivated_and_not_deleted(qtbot, store) -> None:
    unit = staff.save_team(None, TeamData("Team 411", "Bereich 41"))
    f.register(team_id=unit.id)
    page, context = make_page(qtbot, store)
    choose_row(page, "Team 411")
    before = f.snapshot()
    answered = answer_modal(qtbot, lambda box: click_box_button(box, "Löschen"))
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    answered.check()
    assert "Deaktivieren Sie es" in page.status.text()
    assert f.snapshot() == before
    answered = answer_modal(qtbot, lambda box: click_box_button(box, "Deaktivieren"))
    with qtbot.waitSignal(context.data_changed):
        qtbot.mouseClick(page.toggle_button, Qt.MouseButton.LeftButton)
    answered.check()
    assert "behalten es" in answered.seen[0].text()
    assert not staff.team(unit.id).active
    assert listed(page)[0][2] == "nein"
    assert page.toggle_button.text() == "&Aktivieren"
    qtbot.mouseClick(page.toggle_button, Qt.MouseButton.LeftButton)  # activating asks nothing
    assert staff.team(unit.id).active


def test_a_team_without_cases_or_people_is_deleted(qtbot, store) -> None:
    staff.save_team(None, TeamData("Team 499 Versehen"))
    page, _context = make_page(qtbot, store)
    choose_row(page, "Team 499 Versehen")
    answered = answer_modal(qtbot, lambda box: click_box_button(box, "Löschen"))
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    answered.check()
    assert staff.teams() == [] and listed(page) == []


def test_choosing_another_team_asks_before_dropping_what_was_typed(qtbot, store) -> None:
    staff.save_team(None, TeamData("Team 411"))
    staff.save_team(None, TeamData("Team 412"))
    page, _context = make_page(qtbot, store)
    choose_row(page, "Team 411")
    type_text(qtbot, page.name, "Team 411 neu")
    answered = answer_modal(qtbot, lambda box: click_box_button(box, "Weiter bearbeiten"))
    choose_row(page, "Team 412")
    answered.check()
    assert page.name.text() == "Team 411 neu"
    assert page.table.chosen_id() == page.current.id and page.current.name == "Team 411"


def test_the_lgf_copy_is_set_per_bereich(qtbot, store) -> None:
    staff.save_team(None, TeamData("Team 713", "71"))
    staff.save_team(None, TeamData("Team 411", "Bereich 41"))
    save_area_flags("Bereich 41", AreaFlags(lgf_cc=True))
    page, _context = make_page(qtbot, store)
    items = {page.areas.item(i).data(Qt.ItemDataRole.UserRole): page.areas.item(i) for i in range(page.areas.count())}
    assert items["Bereich 41"].checkState() == Qt.CheckState.Checked
    items["71"].setCheckState(Qt.CheckState.Checked)
    items["Bereich 41"].setCheckState(Qt.CheckState.Unchecked)
    assert area_flags() == {"71": AreaFlags(lgf_cc=True)}


def test_read_only_shows_the_teams_and_refuses_edits(qtbot, store) -> None:
    staff.save_team(None, TeamData("Team 411", "Bereich 41"))
    page, _context = make_page(qtbot, store, read_only=True)
    choose_row(page, "Team 411")
    assert page.name.text() == "Team 411" and page.name.isReadOnly()
    disabled: list[QWidget] = [page.save_button, page.new_button, page.toggle_button, page.delete_button, page.areas]
    assert not any(w.isEnabled() for w in disabled)
    assert page.read_only_note.isVisible()
    assert not page.has_unsaved()
