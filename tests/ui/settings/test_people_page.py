"""Einstellungen → Personen: create, change, deactivate, delete only where no case names the person; a person
without name or Funktion, a login another person has, the last Geschäftsführung leaving while petitions are open."""

from __future__ import annotations

from PySide6.QtCore import Qt

from krm_desktop.model.office import staff
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.office.staff_checks import PersonData, TeamData
from krm_desktop.ui.context import WindowContext
from krm_desktop.ui.settings.people_page import NO_TEAM, PeoplePage, split_logins
from krm_desktop.ui.settings.teams_page import TeamsPage
from tests import factories as f
from tests.ui.case_form_steps import answer_modal, choose, click_box_button, type_text


def make_page(qtbot, store, *, read_only: bool = False) -> tuple[PeoplePage, WindowContext]:
    context = WindowContext(store, f.TODAY, "Petra Ohlsen", load_profile(), read_only=read_only)
    page = PeoplePage(context)
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    return page, context


def listed(page: PeoplePage) -> list[list[str]]:
    return page.table.rows.texts()


def choose_row(page: PeoplePage, name: str) -> None:
    page.table.selectRow(next(i for i, texts in enumerate(listed(page)) if texts[0] == name))


def team_choices(page: PeoplePage) -> list[str]:
    return [page.team.itemText(i) for i in range(page.team.count())]


