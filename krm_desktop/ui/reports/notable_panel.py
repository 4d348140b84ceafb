"""Beside the report's texts: the Auffälligkeiten against the previous period (model/reports/notable.py), and a
button that copies them into the text "Auffälligkeiten" as bullet points."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from krm_desktop.model.reports.figures import Figures
from krm_desktop.model.reports.notable import Notable, notable_changes, notable_list

COPY_LABEL = "In den Text ü&bernehmen"


class NotablePanel(QGroupBox):
    copy_requested = Signal(str)  # the list as "- " lines

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Auffälligkeiten gegenüber dem Vorzeitraum", parent)
        self.items: list[Notable] = []
        self.list = QListWidget()
        self.list.setAccessibleName("Auffälligkeiten gegenüber dem Vorzeitraum")
        self.list.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.copy = QPushButton(COPY_LABEL)
        self.copy.setToolTip("Die Liste als Aufzählung an den Text „Auffälligkeiten“ anfügen, zum Kommentieren")
        self.copy.clicked.connect(lambda: self.copy_requested.emit(notable_list(self.items)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.copy)

    def show_figures(self, figures: Figures | None) -> None:
        """The list of the figures' Auffälligkeiten, or a sentence why there is none."""
        self.items = notable_changes(figures, figures.previous) if figures is not None else []
        self.list.clear()
        self.list.addItems([item.text for item in self.items])
        if figures is None:
            note = "Die Kennzahlen ließen sich nicht ermitteln."
        elif figures.empty:
            note = f"Im Zeitraum {figures.period.span_text} wurden keine Kundenreaktionen erfasst."
        elif figures.previous is None:
            note = "Für den Vorzeitraum liegen keine Daten vor; es gibt nichts zu vergleichen."
        elif not self.items:
            note = "Keine auffälligen Veränderungen gegenüber dem " + figures.previous.period.label + "."
        else:
            note = (
                f"Gegenüber dem {figures.previous.period.label}: Änderungen um mindestens die Hälfte und fünf Fälle, "
                "Fristquoten mit zehn Prozentpunkten weniger."
            )
        self.note.setText(note)
        self.list.setVisible(bool(self.items))
        self.copy.setEnabled(bool(self.items))
