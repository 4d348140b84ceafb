"""The letter dialog, driven like a person would: compose, edit, preview, print into a PDF file, keep it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from krm_desktop.model.cases.letters import letter_pdf
from krm_desktop.model.errors import RefusedError
from krm_desktop.model.store.entities import Case, Event, Letter, Staff
from krm_desktop.ui.letters.dialog import LetterDialog
from krm_desktop.ui.widgets.pdf_preview import new_printer
from tests import factories as f
from tests.documents.conftest import office  # noqa: F401 (fixture)
from tests.documents.pdf_tools import squeezed, text
from tests.file_limit import file_size_limit

TODAY = date(2026, 11, 4)  # before the answer's deadline


def pdf_printer(path: Path) -> QPrinter:
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


@pytest.fixture
def dialog(qtbot, office):  # noqa: F811
    case = f.register(team_id=office.team.id)
    widget = LetterDialog(case.id, "eingangsbestaetigung", today=TODAY, user="petra.krause")
    qtbot.addWidget(widget)
    return widget


def test_opens_with_the_filled_text_and_a_preview(dialog) -> None:
    assert "Sehr geehrte Frau Mustermann," in dialog.body.toPlainText()
    assert "bis zum 16.11.2026" in dialog.body.toPlainText()
    assert dialog.subject.toPlainText().startswith("Ihr Anliegen vom 02.11.2026")
    assert dialog.preview.page_count() == 1
    assert dialog.signer_box.currentText().startswith("Petra Krause")
    assert dialog.error.text() == ""


def test_edit_preview_print_and_keep_in_the_case(qtbot, dialog, tmp_path: Path) -> None:
    dialog.body.setFocus()
    dialog.body.moveCursor(dialog.body.textCursor().MoveOperation.End)
    qtbot.keyClick(dialog.body, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.body, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.body, "Mit <b>Gruß</b> & Dank.")
    qtbot.waitUntil(lambda: squeezed("Mit <b>Gruß</b> & Dank.") in squeezed(text(dialog.preview_pdf)))
    target = tmp_path / "gedruckt.pdf"
    assert dialog.print_to(pdf_printer(target))
    printed = target.read_bytes()
    letter = Letter.get()
    assert bytes(letter.pdf) == printed and letter_pdf(letter.id) == printed
    assert squeezed("Mit <b>Gruß</b> & Dank.") in squeezed(text(printed))
    events = [e.text for e in Event.select().where(Event.action.in_(["letter", "acknowledged"])).order_by(Event.id)]
    assert events[0].startswith("Schreiben gedruckt: Eingangsbestätigung")
    assert events[1] == "Eingangsbestätigung versandt am 04.11.2026."
    assert Case.get().ack_sent == TODAY
    assert "Im Fall abgelegt" in dialog.status.text() and "Versand im Fall vermerkt" in dialog.status.text()
    # printing the same document again keeps no second copy, it only notes the history
    assert dialog.print_to(pdf_printer(tmp_path / "nochmal.pdf"), printed)
    assert Letter.select().count() == 1
    assert Event.select().where(Event.text.startswith("Schreiben erneut gedruckt")).count() == 1


def test_save_as_pdf_keeps_the_same_bytes(dialog, tmp_path: Path) -> None:
    dialog.record.setChecked(False)
    target = tmp_path / "schreiben.pdf"
    assert dialog.save_to(target)
    assert bytes(Letter.get().pdf) == target.read_bytes()
    assert Case.get().ack_sent is None
    assert Event.select().where(Event.text.startswith("Schreiben als PDF gespeichert")).count() == 1


def test_a_save_that_fails_midway_leaves_the_earlier_file_intact(dialog, tmp_path: Path) -> None:
    (tmp_path / "ablage").mkdir()
    target = tmp_path / "ablage" / "schreiben.pdf"
    target.write_bytes(b"%PDF-1.4 das erste Schreiben")
    with file_size_limit(2000):  # the disk fills up while the letter is written
        assert not dialog.save_to(target)
    assert f"Die Datei {target} lässt sich nicht schreiben" in dialog.error.text()
    assert target.read_bytes() == b"%PDF-1.4 das erste Schreiben"
    assert [p.name for p in target.parent.iterdir()] == ["schreiben.pdf"]
    assert Letter.select().count() == 0


def test_every_form_label_names_its_field_for_alt_keys(dialog) -> None:
    """A label with "&" and no buddy would show the "&" itself (as "Text&bausteine:" once did)."""
    from PySide6.QtWidgets import QLabel

    labels = [label for label in dialog.findChildren(QLabel) if "&" in label.text()]
    assert any(label.buddy() is dialog.blocks for label in labels)
    assert all(label.buddy() is not None for label in labels)


def test_inserting_a_text_block_fills_its_placeholders(qtbot, dialog) -> None:
    items = [dialog.blocks.item(i) for i in range(dialog.blocks.count())]
    item = next(i for i in items if i.data(Qt.ItemDataRole.UserRole) == "allgemein.rueckfragen")
    dialog.blocks.setCurrentItem(item)
    dialog.body.moveCursor(dialog.body.textCursor().MoveOperation.End)
    dialog.insert_block()
    assert dialog.body.toPlainText().rstrip().endswith("unser Zeichen KRM-2026-0001.")


def test_open_gaps_block_printing_with_a_german_message(qtbot, office, tmp_path: Path) -> None:  # noqa: F811
    case = f.register(team_id=office.team.id)
    widget = LetterDialog(case.id, "zwischennachricht", today=TODAY, user="x")
    qtbot.addWidget(widget)
    widget.reason.setPlainText("")
    widget.rebuild_text()
    widget.refresh_preview()
    assert "Vor dem Drucken bitte ergänzen: Grund der Verzögerung" in widget.error.text()
    assert not widget.print_to(pdf_printer(tmp_path / "x.pdf"))
    assert "fehlen noch Angaben" in widget.error.text() and Letter.select().count() == 0
    widget.reason.setPlainText("Die Akte liegt noch beim Fachbereich.")
    assert "Der Grund: Die Akte liegt noch beim Fachbereich." in widget.body.toPlainText()
    assert widget.print_to(pdf_printer(tmp_path / "x.pdf"))
    stored = Case.get()
    assert stored.interim_reason == "Die Akte liegt noch beim Fachbereich." and stored.interim_sent == TODAY


def test_signer_choice_changes_the_signature(qtbot, office) -> None:  # noqa: F811
    case = f.register(team_id=office.team.id)
    widget = LetterDialog(case.id, "antwort", today=TODAY, user="x")
    qtbot.addWidget(widget)
    widget.signer_box.setCurrentIndex(widget.signer_box.findData(office.gf.id))
    qtbot.waitUntil(lambda: "Dr. Gabriele Fuchs" in text(widget.preview_pdf))
    content = text(widget.preview_pdf)
    assert "Dr. Gabriele Fuchs\nGeschäftsführung" in content and "Im Auftrag" not in content


def test_the_signers_are_the_active_people_and_the_cases_former_signer(qtbot, office) -> None:  # noqa: F811
    deputy = Staff.create(name="Nina Vogt", role="STL", team=office.team)
    lgf = Staff.create(name="Ralf Ebert", role="LGF")
    Staff.create(name="Tom Weber", role="MA", team=office.team)
    case = f.close_answered(f.register(team_id=office.team.id), TODAY, office.tl.id, "begruendet")
    Staff.update(active=False).where(Staff.id == office.tl.id).execute()
    widget = LetterDialog(case.id, "antwort", today=TODAY, user="x")
    qtbot.addWidget(widget)
    offered = [widget.signer_box.itemText(i) for i in range(widget.signer_box.count())]
    assert (
        "Nina Vogt – Teamleitung (Stellvertretung)" in offered
        and f"{lgf.name} – Leitung der Geschäftsführungsebene" in offered
    )
    assert not any("Tom Weber" in item for item in offered)
    assert widget.signer_box.currentText() == "Thomas Lehmann – Teamleitung (deaktiviert)"
    qtbot.waitUntil(lambda: "Thomas Lehmann" in text(widget.preview_pdf))
    widget.signer_box.setCurrentIndex(widget.signer_box.findData(deputy.id))
    qtbot.waitUntil(lambda: "Nina Vogt" in text(widget.preview_pdf))


def test_a_document_that_does_not_apply_does_not_open(qtbot, office) -> None:  # noqa: F811
    case = f.register(person=None)
    with pytest.raises(RefusedError, match="anonym"):
        LetterDialog(case.id, "antwort", today=TODAY, user="x")


def test_an_address_the_font_cannot_show_is_refused_with_a_message(qtbot, office) -> None:  # noqa: F811
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from krm_desktop.ui.letters.dialog import open_letter_dialog

    case = f.register(team_id=office.team.id, person=f.person("Erika Mustermann", city="東京"))
    seen: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, close_box)
            return
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, close_box)
    assert open_letter_dialog(None, case.id, "eingangsbestaetigung", today=TODAY, user="x") is None
    assert seen and "Anschrift" in seen[0] and "„Ort“" in seen[0]
    assert Letter.select().count() == 0


def test_characters_the_font_cannot_show_in_the_text_are_pointed_out(qtbot, dialog) -> None:
    dialog.body.setPlainText(dialog.body.toPlainText() + "\n\nGruß 漢字")
    dialog.refresh_preview()
    assert "2 Zeichen kann die Schrift nicht darstellen" in dialog.error.text()


@pytest.mark.parametrize(
    ("doc_type", "service", "values", "action"),
    [
        (
            "zwischennachricht",
            "send_interim",
            {"reason": "Stellungnahme des Teams steht aus.", "expected": date(2026, 11, 30)},
            "interim",
        ),
        ("antwort", "record_answer", {}, "answered"),
    ],
)
def test_a_sending_recorded_in_the_vorgang_menu_is_not_recorded_again_by_the_letter(
    qtbot,
    office,  # noqa: F811
    tmp_path: Path,
    doc_type: str,
    service: str,
    values: dict,
    action: str,
) -> None:
    from krm_desktop.model.cases import services as cases

    case = f.register(team_id=office.team.id)
    f.act(getattr(cases, service), case, today=TODAY, sent_on=TODAY, **values)
    widget = LetterDialog(case.id, doc_type, today=TODAY, user="petra.krause")
    qtbot.addWidget(widget)
    assert widget.record.isHidden() and not widget.record.isChecked()
    assert widget.save_to(tmp_path / "schreiben.pdf")
    assert Event.select().where(Event.action == action).count() == 1  # one sending, one entry
    assert "Versand" not in widget.status.text()