def test_a_new_person_is_saved_with_function_team_and_logins(qtbot, store) -> None:
    unit = staff.save_team(None, TeamData("Team 411 Leistung", "Bereich 41"))
    page, context = make_page(qtbot, store)
    type_text(qtbot, page.name, "Erika Muster")
    choose(qtbot, page.role, "Teamleitung")
    choose(qtbot, page.team, "Team 411")
    type_text(qtbot, page.email, "erika.muster@jobcenter-ge.de")
    type_text(qtbot, page.phone, "0451 123-411")
    type_text(qtbot, page.logins, "MusterE,")
    qtbot.keyClick(page.logins, Qt.Key.Key_Return)
    qtbot.keyClicks(page.logins, "JOBCENTER\\mustere")
    with qtbot.waitSignal(context.data_changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    [erika] = staff.people()
    assert (erika.name, erika.role, erika.team_id, erika.logins, erika.active) == (
        "Erika Muster",
        "TL",
        unit.id,
        ("jobcenter\\mustere", "mustere"),
        True,
    )
    assert listed(page) == [
        [
            "Erika Muster",
            "Teamleitung",
            "Team 411 Leistung",
            "erika.muster@jobcenter-ge.de",
            "0451 123-411",
            "jobcenter\\mustere, mustere",
            "ja",
        ]
    ]
    assert not page.has_unsaved() and "angelegt" in page.status.text()


def test_a_person_without_name_or_function_is_refused_next_to_the_fields(qtbot, store) -> None:
    page, _context = make_page(qtbot, store)
    before = f.snapshot()
    type_text(qtbot, page.email, "erika.muster@jobcenter-ge.de")
    assert not page.save()
    shown = page.errors.shown()
    assert shown["name"] == "⚠ Bitte geben Sie den Namen der Person an."
    assert shown["role"] == "⚠ Bitte wählen Sie die Funktion der Person."
    assert page.email.text() == "erika.muster@jobcenter-ge.de"
    assert f.snapshot() == before
    type_text(qtbot, page.name, "Erika Muster")
    assert "name" not in page.errors.shown() and "role" in page.errors.shown()


def test_a_login_another_person_has_is_refused_and_nothing_changes(qtbot, store) -> None:
    staff.save_person(None, PersonData("Petra Ohlsen", "KRM", logins=("ohlsenp",)))
    staff.save_person(None, PersonData("Tom Weber", "MA"))
    page, _context = make_page(qtbot, store)
    choose_row(page, "Tom Weber")
    before = f.snapshot()
    type_text(qtbot, page.logins, "weber, OhlsenP")
    assert not page.save()
    assert page.errors.shown()["logins"] == (
        "⚠ Die Anmeldung „ohlsenp“ gehört schon zu Petra Ohlsen. Eine Anmeldung handelt für eine Person."
    )
    assert page.logins.toPlainText() == "weber, OhlsenP"
    assert f.snapshot() == before


def test_the_last_gf_leaving_while_petitions_are_open_is_asked_first(qtbot, store) -> None:
    staff.save_person(None, PersonData("Dr. Anna Lindqvist", "GF"))
    f.register(kind="petition", requesting_body="Petitionsausschuss des Landtags")
    page, context = make_page(qtbot, store)
    choose_row(page, "Dr. Anna Lindqvist")
    before = f.snapshot()
    page.active.setChecked(False)
    answered = answer_modal(qtbot, lambda box: click_box_button(box, "Abbrechen"))
    assert not page.save()
    answered.check()
    assert "letzte aktive Geschäftsführung" in answered.seen[0].text()
    assert f.snapshot() == before and not page.active.isChecked()  # nothing saved, nothing typed lost
    answered = answer_modal(qtbot, lambda box: click_box_button(box, "Trotzdem speichern"))
    with qtbot.waitSignal(context.data_changed):
        assert page.save()
    answered.check()
    assert [p.active for p in staff.people()] == [False]
    assert staff.people(active_only=True) == []


def test_deactivating_keeps_the_person_and_the_team_list_offers_only_active_teams(qtbot, store) -> None:
    old = staff.save_team(None, TeamData("Team 400 alt"))
    staff.save_team(None, TeamData("Team 411"))
    tom = staff.save_person(None, PersonData("Tom Weber", "MA", old.id))
    staff.save_team(old.id, TeamData("Team 400 alt", active=False), version=old.version)
    page, _context = make_page(qtbot, store)
    assert team_choices(page) == [NO_TEAM, "Team 411"]  # a new person: active teams only
    choose_row(page, "Tom Weber")
    assert team_choices(page) == [NO_TEAM, "Team 400 alt (deaktiviert)", "Team 411"]
    assert page.team.currentText() == "Team 400 alt (deaktiviert)"
    qtbot.mouseClick(page.toggle_button, Qt.MouseButton.LeftButton)
    assert not staff.person(tom.id).active
    assert listed(page)[0][-1] == "nein" and page.toggle_button.text() == "&Aktivieren"


def test_a_person_who_signed_is_not_deleted_one_who_did_not_is(qtbot, store) -> None:
    people = f.office_people()
    case = f.register(team_id=people["team"].id)
    f.close_answered(case, f.TODAY, people["tl"].id, "begruendet")
    page, _context = make_page(qtbot, store)
    choose_row(page, "Jens Brandt")
    before = f.snapshot()
    answered = answer_modal(qtbot, lambda box: click_box_button(box, "Löschen"))
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    answered.check()
    assert "Deaktivieren Sie die Person" in page.status.text()
    assert f.snapshot() == before
    choose_row(page, "Tom Weber")
    answered = answer_modal(qtbot, lambda box: click_box_button(box, "Löschen"))
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    answered.check()
    assert "Tom Weber" not in [p.name for p in staff.people()]


def test_a_stale_edit_is_refused_in_german(qtbot, store) -> None:
    tom = staff.save_person(None, PersonData("Tom Weber", "MA"))
    page, _context = make_page(qtbot, store)
    choose_row(page, "Tom Weber")
    staff.save_person(tom.id, PersonData("Tom Weber", "TL"), version=tom.version)
    type_text(qtbot, page.phone, "0451 123-499")
    assert not page.save()
    assert (
        "an einem anderen Platz geändert" in page.status.text() and "Ihre Eingaben sind noch da" in page.status.text()
    )
    assert page.phone.text() == "0451 123-499"
    assert listed(page)[0][1] == "Teamleitung"  # what the other desk stored is shown
    assert page.save()
    assert (staff.person(tom.id).phone, staff.person(tom.id).role) == ("0451 123-499", "MA")


def test_a_person_deleted_at_another_desk_is_said_so(qtbot, store) -> None:
    tom = staff.save_person(None, PersonData("Tom Weber", "MA"))
    page, _context = make_page(qtbot, store)
    choose_row(page, "Tom Weber")
    staff.delete_person(tom.id)
    type_text(qtbot, page.phone, "0451 123-499")
    assert not page.save()
    assert page.status.text() == "⚠ Diese Person gibt es nicht (mehr)."
    assert listed(page) == [] and page.phone.text() == "0451 123-499"


def test_read_only_shows_people_and_refuses_edits(qtbot, store) -> None:
    staff.save_person(None, PersonData("Tom Weber", "MA"))
    page, _context = make_page(qtbot, store, read_only=True)
    choose_row(page, "Tom Weber")
    assert page.name.text() == "Tom Weber" and page.name.isReadOnly()
    assert not any(b.isEnabled() for b in (page.save_button, page.new_button, page.toggle_button, page.role))


def test_logins_are_split_at_commas_semicolons_and_lines() -> None:
    assert split_logins(" mustere,JOBCENTER\\mustere;\n\n erika ") == ("mustere", "JOBCENTER\\mustere", "erika")


def test_a_team_created_on_the_teams_page_is_offered_at_once(qtbot, store) -> None:
    page, context = make_page(qtbot, store)
    teams = TeamsPage(context)
    qtbot.addWidget(teams)
    type_text(qtbot, page.name, "Erika Muster")  # typing in progress stays
    type_text(qtbot, teams.name, "Team 411 Leistung")
    assert teams.save()
    assert team_choices(page) == [NO_TEAM, "Team 411 Leistung"]
    assert page.name.text() == "Erika Muster"
