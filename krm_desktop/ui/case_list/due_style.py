"""How a due state looks: background and text colour (light and dark palette) and a drawn icon.

Colour is never the only carrier: the cell says the state in words and the icon differs in shape
(triangle with "!" = überfällig, clock = bald fällig, tick = im Plan, filled square = abgeschlossen).
Each palette sets its own text colour, so the contrast (WCAG 2.x, see `contrast_ratio`) holds whatever
the system's text colour is.
"""

from __future__ import annotations

import base64
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QGuiApplication, QImage, QPixmap

from krm_desktop.model.time.deadlines import DueState

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
    """Colours and icons for one palette (light or dark), made once and reused for every cell.

    The colours are QColors (Qt's delegate makes the brushes): a QBrush made in Python, like painting with a
    QPainter pen or brush, makes PySide6 create its `Qt` enum namespace (some 50 ms, see case_table_model),
    which the start must not wait for. For the same reason the icons are read from PNG images stored in
    `due_icons` (drawn by `draw_icon`; `python -m krm_desktop.ui.case_list.due_style` draws and stores them again)."""

    def __init__(self, dark: bool) -> None:
        self.dark = dark
        colours = DARK if dark else LIGHT
        self.background = {state: QColor(bg) for state, (bg, _) in colours.items()}
        self.foreground = {state: QColor(fg) for state, (_, fg) in colours.items()}
        self.icons = {state: stored_icon(state, dark) for state in ICON_FILL}


ICON_SIZE = 16
ICON_RATIO = 2  # drawn at double size: sharp on high-density screens too


def icon_key(state: DueState, dark: bool) -> str:
    return f"{state.value}-{'dark' if dark else 'light'}"


def stored_icon(state: DueState, dark: bool) -> QPixmap:
    from krm_desktop.ui.case_list.due_icons import PNG

    png = base64.b64decode(PNG[icon_key(state, dark)])
    # the format named: Qt need not ask every image plugin (PySide6 takes it as str, its stubs say bytes)
    pixmap = QPixmap.fromImage(QImage.fromData(png, "PNG"))  # type: ignore[arg-type]
    pixmap.setDevicePixelRatio(ICON_RATIO)
    return pixmap


def draw_icon(state: DueState, dark: bool) -> QImage:
    """The icon of a state, drawn: the outline follows the palette's text colour."""
    from PySide6.QtCore import QPointF, QRectF
    from PySide6.QtGui import QPainter, QPainterPath, QPen

    outline = QColor("#ffffff" if dark else "#000000")
    image = QImage(ICON_SIZE * ICON_RATIO, ICON_SIZE * ICON_RATIO, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)  # transparent
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(ICON_RATIO, ICON_RATIO)
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
    return image


def _png(image: QImage) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


def write_icons(path: Path) -> None:
    """Draw every icon and store the PNGs in due_icons.py."""
    lines = [
        '"""The due-state icons as PNG images (base64), drawn by due_style.draw_icon.',
        "",
        "Generated by `python -m krm_desktop.ui.case_list.due_style`: change the drawing there, then run it again.",
        '"""',
        "",
        "PNG = {",
    ]
    for dark in (False, True):
        for state in ICON_FILL:
            encoded = base64.b64encode(_png(draw_icon(state, dark))).decode("ascii")
            lines.append(f'    "{icon_key(state, dark)}": (')
            lines.extend(f'        "{encoded[i : i + 100]}"' for i in range(0, len(encoded), 100))
            lines.append("    ),")
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    from PySide6.QtGui import QGuiApplication as _App

    _app = _App(sys.argv)
    write_icons(Path(__file__).with_name("due_icons.py"))
