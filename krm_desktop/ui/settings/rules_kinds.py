"""The deadline rules of each kind as one compact table: a row per kind with clocks (not the Meinungskarte), the
acknowledgement and the answer rule, and the channels whose reactions start the acknowledgement clock."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QSizePolicy, QWidget

from krm_desktop.model.codes import CHANNELS, KINDS
from krm_desktop.model.office.profiles import (
    ACK_CHANNELS,
    CALENDAR,
    FROM_ACK_SENT,
    FROM_RECEIVED,
    RULE_KINDS,
    WORKING,
    OfficeProfile,
)
from krm_desktop.ui.settings.number_field import NumberField
from krm_desktop.ui.widgets.fields import FieldErrors

UNIT_CHOICES = ((WORKING, "Arbeitstage"), (CALENDAR, "Kalendertage"))
START_CHOICES = ((FROM_RECEIVED, "nach Eingang"), (FROM_ACK_SENT, "nach Versand der Eingangsbestätigung"))
_FIRST_ROW = 2  # below the two header rows
_CHANNELS_COLUMN = 6


def _choice_box(label: str, choices: tuple[tuple[str, str], ...]) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(label)
    for code, text in choices:
        box.addItem(text, code)
    box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return box


def _set_choice(box: QComboBox, code: str) -> None:
    index = box.findData(code)
    box.setCurrentIndex(max(index, 0))


class KindRow:
    """The widgets of one kind's row."""

    def __init__(self, kind: str) -> None:
        name = KINDS[kind]
        self.kind = kind
        self.label = QLabel(name)
        self.ack_count = NumberField(f"{name}: Tage bis zur Eingangsbestätigung")
        self.ack_unit = _choice_box(f"{name}: Eingangsbestätigung zählt", UNIT_CHOICES)
        self.final_count = NumberField(f"{name}: Tage bis zur abschließenden Antwort")
        self.final_unit = _choice_box(f"{name}: Antwortfrist zählt", UNIT_CHOICES)
        self.final_start = _choice_box(f"{name}: Antwortfrist beginnt", START_CHOICES)
        self.channels = {
            code: QCheckBox(accessibleName=f"{name}: Eingangsbestätigung bei Eingang per {CHANNELS[code]}")
            for code in ACK_CHANNELS
        }
        for box in self.channels.values():
            box.setToolTip(box.accessibleName())

    def inputs(self) -> list[QWidget]:
        return [
            self.ack_count,
            self.ack_unit,
            self.final_count,
            self.final_unit,
            self.final_start,
            *self.channels.values(),
        ]

    def show_rule(self, profile: OfficeProfile) -> None:
        rule = profile.rule_for(self.kind)
        self.ack_count.set_value(rule.ack.count)
        _set_choice(self.ack_unit, rule.ack.unit)
        self.final_count.set_value(rule.final.count)
        _set_choice(self.final_unit, rule.final.unit)
        _set_choice(self.final_start, rule.final.start)
        for code, box in self.channels.items():
            box.setChecked(code in rule.ack_channels)

    def data(self) -> dict[str, Any]:
        """The row as the profile stores a kind's rule; a count typed wrongly stays as typed."""
        return {
            "ack": {"count": self.ack_count.value(), "unit": self.ack_unit.currentData(), "start": FROM_RECEIVED},
            "final": {
                "count": self.final_count.value(),
                "unit": self.final_unit.currentData(),
                "start": self.final_start.currentData(),
            },
            "ack_channels": [code for code, box in self.channels.items() if box.isChecked()],
        }

    def state(self) -> tuple[object, ...]:
        return (
            self.ack_count.text(),
            self.ack_unit.currentIndex(),
            self.final_count.text(),
            self.final_unit.currentIndex(),
            self.final_start.currentIndex(),
            tuple(box.isChecked() for box in self.channels.values()),
        )


