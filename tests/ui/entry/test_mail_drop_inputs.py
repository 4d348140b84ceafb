"""Issue 21, the other ways in and the inputs that go wrong: a mail dropped onto the new-case dialog, the menu entry
with its file dialog, a scanned PDF, several files at once, a mail forwarded by a colleague from an own address, a
mail without a date, each file that is no mail (a German message, nothing opens, nothing stored), an attachment
refused at save time (named; the case stays) and a read-only database."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox
from reportlab.pdfgen import canvas

from krm_desktop.model.exchange.mail import CaseDraft, DraftAttachment
from krm_desktop.model.office.own_addresses import save_own_addresses
from krm_desktop.model.store.entities import Attachment, Case
from krm_desktop.ui.entry.mail_case import DroppedMail
from krm_desktop.ui.entry.new_case import NewCaseDialog
from tests import factories as f
from tests.ui.case_form_steps import answer_modal, go_to_form, new_dialog, save, started_window, type_text
from tests.ui.entry.mail_files import PDF, drop, forwarded, mail, with_files, write


def saved_attachments(case_id: int) -> list[str]:
    return [a.filename for a in Attachment.select().where(Attachment.case == case_id).order_by(Attachment.id)]


def test_a_mail_dropped_onto_the_new_case_dialog_fills_it(qtbot, store, tmp_path) -> None:
    path = write(tmp_path, "Lob.eml", mail(subject="Dank für die gute Beratung", text="Vielen Dank!"))
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    assert dialog.mail.isHidden() and not dialog.is_modified()
    assert drop(dialog, [path])
    qtbot.waitUntil(lambda: dialog.mail.isVisible())
    assert dialog.is_modified()  # closing now asks before the mail's proposal is dropped
    assert dialog.intake.received.text() == "19.11.2026"
    go_to_form(qtbot, dialog, "lob")
    assert dialog.form.subject.text() == "Dank für die gute Beratung"
    assert dialog.form.party.person.lines["name"].text() == "Erika Mustermann"
    dialog.form.via.set_code("direkt")
    save(qtbot, dialog)
    assert dialog.case_id is not None, dialog.form.shown_errors()
    assert saved_attachments(dialog.case_id) == ["Dank für die gute Beratung.eml"]


def test_a_mail_dropped_onto_the_form_already_shown_fills_it_there(qtbot, store, tmp_path) -> None:
    path = write(tmp_path, "Idee.eml", mail(subject="Terminvergabe online", text="Bitte Online-Termine anbieten."))
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    go_to_form(qtbot, dialog, "idee")
    assert drop(dialog, [path])
    qtbot.waitUntil(lambda: dialog.form.subject.text() == "Terminvergabe online")
    assert dialog.form.received.text() == "19.11.2026" and dialog.form.channel.code() == "email"


def test_the_menu_entry_chooses_a_file_and_opens_the_filled_dialog(qtbot, store, tmp_path) -> None:
    path = write(tmp_path, "Beschwerde.eml", with_files())
    window = started_window(qtbot, store)
    action = next(a for a in window.menus["case"].actions() if a.text() == "Aus &E-Mail erfassen …")
    assert action.isEnabled() and "auf das Fenster ziehen" in action.statusTip()
    seen: list[str] = []

    def check_form(dialog) -> None:
        assert isinstance(dialog, NewCaseDialog)
        go_to_form(qtbot, dialog, "beschwerde")
        seen.append(dialog.form.subject.text())
        dialog.done(0)

    def choose(file_dialog) -> None:
        assert isinstance(file_dialog, QFileDialog)
        assert "*.eml *.msg *.pdf" in file_dialog.nameFilters()[0]
        seen.append("chosen")
        modals.append(answer_modal(qtbot, check_form))
        name = file_dialog.findChild(QLineEdit, "fileNameEdit")  # the dialog's own "Dateiname" field
        type_text(qtbot, name, str(path))
        qtbot.keyClick(name, Qt.Key.Key_Return)

    modals = [answer_modal(qtbot, choose)]
    action.trigger()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10_000)
    for modal in modals:
        modal.check()
    assert seen == ["chosen", "Beschwerde über die Bearbeitungsdauer"]
    assert Case.select().count() == 0


def scan_with_text() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, invariant=1)
    page.drawString(72, 720, "Sehr geehrte Damen und Herren, ich beschwere mich über die lange Wartezeit.")
    page.save()
    return buffer.getvalue()


def test_a_scanned_letter_becomes_a_brief_case_with_its_text_proposed(qtbot, store, tmp_path) -> None:
    path = write(tmp_path, "Brief Meier.pdf", scan_with_text())
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    assert drop(dialog, [path])
    qtbot.waitUntil(lambda: dialog.mail.isVisible())
    assert dialog.mail.title() == "Aus dem Scan „Brief Meier.pdf“"
    assert dialog.intake.received.text() == ""  # a letter's day is its stamp: typed by the person
    assert "Posteingangsstempel" in dialog.intake.errors.shown()["received"]
    dialog.intake.received.setText("17.11.2026")
    go_to_form(qtbot, dialog, "beschwerde")
    form = dialog.form
    assert form.channel.code() == "brief" and form.received.text() == "17.11.2026"
    assert "lange Wartezeit" in form.description.toPlainText()
    assert "Name und Anschrift" in form.shown_errors()["person.name"]


def test_several_files_take_the_first_mail_and_name_the_others(qtbot, store, tmp_path) -> None:
    notes = write(tmp_path, "Notizen.txt", b"keine E-Mail")
    first = write(tmp_path, "Erste.eml", mail(subject="Erste"))
    second = write(tmp_path, "Zweite.eml", mail(subject="Zweite"))
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    assert drop(dialog, [notes, first, second])
    qtbot.waitUntil(lambda: dialog.mail.isVisible())
    assert dialog.mail.title() == "Aus der E-Mail „Erste.eml“"
    notice = dialog.mail.notice.text()
    assert dialog.mail.notice.isVisible()
    assert "„Notizen.txt“, „Zweite.eml“: es wird jeweils eine Datei erfasst" in notice


def test_a_mail_forwarded_from_an_own_address_takes_the_original_sender_and_day(qtbot, store, tmp_path) -> None:
    save_own_addresses("gf@jobcenter-luebeck.de", expected_version=0)
    original = mail(sender="Hans Meier <hans.meier@example.net>", subject="Kein Rückruf")
    path = write(tmp_path, "WG Kein Rückruf.eml", forwarded(original))
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    assert drop(dialog, [path])
    qtbot.waitUntil(lambda: dialog.mail.isVisible())
    assert dialog.intake.received.text() == "19.11.2026"  # the original's day, not the forward's (20.11.)
    go_to_form(qtbot, dialog, "beschwerde")
    person = dialog.form.party.person
    assert (person.lines["name"].text(), person.lines["email"].text()) == ("Hans Meier", "hans.meier@example.net")


def test_a_mail_without_date_or_sender_name_marks_the_fields_and_its_address_finds_the_person(
    qtbot, store, tmp_path
) -> None:
    earlier = f.register(person=f.person("Paul Kaiser", email="anonym@example.org"))
    path = write(tmp_path, "Ohne Datum.eml", mail(sender="anonym@example.org", sent=None))
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    assert drop(dialog, [path])
    qtbot.waitUntil(lambda: dialog.mail.isVisible())
    assert dialog.intake.received.text() == ""
    assert "Datum" in dialog.intake.errors.shown()["received"]
    assert not dialog.intake.ready()  # the intake asks for the day before the form opens
    dialog.intake.received.setText("18.11.2026")
    go_to_form(qtbot, dialog, "beschwerde")
    form = dialog.form
    assert form.received.text() == "18.11.2026"
    assert "keinen Namen" in form.shown_errors()["person.name"]
    assert "received" not in form.shown_errors()  # typed on the intake step: no more a problem
    assert form.party.person.lines["email"].text() == "anonym@example.org"
    qtbot.waitUntil(lambda: form.party.warning.isVisible())  # the address alone finds the earlier case's person
    assert earlier.ref in form.party.warning.text() and "gleiche E-Mail-Adresse" in form.party.warning.text()


def big_sparse(tmp_path):
    path = tmp_path / "Riesig.eml"
    with path.open("wb") as out:  # 100 MB on the disk's books, nothing written
        out.truncate(100 * 1024 * 1024)
    return path


BAD_FILES = {
    "leer": (lambda tmp: write(tmp, "Leer.eml", b""), "leer (0 Byte)"),
    "binär": (lambda tmp: write(tmp, "Kaputt.eml", bytes(range(256)) * 40), "Kaputt.eml"),
    "word": (lambda tmp: write(tmp, "Antrag.docx", b"PK\x03\x04" + b"\x00" * 500), "Antrag.docx"),
    "pdf": (lambda tmp: write(tmp, "Scan.pdf", b"%PDF-1.4\nkein echtes PDF"), "nicht als PDF lesen"),
    "100 MB": (big_sparse, "zu groß"),
    "Ordner": (lambda tmp: (tmp / "Ablage.eml").mkdir() or tmp / "Ablage.eml", "Ordner"),
}


@pytest.mark.parametrize("bad", BAD_FILES)
def test_a_file_that_is_no_mail_gets_a_german_message_and_nothing_opens(qtbot, store, tmp_path, bad: str) -> None:
    make, words = BAD_FILES[bad]
    path = make(tmp_path)
    window = started_window(qtbot, store)
    before = f.snapshot()
    shown: list[str] = []

    def read(box) -> None:
        assert isinstance(box, QMessageBox) and box.windowTitle() == "Keine E-Mail"
        shown.append(box.text())
        box.accept()

    modal = answer_modal(qtbot, read)
    assert drop(window, [path])
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    modal.check()
    assert f"„{path.name}“" in shown[0] and words in shown[0] and "Traceback" not in shown[0]
    assert not any(isinstance(w, NewCaseDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    assert f.snapshot() == before


def test_an_attachment_refused_at_save_is_named_and_the_case_stays(qtbot, store, tmp_path) -> None:
    draft = CaseDraft(channel="email", received=date(2026, 11, 19), person_name="Erika Mustermann",
                      person_email="erika@example.org", subject="Wartezeit", description="Seit Wochen keine Antwort.",
                      attachments=(DraftAttachment("Wartezeit.eml", b"From: x\n\nText", "message/rfc822"),
                                   DraftAttachment("Nachweis:1.pdf", PDF, "application/pdf")))  # fmt: skip
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    dialog.take_mail(DroppedMail("Wartezeit.eml", draft))
    go_to_form(qtbot, dialog, "beschwerde")
    dialog.form.via.set_code("direkt")
    shown: list[str] = []

    def read(box) -> None:
        assert box.windowTitle() == "Anlagen nicht abgelegt"
        shown.append(box.text())
        box.accept()

    modal = answer_modal(qtbot, read)
    save(qtbot, dialog)
    modal.check()
    case = Case.get_by_id(dialog.case_id)
    assert f"{case.ref} ist gespeichert" in shown[0] and "„Nachweis:1.pdf“" in shown[0]
    assert "unzulässige Zeichen" in shown[0]
    assert saved_attachments(case.id) == ["Wartezeit.eml"]
    assert not dialog.isVisible()


def test_a_read_only_window_takes_no_mail(qtbot, store, tmp_path) -> None:
    path = write(tmp_path, "Beschwerde.eml", with_files())
    window = started_window(qtbot, store, read_only=True)
    action = next(a for a in window.menus["case"].actions() if a.text() == "Aus &E-Mail erfassen …")
    assert not action.isEnabled()
    assert not drop(window, [path])
    assert window.mail_drop is None


def test_a_program_file_in_the_mail_is_left_out_and_named(qtbot, store, tmp_path) -> None:
    files = (
        ("Rechnung.pdf", PDF, "application", "pdf"),
        ("Rechnung.exe", b"MZ" + b"\x00" * 200, "application", "octet-stream"),
    )
    path = write(tmp_path, "Rechnung.eml", mail(files=files))
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    assert drop(dialog, [path])
    qtbot.waitUntil(lambda: dialog.mail.isVisible())
    listed = [dialog.mail.files.topLevelItem(i).text(0) for i in range(dialog.mail.files.topLevelItemCount())]
    assert "Rechnung.pdf" in listed and "Rechnung.exe" not in listed
    assert dialog.mail.notice.isVisible() and "„Rechnung.exe“" in dialog.mail.notice.text()
    assert "Programmdatei" in dialog.mail.notice.text()


def test_a_real_outlook_msg_dropped_onto_the_window_is_saved_with_its_files(qtbot, store, tmp_path) -> None:
    pytest.importorskip("extract_msg")
    sample = Path(__file__).parents[2] / "model/exchange/mail/samples/attachment_msg_pdf.msg"
    path = write(tmp_path, "Outlook.msg", sample.read_bytes())
    window = started_window(qtbot, store)

    def save_it(dialog) -> None:
        assert dialog.intake.received.text() == "18.06.2010"
        go_to_form(qtbot, dialog, "beschwerde")
        form = dialog.form
        assert form.channel.code() == "email" and form.subject.text() == "test email"
        assert form.party.person.lines["name"].text() == "Nick Booth"
        save(qtbot, dialog)
        assert not dialog.isVisible(), form.shown_errors()

    modal = answer_modal(qtbot, save_it)
    assert drop(window, [path])
    qtbot.waitUntil(lambda: Case.select().count() == 1, timeout=10_000)
    modal.check()
    case = Case.get()
    assert saved_attachments(case.id) == ["test email.msg", "Test Attachment.msg", "smbprn.00009008.KdcPjl.pdf"]
    assert bytes(Attachment.get(Attachment.filename == "test email.msg").data) == sample.read_bytes()


def test_an_incomplete_sender_address_is_marked_next_to_the_address(qtbot, store, tmp_path) -> None:
    path = write(tmp_path, "Intern.eml", mail(sender="Erika Mustermann <erika@localhost>"))
    window = started_window(qtbot, store)
    dialog = new_dialog(qtbot, window)
    assert drop(dialog, [path])
    qtbot.waitUntil(lambda: dialog.mail.isVisible())
    go_to_form(qtbot, dialog, "beschwerde")
    shown = dialog.form.shown_errors()
    assert "„erika@localhost“ ist unvollständig" in shown["person.email"] and "person.name" not in shown
