"""A choice typed by its first letters, as the Meinungskarten batch needs it for tenor, topic and team."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget


class TypeAheadCombo(QComboBox):
    """A choice typed by its first letters: each field visit starts a new search, a letter that matches
    nothing starts over with that letter, the same letter again steps to the next item with it.

    QComboBox's own search keeps its typed letters across visits for a moment, so a quick "L" on one card and
    "K" on the next would look for "lk"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.typed = ""
        self._last_key = 0.0

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.typed = ""
        super().focusInEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        # Shift types capitals (German nouns: "Terminvergabe"); only Ctrl, Alt and Meta make a key a command.
        commands = (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
        )
        plain = not event.modifiers() & commands
        if not (plain and text and text.isprintable() and (self.typed or not text.isspace())):
            super().keyPressEvent(event)
            return
        now = time.monotonic()
        if (now - self._last_key) * 1000 > QApplication.keyboardInputInterval():
            self.typed = ""
        self._last_key = now
        wanted = (self.typed + text).casefold()
        index = self._find(wanted, self.currentIndex())
        if index < 0 and len(set(wanted)) == 1:  # "b", "b": the next item starting with b
            index = self._find(text.casefold(), self.currentIndex() + 1)
            wanted = text.casefold()
        if index < 0:
            wanted = text.casefold()
            index = self._find(wanted, self.currentIndex() + 1)
        if index >= 0:
            self.typed = wanted
            self.setCurrentIndex(index)
        event.accept()

    def _find(self, prefix: str, start: int) -> int:
        count = self.count()
        for step in range(count):
            index = (max(start, 0) + step) % count
            if self.itemData(index) and self.itemText(index).casefold().startswith(prefix):
                return index
        return -1
