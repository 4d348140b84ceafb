"""How a due state looks: background and text colour (light and dark palette) and a drawn icon.

Colour is never the only carrier: the cell says the state in words and the icon differs in shape
(triangle with "!" = überfällig, clock = bald fällig, tick = im Plan, filled square = abgeschlossen).
Each palette sets its own text colour, so the contrast (WCAG 2.x, see `contrast_ratio`) holds whatever
the system's text colour is.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QIcon, QPainter, QPainterPath, QPen, QPixmap

from krm_desktop.model.deadlines import DueState

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
# Icon fill per state (the outline follows the palette's text colour).
ICON_FILL = {
    DueState.OVERDUE: "#c62828",
    DueState.DUE_SOON: "#e0a000",
    DueState.ON_TRACK: "#2e7d32",
    DueState.CLOSED: "#757575",
}
STATE_WORDS = {
    DueState.OVERDUE: "überfällig",
    DueState.DUE_SOON: "bald fällig",
    DueState.ON_TRACK: "im Plan",
    DueState.CLOSED: "abgeschlossen",
    DueState.NO_CLOCK: "keine Frist",
}


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


class DueStyle:
    """Brushes and icons for one palette (light or dark), made once and reused for every cell."""

    def __init__(self, dark: bool) -> None:
        self.dark = dark
        colours = DARK if dark else LIGHT
        self.background = {state: QBrush(QColor(bg)) for state, (bg, _) in colours.items()}
        self.foreground = {state: QBrush(QColor(fg)) for state, (_, fg) in colours.items()}
        outline = QColor("#ffffff" if dark else "#000000")
        self.icons = {state: _icon(state, outline) for state in ICON_FILL}


def _icon(state: DueState, outline: QColor, size: int = 16) -> QIcon:
    ratio = 2  # drawn at double size: sharp on high-density screens too
    pixmap = QPixmap(size * ratio, size * ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(ratio, ratio)
    fill = QColor(ICON_FILL[state])
    painter.setPen(QPen(outline, 1.2))
    painter.setBrush(fill)
    if state is DueState.OVERDUE:  # warning triangle with "!"
        path = QPainterPath(QPointF(8, 1.5))
        path.lineTo(15, 14.5)
        path.lineTo(1, 14.5)
        path.closeSubpath()
        painter.drawPath(path)
        painter.setPen(QPen(QColor("#ffffff"), 2.0))
        painter.drawLine(QPointF(8, 5.5), QPointF(8, 9.8))
        painter.drawPoint(QPointF(8, 12.2))
    elif state is DueState.DUE_SOON:  # clock
        painter.drawEllipse(QRectF(1.5, 1.5, 13, 13))
        painter.setPen(QPen(QColor("#000000"), 1.6))
        painter.drawLine(QPointF(8, 8), QPointF(8, 3.8))
        painter.drawLine(QPointF(8, 8), QPointF(11.2, 9.8))
    elif state is DueState.ON_TRACK:  # tick in a circle
        painter.drawEllipse(QRectF(1.5, 1.5, 13, 13))
        painter.setPen(QPen(QColor("#ffffff"), 2.0))
        painter.drawPolyline([QPointF(4.6, 8.2), QPointF(7.0, 10.8), QPointF(11.6, 5.4)])
    else:  # closed: filled square
        painter.drawRect(QRectF(2.5, 2.5, 11, 11))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return QIcon(pixmap)


def bold(font: QFont) -> QFont:
    font = QFont(font)
    font.setBold(True)
    return font
