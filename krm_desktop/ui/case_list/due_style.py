"""How a due state looks: background and text colour (light and dark palette) and an icon.

Colour is never the only carrier: the cell says the state in words and the icon differs in shape
(triangle with "!" = überfällig, clock = bald fällig, tick = im Plan, filled square = abgeschlossen).
Each palette sets its own text colour, so the contrast (WCAG 2.x, see `contrast_ratio`) holds whatever
the system's text colour is. The icons are PNG files in resources/icons/, one for each state and palette.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QGuiApplication, QPixmap

from krm_desktop.model.time.deadlines import DueState
from krm_desktop.resources import resource_path

# state -> (background, text) for a light and a dark palette
LIGHT: dict[DueState, tuple[str, str]] = {
    DueState.OVERDUE: ("#f7c6c6", "#000000"),
    DueState.DUE_SOON: ("#ffe08a", "#000000"),
    DueState.ON_TRACK: ("#c8e8cf", "#000000"),
    DueState.CLOSED: ("#e0e0e0", "#000000"),
}
DARK: dict[DueState, tuple[str, str]] = {
    DueState.OVERDUE: ("#7d1f24", "#ffffff"),
    DueState.DUE_SOON: ("#6b4f00", "#ffffff"),
    DueState.ON_TRACK: ("#1d5b2c", "#ffffff"),
    DueState.CLOSED: ("#484848", "#ffffff"),
}
STATE_WORDS = {
    DueState.OVERDUE: "überfällig",
    DueState.DUE_SOON: "bald fällig",
    DueState.ON_TRACK: "im Plan",
    DueState.CLOSED: "abgeschlossen",
    DueState.NO_CLOCK: "keine Frist",
}
ICON_SIZE = 16  # as shown, in device-independent pixels
ICON_RATIO = 2  # the files have twice as many pixels: sharp on high-density screens too


def _channel(value: float) -> float:
    value /= 255
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(color: QColor) -> float:
    return 0.2126 * _channel(color.red()) + 0.7152 * _channel(color.green()) + 0.0722 * _channel(color.blue())


def contrast_ratio(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def palette_is_dark() -> bool:
    palette = QGuiApplication.palette()
    return palette.color(palette.ColorRole.Base).lightness() < 128


def icon_path(state: DueState, dark: bool) -> Path:
    """The icon file of a coloured state, e.g. resources/icons/due-soon-dark.png."""
    return resource_path("icons", f"{state.value.replace('_', '-')}-{'dark' if dark else 'light'}.png")


def load_icon(state: DueState, dark: bool) -> QPixmap:
    pixmap = QPixmap(str(icon_path(state, dark)))
    pixmap.setDevicePixelRatio(ICON_RATIO)
    return pixmap


class DueStyle:
    """Colours and icons for one palette (light or dark), made once and reused for every cell."""

    def __init__(self, dark: bool) -> None:
        self.dark = dark
        colours = DARK if dark else LIGHT
        self.background = {state: QColor(bg) for state, (bg, _) in colours.items()}
        self.foreground = {state: QColor(fg) for state, (_, fg) in colours.items()}
        self.icons = {state: load_icon(state, dark) for state in colours}
