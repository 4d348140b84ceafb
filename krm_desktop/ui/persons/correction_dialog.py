"""Berichtigung (Art. 16 DSGVO): one person's data corrected across the cases chosen, in one step."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.errors import KrmError, ValidationError
from krm_desktop.model.persons.correction import CORRECTABLE, FIELD_LABELS, correct_person
from krm_desktop.model.persons.person import Person
from krm_desktop.ui.widgets.fields import ERROR_STYLE

KEY_ROLE = Qt.ItemDataRole.UserRole


class CorrectionDialog(QDialog):
    """Berichtigung (Art. 16 DSGVO): the person's data as last stored, editable; the cases to correct in."""

    def __init__(self, person: Person, *, today: date, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person, self.today, self.user = person, today, user
        self.setWindowTitle(f"Daten berichtigen – {person.name}")
        self.setMinimumWidth(560)
        latest = person.latest
        self.fields: dict[str, Any] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for name in CORRECTABLE:
            if name == "salutation":
                widget: Any = QComboBox()
                for code, caption in ((None, "(keine)"), ("frau", "Frau"), ("herr", "Herr"), ("divers", "divers")):
                    widget.addItem(caption, code)
                widget.setCurrentIndex(max(widget.findData(latest.salutation), 0))
            else:
                widget = QLineEdit(str(getattr(latest, name) or ""))
            widget.setAccessibleName(FIELD_LABELS[name])
            widget.setEnabled(not person.employee or name == "name")
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            self.fields[name], self.errors[name] = widget, error
            box = QVBoxLayout()
            box.addWidget(widget)
            box.addWidget(error)
            form.addRow(f"{FIELD_LABELS[name]}:", box)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("z. B. Mitteilung der Kundin vom 20.11.2026")
        self.reason.setAccessibleName("Anlass der Berichtigung")
        self.errors["reason"] = QLabel()
        self.errors["reason"].setStyleSheet(ERROR_STYLE)
        self.errors["reason"].hide()
        form.addRow("&Anlass:", self.reason)
        form.addRow("", self.errors["reason"])
        self.case_list = QListWidget()
        self.case_list.setAccessibleName("Kundenreaktionen, in denen berichtigt wird")
        for case in person.cases:
            item = QListWidgetItem(f"{case.ref} · {case.kind_label} · {case.role_label}")
            item.setData(KEY_ROLE, case.case_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.case_list.addItem(item)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Berichtigen", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Abbrechen", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("In diesen Kundenreaktionen berichtigen:"))
        layout.addWidget(self.case_list)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def value(self, name: str) -> Any:
        widget = self.fields[name]
        return widget.currentData() if isinstance(widget, QComboBox) else widget.text()

    def changes(self) -> dict[str, Any]:
        latest = self.person.latest
        found: dict[str, Any] = {}
        for name in CORRECTABLE:
            new, old = self.value(name), getattr(latest, name)
            if (new.strip() if isinstance(new, str) else new) != ((old or "").strip() if isinstance(old, str) else old):
                found[name] = new
        return found

    def chosen_cases(self) -> set[int]:
        items = (self.case_list.item(i) for i in range(self.case_list.count()))
        return {item.data(KEY_ROLE) for item in items if item.checkState() == Qt.CheckState.Checked}

    def save(self) -> bool:
        for label_widget in self.errors.values():
            label_widget.setText("")
            label_widget.hide()
        self.message.setText("")
        try:
            refs = correct_person(
                self.person,
                self.changes(),
                reason=self.reason.text(),
                today=self.today,
                user=self.user,
                case_ids=self.chosen_cases(),
            )
        except ValidationError as exc:
            for name, text in exc.errors.items():
                shown = self.errors.get(name, self.message)
                shown.setText(text)
                shown.show()
            if not any(name in self.errors for name in exc.errors):
                self.message.setText(exc.message)
            return False
        except KrmError as exc:
            self.message.setText(exc.message)
            return False
        self.corrected: list[str] = refs
        self.accept()
        return True
