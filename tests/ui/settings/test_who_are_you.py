"""At the start the history's acting person is the office person of this login; a login without a person is
asked once which person it is ("Keiner dieser Personen" is remembered), an empty office asks nobody, and the
window's "nur meine" finds what the person registered under their name and, before, under their login."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from krm_desktop.model.cases import services as cases
from krm_desktop.model.office import staff
from krm_desktop.model.office.acting import acting_person, unassigned_logins
from krm_desktop.model.office.staff_checks import PersonData, TeamData
from krm_desktop.model.store.connection import open_store
from krm_desktop.ui.app import start_gui
from krm_desktop.ui.settings.who_are_you import WhoAreYouDialog, acting_at_start
from tests import factories as f
from tests.conftest import make_store
from tests.ui.case_form_steps import answer_modal
from tests.ui.windows import make_window

LOGIN_VARIABLES = ("LOGNAME", "USER", "LNAME", "USERNAME")


def pick(name: str):
    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, WhoAreYouDialog)
        items = [dialog.chosen.item(i) for i in range(dialog.chosen.count())]
        dialog.chosen.setCurrentItem(next(item for item in items if item.text().startswith(name)))
        dialog.this_one.click()

    return handle


def say_none(dialog: QWidget) -> None:
    assert isinstance(dialog, WhoAreYouDialog)
    dialog.none.click()


def office(store) -> None:
    unit = staff.save_team(None, TeamData("Team 411 Leistung", "Bereich 41"))
    staff.save_person(None, PersonData("Erika Muster", "TL", unit.id, logins=("mustere",)))
    staff.save_person(None, PersonData("Petra Ohlsen", "KRM"))
    staff.save_person(None, PersonData("Tom Weber", "MA", active=False))


def test_a_login_without_person_picks_one_once(qtbot, store) -> None:
    office(store)
    answered = answer_modal(qtbot, pick("Petra Ohlsen"))
    acting = acting_at_start("ohlsenp", read_only=False)
    answered.check()
    listed = [answered.seen[0].chosen.item(i).text() for i in range(answered.seen[0].chosen.count())]
    assert listed == ["Erika Muster (Teamleitung, Team 411 Leistung)", "Petra Ohlsen (KRM-Beauftragte/r)"]
    assert (acting.name, acting.names) == ("Petra Ohlsen", ("Petra Ohlsen", "ohlsenp"))
    assert staff.person_for_login("OhlsenP").name == "Petra Ohlsen"
    assert acting_at_start("ohlsenp", read_only=False).name == "Petra Ohlsen"  # no dialog the second time


def test_none_of_them_keeps_the_login_and_is_not_asked_again(qtbot, store) -> None:
    office(store)
    answered = answer_modal(qtbot, say_none)
    assert acting_at_start("root", read_only=False).name == "root"
    answered.check()
    assert unassigned_logins() == ["root"]
    assert not acting_person("root").ask
    assert acting_at_start("root", read_only=False).name == "root"  # no dialog: a second one would block


def test_an_empty_office_and_a_read_only_database_ask_nobody(qtbot, store) -> None:
    assert acting_at_start("root", read_only=False).name == "root"
    office(store)
    assert acting_at_start("root", read_only=True).name == "root"
    assert unassigned_logins() == []


def test_the_person_can_only_be_chosen_once_a_row_is_marked(qtbot, store) -> None:
    office(store)
    dialog = WhoAreYouDialog("root")
    qtbot.addWidget(dialog)
    assert not dialog.this_one.isEnabled()
    dialog.chosen.setCurrentRow(0)
    assert dialog.this_one.isEnabled()


def test_the_window_records_the_person_and_only_mine_finds_old_and_new(qtbot, store) -> None:
    office(store)
    old = cases.register(f.case_input(subject="vorher"), today=f.TODAY, user="mustere")
    cases.register(f.case_input(subject="Kollegin"), today=f.TODAY, user="kollegin.x")
    acting = acting_at_start("mustere", read_only=False)
    window = make_window(qtbot, store, user=acting.name, user_names=acting.names)
    assert window.context.user == "Erika Muster"
    new = cases.register(f.case_input(subject="nachher"), today=f.TODAY, user=window.context.user)
    window.filter_bar.mine.setChecked(True)
    qtbot.waitUntil(lambda: window.model.filter.mine)
    window.refresh()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    refs = {window.model.cases.rows_after(0, 10)[i].ref for i in range(2)}
    assert refs == {old.ref, new.ref}


def test_the_start_asks_an_unknown_login_once(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "krm.sqlite3"
    store = make_store(path)
    office(store)
    store.close()
    for variable in LOGIN_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("USER", "k.meier")
    answered = answer_modal(qtbot, pick("Petra Ohlsen"))
    _app, window, store = start_gui(str(path), today=f.TODAY)
    answered.check()
    assert window is not None and store is not None
    qtbot.addWidget(window)
    window.persist_settings = False
    assert window.context.user == "Petra Ohlsen"
    window.close()
    store.close()
    store = open_store(str(path))
    try:
        assert staff.person_for_login("k.meier").name == "Petra Ohlsen"
    finally:
        store.close()


def test_pressing_enter_on_a_person_chooses_it(qtbot, store) -> None:
    office(store)
    dialog = WhoAreYouDialog("root")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.chosen.setCurrentRow(1)
    dialog.chosen.setFocus()
    qtbot.keyClick(dialog.chosen, Qt.Key.Key_Return)
    assert staff.person_for_login("root").name == "Petra Ohlsen"
