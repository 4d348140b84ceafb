"""The set-up assistant of a new database: preset → office name and letterhead → teams and people → summary;
only the profile is required, nothing is stored before "Fertigstellen", and "Abbrechen" leaves no profile."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from krm_desktop.model.office.profiles import has_profile, load_profile
from krm_desktop.model.office.settings import letterhead
from krm_desktop.model.office.staff import people, teams
from krm_desktop.model.store.connection import Store, open_store
from krm_desktop.ui.app import start_gui
from krm_desktop.ui.settings.setup_assistant import LETTERHEAD_STEP, STAFF_STEP, SUMMARY_STEP, SetupAssistant
from tests import factories as f
from tests.ui.settings.setup_steps import BACK, CANCEL, FINISH, NEXT, SKIP, click, fill_row


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Store]:
    store = open_store(str(tmp_path / "neu.sqlite3"), create=True)
    yield store
    store.close()


def open_assistant(qtbot, store: Store) -> SetupAssistant:
    assistant = SetupAssistant(store.describe(), f.TODAY)
    qtbot.addWidget(assistant)
    assistant.show()
    qtbot.waitExposed(assistant)
    return assistant


def test_the_buttons_speak_german_and_the_presets_are_described(qtbot, empty) -> None:
    assistant = open_assistant(qtbot, empty)
    assert [assistant.buttonText(b) for b in (BACK, NEXT, FINISH, CANCEL)] == [
        "< &Zurück",
        "&Weiter >",
        "&Fertigstellen",
        "Abbrechen",
    ]
    step = assistant.preset_step
    assert step.profile_box.count() == 5
    step.profile_box.setCurrentIndex(step.profile_box.findData("berlin-pankow"))
    assert "Berlin" in step.details.text() and "10 Arbeitstage" in step.details.text()
    step.profile_box.setCurrentIndex(step.profile_box.findData("braunschweig"))
    assert "7 Kalendertage" in step.details.text() and "nach Versand der Eingangsbestätigung" in step.details.text()
    assert not assistant.button(SKIP).isVisible()  # the profile is the one choice that cannot wait


def test_office_name_is_suggested_refused_when_empty_and_stored_at_the_end(qtbot, empty) -> None:
    assistant = open_assistant(qtbot, empty)
    step = assistant.preset_step
    step.profile_box.setCurrentIndex(step.profile_box.findData("berlin-pankow"))
    click(qtbot, assistant, NEXT)
    name = assistant.letterhead_step.form.fields["office_name"]
    assert name.text() == "Jobcenter Berlin Pankow"
    name.clear()
    qtbot.keyClicks(name, "   ")
    click(qtbot, assistant, NEXT)
    assert assistant.currentId() == LETTERHEAD_STEP  # refused next to the field, the typed text stays
    assert assistant.letterhead_step.form.errors["office_name"].text() == "Bitte den Namen der Dienststelle angeben."
    assert name.text() == "   " and not has_profile()
    name.setText("Jobcenter Berlin Pankow, Standort Storkower Straße")
    assistant.letterhead_step.form.fields["street"].setText("Storkower Straße 133")
    click(qtbot, assistant, NEXT)
    click(qtbot, assistant, SKIP)  # teams and people later
    assert assistant.currentId() == SUMMARY_STEP
    summary = assistant.summary_step.text.text()
    assert "Storkower Straße, Standort" not in summary and "Jobcenter Berlin Pankow, Standort" in summary
    assert "Straße und Hausnummer" in summary and "Teams (0)" in summary
    assert not has_profile()  # nothing stored before "Fertigstellen"
    click(qtbot, assistant, FINISH)
    assert assistant.result() == assistant.DialogCode.Accepted
    assert load_profile().code == "berlin-pankow"
    assert letterhead()["office_name"] == "Jobcenter Berlin Pankow, Standort Storkower Straße"
    assert letterhead()["street"] == "Storkower Straße 133"


def test_every_step_but_the_profile_can_wait(qtbot, empty) -> None:
    assistant = open_assistant(qtbot, empty)
    click(qtbot, assistant, NEXT)
    assistant.letterhead_step.form.fields["street"].setText("Hafenkante 17")
    click(qtbot, assistant, SKIP)
    click(qtbot, assistant, SKIP)
    assert "später in den Einstellungen" in assistant.summary_step.text.text()
    click(qtbot, assistant, FINISH)
    assert load_profile().code == "luebeck"
    assert (letterhead()["office_name"], letterhead()["street"]) == ("Jobcenter Lübeck", "")
    assert teams() == [] and people() == []


def test_a_skipped_step_counts_again_after_going_back_to_it(qtbot, empty) -> None:
    assistant = open_assistant(qtbot, empty)
    click(qtbot, assistant, NEXT)
    click(qtbot, assistant, SKIP)
    assert assistant.letterhead_step.skipped
    click(qtbot, assistant, BACK)
    assert assistant.currentId() == LETTERHEAD_STEP and not assistant.letterhead_step.skipped
    assistant.letterhead_step.form.fields["street"].setText("Hafenkante 17")
    click(qtbot, assistant, NEXT)
    click(qtbot, assistant, SKIP)
    click(qtbot, assistant, FINISH)
    assert letterhead()["street"] == "Hafenkante 17"


def test_teams_and_people_are_checked_per_cell_and_stored_at_the_end(qtbot, empty) -> None:
    assistant = open_assistant(qtbot, empty)
    click(qtbot, assistant, NEXT)
    click(qtbot, assistant, NEXT)
    step = assistant.staff_step
    assert assistant.currentId() == STAFF_STEP
    fill_row(step.teams, 0, "Team 411 Leistung", "Bereich 41")
    fill_row(step.teams, 2, "team 411 LEISTUNG")
    fill_row(step.people, 0, "Erika Muster", "Teamleitung", "Team 411 Leistung", "erika.muster@beispiel.example")
    fill_row(step.people, 1, "Karl Reimann", "", "", "", "0451 12345")
    fill_row(step.people, 3, "Jens Brandt", "Mitarbeiter/in", "Team 999")
    click(qtbot, assistant, NEXT)
    assert assistant.currentId() == STAFF_STEP
    errors = step.errors.text()
    assert "Teams, Zeile 3: Ein Team „team 411 LEISTUNG“ gibt es schon" in errors
    assert "Personen, Zeile 2: Bitte wählen Sie die Funktion der Person." in errors
    assert "Personen, Zeile 4: Das Team „Team 999“ steht nicht in der Liste der Teams oben." in errors
    assert step.teams.item(2, 0).toolTip().startswith("Ein Team")
    assert step.people.cellWidget(1, 1).toolTip() == "Bitte wählen Sie die Funktion der Person."
    assert not has_profile() and teams() == []

    step.teams.removeRow(2)
    fill_row(step.people, 1, "Karl Reimann", "KRM-Beauftragte/r")
    fill_row(step.people, 3, "Jens Brandt", "Mitarbeiter/in", "Team 411 Leistung")
    click(qtbot, assistant, NEXT)
    assert assistant.currentId() == SUMMARY_STEP, step.errors.text()
    assert "Erika Muster, Teamleitung, Team 411 Leistung" in assistant.summary_step.text.text()
    click(qtbot, assistant, FINISH)
    (team,) = teams()
    stored = {p.name: (p.role, p.team_id, p.email, p.phone) for p in people()}
    assert stored == {
        "Erika Muster": ("TL", team.id, "erika.muster@beispiel.example", ""),
        "Karl Reimann": ("KRM", None, "", "0451 12345"),
        "Jens Brandt": ("MA", team.id, "", ""),
    }


def test_team_choices_follow_the_teams_typed(qtbot, empty) -> None:
    assistant = open_assistant(qtbot, empty)
    step = assistant.staff_step
    fill_row(step.teams, 0, "Team 411 Leistung")
    fill_row(step.teams, 1, "Team 512 Markt und Integration")
    box = step.people.cellWidget(0, 2)
    assert [box.itemText(i) for i in range(box.count())] == ["", "Team 411 Leistung", "Team 512 Markt und Integration"]
    row = step.add_row(step.people)
    assert step.people.cellWidget(row, 2).count() == 3


def test_cancel_on_a_new_database_leaves_it_without_profile_and_ends(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "neu.sqlite3"
    open_store(str(path), create=True).close()  # a new, empty database
    seen: list[str] = []

    def cancel() -> None:
        assistant = QApplication.activeModalWidget()
        if not isinstance(assistant, SetupAssistant):
            QTimer.singleShot(10, cancel)
            return
        seen.append(assistant.windowTitle())
        assistant.next()
        assistant.button(CANCEL).click()

    QTimer.singleShot(0, cancel)
    _app, window, store = start_gui(str(path), today=f.TODAY)
    assert (window, store) == (None, None) and seen == ["Neue KRM-Datenbank einrichten"]
    again = open_store(str(path))
    try:
        assert not has_profile()
    finally:
        again.close()


def test_a_staff_list_from_excel_fills_the_tables_and_is_stored_at_the_end(qtbot, empty, tmp_path: Path) -> None:
    assistant = open_assistant(qtbot, empty)
    click(qtbot, assistant, NEXT)
    click(qtbot, assistant, NEXT)
    step = assistant.staff_step
    assert step.import_button.isVisible() and step.import_button.isEnabled()
    fill_row(step.teams, 0, "Team 411 Leistung", "Bereich 41")
    csv = tmp_path / "personal.csv"
    csv.write_bytes(
        "Name;Funktion;Team;Bereich;E-Mail;Telefon\r\n"
        "Erika Muster;Teamleitung;Team 411 Leistung;Bereich 41;erika.muster@beispiel.example;0541 123\r\n"
        "Jürgen Weiß;Mitarbeiter/in;Team 512 Markt;Bereich 51;;\r\n".encode("cp1252")  # as German Excel saves it
    )
    assert step.read_staff_list(csv), step.errors.text()
    assert step.team_names() == ["Team 411 Leistung", "Team 512 Markt"]  # a team typed already is not doubled
    assert "2 Team(s), 2 Person(en)" in step.errors.text()
    click(qtbot, assistant, NEXT)
    click(qtbot, assistant, FINISH)
    stored = {p.name: (p.role, p.team, p.phone) for p in people()}
    assert stored == {
        "Erika Muster": ("TL", "Team 411 Leistung", "0541 123"),
        "Jürgen Weiß": ("MA", "Team 512 Markt", ""),
    }


def test_a_bad_staff_list_is_refused_whole_naming_the_line(qtbot, empty, tmp_path: Path) -> None:
    assistant = open_assistant(qtbot, empty)
    step = assistant.staff_step
    fill_row(step.people, 0, "Karl Reimann", "KRM-Beauftragte/r")
    csv = tmp_path / "personal.csv"
    csv.write_text(
        "Name;Funktion;Team;Bereich;E-Mail;Telefon\nErika Muster;Teamleitung;Team 411;;;\nOtto Groß;Chef;;;;\n",
        encoding="utf-8",
    )
    assert not step.read_staff_list(csv)
    assert "Zeile 3" in step.errors.text() and "Chef" in step.errors.text()
    assert step.team_names() == [] and step.typed()[1][0].data.name == "Karl Reimann" and len(step.typed()[1]) == 1
