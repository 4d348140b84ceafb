"""The dashboard strip: six counts that are also filters (click again to leave the filter)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from krm_desktop.model.case_list.overview import TILES, Overview

# Tiles that need attention get a coloured edge when their count is not zero (the number and the
# caption carry the meaning; the edge only helps to find them).
ALERT = {"overdue": "red", "due_today": "amber", "ack_pending": "amber"}
# One style sheet for the whole strip; the number is 1.8 times the normal size, bold.
# `edge` and `checked` are dynamic properties (Dashboard._restyle).
STYLE = """
QPushButton#tile { border: 1px solid palette(mid); border-radius: 4px; background: palette(base);
                   border-left: 6px solid palette(mid); }
QPushButton#tile[edge="red"] { border-left: 6px solid #c62828; }
QPushButton#tile[edge="amber"] { border-left: 6px solid #e0a000; }
QPushButton#tile:checked { background: palette(highlight); }
QPushButton#tile:focus { border-color: palette(highlight); border-width: 2px; }
QLabel { color: palette(text); background: transparent; }
QLabel[checked="true"] { color: palette(highlighted-text); }
QLabel#number { font-size: %.1fpt; font-weight: bold; }
"""


class Tile(QPushButton):
    """A checkable button showing a big number over its caption."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setObjectName("tile")
        self.setCheckable(True)
        self.setMinimumHeight(64)
        self.number = QLabel("–")
        self.number.setObjectName("number")
        self.caption = QLabel(caption)
        for label in (self.number, self.caption):  # clicks on them go to the button
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 4, 10, 4)
        layout.setSpacing(0)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    # A push button's size hints do not ask its layout; the tile's caption must never be cut off.
    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint().expandedTo(self.layout().totalMinimumSize())

    def sizeHint(self) -> QSize:
        return super().sizeHint().expandedTo(self.layout().totalSizeHint())


class Dashboard(QWidget):
    tile_selected = Signal(object)  # tile code or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles: dict[str, Tile] = {}
        self.counts: dict[str, int] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.setStyleSheet(STYLE % (self.fontInfo().pointSizeF() * 1.8))
        for code, caption in TILES.items():
            button = Tile(caption)  # a push button takes the focus by tab and by click (Qt's StrongFocus)
            button.setToolTip(f"Nur die Kundenreaktionen zeigen, die „{caption}“ zählt (noch einmal klicken: alle)")
            button.clicked.connect(lambda checked, c=code: self._clicked(c, checked))
            layout.addWidget(button, 1)  # the tiles share the width equally
            self.tiles[code] = button
            self._show(code, None)

    def _show(self, code: str, count: int | None) -> None:
        caption = TILES[code]
        button = self.tiles[code]
        number = "–" if count is None else f"{count:,}".replace(",", ".")
        button.number.setText(number)
        button.setAccessibleName(f"{caption}: {number}")
        button.setAccessibleDescription("Schaltet die Liste auf diese Kundenreaktionen um")
        edge = (ALERT.get(code) if count else None) or ""
        if button.property("edge") != edge:
            button.setProperty("edge", edge)
            if button.isVisible():  # (before the first show the style sheet is applied anyway)
                self._restyle(button)

    @staticmethod
    def _restyle(widget: QWidget) -> None:
        """Apply the strip's style sheet again after a dynamic property changed."""
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def _label_colours(self, button: Tile) -> None:
        checked = button.isChecked()
        for label in (button.number, button.caption):
            if bool(label.property("checked")) != checked:
                label.setProperty("checked", checked)
                self._restyle(label)

    def set_overview(self, figures: Overview) -> None:
        for code in TILES:
            count = int(getattr(figures, code))
            self.counts[code] = count
            self._show(code, count)

    def number(self, code: str) -> str:
        return self.tiles[code].number.text()

    def active(self) -> str | None:
        return next((code for code, button in self.tiles.items() if button.isChecked()), None)

    def set_active(self, tile: str | None) -> None:
        for code, button in self.tiles.items():
            button.setChecked(code == tile)
            self._label_colours(button)

    def _clicked(self, code: str, checked: bool) -> None:
        self.set_active(code if checked else None)
        self.tile_selected.emit(code if checked else None)
