"""Building blocks of forms: a field with its error line below it, a typed date field, code pickers, the
registry that shows the model's per-field messages next to the right field, and the dialog's two buttons."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model import validation as v

ERROR_STYLE = "QLabel { color: #b00020; }"
INVALID_STYLE = "border: 2px solid #b00020;"
HINT_STYLE = "QLabel { color: #555555; }"
WARNING_STYLE = "QLabel { background: #fff4c2; color: #000000; border: 1px solid #b08800; padding: 6px; }"
REQUIRED_NOTE = "Felder mit * sind Pflichtfelder."


def caption(text: str, *, required: bool = False) -> str:
    """A field's caption for a form row; required fields carry a star (explained by REQUIRED_NOTE)."""
    return f"{text} *:" if required else f"{text}:"


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


class DateField(QLineEdit):
    """A date typed as TT.MM.JJJJ (TT.MM.JJ, TTMMJJJJ and JJJJ-MM-TT too); the text stays as typed."""

    def __init__(self, label: str, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.setPlaceholderText("TT.MM.JJJJ")
        self.setAccessibleName(label)
        self.setMaximumWidth(130)
        if value is not None:
            self.set_date(value)

    def set_date(self, value: date | None) -> None:
        self.setText(f"{value:%d.%m.%Y}" if value else "")

    def parsed(self) -> tuple[date | None, str | None]:
        return v.parse_date(self.text(), self.label)

    def date(self) -> date | None:
        return self.parsed()[0]


class CodeBox(QComboBox):
    """A choice among a vocabulary's codes, shown by their German labels; type a label's start to pick it."""

    def __init__(self, label: str, choices: Iterable[tuple[str | None, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(label)
        for code, text in choices:
            self.addItem(text, code)

    def code(self):  # the chosen code (str, int or None)
        return self.currentData()

    def set_code(self, code) -> None:
        index = self.findData(code)
        if index >= 0:
            self.setCurrentIndex(index)


class FieldErrors:
    """Error lines keyed like the model's messages ("received", "person.customer_no", "concerns.2.kind").

    A key without a line of its own goes to the line of its nearest prefix ("concerns.2.kind" → "concerns"),
    else to the form's general line."""

    def __init__(self, general: QLabel) -> None:
        self.general = general
        self.lines: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}

    def add(self, key: str, widget: QWidget | None) -> QLabel:
        line = error_line()
        self.lines[key] = line
        if widget is not None:
            self.widgets[key] = widget
        return line

    def _line_of(self, key: str) -> str | None:
        while key:
            if key in self.lines:
                return key
            key = key.rpartition(".")[0]
        return None

    def show(self, errors: dict[str, str]) -> QWidget | None:
        """Show every message next to its field; return the first field with a problem (to focus it)."""
        by_line: dict[int, list[str]] = {}
        general: list[str] = []
        bad: set[str] = set()
        for key, message in errors.items():
            target = self._line_of(key)
            if target is None:
                general.append(message)
            else:
                bad.add(target)
                by_line.setdefault(id(self.lines[target]), []).append(message)
        for line in {id(line): line for line in self.lines.values()}.values():
            messages = by_line.get(id(line), [])
            line.setText("\n".join(f"⚠ {m}" for m in messages))
            line.setVisible(bool(messages))
        first = None
        for key, widget in self.widgets.items():
            widget.setStyleSheet(INVALID_STYLE if key in bad and isinstance(widget, QLineEdit) else "")
            if first is None and key in bad and widget.isVisible() and widget.isEnabled():
                first = widget
        self.general.setText("\n".join(f"⚠ {m}" for m in general))
        self.general.setVisible(bool(general))
        return first

    def clear(self, key: str) -> None:
        line = self.lines.get(key)
        if line is not None and line.isVisible():
            line.hide()
            widget = self.widgets.get(key)
            if widget is not None:
                widget.setStyleSheet("")

    def shown(self) -> dict[str, str]:
        """The messages on screen now, by key (for tests and the typed-text summary)."""
        found = {key: line.text() for key, line in self.lines.items() if not line.isHidden() and line.text()}
        if not self.general.isHidden() and self.general.text():
            found[""] = self.general.text()
        return found


def error_line() -> QLabel:
    line = QLabel()
    line.setStyleSheet(ERROR_STYLE)
    line.setWordWrap(True)
    line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    line.hide()
    return line


def add_row(
    form: QFormLayout,
    errors: FieldErrors,
    key: str,
    text: str,
    widget: QWidget | QLayout,
    *,
    required: bool = False,
    focus: QWidget | None = None,
    edited: Callable[[], None] | None = None,
    note: str | QLabel = "",
) -> QLabel:
    """A form row: caption (a star when required), the field, its error line and an optional note below it."""
    holder = QVBoxLayout()
    holder.setSpacing(1)
    if isinstance(widget, QLayout):
        holder.addLayout(widget)
    elif widget.maximumWidth() < 1000:  # a narrow field (a date): its messages may use the row's width
        row = QHBoxLayout()
        row.addWidget(widget)
        row.addStretch(1)
        holder.addLayout(row)
    else:
        holder.addWidget(widget)
    target = focus or (widget if isinstance(widget, QWidget) else None)
    line = errors.add(key, target)
    holder.addWidget(line)
    if note:
        holder.addWidget(hint(note) if isinstance(note, str) else note)
    label = QLabel(caption(text, required=required))
    if target is not None:
        label.setBuddy(target)
        if not target.accessibleName():
            target.setAccessibleName(text + (" (Pflichtfeld)" if required else ""))
        elif required and "Pflichtfeld" not in target.accessibleName():
            target.setAccessibleName(f"{target.accessibleName()} (Pflichtfeld)")
    form.addRow(label, holder)
    if edited is not None and target is not None:
        _on_edit(target, edited)
    if target is not None:
        _on_edit(target, lambda: errors.clear(key))
    return label


def _on_edit(widget: QWidget, slot: Callable[[], None]) -> None:
    if isinstance(widget, QLineEdit):
        widget.textEdited.connect(lambda _text: slot())
    elif isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(lambda _index: slot())


def text_of(widget: QWidget) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    return ""


def accept_cancel(
    dialog: QDialog, accept_text: str, accept: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok
) -> QDialogButtonBox:
    """The dialog's buttons: `accept_text` on the `accept` button, which accepts it, and „Abbrechen“."""
    buttons = QDialogButtonBox(accept | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(accept).setText(accept_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Abbrechen")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
