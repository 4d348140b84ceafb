"""Meinungskarten im Stapel: one card after another, with the keyboard only.

Per card: the tenor by its letter (L, A, K), Tab, the topic by its first letters, Tab, the card's words,
Enter. Enter saves the card and starts the next one with the same received date and team; the running
count and the list of this batch's cards show what is stored; Strg+Z takes the last card back. A refused
card keeps everything typed, each message next to its field.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from peewee import DatabaseError
from PySide6.QtCore import Qt, QTimer, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.case_list.filters import teams as list_teams
from krm_desktop.model.cases.opinion_cards import TENORS, CardInput, card_errors, register_card, withdraw_card
from krm_desktop.model.errors import KrmError, ValidationError
from krm_desktop.model.office.notice_rules import CARD_TEAM_LEAD  # issue 19
from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.model.office.topics import topic_list
from krm_desktop.ui.cards.type_ahead import TypeAheadCombo
from krm_desktop.ui.widgets.discard import confirm_discard
from krm_desktop.ui.widgets.fields import REQUIRED_NOTE, DateField, FieldErrors, add_row, error_line, hint
from krm_desktop.ui.widgets.screen_fit import fit_on_screen

ERROR_STYLE = "QLabel { color: #b00020; }"
REFRESH_DELAY_MS = 1_500  # the main window's list follows once the typing pauses, not after every card
TITLE = "Meinungskarten erfassen"
COLUMNS = ("Az.", "Art", "Thema", "Team", "Inhalt")


class BatchHost(Protocol):
    """What the batch needs of the main window."""

    today: date
    user: str
    profile: OfficeProfile
    read_only: bool

    case_changed: SignalInstance  # emitted with the id of a case saved here


@dataclass(frozen=True)
class StoredCard:
    case_id: int
    ref: str
    version: int
    card: CardInput


def count_text(count: int) -> str:
    if count == 0:
        return "Noch keine Karte erfasst"
    return f"{count} Karte erfasst" if count == 1 else f"{count} Karten erfasst"


class OpinionCardBatch(QDialog):
    def __init__(self, window: BatchHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = window
        self.stored: list[StoredCard] = []
        self.setWindowTitle(TITLE)
        self.setObjectName("opinion_card_batch")

        intro = QLabel(
            "Karte für Karte nur mit der Tastatur: <b>L</b>, <b>A</b> oder <b>K</b> für Lob, Anregung oder "
            "Kritik, <b>Tab</b>, Thema mit den Anfangsbuchstaben, <b>Tab</b>, Inhalt in Stichworten, "
            "<b>Eingabetaste</b> speichert und beginnt die nächste Karte. Meinungskarten sind anonym: "
            "bitte keine Namen erfassen."
        )
        intro.setWordWrap(True)
        self.general_error = error_line()
        self.field_errors = FieldErrors(self.general_error)

        self.received = DateField("Eingangsdatum der Karten", window.today)
        self.close_now = QCheckBox("Karten nach dem Erfassen ab&schließen (erfasst und ausgewertet)")
        self.close_now.setChecked(True)
        self.close_now.setAccessibleName("Karten sofort abschließen")
        batch_box = QGroupBox("Für alle Karten dieses Stapels")
        batch_form = QFormLayout(batch_box)
        add_row(batch_form, self.field_errors, "received", "&Eingangsdatum", self.received, required=True)
        batch_form.addRow("", self.close_now)
        # Issue 19: a card's remark for a team goes zur Kenntnis to its Teamleitung, where the office's rules say so.
        self.notify_lead = QCheckBox("Karten mit Team zur &Kenntnis an dessen Teamleitung geben (heute)")
        self.notify_lead.setChecked(CARD_TEAM_LEAD in window.profile.notice_rules)
        batch_form.addRow("", self.notify_lead)

        self.tenor = TypeAheadCombo()
        self.tenor.addItem("– bitte wählen –", None)
        for code, text in TENORS.items():
            self.tenor.addItem(text, code)
        self.tenor.setAccessibleName("Art der Rückmeldung")
        self.topic = TypeAheadCombo()
        self.topic.addItem("– ohne Thema –", "")
        for topic in topic_list():
            self.topic.addItem(topic, topic)
        self.topic.setAccessibleName("Thema")
        self.text = QLineEdit()
        self.text.setPlaceholderText("was auf der Karte steht, in Stichworten (ohne Namen)")
        self.text.setAccessibleName("Inhalt der Karte")
        self.team = TypeAheadCombo()
        self.team.setAccessibleName("Team, das die Karte betrifft")
        self._fill_teams()
        self.card_box = QGroupBox()
        card_form = QFormLayout(self.card_box)
        errors = self.field_errors
        add_row(card_form, errors, "tenor", "&Art der Rückmeldung (L/A/K)", self.tenor, required=True)
        add_row(card_form, errors, "topic", "T&hema", self.topic)
        add_row(card_form, errors, "text", "&Inhalt", self.text, required=True)
        add_row(card_form, errors, "team", "&Team", self.team, note="Das Team bleibt für die nächste Karte stehen.")
        card_form.addRow("", hint(REQUIRED_NOTE))

        self.save_button = QPushButton("Karte speichern und nächste (Eingabetaste)")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_card)
        self.undo_button = QPushButton("Letzte Karte &zurücknehmen (Strg+Z)")
        self.undo_button.setAutoDefault(False)
        self.undo_button.clicked.connect(self.undo_last)
        self.close_button = QPushButton("Schließen")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        self.count_label = QLabel()
        self.count_label.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.count_label.setAccessibleName("Anzahl erfasster Karten")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Meldung")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("In diesem Stapel erfasste Karten, die neueste oben")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stays within the card
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(batch_box)
        layout.addWidget(self.card_box)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        counts = QHBoxLayout()
        counts.addWidget(self.count_label)
        counts.addWidget(self.status, 1)
        layout.addLayout(counts)
        layout.addWidget(self.table, 1)

        for first, second in (
            (self.tenor, self.topic),
            (self.topic, self.text),
            (self.text, self.team),
            (self.team, self.save_button),
            (self.save_button, self.undo_button),
            (self.undo_button, self.received),
            (self.received, self.close_now),
            (self.close_now, self.notify_lead),
            (self.notify_lead, self.close_button),
        ):
            QWidget.setTabOrder(first, second)
        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.activated.connect(self.undo_last)

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_DELAY_MS)
        self.refresh_timer.timeout.connect(self.tell_window)
        self._changed_case: int | None = None
        self._update_counts()
        fit_on_screen(self, 820, 640)
        self.tenor.setFocus()

    # --- building -------------------------------------------------------------------------------

    def _fill_teams(self, keep: int | None = None) -> None:
        self.team.clear()
        self.team.addItem("– kein bestimmtes Team –", None)
        for team_id, name, active in list_teams():
            if active:
                self.team.addItem(name, team_id)
        index = self.team.findData(keep) if keep is not None else 0
        self.team.setCurrentIndex(max(index, 0))

    # --- the card -------------------------------------------------------------------------------

    def card(self, received: date) -> CardInput:
        return CardInput(
            received=received,
            tenor=self.tenor.currentData(),
            text=self.text.text(),
            topic=self.topic.currentData() or "",
            team_id=self.team.currentData(),
        )

    def check(self) -> tuple[CardInput, dict[str, str]]:
        """The card as typed and its problems (the model's checks; the date as typed, too)."""
        today = self.host.today
        received, problem = self.received.parsed()
        if received is None and problem is None:
            problem = "Bitte das Eingangsdatum der Karten angeben (TT.MM.JJJJ)."
        card = self.card(received or today)
        errors = card_errors(card, today)
        if problem:
            errors = {"received": problem, **{k: m for k, m in errors.items() if k != "received"}}
        return card, errors

    def has_input(self) -> bool:
        """Something typed for the card that is not stored yet."""
        return self.tenor.currentIndex() > 0 or self.topic.currentIndex() > 0 or bool(self.text.text().strip())

    def show_errors(self, errors: dict[str, str]) -> None:
        first = self.field_errors.show(errors)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            if first is self.received:
                self.received.selectAll()  # a date is typed anew, not mended
        if errors:
            self._say("Die Karte wurde nicht gespeichert: bitte die markierten Angaben korrigieren.", error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)

    def save_card(self) -> bool:
        if self.host.read_only:
            self._say("Die Datenbank ist schreibgeschützt geöffnet; es wird nichts gespeichert.", error=True)
            return False
        card, errors = self.check()
        if errors:
            self._refused(card, errors)
            return False
        try:
            case = register_card(
                card,
                today=self.host.today,
                user=self.host.user,
                profile=self.host.profile,
                close=self.close_now.isChecked(),
                notify_lead=self.notify_lead.isChecked(),
            )
        except ValidationError as exc:
            self._refused(card, exc.errors)
            return False
        except (KrmError, DatabaseError) as exc:
            message = exc.message if isinstance(exc, KrmError) else str(exc)
            self._say(f"Die Karte wurde nicht gespeichert: {message} Ihre Eingaben bleiben stehen.", error=True)
            return False
        self.received.set_date(card.received)  # as it is stored: 16.11.26 reads 16.11.2026
        self.stored.append(StoredCard(case.id, case.ref, case.version, card))
        self._add_row(self.stored[-1])
        self.show_errors({})
        self._say(f"{case.ref} gespeichert" + (" und abgeschlossen." if case.closed else "."))
        self._next_card()
        self._case_changed(case.id)
        return True

    def _refused(self, card: CardInput, errors: dict[str, str]) -> None:
        if "team" in errors:
            self._fill_teams(keep=card.team_id)  # the list was out of date: another workstation changed the teams
        self.show_errors(errors)

    def _next_card(self) -> None:
        """Empty the card's own fields; received date and team stay for the next card."""
        self.tenor.setCurrentIndex(0)
        self.topic.setCurrentIndex(0)
        self.text.clear()
        self.field_errors.show({})
        self._update_counts()
        self.tenor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_row(self, stored: StoredCard) -> None:
        card = stored.card
        values = (
            stored.ref,
            TENORS.get(card.tenor or "", ""),
            card.topic,
            self.team.itemText(max(self.team.findData(card.team_id), 0)) if card.team_id is not None else "",
            " ".join(card.text.split()),
        )
        self.table.insertRow(0)
        for column, value in enumerate(values):
            self.table.setItem(0, column, QTableWidgetItem(value))

    def _update_counts(self) -> None:
        self.count_label.setText(count_text(len(self.stored)))
        self.card_box.setTitle(f"Karte {len(self.stored) + 1}")
        self.undo_button.setEnabled(bool(self.stored))

    def undo_last(self) -> bool:
        """Take the last card of this batch back; its entries return to the form when the form is empty."""
        if not self.stored:
            self._say("In diesem Stapel ist noch keine Karte gespeichert.", error=True)
            return False
        last = self.stored[-1]
        try:
            withdraw_card(last.case_id, version=last.version)
        except (KrmError, DatabaseError) as exc:
            message = exc.message if isinstance(exc, KrmError) else str(exc)
            self._say(f"Nicht zurückgenommen: {message}", error=True)
            return False
        self.stored.pop()
        self.table.removeRow(0)
        restore = not self.has_input()
        if restore:
            card = last.card
            self.tenor.setCurrentIndex(max(self.tenor.findData(card.tenor), 0))
            self.topic.setCurrentIndex(max(self.topic.findData(card.topic), 0))
            self.text.setText(card.text)
            self.team.setCurrentIndex(max(self.team.findData(card.team_id), 0))
        self._update_counts()
        self._say(
            f"{last.ref} zurückgenommen."
            + (" Die Angaben stehen wieder im Formular." if restore else " Ihre begonnene Karte bleibt stehen.")
        )
        (self.text if restore else self.tenor).setFocus(Qt.FocusReason.OtherFocusReason)
        self._case_changed(last.case_id)
        return True

    # --- the main window ------------------------------------------------------------------------

    def _case_changed(self, case_id: int) -> None:
        self._changed_case = case_id
        self.refresh_timer.start()

    def tell_window(self) -> None:
        self.refresh_timer.stop()
        if self._changed_case is not None:
            case_id, self._changed_case = self._changed_case, None
            self.host.case_changed.emit(case_id)

    def reject(self) -> None:
        """Esc, Schließen and the window's close button: a begun card is not dropped without asking."""
        if self.has_input() and not confirm_discard(self, "Die begonnene Karte ist noch nicht gespeichert."):
            return
        self.tell_window()
        super().reject()


def open_opinion_card_batch(host: BatchHost, parent: QWidget | None) -> OpinionCardBatch | None:
    """For the main window: the batch window, or a message why cards cannot be entered here."""
    if host.read_only:
        QMessageBox.information(
            parent,
            TITLE,
            "Die Datenbank ist schreibgeschützt geöffnet: Meinungskarten können an diesem Arbeitsplatz nicht "
            "erfasst werden.",
        )
        return None
    for earlier in parent.findChildren(OpinionCardBatch) if parent is not None else ():
        if earlier.isVisible():  # one batch at a time
            earlier.raise_()
            earlier.activateWindow()
            return earlier
        earlier.deleteLater()
    dialog = OpinionCardBatch(host, parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
