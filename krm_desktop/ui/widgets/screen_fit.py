"""Windows take their preferred size, but never more than the screen they open on has room for.

The smallest screen the program supports is 1366×768 (DESIGN.md §3); a window that is larger there puts its
buttons below the screen's edge. `fitted_size` is the pure rule (tests pass a 1366×768 rectangle);
`fit_on_screen` applies it to a window on the screen it is on (or the primary screen).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# What the window manager adds around a window: the title bar above, a thin frame at the sides and below.
FRAME_WIDTH = 16
FRAME_HEIGHT = 48
PREFERRED = "preferred_size"  # the property fit_on_screen keeps the asked-for size in


def preferred_size(widget: QWidget) -> QSize | None:
    """The size `widget` asked for in fit_on_screen (what it takes on a large screen), or None."""
    value = widget.property(PREFERRED)
    return value if isinstance(value, QSize) else None


def room_on(available: QRect) -> QSize:
    """The largest window (without its frame) that fits into the screen's available geometry."""
    return QSize(max(available.width() - FRAME_WIDTH, 200), max(available.height() - FRAME_HEIGHT, 150))


def fitted_size(width: int, height: int, available: QRect) -> QSize:
    """The preferred size, cut down to what `available` (a screen's available geometry) has room for."""
    return QSize(width, height).boundedTo(room_on(available))


def available_geometry(widget: QWidget) -> QRect | None:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fit_on_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize `widget` to width×height, or smaller where its screen has less room."""
    widget.setProperty(PREFERRED, QSize(width, height))
    available = available_geometry(widget)
    size = fitted_size(width, height, available) if available is not None else QSize(width, height)
    widget.resize(size)


def scrolling(content: QWidget) -> QScrollArea:
    """`content` in a frameless scroll area: a form taller than the screen scrolls, the buttons below it stay."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area
