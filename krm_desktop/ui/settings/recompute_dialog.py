"""Before changed rules are saved: which open cases' stored deadlines the new rules would give other dates, listed
first, and the choice to recompute them or to apply the rules to new cases only."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.cases.deadline_recompute import DeadlineChange
from krm_desktop.ui.widgets.fields import hint
from krm_desktop.ui.widgets.screen_fit import fit_on_screen

RECOMPUTE = "recompute"
NEW_ONLY = "new_only"
CLOCKS = (("ack_due", "Eingangsbestätigung"), ("final_due", "Antwort"), ("gf_due", "Vorlage an die GF"))


def _day(value: date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else "keine"


def _cell(change: DeadlineChange, name: str) -> str:
    """ "03.12.2026 → 10.12.2026", or the date with "(bleibt)" when this deadline does not change."""
    before, after = getattr(change.old, name), getattr(change.new, name)
    if before == after:
        return f"{_day(before)} (bleibt)" if before else "–"
    return f"{_day(before)} → {_day(after)}"


def _cases(count: int) -> str:
    return "1 offenen Fall" if count == 1 else f"{count} offenen Fällen"


class RecomputeDialog(QDialog):
    """`choice` is RECOMPUTE, NEW_ONLY or None (cancelled: nothing is saved)."""

    def __init__(self, changes: Sequence[DeadlineChange], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Geänderte Fristen offener Fälle")
        self.choice: str | None = None
        count = len(changes)
        intro = QLabel(
            f"Nach den geänderten Regeln ergäben sich bei <b>{_cases(count)}</b> andere Fristen als die "
            "gespeicherten. Gespeicherte Fristen ändern sich nur, wenn Sie die Neuberechnung bestätigen:"
        )
        intro.setWordWrap(True)
        clocks = [
            (name, text)
            for name, text in CLOCKS
            if any(getattr(c.old, name) != getattr(c.new, name) for c in changes) or name != "gf_due"
        ]
        titles = ["Aktenzeichen"] + [f"{text}: bisher → neu" for _name, text in clocks] + ["Hinweis"]
        self.table = QTableWidget(count, len(titles))
        self.table.setAccessibleName("Offene Fälle mit geänderten Fristen")
        self.table.setHorizontalHeaderLabels(titles)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, change in enumerate(changes):
            note = "nach der neuen Frist schon überfällig" if change.overdue_now else ""
            cells = [change.ref, *(_cell(change, name) for name, _text in clocks), note]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        these = "dieses Falls" if count == 1 else f"dieser {count} Fälle"
        self.recompute_button = QPushButton(f"Fristen {these} &neu berechnen")
        self.new_only_button = QPushButton("Nur für neue &Fälle übernehmen")
        self.cancel_button = QPushButton("Abbrechen")
        self.recompute_button.clicked.connect(lambda: self._choose(RECOMPUTE))
        self.new_only_button.clicked.connect(lambda: self._choose(NEW_ONLY))
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(
            hint(
                "„Nur für neue Fälle“: die Regeln werden gespeichert, die Fristen der aufgeführten Fälle bleiben, "
                "wie sie sind. „Abbrechen“: nichts wird gespeichert, Ihre Eingaben bleiben auf der Seite."
            )
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.recompute_button, self.new_only_button, self.cancel_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.new_only_button.setDefault(True)
        fit_on_screen(self, 860, min(560, 200 + 26 * count))

    def rows(self) -> list[list[str]]:
        """What the list shows, row by row (for tests)."""
        return [
            [self.table.item(row, column).text() for column in range(self.table.columnCount())]
            for row in range(self.table.rowCount())
        ]

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
