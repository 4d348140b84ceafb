"""The staff list in the Einstellungen: the preview of what a list changes, „Übernehmen“ applies it whole, a bad file
shows its German message naming the line, „Abbrechen“ leaves everything; saving the list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QTreeWidgetItem

from krm_desktop.model.office import staff
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.office.staff_checks import PersonData, TeamData
from krm_desktop.ui.context import WindowContext
from krm_desktop.ui.settings.staff_import_dialog import StaffImportDialog, export_staff_list_to
from tests import factories as f

HEADER = "Name;Funktion;Team;Bereich;E-Mail;Telefon"
LIST = (
    f"{HEADER}\r\n"
    "Jürgen Weiß;Geschäftsführung;Geschäftsführung;Büro GF;j.weiss@jobcenter.de;0451 100-1\r\n"
    "Erika Muster;Teamleitung;Team 411 Leistung;Bereich 41;erika.muster@jobcenter.de;\r\n"
    "Nina Neu;Mitarbeiter/in;Team 411 Leistung;Bereich 41;;\r\n"
)


@pytest.fixture
def context(store) -> WindowContext:
    return WindowContext(store, f.TODAY, f.USER, load_profile())


@pytest.fixture
def dialog(qtbot, context: WindowContext) -> StaffImportDialog:
    unit = staff.save_team(None, TeamData("Team 411 Leistung", "Bereich 41"))
    staff.save_person(None, PersonData("Erika Muster", "MA", unit.id))
    staff.save_person(None, PersonData("Tom Weber", "MA", unit.id))
    window = StaffImportDialog(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def listed(tmp_path: Path, text: str, encoding: str = "cp1252") -> Path:
    path = tmp_path / "Personal.csv"
    path.write_bytes(text.encode(encoding))
    return path


def tree(item: QTreeWidgetItem) -> list[object]:
    texts = " | ".join(t for t in (item.text(0), item.text(1), item.text(2)) if t)
    children = [tree(item.child(i)) for i in range(item.childCount())]
    return [texts, children] if children else [texts]


def preview(dialog: StaffImportDialog) -> list[object]:
    return [tree(dialog.preview.topLevelItem(i)) for i in range(dialog.preview.topLevelItemCount())]


def test_the_preview_shows_what_changes_and_uebernehmen_applies_it(qtbot, dialog, context, tmp_path: Path) -> None:
    assert not dialog.apply_button.isEnabled()
    dialog.load(listed(tmp_path, LIST))
    assert preview(dialog) == [
        ["Neue Teams (1)", [["Geschäftsführung | Büro GF"]]],
        [
            "Neue Personen (2)",
            [
                ["Jürgen Weiß | Geschäftsführung, Geschäftsführung (Büro GF), j.weiss@jobcenter.de, 0451 100-1"],
                ["Nina Neu | Mitarbeiter/in, Team 411 Leistung (Bereich 41)"],
            ],
        ],
        [
            "Geänderte Personen (1)",
            [
                [
                    "Erika Muster",
                    [["Funktion | Mitarbeiter/in | Teamleitung"], ["E-Mail | – | erika.muster@jobcenter.de"]],
                ]
            ],
        ],
        [
            "Nicht in der Liste, werden deaktiviert (1)",
            [["Tom Weber | Mitarbeiter/in, Team 411 Leistung | deaktiviert"]],
        ],
    ]
    assert "1 Team(s) neu, 0 geändert · 2 Person(en) neu, 1 geändert, 1 deaktiviert" in dialog.summary.text()
    assert dialog.apply_button.isEnabled() and dialog.problems_area.isHidden()
    with qtbot.waitSignals([context.data_changed, context.status_message]):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == StaffImportDialog.DialogCode.Accepted
    assert {p.name: (p.role, p.active) for p in staff.people()} == {
        "Erika Muster": ("TL", True),
        "Jürgen Weiß": ("GF", True),
        "Nina Neu": ("MA", True),
        "Tom Weber": ("MA", False),
    }


def test_a_bad_file_shows_the_line_and_changes_nothing(qtbot, dialog, tmp_path: Path) -> None:
    before = f.snapshot()
    dialog.load(listed(tmp_path, LIST.replace("Teamleitung", "Chef")))
    assert dialog.problems_area.isVisible()
    assert "nichts geändert" in dialog.problems.text()
    assert "Zeile 3, Funktion: Unbekannte Funktion „Chef“" in dialog.problems.text()
    assert dialog.preview.topLevelItemCount() == 0 and not dialog.apply_button.isEnabled()
    dialog.load(listed(tmp_path, LIST, "utf-16"))
    assert "„CSV UTF-8“" in dialog.problems.text()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert f.snapshot() == before


def test_abbrechen_after_the_preview_leaves_everything(qtbot, dialog, tmp_path: Path) -> None:
    before = f.snapshot()
    dialog.load(listed(tmp_path, LIST))
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == StaffImportDialog.DialogCode.Rejected
    assert f.snapshot() == before


def test_the_saved_list_read_back_offers_nothing_to_apply(qtbot, dialog, context, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "Liste"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Personalliste (*.csv)"))
    with qtbot.waitSignal(context.status_message) as said:
        written = export_staff_list_to(dialog, context)
    assert written == tmp_path / "Liste.csv" and written.read_bytes().startswith(b"\xef\xbb\xbf" + HEADER.encode())
    assert said.args[0].startswith("Personalliste mit 2 Person(en) gespeichert")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(written), "Personalliste (*.csv)"))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.path_field.text() == str(written)
    assert "nichts zu übernehmen" in dialog.summary.text()
    assert not dialog.apply_button.isEnabled()


def test_a_change_meanwhile_refuses_and_shows_the_new_preview(qtbot, dialog, tmp_path: Path) -> None:
    dialog.load(listed(tmp_path, LIST))
    tom = next(p for p in staff.people() if p.name == "Tom Weber")
    staff.save_person(tom.id, PersonData(tom.name, "MA", None, active=False), version=tom.version)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "inzwischen an einem anderen Platz geändert" in dialog.problems.text()
    assert "0 deaktiviert" in dialog.summary.text()  # the preview of what would happen now
    assert not any(p.name == "Nina Neu" for p in staff.people())
