"""The dashboard strip: six counts that are also filters (click again to leave the filter)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from krm_desktop.model.overview import TILES, Overview

# Tiles that need attention get a coloured edge when their count is not zero (the number and the
# caption carry the meaning; the edge only helps to find them).
ALERT = {"overdue": "#c62828", "due_today": "#e0a000", "ack_pending": "#e0a000"}


class Tile(QPushButton):
    """A checkable button showing a big number over its caption."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setCheckable(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(64)
        self.number = QLabel("–")
        self.caption = QLabel(caption)
        for label in (self.number, self.caption):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.number.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 4, 10, 4)
        layout.setSpacing(0)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)


class Dashboard(QWidget):
    tile_selected = Signal(object)  # tile code or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles: dict[str, Tile] = {}
        self.counts: dict[str, int] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for code, caption in TILES.items():
            button = Tile(caption)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setToolTip(f"Nur die Kundenreaktionen zeigen, die „{caption}“ zählt (noch einmal klicken: alle)")
            button.clicked.connect(lambda checked, c=code: self._clicked(c, checked))
            layout.addWidget(button)
            self.tiles[code] = button
            self._show(code, None)

    def _show(self, code: str, count: int | None) -> None:
        caption = TILES[code]
        button = self.tiles[code]
        number = "–" if count is None else f"{count:,}".replace(",", ".")
        button.number.setText(number)
        button.setAccessibleName(f"{caption}: {number}")
        button.setAccessibleDescription("Schaltet die Liste auf diese Kundenreaktionen um")
        edge = ALERT.get(code) if count else None
        button.setStyleSheet(
            "QPushButton { border: 1px solid palette(mid); border-radius: 4px; background: palette(base); "
            f"border-left: 6px solid {edge or 'palette(mid)'}; }}"
            "QPushButton:checked { background: palette(highlight); }"
            "QPushButton:focus { border-color: palette(highlight); border-width: 2px; }"
        )
        self._label_colours(button)

    @staticmethod
    def _label_colours(button: Tile) -> None:
        role = "highlighted-text" if button.isChecked() else "text"
        for label in (button.number, button.caption):
            label.setStyleSheet(f"QLabel {{ color: palette({role}); background: transparent; }}")

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
