"""Einstellungen → Dienststelle und Briefkopf: the office's own e-mail addresses, one a line, saved with the box's
own button. A mail dropped on the window whose sender is one of them was forwarded by a colleague: the case takes
sender and date from the original inside it (model.office.own_addresses)."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from krm_desktop.model.errors import KrmError, ValidationError
from krm_desktop.model.office.own_addresses import (
    OWN_ADDRESSES_KEY,
    address_lines,
    normalised,
    own_address_problems,
    own_addresses,
    save_own_addresses,
)
from krm_desktop.model.store.settings import setting_version
from krm_desktop.ui.widgets.fields import ERROR_STYLE, hint

TITLE = "Eigene E-Mail-Adressen (weitergeleitete E-Mails)"
EXPLANATION = (
    "Eine E-Mail, die von einer dieser Adressen kommt, hat eine Kollegin oder ein Kollege weitergeleitet: Absender "
    "und Eingangsdatum werden dann aus der weitergeleiteten Original-E-Mail übernommen. Eine Adresse je Zeile, "
    "z. B. das KRM-Postfach und das Postfach der Geschäftsführung."
)


class OwnAddressesBox(QGroupBox):
    def __init__(self, *, read_only: bool, parent: QWidget | None = None) -> None:
        super().__init__(TITLE, parent)
        self.read_only = read_only
        self.version = setting_version(OWN_ADDRESSES_KEY)
        self.stored = list(own_addresses())
        self.text = QPlainTextEdit("\n".join(self.stored))
        self.text.setAccessibleName("Eigene E-Mail-Adressen, eine je Zeile")
        self.text.setPlaceholderText("krm@jobcenter-beispiel.de\ngeschaeftsfuehrung@jobcenter-beispiel.de")
        self.text.setTabChangesFocus(True)
        self.text.setReadOnly(read_only)
        self.text.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.text.textChanged.connect(self._edited)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Fehler in den eigenen E-Mail-Adressen")
        self.error.hide()
        self.save_button = QPushButton("Adressen s&peichern")
        self.save_button.setEnabled(not read_only)
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        side = QVBoxLayout()
        side.addWidget(self.save_button)
        side.addWidget(self.status)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.text, 3)
        row.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint(EXPLANATION))
        layout.addLayout(row)
        layout.addWidget(self.error)

    def has_unsaved(self) -> bool:
        return not self.read_only and normalised(address_lines(self.text.toPlainText())) != self.stored

    def _edited(self) -> None:
        self.show_problem(own_address_problems(self.text.toPlainText()).get("addresses", ""))
        self.status.clear()

    def show_problem(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def save(self) -> bool:
        if self.read_only:
            return False
        try:
            self.version = save_own_addresses(self.text.toPlainText(), expected_version=self.version)
        except ValidationError as exc:
            self.show_problem(exc.errors.get("addresses", exc.message))
            self._say("Bitte die markierten Zeilen berichtigen; gespeichert ist noch nichts.", error=True)
            return False
        except KrmError as exc:
            self._say(exc.message, error=True)
            return False
        self.stored = list(own_addresses())
        self.show_problem("")
        count = len(self.stored)
        self._say(
            "Gespeichert: keine eigenen Adressen."
            if not count
            else f"{count} eigene {'Adresse' if count == 1 else 'Adressen'} gespeichert."
        )
        return True

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)
