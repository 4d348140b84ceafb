"""The Einstellungen page "Themen" driven as a person would: add, rename (told how many cases change), deactivate
and activate, order; a bad name is refused next to its field with the typed text kept and the database unchanged;
a change made elsewhere meanwhile is refused; read-only shows the list only."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton

from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.office.topics import DEFAULT_TOPICS, add_topic, topic_list, topic_overview
from krm_desktop.model.store.entities import Case
from krm_desktop.ui.context import WindowContext
from krm_desktop.ui.settings.topics_page import TopicsPage
from tests import factories as f
from tests.ui.case_form_steps import activate, answer_modal, click_box_button, type_text


def make_page(qtbot, store, *, read_only: bool = False) -> TopicsPage:
    context = WindowContext(store, f.TODAY, f.USER, load_profile(), read_only=read_only)
    page = TopicsPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    activate(qtbot, page)
    return page


def rows(page: TopicsPage) -> list[tuple[str, str, str]]:
    return [
        tuple(page.tree.topLevelItem(n).text(c) for c in range(3))  # type: ignore[misc]
        for n in range(page.tree.topLevelItemCount())
    ]


def select(page: TopicsPage, name: str) -> None:
    item = page.tree.findItems(name, Qt.MatchFlag.MatchExactly, 0)[0]
    page.tree.setFocus()
    page.tree.setCurrentItem(item)


def click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_list_shows_state_and_number_of_cases(qtbot, store) -> None:
    for topic in ("Umgangston", "Umgangston", "Auszahlung"):
        f.register(topic=topic)
    page = make_page(qtbot, store)
    assert page.title == "Themen"
    assert rows(page)[2] == ("Umgangston", "aktiv", "2")
    assert rows(page)[7] == ("Auszahlung", "aktiv", "1")
    assert page.tree.currentItem().text(0) == "Erreichbarkeit" == page.name.text()
    assert not page.has_unsaved()


def test_add_a_topic_with_the_keyboard(qtbot, store) -> None:
    page = make_page(qtbot, store)
    type_text(qtbot, page.new_name, "Digitale Angebote")
    assert page.has_unsaved()
    qtbot.keyClick(page.new_name, Qt.Key.Key_Return)
    assert topic_list() == [*DEFAULT_TOPICS, "Digitale Angebote"]
    assert rows(page)[-1] == ("Digitale Angebote", "aktiv", "0")
    assert page.new_name.text() == "" and page.tree.currentItem().text(0) == "Digitale Angebote"
    assert "„Digitale Angebote“ ist angelegt" in page.done.text()
    assert not page.has_unsaved()


def test_rename_says_how_many_cases_get_the_new_name(qtbot, store) -> None:
    cases = [f.register(topic="Erreichbarkeit", received=date(2026, 10, n)) for n in range(1, 13)]
    other = f.register(topic="Umgangston")
    page = make_page(qtbot, store)
    type_text(qtbot, page.name, "Telefonische Erreichbarkeit")
    said: list[str] = []

    def answer(box) -> None:
        said.append(box.text())
        click_box_button(box, "Umbenennen")

    modal = answer_modal(qtbot, answer)
    with qtbot.waitSignal(page.context.data_changed):
        click(qtbot, page.rename)
    modal.check()
    assert said == [
        "Das Thema „Erreichbarkeit“ in „Telefonische Erreichbarkeit“ umbenennen?\n\n"
        "12 Kundenreaktionen tragen dieses Thema; sie erhalten den neuen Namen."
    ]
    assert {Case.get_by_id(c.id).topic for c in cases} == {"Telefonische Erreichbarkeit"}
    assert Case.get_by_id(other.id).topic == "Umgangston"
    assert rows(page)[0] == ("Telefonische Erreichbarkeit", "aktiv", "12")
    assert "12 Kundenreaktionen tragen jetzt den neuen Namen" in page.done.text()
    assert not page.has_unsaved()


def test_a_rename_cancelled_changes_nothing_and_keeps_the_typed_name(qtbot, store) -> None:
    f.register(topic="Erreichbarkeit")
    page = make_page(qtbot, store)
    type_text(qtbot, page.name, "Telefon")
    before = f.snapshot()
    modal = answer_modal(qtbot, lambda box: click_box_button(box, "Abbrechen"))
    click(qtbot, page.rename)
    modal.check()
    assert f.snapshot() == before
    assert page.name.text() == "Telefon" and page.has_unsaved()


def test_a_topic_without_cases_is_renamed_without_asking(qtbot, store) -> None:
    page = make_page(qtbot, store)
    select(page, "Auszahlung")
    type_text(qtbot, page.name, "Auszahlung und Zahlungstermine")
    asked: list[str] = []

    def close_a_question() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QMessageBox):
            asked.append(modal.text())
            click_box_button(modal, "Abbrechen")

    QTimer.singleShot(0, close_a_question)  # runs inside a question's event loop, else right after the click
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert asked == []
    assert topic_list()[7] == "Auszahlung und Zahlungstermine"


def test_deactivate_and_activate_again(qtbot, store) -> None:
    case = f.register(topic="Terminvergabe")
    page = make_page(qtbot, store)
    select(page, "Terminvergabe")
    assert page.toggle.text() == "&Deaktivieren"
    click(qtbot, page.toggle)
    assert "Terminvergabe" not in topic_list() and Case.get_by_id(case.id).topic == "Terminvergabe"
    assert rows(page)[4] == ("Terminvergabe", "deaktiviert", "1")
    assert "1 Kundenreaktion behält es" in page.done.text()
    assert page.toggle.text() == "&Aktivieren" and page.tree.currentItem().text(0) == "Terminvergabe"
    click(qtbot, page.toggle)
    assert topic_list() == list(DEFAULT_TOPICS)
    assert rows(page)[4] == ("Terminvergabe", "aktiv", "1")


def test_order_up_and_down(qtbot, store) -> None:
    page = make_page(qtbot, store)
    assert not page.up.isEnabled()  # the first topic is selected
    select(page, "Umgangston")
    click(qtbot, page.up)
    click(qtbot, page.up)
    assert topic_list()[:3] == ["Umgangston", "Erreichbarkeit", "Bearbeitungsdauer"]
    assert page.tree.currentItem().text(0) == "Umgangston" and not page.up.isEnabled()
    click(qtbot, page.down)
    assert topic_list()[:3] == ["Erreichbarkeit", "Umgangston", "Bearbeitungsdauer"]
    select(page, "Räume und Wartezeit")
    assert not page.down.isEnabled()


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("new_name", "", "Bitte einen Namen für das Thema eingeben."),
        ("new_name", "   ", "Bitte einen Namen für das Thema eingeben."),
        ("new_name", "ERREICHBARKEIT", "Das Thema „Erreichbarkeit“ gibt es schon. Bitte einen anderen Namen wählen."),
        ("new_name", "x" * 81, "Name des Themas: höchstens 80 Zeichen erlaubt, eingegeben sind 81."),
        ("name", "umgangston", "Das Thema „Umgangston“ gibt es schon. Bitte einen anderen Namen wählen."),
        ("name", "y" * 90, "Name des Themas: höchstens 80 Zeichen erlaubt, eingegeben sind 90."),
        ("name", "", "Bitte einen Namen für das Thema eingeben."),
    ],
)
def test_a_bad_name_is_refused_next_to_the_field(qtbot, store, field: str, typed: str, message: str) -> None:
    f.register(topic="Erreichbarkeit")
    page = make_page(qtbot, store)
    before = f.snapshot()
    line: QLineEdit = getattr(page, field)
    type_text(qtbot, line, typed)
    qtbot.keyClick(line, Qt.Key.Key_Return)  # no question first: the name is checked before anything is asked
    key = "new" if field == "new_name" else "rename"
    assert page.errors.shown() == {key: f"⚠ {message}"}
    assert page.errors.lines[key].isVisible() and line.hasFocus()
    assert line.text() == typed
    assert f.snapshot() == before
    type_text(qtbot, line, "Neu")
    assert page.errors.shown() == {}  # the message goes once the name is edited


def test_a_line_break_pasted_into_the_name_is_refused(qtbot, store) -> None:
    page = make_page(qtbot, store)
    before = f.snapshot()
    page.new_name.setText("Warte\tzeit")  # a tab pasted from a spreadsheet cell
    click(qtbot, page.add)
    assert page.errors.shown() == {"new": "⚠ Name des Themas enthält ein Steuerzeichen (U+0009); bitte entfernen."}
    assert f.snapshot() == before


def test_more_than_thirty_active_topics_are_refused_on_the_page(qtbot, store) -> None:
    for n in range(30 - len(DEFAULT_TOPICS)):
        add_topic(f"Thema {n}", expected_version=topic_overview().version)
    page = make_page(qtbot, store)
    before = f.snapshot()
    type_text(qtbot, page.new_name, "Noch eins")
    click(qtbot, page.add)
    assert page.errors.shown()["new"].startswith("⚠ Höchstens 30 Themen können aktiv sein")
    assert f.snapshot() == before and page.new_name.text() == "Noch eins"


def test_a_change_made_elsewhere_meanwhile_is_refused_and_the_list_read_again(qtbot, store) -> None:
    page = make_page(qtbot, store)
    add_topic("Telefon", expected_version=0)  # another workstation
    before = f.snapshot()
    select(page, "Umgangston")
    type_text(qtbot, page.name, "Ton im Gespräch")
    click(qtbot, page.rename)
    assert page.errors.shown()[""].startswith("⚠ Die Themenliste wurde inzwischen an einem anderen Arbeitsplatz")
    assert f.snapshot() == before
    assert rows(page)[-1] == ("Telefon", "aktiv", "0")
    assert page.name.text() == "Ton im Gespräch"
    click(qtbot, page.rename)  # now against the list as it is
    assert "Ton im Gespräch" in topic_list()


def test_read_only_shows_the_list_only(qtbot, store) -> None:
    f.register(topic="Umgangston")
    page = make_page(qtbot, store, read_only=True)
    assert rows(page)[2] == ("Umgangston", "aktiv", "1")
    select(page, "Umgangston")
    assert not any(b.isEnabled() for b in (page.add, page.rename, page.toggle, page.up, page.down))
    assert page.new_name.isReadOnly() and page.name.isReadOnly()
    before = f.snapshot()
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    assert f.snapshot() == before


def test_fields_and_list_have_accessible_names(qtbot, store) -> None:
    page = make_page(qtbot, store)
    assert page.tree.accessibleName() == "Themen"
    assert page.new_name.accessibleName() == "Name des neuen Themas"
    assert page.name.accessibleName() == "Neuer Name des ausgewählten Themas"
