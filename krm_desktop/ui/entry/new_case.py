"""Registering a new case (intake triage, then the form of its kind) and editing an open one.

Entry points: `open_new_case(host, follows_id=…, kind=…, parent=…)` returns the new case's id (or None), and
`open_edit_case(host, case_id, parent=…)`; `host` is the main window's context (today, user, profile, read_only,
the case_changed signal). Closing with unsaved input asks first.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.cases.stored_case import StoredCase, case_heading, stored_case
from krm_desktop.model.codes import STATUS_OPEN
from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.model.time.deadlines import calendar_of
from krm_desktop.ui.entry.case_fields import ORAL
from krm_desktop.ui.entry.case_form import CaseForm
from krm_desktop.ui.entry.intake_dialog import IntakePage
from krm_desktop.ui.entry.kind_forms import FORMS, form_for
from krm_desktop.ui.entry.mail_case import DroppedMail, MailPanel, read_mail
from krm_desktop.ui.widgets.discard import confirm_discard
from krm_desktop.ui.widgets.file_drop import FileDrop
from krm_desktop.ui.widgets.screen_fit import fit_on_screen

NARROW, WIDE, HIGH = 1360, 1560, 880  # preferred sizes; a smaller screen gets less (fit_on_screen)
READ_ONLY_TEXT = "Die Datenbank ist schreibgeschützt geöffnet: es können keine Kundenreaktionen erfasst werden."


class CaseHost(Protocol):
    today: date
    user: str
    profile: OfficeProfile
    read_only: bool
    case_changed: SignalInstance  # emitted with the saved case's id


class CaseSummary(QDialog):
    """A case named in the Mehrfachbeschwerde warning, read-only."""

    def __init__(self, case_id: int, host: CaseHost, parent: QWidget | None = None) -> None:
        from krm_desktop.ui.case_list.case_html import case_html

        super().__init__(parent)
        case = case_heading(case_id)
        self.setWindowTitle(f"Kundenreaktion {case.ref if case else ''}".strip())
        fit_on_screen(self, 620, 640)
        view = QTextBrowser()
        view.setAccessibleName("Zusammenfassung der Kundenreaktion")
        view.setHtml(
            case_html(case_id, host.today, calendar_of(host.profile)) or "Diese Kundenreaktion gibt es nicht mehr."
        )
        close = QPushButton("Schließen")
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(close)


class _CaseDialog(QDialog):
    """What the new-case and the edit dialog share: the form, saving, asking before unsaved input is lost."""

    def __init__(self, host: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.form: CaseForm | None = None
        self.case_id: int | None = None
        self.summaries: list[QDialog] = []
        fit_on_screen(self, NARROW, HIGH)
        self.save_button = QPushButton("&Speichern")
        self.save_button.setToolTip("Speichern (Strg+S)")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton("Abbrechen")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

    def _make_form(self, kind: str, case: StoredCase | None = None) -> CaseForm:
        host = self.host
        form = form_for(kind, today=host.today, user=host.user, profile=host.profile, case=case)
        form.case_link.connect(self.show_case)
        form.edited.connect(self._show_modified)
        if form.side is not None:  # the earlier case beside the form: wider, as far as the screen allows
            fit_on_screen(self, WIDE, HIGH)
        return form

    def _show_modified(self) -> None:
        """The title says whether there is unsaved input ("*", as editors do)."""
        title = self.windowTitle().removesuffix(" *")
        self.setWindowTitle(f"{title} *" if self.is_modified() else title)

    def show_case(self, case_id: int) -> None:
        summary = CaseSummary(case_id, self.host, self)
        summary.show()
        self.summaries = [s for s in self.summaries if s.isVisible()] + [summary]

    def is_modified(self) -> bool:
        return self.form is not None and self.form.is_modified()

    def save(self) -> None:
        if self.form is None or not self.save_button.isEnabled() or self.save_button.isHidden():
            return
        case_id = self.form.save()
        if case_id is None:
            return
        self.case_id = case_id
        self.saved(case_id)
        self.host.case_changed.emit(case_id)
        self.accept()

    def saved(self, case_id: int) -> None:
        """What else saving brings, after the case is stored (the new-case dialog: a mail's files)."""

    def confirm_discard(self) -> bool:
        return confirm_discard(self)

    def reject(self) -> None:  # also Escape and the window's close button
        if self.is_modified() and not self.confirm_discard():
            return
        super().reject()


class NewCaseDialog(_CaseDialog):
    def __init__(
        self, host: CaseHost, *, follows_id: int | None = None, kind: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(host, parent)
        self.follows_id = follows_id
        self.setWindowTitle("Neue Kundenreaktion")
        self.routed = False
        self.settled = False  # an oral reaction settled on the spot: nothing recorded
        self.intake = IntakePage(
            today=host.today, user=host.user, profile=host.profile, kind="folgereaktion" if follows_id else kind
        )
        self.intake.routed.connect(self._routed)
        self.intake.settled.connect(self._settled)
        self.intake.blocked.connect(self._blocked)
        self.intake.cards_button.clicked.connect(self.open_cards)
        self.intake_baseline = self.intake.raw()
        self.stack = QStackedWidget()
        self.intake_page = self.intake  # it scrolls itself when it is taller than a small screen
        self.stack.addWidget(self.intake_page)
        self.back_button = QPushButton("&Zurück")
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton("&Weiter")
        self.next_button.clicked.connect(self.forward)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        for button in (self.next_button, self.save_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        # --- a dropped mail or scan (issue 21: ui.entry.mail_case, mail_drop) ---
        self.mail = MailPanel()
        layout.addWidget(self.mail)
        if not host.read_only:
            FileDrop(self, self.take_files)
        # ---
        layout.addLayout(buttons)
        self._show_page(0)

    def _show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        on_form = index == 1
        self.back_button.setVisible(on_form)
        self.next_button.setVisible(not on_form)
        self.save_button.setVisible(on_form)
        # Enter goes on from the intake step; on the form it never saves by accident (Strg+S saves).
        self.next_button.setDefault(not on_form)

    def forward(self) -> None:
        if not self.intake.ready():
            return
        kind = self.intake.kind()
        assert kind is not None
        previous = self.form
        if previous is None or previous.kind != kind:
            self.form = self._make_form(kind)
            if previous is not None:
                carry(previous, self.form)
                self.stack.removeWidget(previous)
                previous.deleteLater()
            self.stack.addWidget(self.form)
            if self.follows_id is not None and hasattr(self.form, "picker"):
                self.form.picker.choose(self.follows_id)
        assert self.form is not None
        self.form.received.setText(self.intake.received.text())
        self.form._clock_changed()
        self.form.routed = (self.intake.findings(), self.intake.note.text()) if self.intake.mixed() else ([], "")
        if self.intake.oral.oral.isChecked() and self.form.channel.code() not in ORAL:
            self.form.channel.set_code("telefon")
            self.form._clock_changed()
        if self.mail.mail is not None and self.mail.filled is None:
            self.mail.fill_form(self.form)
        self._show_page(1)
        self.form.channel.setFocus()

    def back(self) -> None:
        if self.form is not None:
            self.intake.received.setText(self.form.received.text())
        self._show_page(0)

    def _blocked(self, blocked: bool) -> None:
        self.next_button.setEnabled(not blocked)
        self.next_button.setToolTip(
            "Keine Kundenreaktion: bitte die Weiterleitung vermerken oder die Angaben oben korrigieren."
            if blocked
            else ""
        )

    def open_cards(self) -> None:
        """Meinungskarten are entered in their batch window (it stays open after this dialog closes)."""
        if self.is_modified() and not self.confirm_discard():
            return
        from krm_desktop.ui.cards.batch import open_opinion_card_batch

        open_opinion_card_batch(self.host, self.parentWidget())
        self.done(QDialog.DialogCode.Rejected)

    def _routed(self) -> None:
        self.routed = True
        self.accept()

    def _settled(self) -> None:
        self.settled = True
        self.done(QDialog.DialogCode.Rejected)

    def is_modified(self) -> bool:
        mail_taken = self.mail.mail is not None  # a dropped mail not yet saved counts as input
        return mail_taken or self.intake.raw() != self.intake_baseline or super().is_modified()

    # --- a dropped mail or scan (issue 21) ---------------------------------------------------------------------

    def take_files(self, paths: list[Path]) -> None:
        """Files dropped onto the dialog: the first mail's proposal fills it (a refused file: a message only)."""
        mail = read_mail(paths, today=self.host.today, parent=self)
        if mail is not None:
            self.take_mail(mail)

    def take_mail(self, mail: DroppedMail) -> None:
        self.mail.load(mail)
        self.mail.fill_intake(self.intake)
        if self.form is not None and self.stack.currentWidget() is self.form:
            self.form.received.setText(self.intake.received.text())
            self.mail.fill_form(self.form)

    def saved(self, case_id: int) -> None:
        self.mail.attach(case_id, today=self.host.today, user=self.host.user, parent=self)


def carry(old: CaseForm, new: CaseForm) -> None:
    """Another kind chosen: the new form takes over what was typed in the fields both have."""
    for name in ("channel", "via", "topic", "team"):
        getattr(new, name).setCurrentIndex(getattr(old, name).currentIndex())
    for name in ("received", "subject", "file_no"):
        getattr(new, name).setText(getattr(old, name).text())
    new.description.setPlainText(old.description.toPlainText())
    new.party.anonymous.setChecked(old.party.anonymous.isChecked())
    for source, target in ((old.party.person, new.party.person), (old.party.represented, new.party.represented)):
        target.role.setCurrentIndex(source.role.currentIndex())
        target.salutation.setCurrentIndex(source.salutation.currentIndex())
        for name, line in source.lines.items():
            target.lines[name].setText(line.text())


class EditCaseDialog(_CaseDialog):
    def __init__(self, host: CaseHost, case: StoredCase, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.setWindowTitle(f"{case.ref} bearbeiten")
        self.form = self._make_form(case.kind, case)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addLayout(buttons)


def edit_refusal(case: StoredCase | None) -> str | None:
    """Why this case cannot be edited in the form (German), or None."""
    if case is None:
        return "Diese Kundenreaktion gibt es nicht mehr."
    if case.status != STATUS_OPEN:
        return f"{case.ref} ist abgeschlossen; für eine erneute Reaktion in derselben Sache bitte eine Folgereaktion anlegen."
    if case.anonymised:
        return f"{case.ref} ist anonymisiert und kann nicht mehr bearbeitet werden."
    if case.kind not in FORMS:
        return f"{case.ref} ist eine Meinungskarte; Meinungskarten werden in der Stapelerfassung bearbeitet."
    return None


def open_new_case(
    host: CaseHost, *, follows_id: int | None = None, kind: str | None = None, parent: QWidget | None = None
) -> int | None:
    """Register a new case; its id, or None (cancelled, or routed elsewhere as no KRM matter)."""
    if host.read_only:
        QMessageBox.information(parent, "Schreibgeschützt", READ_ONLY_TEXT)
        return None
    dialog = NewCaseDialog(host, follows_id=follows_id, kind=kind, parent=parent)
    try:
        dialog.exec()
        return dialog.case_id
    finally:
        dialog.deleteLater()


def open_edit_case(host: CaseHost, case_id: int, *, parent: QWidget | None = None) -> bool:
    """Edit the registered data of an open case; True when saved."""
    case = stored_case(case_id)
    refusal = READ_ONLY_TEXT if host.read_only else edit_refusal(case)
    if refusal is not None or case is None:
        QMessageBox.information(parent, "Bearbeiten nicht möglich", refusal or "")
        return False
    dialog = EditCaseDialog(host, case, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
