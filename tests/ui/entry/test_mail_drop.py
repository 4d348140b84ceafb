"""Issue 21: a mail dropped onto the main window becomes a case. The intake step comes first, then the form of
the chosen kind opens filled from the mail (channel, received day in Berlin, sender, subject, text); the mail and
its attachments are stored with the case when the form is saved, and nothing at all when it is cancelled."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication, QDialog

from krm_desktop.model.store.entities import Attachment, Case
from krm_desktop.ui.entry.new_case import NewCaseDialog
from tests import factories as f
from tests.ui.case_form_steps import answer_modal, click_box_button, go_to_form, save, started_window
from tests.ui.entry.mail_files import JPEG, PDF, drop, with_files, write


def test_a_mail_dropped_onto_the_window_opens_the_filled_form_and_saving_attaches_its_files(
    qtbot, store, tmp_path
) -> None:
    known = f.register(person=f.person("Erika Mustermann"))  # an open case of the same person
    path = write(tmp_path, "Beschwerde.eml", with_files())
    window = started_window(qtbot, store)
    seen: dict[str, object] = {}

    def fill_and_save(dialog) -> None:
        assert isinstance(dialog, NewCaseDialog)
        panel = dialog.mail
        assert panel.isVisible() and panel.title() == "Aus der E-Mail „Beschwerde.eml“"
        names = [panel.files.topLevelItem(i).text(0) for i in range(panel.files.topLevelItemCount())]
        assert names[1:] == ["Bescheid.pdf", "Foto.jpg"] and names[0].endswith(".eml")
        assert dialog.intake.received.text() == "19.11.2026"  # 23:30 UTC on the 18th is the 19th in Berlin
        go_to_form(qtbot, dialog, "beschwerde")
        form = dialog.form
        assert form.channel.code() == "email"
        assert form.received.text() == "19.11.2026"
        assert form.subject.text() == "Beschwerde über die Bearbeitungsdauer"
        assert "seit sechs Wochen unbearbeitet" in form.description.toPlainText()
        person = form.party.person
        assert person.lines["name"].text() == "Erika Mustermann"
        assert person.lines["email"].text() == "erika.mustermann@example.org"
        qtbot.waitUntil(lambda: form.party.warning.isVisible())  # Mehrfachbeschwerde: the open case is named
        seen["warning"] = form.party.warning.text()
        form.via.set_code("direkt")
        save(qtbot, dialog)
        assert not dialog.isVisible(), form.shown_errors()

    modal = answer_modal(qtbot, fill_and_save)
    assert drop(window, [path])
    qtbot.waitUntil(lambda: Case.select().count() == 2, timeout=10_000)
    modal.check()
    assert known.ref in str(seen["warning"])
    case = Case.select().order_by(Case.id.desc()).first()
    assert (case.channel, case.received, case.subject) == (
        "email",
        date(2026, 11, 19),
        "Beschwerde über die Bearbeitungsdauer",
    )
    stored = {a.filename: bytes(a.data) for a in Attachment.select().where(Attachment.case == case.id)}
    assert stored["Bescheid.pdf"] == PDF and stored["Foto.jpg"] == JPEG
    mail_file = next(name for name in stored if name.endswith(".eml"))
    assert stored[mail_file] == path.read_bytes()  # the mail itself, as it was dropped
    qtbot.waitUntil(lambda: window.detail.case_id == case.id)


def test_cancelling_the_filled_form_stores_nothing(qtbot, store, tmp_path) -> None:
    path = write(tmp_path, "Beschwerde.eml", with_files())
    window = started_window(qtbot, store)
    before = f.snapshot()

    def cancel(dialog) -> None:
        go_to_form(qtbot, dialog, "beschwerde")
        assert dialog.form.subject.text()
        discard = answer_modal(qtbot, lambda box: click_box_button(box, "Verwerfen"))
        dialog.cancel_button.click()
        discard.check()
        assert not dialog.isVisible()
        assert dialog.result() == QDialog.DialogCode.Rejected

    modal = answer_modal(qtbot, cancel)
    assert drop(window, [path])
    qtbot.waitUntil(lambda: bool(modal.seen) and QApplication.activeModalWidget() is None, timeout=10_000)
    modal.check()
    assert f.snapshot() == before
