"""The main window's menus for letters, persons, reports, the purge and text blocks, and its reminders."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication

from krm_desktop.model.store.entities import Letter
from krm_desktop.ui.main_window import MainWindow
from tests import factories as f
from tests.ui.windows import make_window


def started_window(qtbot, store, today: date = f.TODAY) -> MainWindow:
    window = make_window(qtbot, store, today)
    window.show()
    qtbot.waitUntil(lambda: window.started)
    return window


def menu_texts(window: MainWindow) -> dict[str, list[str]]:
    return {
        m.title(): [a.text() for a in m.actions() if a.text()] for m in (a.menu() for a in window.menuBar().actions())
    }


def test_menus_reach_every_workflow(qtbot, store) -> None:
    window = started_window(qtbot, store)
    menus = menu_texts(window)
    assert "Eingangsbestätigung …" in menus["&Schreiben"]
    assert "Verzicht auf schriftliche Antwort …" in menus["&Schreiben"]
    assert {"&Personen und Auskunft (DSGVO) …", "&Auswertung erstellen …", "Jährliche &Löschung …"} <= set(
        menus["E&xtras"]
    )
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("E&xtras") < titles.index("&Hilfe")


def test_letter_for_the_selected_case_opens_and_is_stored(qtbot, store) -> None:
    case = f.register()
    window = started_window(qtbot, store)
    window.view.setCurrentIndex(window.model.index(window.model.row_of(case.id), 0))
    window.workflows.open_letter("eingangsbestaetigung")
    dialog = window.workflows.dialogs[-1]
    assert dialog.isVisible() and "Eingangsbestätigung" in dialog.windowTitle()
    dialog.close()
    assert Letter.select().count() == 0  # nothing stored until printed or saved


def test_letter_without_a_selected_case_says_so(qtbot, store, monkeypatch) -> None:
    window = started_window(qtbot, store)
    said: list[str] = []
    monkeypatch.setattr(
        "krm_desktop.ui.workflows.QMessageBox.information", lambda _parent, _title, text: said.append(text)
    )
    window.view.setCurrentIndex(window.model.index(-1, -1))
    window.workflows.open_letter("antwort")
    assert said == ["Bitte wählen Sie zuerst einen Fall in der Liste."]


def test_wizards_and_person_view_open(qtbot, store) -> None:
    window = started_window(qtbot, store)
    for opener, title in (
        (window.workflows.open_report, "Auswertung"),
        (window.workflows.open_purge, "Lösch"),
        (window.workflows.open_persons, "Person"),
        (window.workflows.open_text_blocks, "Textbausteine"),
    ):
        opener()
        dialog = window.workflows.dialogs[-1]
        assert dialog.isVisible() and title in dialog.windowTitle(), dialog.windowTitle()
        dialog.close()
    QApplication.processEvents()


def test_january_reminders_show_in_the_status_bar(qtbot, store) -> None:
    closed = f.register(received=date(2025, 3, 3))
    tl = f.staff("Jens Brandt", "TL")
    f.close_answered(closed, date(2025, 3, 10), tl.id, "begruendet", today=date(2025, 3, 10))
    window = started_window(qtbot, store, today=date(2026, 1, 12))
    label = window.workflows.reminder_label
    assert label.text().startswith("Erinnerung:")
    assert "Löschung" not in label.toolTip()  # the purge due has a line of its own: tests/ui/purge/test_due_notice.py
    assert "Jahresbericht" in label.toolTip() or "Bericht" in label.toolTip()
