"""The person view and the Auskunft dialog, driven like a person would: search, pick, record the request,
check what is withheld, preview, save and print, correct data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from krm_desktop.model.persons.auskunft import open_auskunft_requests
from krm_desktop.model.store.entities import Case, Event, Letter, Statement
from krm_desktop.ui.persons.auskunft_dialog import AuskunftDialog
from krm_desktop.ui.persons.correction_dialog import CorrectionDialog
from krm_desktop.ui.persons.person_view import PersonView, RequestDateDialog
from krm_desktop.ui.widgets.pdf_preview import new_printer
from tests import factories as f
from tests.documents.conftest import set_letterhead
from tests.documents.pdf_tools import squeezed, text
from tests.person_data import World, build_world


@pytest.fixture
def world(store) -> World:
    set_letterhead()
    return build_world()


@pytest.fixture
def view(qtbot, world: World) -> PersonView:
    widget = PersonView(today=f.TODAY, user="petra.krause")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def search(qtbot, view: PersonView, words: str) -> None:
    view.search.clear()
    if words.isascii():
        qtbot.keyClicks(view.search, words)
    else:  # QTest types no umlauts (Qt aborts); the text goes in as a paste would
        view.search.setText(words)
    qtbot.keyClick(view.search, Qt.Key.Key_Return)


def pick_erika(view: PersonView) -> None:
    for row in range(view.results.count()):
        item = view.results.item(row)
        item.setSelected("123A456789" in item.text())


def case_tree(view: PersonView) -> dict[str, list[str]]:
    tree = {}
    for index in range(view.cases.topLevelItemCount()):
        top = view.cases.topLevelItem(index)
        tree[top.text(0)] = [top.child(n).text(0) for n in range(top.childCount())]
    return tree


def test_search_shows_the_persons_and_their_cases_by_role(qtbot, view: PersonView, world: World) -> None:
    assert not view.auskunft_button.isEnabled()
    search(qtbot, view, "erika  MUELLER")
    assert view.results.count() == 2
    assert view.message.text().startswith("2 Personen gefunden")
    pick_erika(view)
    assert case_tree(view) == {
        "Kundin/Kunde (4)": [world.open_case.ref, world.dab.ref, world.petition.ref, world.closed_2024.ref],
        "Vertreter/in (1)": [world.representing.ref],
        "vertretene Person (1)": [world.represented.ref],
    }
    assert view.auskunft_button.isEnabled() and view.correct_button.isEnabled()
    assert view.requests.text() == "Kein Auskunftsersuchen erfasst."
    # both results marked: treated as one person
    for row in range(view.results.count()):
        view.results.item(row).setSelected(True)
    assert world.namesake.ref in case_tree(view)["Kundin/Kunde (5)"]


def test_a_search_without_hits_says_so(qtbot, view: PersonView) -> None:
    search(qtbot, view, "Zacharias")
    assert view.results.count() == 0
    assert view.message.text() == "Keine Person gefunden für „Zacharias“."
    assert not view.auskunft_button.isEnabled() and not view.request_button.isEnabled()


def test_request_then_auskunft_saved_kept_and_answered(qtbot, view: PersonView, world: World, tmp_path: Path) -> None:
    search(qtbot, view, "123A456789")
    assert view.results.count() == 1 and view.results.currentRow() == 0
    assert view.record_request(received=date(2026, 11, 18))
    assert "AUS-2026-001 erfasst; Frist: 18.12.2026" in view.message.text()
    assert view.requests.text() == "Auskunftsersuchen AUS-2026-001 vom 18.11.2026: fällig am 18.12.2026"
    dialog = view.open_auskunft()
    assert isinstance(dialog, AuskunftDialog)
    qtbot.addWidget(dialog)
    assert dialog.due.text() == "18.12.2026" and dialog.answered.isChecked()
    assert 0 < dialog.preview.page_count() <= 12
    assert dialog.withheld() == dialog.content.default_withheld()
    statement = Statement.get(Statement.author == "Thomas Lehmann")
    dialog.set_withheld(f"{world.open_case.id}:statement:{statement.id}", True)
    qtbot.waitUntil(lambda: dialog.rendered is not None)
    target = tmp_path / "auskunft.pdf"
    dialog.checked.setChecked(True)  # she has checked every withheld and kept passage
    assert dialog.save_to(target)
    printed = text(target.read_bytes())
    assert squeezed("fehlender Kontoauszüge") not in squeezed(printed)
    assert "Jens Vogt" not in printed and "also bis zum 18.12.2026" in printed.replace("\n", " ")
    copies = list(Letter.select().where(Letter.doc_type == "auskunft"))
    assert len(copies) == 6 and {c.case_id for c in copies} == {c.id for c in world.erika_cases}
    assert open_auskunft_requests(f.TODAY) == []
    assert "als beantwortet vermerkt" in dialog.status.text() and dialog.answered.isHidden()
    assert "beantwortet am 20.11.2026" in view.requests.text()


def test_print_into_a_pdf_file_gives_the_exact_document(qtbot, view: PersonView, world: World, tmp_path: Path) -> None:
    search(qtbot, view, "Kühn")
    view.results.setCurrentRow(0)
    dialog = view.open_auskunft()
    assert dialog is not None
    qtbot.addWidget(dialog)
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "druck.pdf"))
    dialog.checked.setChecked(True)
    assert dialog.print_to(printer)
    assert (tmp_path / "druck.pdf").read_bytes() == dialog.render().pdf  # type: ignore[union-attr]
    assert Letter.get(Letter.doc_type == "auskunft").case_id == world.dab.id
    assert not dialog.answered.isVisible()  # no recorded request: nothing to mark


def test_the_request_date_dialog_shows_the_deadline(qtbot, world: World, view: PersonView) -> None:
    search(qtbot, view, "123A456789")
    person = view.selected()
    assert person is not None
    dialog = RequestDateDialog(person, f.TODAY)
    qtbot.addWidget(dialog)
    assert dialog.due.text().startswith("21.12.2026")  # 20.12.2026 is a Sunday
    dialog.date.setDate(dialog.date.date().addDays(-2))
    assert dialog.received() == date(2026, 11, 18) and dialog.due.text().startswith("18.12.2026")


def test_correction_shows_errors_next_to_the_fields_then_saves(qtbot, view: PersonView, world: World) -> None:
    search(qtbot, view, "123A456789")
    person = view.selected()
    assert person is not None
    dialog = CorrectionDialog(person, today=f.TODAY, user="petra.krause")
    qtbot.addWidget(dialog)
    assert dialog.fields["street"].text() == "Breite Straße 12"
    before = f.snapshot()
    dialog.fields["postcode"].setText("235")
    assert not dialog.save()
    assert dialog.errors["postcode"].text() == "Die Postleitzahl besteht aus 5 Ziffern."
    assert dialog.errors["reason"].text() == "Bitte füllen Sie „Anlass der Berichtigung“ aus."
    assert f.snapshot() == before and dialog.fields["postcode"].text() == "235"  # nothing typed is lost
    dialog.fields["postcode"].setText("23554")
    dialog.fields["street"].setText("Breite Straße 14")
    dialog.reason.setText("Umzug mitgeteilt am 19.11.2026")
    dialog.case_list.item(0).setCheckState(Qt.CheckState.Unchecked)  # the newest case stays as it is
    assert dialog.changes() == {"street": "Breite Straße 14", "postcode": "23554"}
    assert dialog.save()
    assert len(dialog.corrected) == 5
    assert Case.get_by_id(world.open_case.id).person.street == "Breite Straße 12"
    assert Case.get_by_id(world.dab.id).person.street == "Breite Straße 14"
    assert Event.select().where(Event.action == "corrected").count() == 5
    view.after_correction(person)
    assert view.message.text().startswith("Berichtigung gespeichert")
