"""The person view's "Ähnliche Namen – bitte prüfen": names that only sound or are spelled like the searched one.

They are candidates (`model.persons.matching.similar_persons`), not search results: each is listed with why it was
found, its cases show beside it when selected, and only "Diese Person meinen" makes it a result of the search.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from krm_desktop.model.persons.matching import MAX_SIMILAR, SOUNDS_ALIKE, SimilarPerson
from krm_desktop.model.persons.person import Person

INDEX_ROLE = Qt.ItemDataRole.UserRole


def short_reason(why: str) -> str:
    """The reason as the list says it: "klingt gleich" or "ähnlich geschrieben (… Zeichen anders)"."""
    if why == SOUNDS_ALIKE:
        return "klingt gleich"
    return why.replace("ähnliche Schreibweise", "ähnlich geschrieben")


class SimilarNames(QWidget):
    shown = Signal(object)  # the selected candidate's Person, or None when none is selected
    confirmed = Signal(object)  # the Person the desk means

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.candidates: list[SimilarPerson] = []
        title = QLabel("<b>Ähnliche Namen – bitte prüfen</b>")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Ähnliche Namen, noch nicht bestätigt")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemSelectionChanged.connect(self._selected)
        self.confirm_button = QPushButton("Diese Person &meinen")
        self.confirm_button.setToolTip("Den markierten ähnlichen Namen als gesuchte Person übernehmen")
        self.confirm_button.clicked.connect(self.confirm)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.show_candidates([], False)

    def show_candidates(self, candidates: list[SimilarPerson], more: bool) -> None:
        self.candidates = list(candidates)
        self._fill()
        self.hint.setText(
            "Sie klingen gleich oder sind ähnlich geschrieben und können andere Menschen sein: erst mit „Diese "
            "Person meinen“ zählt einer zum Suchergebnis."
            + (f" Es gibt mehr als {MAX_SIMILAR}; bitte genauer suchen (z. B. Vor- und Nachname)." if more else "")
        )
        self.setVisible(bool(self.candidates))

    def current(self) -> SimilarPerson | None:
        items = self.list.selectedItems()
        return self.candidates[int(items[0].data(INDEX_ROLE))] if items else None

    def clear_selection(self) -> None:
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.blockSignals(False)
        self.confirm_button.setEnabled(False)

    def confirm(self) -> Person | None:
        """The selected candidate leaves the list and is handed on as the meant person."""
        chosen = self.current()
        if chosen is None:
            return None
        self.candidates.remove(chosen)
        self._fill()
        self.setVisible(bool(self.candidates))
        self.confirmed.emit(chosen.person)
        return chosen.person

    def _fill(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for index, candidate in enumerate(self.candidates):
            name, _, details = candidate.person.describe().partition(" – ")
            item = QListWidgetItem(f"{name} – {short_reason(candidate.why)}\n{details}")
            item.setData(INDEX_ROLE, index)
            item.setToolTip(f"Gefunden wegen: {candidate.why}. Schreibweisen: " + "; ".join(candidate.person.spellings))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.confirm_button.setEnabled(False)

    def _selected(self) -> None:
        chosen = self.current()
        self.confirm_button.setEnabled(chosen is not None)
        self.shown.emit(chosen.person if chosen else None)
