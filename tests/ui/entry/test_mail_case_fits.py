"""The new-case dialog with a mail's panel (many files, a long notice) still fits a 1366×768 screen, on the intake
step and on the form, its buttons inside it."""

from __future__ import annotations

from datetime import date

from krm_desktop.model.exchange.mail import CaseDraft, DraftAttachment
from krm_desktop.ui.entry.mail_case import NOTICE_LINES, SHOWN_ROWS, DroppedMail
from tests.ui.case_form_steps import go_to_form, new_dialog, started_window
from tests.ui.test_fits_small_screen import assert_fits

REFUSED = tuple(f"„Programm{n}.exe“ weggelassen: eine Programmdatei (.exe), die Windows beim Öffnen ausführen würde."
                for n in range(4))  # fmt: skip


def big_draft() -> DroppedMail:
    files = tuple(DraftAttachment(f"Anlage {n} mit einem recht langen Namen.pdf", b"%PDF-1.4", "application/pdf")
                  for n in range(12))  # fmt: skip
    draft = CaseDraft(channel="email", received=date(2026, 11, 19), person_name="Erika Mustermann",
                      person_email="erika@example.org", subject="Beschwerde", description="Text " * 500,
                      attachments=files, refused=REFUSED, problems={"subject": "Bitte einen Betreff eintragen."})  # fmt: skip
    return DroppedMail("Beschwerde.eml", draft, ("Zweite.eml", "Dritte.eml"))


def test_the_mail_panel_fits_a_small_screen_on_both_steps(qtbot, store) -> None:
    dialog = new_dialog(qtbot, started_window(qtbot, store))
    dialog.take_mail(big_draft())
    assert dialog.mail.isVisible() and dialog.mail.files.topLevelItemCount() == 12
    assert dialog.mail.files.height() < dialog.mail.files.sizeHintForRow(0) * (SHOWN_ROWS + 3)  # the rest scroll
    notice = dialog.mail.notice  # 2 files and 4 refusals: the first items, then a count; all in the tooltip
    assert notice.text().count("<li>") == NOTICE_LINES and "… und 2 weitere Dateien" in notice.text()
    assert notice.toolTip().count("\n") == 4 and "Programm3.exe" in notice.toolTip()
    assert_fits(qtbot, dialog)
    go_to_form(qtbot, dialog, "beschwerde")
    assert_fits(qtbot, dialog)
    assert dialog.form.description.visibleRegion().boundingRect().height() > 60  # the text is still readable
