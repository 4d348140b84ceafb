"""A mail or a scanned letter in the new-case dialog: what the reading proposed fills the intake step and the form,
and a panel under them lists the files that become the case's attachments when the form is saved.

Nothing is stored before the person saves (issue 21). The reading (`model.exchange.mail.read_draft`) marks what the
file could not give (no date, no sender's name): those messages stand next to their fields. The files it left out
(a type that runs code, too large, too many) and the other files of a drop (one file is taken at a time) are
listed in the panel's notice. After the case is saved, each file goes in as an attachment; one refused then is
named in a message, and the case stays.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from peewee import DatabaseError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.cases.attachments import add_attachment, format_size, type_label
from krm_desktop.model.cases.stored_case import case_heading
from krm_desktop.model.errors import KrmError, ValidationError
from krm_desktop.model.office.own_addresses import own_addresses
from krm_desktop.ui.widgets.fields import WARNING_STYLE, hint

if TYPE_CHECKING:
    from krm_desktop.model.exchange.mail import CaseDraft
    from krm_desktop.ui.entry.case_form import CaseForm
    from krm_desktop.ui.entry.intake_dialog import IntakePage

# The reading's problem keys ("received", "person", "subject", …) as the form's field keys (see form_problems).
FIELD_KEYS = {"person": "person.name"}
ATTACH_NOTE = "Beim Speichern werden diese Dateien als Anlagen abgelegt (vorher wird nichts gespeichert):"
SHOWN_ROWS = 4  # more files scroll in the list
NOTICE_LINES = 4  # items of the notice shown; the rest are counted (the tooltip lists all)
MAIL_SUFFIXES = (".eml", ".msg", ".pdf")
TAKEN = "Übernommen werden gespeicherte E-Mails (.eml, Outlook .msg) und gescannte Briefe (.pdf)."
ONE_AT_A_TIME = (
    "{names}: es wird jeweils eine Datei erfasst. Bitte jede weitere Datei danach einzeln auf das Fenster ziehen "
    "oder über „Kundenreaktion → Aus E-Mail erfassen …“ wählen."
)


@dataclass(frozen=True)
class DroppedMail:
    """A file read into a proposed case, and the files dropped with it that were not taken."""

    file_name: str
    draft: CaseDraft
    left_out: tuple[str, ...] = ()

    @property
    def is_letter(self) -> bool:
        return self.draft.channel == "brief"


def first_mail(paths: Sequence[Path]) -> tuple[Path, tuple[str, ...]]:
    """The file to read (the first mail or PDF, else the first file: it is refused with its reason) and the names
    of the others."""
    taken = next((p for p in paths if PurePath(p).suffix.lower() in MAIL_SUFFIXES), paths[0])
    return taken, tuple(p.name for p in paths if p is not taken)


def read_mail(paths: Sequence[Path], *, today: date, parent: QWidget | None) -> DroppedMail | None:
    """The proposed case of the first mail among `paths`, with the office's own addresses for a forwarded mail;
    None after a German message naming the file (no mail, unreadable, too large)."""
    from krm_desktop.model.exchange.mail import read_draft_file  # the mail readers: only when a mail comes

    path, others = first_mail(paths)
    try:
        draft = read_draft_file(path, today=today, own_addresses=own_addresses())
    except ValidationError as exc:
        QMessageBox.warning(
            parent,
            "Keine E-Mail",
            f"Aus „{path.name}“ lässt sich keine Kundenreaktion vorschlagen.\n\n{exc.message}\n\n{TAKEN}",
        )
        return None
    return DroppedMail(path.name, draft, others)


def form_problems(draft: CaseDraft) -> dict[str, str]:
    """The reading's problems keyed as the form's fields (unknown keys go to the form's general line). The
    sender's problem stands by the name when the mail gives none, else by the address (which is what is wrong)."""
    keys = {**FIELD_KEYS, "person": "person.email" if draft.person_name else "person.name"}
    return {keys.get(key, key): message for key, message in draft.problems.items()}


def notice_lines(mail: DroppedMail) -> list[str]:
    """What was not taken: the other dropped files first, then each file the reading left out."""
    lines = [ONE_AT_A_TIME.format(names=", ".join(f"„{name}“" for name in mail.left_out))] if mail.left_out else []
    return lines + list(mail.draft.refused)


def more_line(count: int) -> str:
    return f"… und {count} weitere Dateien (alle: den Mauszeiger auf diesen Hinweis halten)."


class MailPanel(QGroupBox):
    """Under the intake step and the form: where the case comes from, what was left out, what will be attached."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mail: DroppedMail | None = None
        self.filled: CaseForm | None = None  # the form the draft went into (a kind changed later carries it)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(WARNING_STYLE)
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.setAccessibleName("Nicht übernommen")
        self.files = QTreeWidget()
        self.files.setHeaderLabels(("Anlage", "Art", "Größe"))
        self.files.setRootIsDecorated(False)
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.files.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.files.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.files.setAccessibleName("Dateien, die beim Speichern als Anlagen abgelegt werden")
        header = self.files.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        left = QVBoxLayout()
        left.addWidget(hint(ATTACH_NOTE))
        left.addWidget(self.files)
        left.addStretch(1)
        row = QHBoxLayout(self)
        row.addLayout(left, 3)
        row.addWidget(self.notice, 2, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def load(self, mail: DroppedMail) -> None:
        self.mail = mail
        self.filled = None
        self.setTitle(f"Aus dem Scan „{mail.file_name}“" if mail.is_letter else f"Aus der E-Mail „{mail.file_name}“")
        self.files.clear()
        for attachment in mail.draft.attachments:
            size = format_size(len(attachment.data))
            item = QTreeWidgetItem([attachment.name, type_label(attachment.name, attachment.mime), size])
            item.setToolTip(0, attachment.name)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.files.addTopLevelItem(item)
        rows = max(1, min(len(mail.draft.attachments), SHOWN_ROWS))
        self.files.setFixedHeight(self.files.sizeHintForRow(0) * rows + self.files.header().sizeHint().height() + 6)
        lines = notice_lines(mail)
        shown = (
            lines
            if len(lines) <= NOTICE_LINES
            else [*lines[: NOTICE_LINES - 1], more_line(len(lines) - NOTICE_LINES + 1)]
        )
        self.notice.setText(
            "<b>Nicht übernommen:</b><ul style='margin:2px'>"
            + "".join(f"<li>{escape(x)}</li>" for x in shown)
            + "</ul>"
        )
        self.notice.setToolTip("\n".join(lines) if shown != lines else "")
        self.notice.setVisible(bool(lines))
        self.show()

    # --- filling --------------------------------------------------------------------------------------------

    def fill_intake(self, intake: IntakePage) -> None:
        """The received date (the reading's problem next to it when the file gives none)."""
        assert self.mail is not None
        draft = self.mail.draft
        intake.received.set_date(draft.received)
        problem = form_problems(draft).get("received")
        if draft.received is None and problem:
            intake.errors.show({"received": problem})

    def fill_form(self, form: CaseForm) -> None:
        """Channel, received, subject, description and sender into the form; the problems next to their fields;
        the Mehrfachbeschwerde check of the sender starts as if the fields had been typed."""
        assert self.mail is not None
        draft = self.mail.draft
        form.channel.set_code(draft.channel)
        if draft.received is not None:
            form.received.set_date(draft.received)
        form.subject.setText(draft.subject)
        form.description.setPlainText(draft.description)
        if draft.person_name or draft.person_email:
            form.party.anonymous.setChecked(False)
            form.party.person.lines["name"].setText(draft.person_name)
            form.party.person.lines["email"].setText(draft.person_email)
            form.party.timer.start()
        form._clock_changed()
        problems = form_problems(draft)
        if form.received.date() is not None:
            problems.pop("received", None)  # typed on the intake step meanwhile
        if problems:
            form.errors.show(problems)
        self.filled = form

    # --- saving ---------------------------------------------------------------------------------------------

    def attach(self, case_id: int, *, today: date, user: str, parent: QWidget | None) -> list[str]:
        """Store the files as the saved case's attachments; the refused ones are named in a message (the case
        stays). Returns the German lines of what was refused."""
        if self.mail is None:
            return []
        refused: list[str] = []
        for attachment in self.mail.draft.attachments:
            try:
                add_attachment(case_id, attachment.name, attachment.data, today=today, user=user)
            except ValidationError as exc:
                refused.append(f"„{attachment.name}“: {' '.join(exc.errors.values())}")
            except KrmError as exc:
                refused.append(f"„{attachment.name}“: {exc.message}")
            except DatabaseError as exc:
                refused.append(f"„{attachment.name}“: Die Datenbank hat die Datei nicht gespeichert ({exc}).")
        if refused:
            heading = case_heading(case_id)
            ref = heading.ref if heading is not None else "Die Kundenreaktion"
            QMessageBox.warning(
                parent,
                "Anlagen nicht abgelegt",
                f"{ref} ist gespeichert. Diese Dateien wurden nicht als Anlage abgelegt:\n\n"
                + "\n".join(f"• {line}" for line in refused)
                + "\n\nSie können sie im Bereich „Anlagen“ der Kundenreaktion erneut hinzufügen.",
            )
        return refused
