"""The base of every workflow action dialog: fields with their German error next to them, required marks, the
Art. 15 reminder at free text, save through a service, and a refused save that keeps what was typed.

A subclass adds its fields in `build` and calls its service in `save` with `self.version`; the base turns a
ValidationError into messages next to the fields, a ConflictError into the conflict dialog (reload keeps the
typed values), any other refusal into a message above the buttons. After a save the dialog says so through the
window's context (`case_changed`): the main window reads its list again.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from peewee import DatabaseError
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases.case_view import case_view
from krm_desktop.model.cases.lookup import facts_of, find_case
from krm_desktop.model.codes import KINDS, label
from krm_desktop.model.errors import ConflictError, KrmError, RefusedError, ValidationError
from krm_desktop.model.store.entities import Case
from krm_desktop.ui.context import WindowContext
from krm_desktop.ui.widgets.date_edit import DateEdit
from krm_desktop.ui.widgets.discard import confirm_discard
from krm_desktop.ui.widgets.screen_fit import available_geometry, room_on

ERROR_STYLE = "color: #b00020;"
NOTE_STYLE = "color: #555555;"
NOTICE_STYLE = "color: #7a4a00;"
REQUIRED_LEGEND = "* Pflichtfeld"
GONE = "Diese Kundenreaktion gibt es nicht mehr (gelöscht)."


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def d(value: date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else "–"


def date_edit(value: date) -> DateEdit:
    return DateEdit(value)


def text_edit(lines: int = 5) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)  # Tab moves on; the form stays usable with the keyboard
    edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


def note(text: str, style: str = NOTE_STYLE) -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(True)
    widget.setStyleSheet(style)
    return widget


def widget_value(widget: QWidget) -> str:
    """What a field holds, as text (for the conflict dialog's copy of what was typed)."""
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, DateEdit):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QCheckBox):
        return "ja" if widget.isChecked() else "nein"
    return ""


