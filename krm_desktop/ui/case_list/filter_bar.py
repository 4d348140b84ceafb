"""The filter bar: Status, Anliegensart, Eingangsweg, Team, Jahr, "nur meine" and the search field."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.case_list.filters import NO_TEAM, CaseFilter
from krm_desktop.model.codes import CHANNELS, KINDS, STATUS_CLOSED, STATUS_OPEN

SEARCH_DELAY_MS = 250  # typing pauses this long before the list follows (Enter: at once)
DEFAULT_FILTER = CaseFilter(status=STATUS_OPEN)  # the day starts with the open cases


def _combo(accessible: str, everything: str, items: list[tuple[str, object]]) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(accessible)
    box.addItem(everything, None)
    for text, value in items:
        box.addItem(text, value)
    # Narrow enough for a 1280-pixel screen; the open list shows the full texts.
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(8)
    return box


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self.status = _combo("Status", "alle Status", [("offen", STATUS_OPEN), ("abgeschlossen", STATUS_CLOSED)])
        kinds = sorted(KINDS.items(), key=lambda item: item[1].casefold())
        self.kind = _combo("Anliegensart", "alle Anliegensarten", [(text, code) for code, text in kinds])
        channels = sorted(CHANNELS.items(), key=lambda item: item[1].casefold())
        self.channel = _combo("Eingangsweg", "alle Eingangswege", [(text, code) for code, text in channels])
        self.team = _combo("Team", "alle Teams", [])
        self.year = _combo("Jahr", "alle Jahre", [])
        self.mine = QCheckBox("nur &meine")
        self.mine.setAccessibleName("nur meine")
        self.mine.setToolTip("Nur Kundenreaktionen, die Sie selbst erfasst haben")
        self.search = QLineEdit()
        self.search.setAccessibleName("Suche")
        self.search.setPlaceholderText("Suchen: Az., Name, Kundennr., BG-Nr., Betreff, Text (Strg+F)")
        self.search.setClearButtonEnabled(True)
        self.reset_button = QPushButton("Filter &zurücksetzen")
        self.reset_button.setAccessibleName("Filter zurücksetzen")
        # Two rows, so that the window fits a 1280-pixel screen: the search, then the choices.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        first, second = QHBoxLayout(), QHBoxLayout()
        search_label = QLabel("&Suche:")
        search_label.setBuddy(self.search)
        first.addWidget(search_label)
        first.addWidget(self.search, 1)
        first.addWidget(self.mine)
        first.addWidget(self.reset_button)
        for text, widget in (
            ("S&tatus:", self.status),
            ("A&rt:", self.kind),
            ("Ein&gangsweg:", self.channel),
            ("T&eam:", self.team),
            ("&Jahr:", self.year),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            second.addWidget(label)
            second.addWidget(widget, 1)
        layout.addLayout(first)
        layout.addLayout(second)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._emit)
        for box in (self.status, self.kind, self.channel, self.team, self.year):
            box.currentIndexChanged.connect(self._emit)
        self.mine.toggled.connect(self._emit)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._emit)
        self.reset_button.clicked.connect(self.reset)

    def focus_order(self) -> list[QWidget]:
        return [self.search, self.mine, self.reset_button, self.status, self.kind, self.channel, self.team, self.year]

    def set_teams(self, teams: list[tuple[int, str, bool]]) -> None:
        self._refill(
            self.team, [(n if active else f"{n} (inaktiv)", i) for i, n, active in teams] + [("ohne Team", NO_TEAM)]
        )

    def set_years(self, years: list[int]) -> None:
        self._refill(self.year, [(str(y), y) for y in years])

    def _refill(self, box: QComboBox, items: list[tuple[str, object]]) -> None:
        """New choices; the chosen one stays when it is still there."""
        current = box.currentData()
        self._quiet = True
        try:
            while box.count() > 1:
                box.removeItem(1)
            for text, value in items:
                box.addItem(text, value)
            index = box.findData(current) if current is not None else 0
            box.setCurrentIndex(max(index, 0))
        finally:
            self._quiet = False
        if current is not None and box.currentData() != current:
            self._emit()

    def value(self, tile: str | None = None) -> CaseFilter:
        return CaseFilter(
            status=self.status.currentData(),
            kind=self.kind.currentData(),
            channel=self.channel.currentData(),
            team=self.team.currentData(),
            year=self.year.currentData(),
            mine=self.mine.isChecked(),
            search=self.search.text().strip(),
            tile=tile,
        )

    def set_value(self, flt: CaseFilter) -> None:
        """Show a filter without announcing each step; one `changed` at the end."""
        self.show_value(flt)
        self._emit()

    def show_value(self, flt: CaseFilter) -> None:
        """Show a filter without announcing it."""
        self._quiet = True
        try:
            for box, value in (
                (self.status, flt.status),
                (self.kind, flt.kind),
                (self.channel, flt.channel),
                (self.team, flt.team),
                (self.year, flt.year),
            ):
                box.setCurrentIndex(max(box.findData(value), 0) if value is not None else 0)
            self.mine.setChecked(flt.mine)
            self.search.setText(flt.search)
            self._search_timer.stop()
        finally:
            self._quiet = False

    def reset(self) -> None:
        self.set_value(DEFAULT_FILTER)

    def apply_search_now(self) -> None:
        if self._search_timer.isActive():
            self._search_timer.stop()
            self._emit()

    def _emit(self, *_args: object) -> None:
        if not self._quiet:
            self._search_timer.stop()
            self.changed.emit()