class KindRulesTable(QWidget):
    """One row per kind with clocks; its error lines sit under the row, below the columns they concern."""

    edited = Signal()

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = {kind: KindRow(kind) for kind in RULE_KINDS}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self._headers(grid)
        for number, row in enumerate(self.rows.values()):
            line = _FIRST_ROW + 2 * number
            grid.addWidget(row.label, line, 0)
            grid.addWidget(row.ack_count, line, 1)
            grid.addWidget(row.ack_unit, line, 2)
            grid.addWidget(row.final_count, line, 3)
            grid.addWidget(row.final_unit, line, 4)
            grid.addWidget(row.final_start, line, 5)
            for offset, box in enumerate(row.channels.values()):
                grid.addWidget(box, line, _CHANNELS_COLUMN + offset, Qt.AlignmentFlag.AlignHCenter)
            prefix = f"kinds.{row.kind}"
            grid.addWidget(errors.add(f"{prefix}.ack", row.ack_count), line + 1, 1, 1, 2)
            grid.addWidget(errors.add(f"{prefix}.final", row.final_count), line + 1, 3, 1, 3)
            first_box = next(iter(row.channels.values()))
            grid.addWidget(errors.add(f"{prefix}.ack_channels", first_box), line + 1, _CHANNELS_COLUMN, 1, 5)
            row.label.setBuddy(row.ack_count)
            self._watch(row, errors, prefix)
        grid.setColumnStretch(_CHANNELS_COLUMN + len(ACK_CHANNELS), 1)

    def _headers(self, grid: QGridLayout) -> None:
        for text, column, span in (
            ("Eingangsbestätigung", 1, 2),
            ("Abschließende Antwort", 3, 3),
            ("Eingangsbestätigung bei Eingang per", _CHANNELS_COLUMN, len(ACK_CHANNELS)),
        ):
            title = QLabel(f"<b>{text}</b>")
            grid.addWidget(title, 0, column, 1, span, Qt.AlignmentFlag.AlignLeft)
        titles = ["Anliegensart", "Tage", "zählt", "Tage", "zählt", "Frist beginnt"]
        titles += [CHANNELS[code] for code in ACK_CHANNELS]
        for column, text in enumerate(titles):
            align = Qt.AlignmentFlag.AlignHCenter if column >= _CHANNELS_COLUMN else Qt.AlignmentFlag.AlignLeft
            grid.addWidget(QLabel(text), 1, column, align)

    def _watch(self, row: KindRow, errors: FieldErrors, prefix: str) -> None:
        for field, key in ((row.ack_count, "ack"), (row.final_count, "final")):
            field.textEdited.connect(lambda _text, k=f"{prefix}.{key}": errors.clear(k))
            field.textEdited.connect(lambda _text: self.edited.emit())
        for box in (row.ack_unit, row.final_unit, row.final_start):
            box.currentIndexChanged.connect(lambda _index: self.edited.emit())
        for check in row.channels.values():
            check.toggled.connect(lambda _on, k=f"{prefix}.ack_channels": errors.clear(k))
            check.toggled.connect(lambda _on: self.edited.emit())

    def show_profile(self, profile: OfficeProfile) -> None:
        for row in self.rows.values():
            row.show_rule(profile)

    def kinds_data(self, profile: OfficeProfile) -> dict[str, dict[str, Any]]:
        """The kinds whose row differs from the profile's default rules, as the profile stores them."""
        defaults = {
            "ack": {"count": profile.ack.count, "unit": profile.ack.unit, "start": profile.ack.start},
            "final": {"count": profile.final.count, "unit": profile.final.unit, "start": profile.final.start},
            "ack_channels": list(profile.ack_channels),
        }
        return {kind: data for kind, row in self.rows.items() if (data := row.data()) != defaults}

    def state(self) -> tuple[object, ...]:
        return tuple(row.state() for row in self.rows.values())

    def set_editable(self, editable: bool) -> None:
        for row in self.rows.values():
            for widget in row.inputs():
                if isinstance(widget, NumberField):
                    widget.setReadOnly(not editable)  # read-only text stays legible
                else:
                    widget.setEnabled(editable)