class ActionDialog(QDialog):
    """One workflow action on one case."""

    action = ""  # an action_checks action code
    title = ""
    save_text = "&Speichern"

    def __init__(self, context: WindowContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case_id = case_id
        self.today, self.user = context.today, context.user
        self.fields: dict[str, QWidget] = {}
        self.captions: dict[str, str] = {}
        self.errors: dict[str, QLabel] = {}
        self.hints: dict[str, QLabel] = {}
        self.dirty = False
        self.saved: Case | None = None
        self._load()
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setAccessibleName("Meldung")
        self.message.hide()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.save_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton("Abbrechen", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)  # its minimum height is set by make_room
        layout.addWidget(self.header)
        layout.addLayout(self.form)
        self.build()
        self.legend = note(REQUIRED_LEGEND)
        layout.addWidget(self.legend)
        self.legend.setVisible(any(caption.endswith("*") for caption in self.captions.values()))
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._show_header()
        self.setWindowTitle(f"{self.title} – {self.case.ref}")
        self.header.setMinimumWidth(600)  # the dialog's width (its layout sets the minimum size)
        self.dirty = False  # what `build` filled in is no input of the user

    # --- for subclasses -----------------------------------------------------------------------------------------

    def build(self) -> None:
        """Add the fields (add_field)."""

    def save(self) -> Case:
        """Call the service with `self.version` and the fields' values; return the saved case."""
        raise NotImplementedError

    def case_changed_here(self) -> None:
        """The case was reloaded after a conflict: update what the fields show of it (typed values stay)."""

    # --- building -----------------------------------------------------------------------------------------------

    def add_field(
        self,
        key: str,
        caption: str,
        widget: QWidget,
        *,
        required: bool = False,
        free_text: bool = False,
        hint: str = "",
    ) -> Any:
        """A row with its caption (mnemonic with &), the widget, an optional hint, the Art. 15 reminder for
        free text, and the (hidden) error label of the field `key` (the service's field name)."""
        plain = caption.replace("&", "")
        caption_label = QLabel(f"{caption}{' *' if required else ''}:")
        caption_label.setBuddy(widget)
        widget.setAccessibleName(plain + (" (Pflichtfeld)" if required else ""))
        error = note("", ERROR_STYLE)
        error.setAccessibleName(f"Fehler bei {plain}")
        error.hide()
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(widget)
        if hint:
            self.hints[key] = note(hint)
            column.addWidget(self.hints[key])
        if free_text:
            reminder = note(checks.FREE_TEXT_NOTICE, NOTICE_STYLE)
            reminder.setAccessibleName("Hinweis Auskunftsrecht")
            column.addWidget(reminder)
        column.addWidget(error)
        self.form.addRow(caption_label, column)
        self.fields[key], self.errors[key] = widget, error
        self.captions[key] = plain + (" *" if required else "")
        self._watch(widget, key)
        return widget

    def add_info(self, caption: str, html: str) -> QLabel:
        """A read-only row; `html` is rich text (escape what comes from the database)."""
        info = QLabel(html)
        info.setTextFormat(Qt.TextFormat.RichText)
        info.setWordWrap(True)
        self.form.addRow(f"{caption}:", info)
        return info

    def _watch(self, widget: QWidget, key: str | None = None) -> None:
        """Editing `widget` is input of the user and takes back the old error of the field `key`."""
        for name in ("textChanged", "dateChanged", "currentIndexChanged", "toggled"):
            signal = getattr(widget, name, None)
            if signal is not None:
                signal.connect(self._edited)
                if key is not None:
                    signal.connect(lambda *_args, field=key: self.clear_error(field))

    def _edited(self, *_args: object) -> None:
        self.dirty = True

    def _load(self) -> None:
        from krm_desktop.model.cases.changes import case_state

        case = find_case(self.case_id)
        if case is None:
            raise RefusedError(GONE)
        self.case = case
        self.view = case_view(self.case_id)  # what the dialog shows of the case: team, statements, decider
        self.version = self.case.version
        self.before = case_state(self.case_id)
        self.facts = facts_of(self.case, self.context.profile.ack_waivable_channels)

    def _show_header(self) -> None:
        subject = escape(self.case.subject) or "(ohne Betreff)"
        self.header.setText(f"<b>{escape(self.case.ref)}</b> · {escape(label(KINDS, self.case.kind))} · {subject}")

    # --- saving -------------------------------------------------------------------------------------------------

    def value_text(self, key: str, widget: QWidget) -> str:
        return widget_value(widget)

    def typed_text(self) -> str:
        return "\n".join(f"{self.captions[key]}: {self.value_text(key, widget)}" for key, widget in self.fields.items())

    def clear_error(self, key: str) -> None:
        error = self.errors[key]
        if not error.isHidden():
            error.clear()
            error.hide()

    def clear_errors(self) -> None:
        for key in self.errors:
            self.clear_error(key)
        self.message.clear()
        self.message.hide()

    def show_errors(self, errors: dict[str, str]) -> None:
        general = []
        first: QWidget | None = None
        for key, text in errors.items():
            if key in self.errors:
                self.errors[key].setText(text)
                self.errors[key].show()
                first = first or self.fields[key]
            else:
                general.append(text)
        if general:
            self.show_message("\n".join(general))
        if first is not None:
            first.setFocus()
        self.make_room()

    def show_message(self, text: str, style: str = ERROR_STYLE) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)
        self.message.show()
        self.make_room()

    # --- room for the wrapped texts -------------------------------------------------------------------------------

    def make_room(self) -> None:
        """Grow the dialog until every wrapped hint and message has all its lines.

        Qt's minimum size of a window leaves out height-for-width: a message that wraps onto three lines in
        the field's column gets the height of one and overlaps its neighbours. So the dialog asks its layout
        how high it must be at its present width (never beyond the screen's room)."""
        layout = self.layout()
        layout.activate()
        needed = max(layout.totalMinimumSize().height(), layout.totalHeightForWidth(self.width()))
        available = available_geometry(self)
        if available is not None:
            needed = min(needed, room_on(available).height())
        self.setMinimumHeight(needed)
        if self.height() < needed:
            self.resize(self.width(), needed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.make_room()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            QTimer.singleShot(0, self, self.make_room)  # a narrower dialog wraps into more lines

    def submit(self) -> None:
        self.clear_errors()
        typed_dates = {
            key: problem
            for key, widget in self.fields.items()
            if isinstance(widget, DateEdit)
            and widget.isEnabled()
            and (problem := widget.problem(self.captions[key].removesuffix(" *")))
        }
        if typed_dates:
            self.show_errors(typed_dates)
            return
        try:
            self.saved = self.save()
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except ConflictError:
            self.conflict()
            return
        except KrmError as exc:
            self.show_message(exc.message)
            return
        except DatabaseError as exc:
            self.show_message(
                f"Die Datenbank hat nicht gespeichert ({exc}). Ihre Eingaben bleiben erhalten; bitte erneut versuchen."
            )
            return
        self.dirty = False
        self.context.case_changed.emit(self.case_id)
        self.accept()

    def conflict(self) -> None:
        from krm_desktop.ui.entry.conflict_dialog import resolve_conflict

        if not resolve_conflict(self, case_id=self.case_id, before=self.before, typed=self.typed_text()):
            self.show_message(
                "Nicht gespeichert: der Fall wurde an einem anderen Platz geändert. Ihre Eingaben sind erhalten; "
                "laden Sie den Fall neu, um sie zu speichern."
            )
            return
        if find_case(self.case_id) is None:
            self.show_message(GONE)
            self.save_button.setEnabled(False)
            return
        self._load()
        self._show_header()
        self.case_changed_here()
        self.context.case_changed.emit(self.case_id)
        reason = checks.unavailable_reason(self.facts, self.action) if self.action else None
        if reason:
            self.show_message(f"Neu geladen. {reason}")
            self.save_button.setEnabled(False)
        else:
            self.show_message(
                "Neu geladen. Ihre Eingaben sind erhalten; bitte prüfen und erneut speichern.", NOTICE_STYLE
            )

    # --- closing ------------------------------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel, Esc and the window's close button ask first when something was typed."""
        if self.dirty and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        return confirm_discard(self)
