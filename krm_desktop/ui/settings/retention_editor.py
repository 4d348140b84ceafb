"""The retention rule of the profile: the method and its years, with the rule said in words below."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from krm_desktop.model.office.profile_checks import retention_problems
from krm_desktop.model.office.profiles import (
    RETENTION_BA,
    RETENTION_WHOLE_TO_THE_DAY,
    RETENTION_WHOLE_YEAR_END,
    RetentionRule,
)
from krm_desktop.ui.settings.number_field import NumberField
from krm_desktop.ui.widgets.fields import CodeBox, FieldErrors, add_row, hint

METHODS = (
    (RETENTION_BA, "BA-Regel: erst anonymisieren, später vollständig löschen"),
    (RETENTION_WHOLE_TO_THE_DAY, "Vollständig löschen, taggenau nach Erledigung"),
    (RETENTION_WHOLE_YEAR_END, "Vollständig löschen zum Jahresende"),
)


class RetentionEditor(QWidget):
    edited = Signal()

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editable = True
        self.method = CodeBox("Löschregel", METHODS)
        self.personal_years = NumberField("Jahre bis zur Anonymisierung")
        self.petition_years = NumberField("Jahre bis zur Anonymisierung bei Petitionen und Eingaben")
        self.delete_years = NumberField("Jahre bis zur vollständigen Löschung")
        self.words = QLabel()
        self.words.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        add_row(form, errors, "retention.method", "&Löschregel", self.method)
        self._personal = add_row(
            form, errors, "retention.personal_years", "&Anonymisierung nach (Jahren)", self.personal_years
        )
        self._petition = add_row(
            form, errors, "retention.petition_years", "bei &Petitionen/Eingaben (Jahren)", self.petition_years
        )
        add_row(
            form,
            errors,
            "retention.delete_years",
            "&Vollständige Löschung nach (Jahren)",
            self.delete_years,
            note="Gezählt wird ab dem Jahr der Erledigung; offene Fälle werden nie gelöscht.",
        )
        form.addRow("Die Regel in Worten:", self.words)
        form.addRow("", hint("Zulässig sind 1 bis 30 Jahre."))
        self.method.currentIndexChanged.connect(lambda _index: self._follow())
        for field in (self.personal_years, self.petition_years, self.delete_years):
            field.textEdited.connect(lambda _text: self._follow())

    def show_rule(self, rule: RetentionRule) -> None:
        self.method.set_code(rule.method)
        self.personal_years.set_value(rule.personal_years)
        self.petition_years.set_value(rule.petition_years)
        self.delete_years.set_value(rule.delete_years)
        self._follow(emit=False)

    def data(self) -> dict[str, Any]:
        return {
            "method": self.method.code(),
            "personal_years": self.personal_years.value(),
            "delete_years": self.delete_years.value(),
            "petition_years": self.petition_years.value(),
        }

    def _follow(self, *, emit: bool = True) -> None:
        """Only the BA rule anonymises first; the rule in words follows what is typed, once it is valid."""
        anonymises = self.method.code() == RETENTION_BA
        for widget in (self.personal_years, self.petition_years, self._personal, self._petition):
            widget.setEnabled(anonymises and self._editable)
        data = self.data()
        if retention_problems(data):
            self.words.setText("– erscheint, sobald die Jahre gültig sind –")
        else:
            self.words.setText(RetentionRule(**data).describe() + ".")
        if emit:
            self.edited.emit()

    def state(self) -> tuple[object, ...]:
        return (
            self.method.currentIndex(),
            self.personal_years.text(),
            self.petition_years.text(),
            self.delete_years.text(),
        )

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.method.setEnabled(editable)
        self.delete_years.setEnabled(editable)
        self._follow(emit=False)
