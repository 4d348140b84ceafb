"""The Personen page reads and saves the staff list: the preview dialog from its button, all or nothing, and the
saved list read back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from krm_desktop.model.exchange.staff_list import read_staff_list
from krm_desktop.model.office import staff
from krm_desktop.ui.settings.staff_import_dialog import StaffImportDialog
from tests import factories as f
from tests.ui.case_form_steps import answer_modal
from tests.ui.settings.test_people_page import make_page

LIST = (
    "Name;Funktion;Team;Bereich;E-Mail;Telefon\r\n"
    "Erika Muster;Teamleitung;Team 411 Leistung;Bereich 41;erika.muster@jobcenter.example;0451 555-411\r\n"
    "Jürgen Weiß;stv. Teamleitung;Team 411 Leistung;Bereich 41;;\r\n"
    "Petra Krause;KRM-Beauftragte/r;;;;\r\n"
)


def test_the_staff_list_is_read_with_its_preview_from_the_personen_page(qtbot, store, tmp_path: Path) -> None:
    source = tmp_path / "Personal.csv"
    source.write_bytes(LIST.encode("cp1252"))  # as German Excel saves it
    page, context = make_page(qtbot, store)

    def take_over(dialog) -> None:
        assert isinstance(dialog, StaffImportDialog)
        dialog.load(source)
        assert dialog.plan is not None and dialog.plan.has_changes
        dialog.apply()

    modal = answer_modal(qtbot, take_over)
    with qtbot.waitSignal(context.data_changed):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    modal.check()
    names = {p.name: (p.role, p.team) for p in staff.people()}
    assert names == {
        "Erika Muster": ("TL", "Team 411 Leistung"),
        "Jürgen Weiß": ("STL", "Team 411 Leistung"),
        "Petra Krause": ("KRM", ""),
    }
    assert page.table.model().rowCount() == 3
    assert "Personalliste übernommen: 1 Team(s) neu" in page.status.text()


def test_a_refused_list_changes_nothing(qtbot, store, tmp_path: Path) -> None:
    source = tmp_path / "Personal.csv"
    source.write_text("Name,Funktion,Team,Bereich,E-Mail,Telefon\nErika Muster,Chef,,,,\n", encoding="utf-8")
    page, _context = make_page(qtbot, store)
    before = f.snapshot()

    def try_it(dialog) -> None:
        dialog.load(source)
        assert dialog.plan is None and "Semikolon" in dialog.problems.text()
        dialog.reject()

    modal = answer_modal(qtbot, try_it)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    modal.check()
    assert f.snapshot() == before


def test_the_staff_list_is_saved_from_the_personen_page_and_reads_back(qtbot, store, tmp_path: Path) -> None:
    f.office_people()
    page, _context = make_page(qtbot, store)
    target = store.path.parent / "Personalliste.csv"  # proposed beside the database

    def save_as(dialog) -> None:
        assert isinstance(dialog, QFileDialog)
        assert dialog.selectedFiles() == [str(target)]
        dialog.accept()

    modal = answer_modal(qtbot, save_as)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    modal.check()
    listed = read_staff_list(target.read_bytes())
    assert {p.name for p in listed.people} == {p.name for p in staff.people(active_only=True)}


def test_a_read_only_database_offers_only_saving_the_list(qtbot, store) -> None:
    page, _context = make_page(qtbot, store, read_only=True)
    assert not page.import_button.isEnabled() and page.export_button.isEnabled()
