"""Einstellungen → Dienststelle und Briefkopf: the office's name, address, contact persons and logo as every
letter prints them; saved with the page's own button."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from krm_desktop.model.errors import KrmError, ValidationError
from krm_desktop.model.office.settings import (
    LETTERHEAD_KEY,
    letterhead,
    letterhead_logo,
    save_letterhead,
    save_letterhead_logo,
    setting_version,
)
from krm_desktop.ui.settings.letterhead_form import LetterheadForm
from krm_desktop.ui.settings.own_addresses_box import OwnAddressesBox
from krm_desktop.ui.widgets.fields import ERROR_STYLE, hint

if TYPE_CHECKING:
    from krm_desktop.ui.context import WindowContext

READ_ONLY_NOTE = "Die Datenbank ist nur lesbar geöffnet: Sie sehen die Werte, können sie aber nicht ändern."


class OfficePage(QWidget):
    title = "Dienststelle und Briefkopf"

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.version = setting_version(LETTERHEAD_KEY)
        self.stored = letterhead()
        self.stored_logo = letterhead_logo()
        self.form = LetterheadForm(context.today, self.stored, self.stored_logo)
        self.form.set_read_only(context.read_only)
        self.save_button = QPushButton("Briefkopf &speichern")
        self.save_button.setEnabled(not context.read_only)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            hint("Diese Angaben stehen im Kopf und in der Fußzeile jedes Schreibens; die Vorschau rechts zeigt es.")
        )
        if context.read_only:
            layout.addWidget(hint(READ_ONLY_NOTE))
        layout.addWidget(self.form, 1)
        layout.addLayout(row)
        # --- the office's own e-mail addresses (issue 21: forwarded mails), saved with their own button ---
        self.own_addresses = OwnAddressesBox(read_only=context.read_only)
        layout.addWidget(self.own_addresses)

    @property
    def fields(self):  # the form's fields by name (tests and the window reach them here)
        return self.form.fields

    def has_unsaved(self) -> bool:
        if self.own_addresses.has_unsaved():  # issue 21's box
            return True
        return not self.context.read_only and (self.form.values() != self.stored or self.form.logo != self.stored_logo)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)

    def save(self) -> bool:
        if self.context.read_only:
            self._say(READ_ONLY_NOTE, error=True)
            return False
        try:
            self.version = save_letterhead(self.form.values(), expected_version=self.version)
            if self.form.logo != self.stored_logo:
                save_letterhead_logo(self.form.logo)
        except ValidationError as exc:
            self.form.show_errors(exc.errors)
            self._say("Bitte die markierten Angaben berichtigen; gespeichert ist noch nichts.", error=True)
            return False
        except KrmError as exc:
            self._say(exc.message, error=True)
            return False
        self.stored, self.stored_logo = letterhead(), self.form.logo
        self.form.show_errors({})
        self._say("Briefkopf gespeichert; er gilt für alle neuen Schreiben.")
        return True
