"""The type-ahead of the Meinungskarten batch: capitals (typed with Shift) and umlauts find their item."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from krm_desktop.model.office.topics import DEFAULT_TOPICS
from krm_desktop.ui.cards.type_ahead import TypeAheadCombo

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def combo(qtbot) -> TypeAheadCombo:
    box = TypeAheadCombo()
    qtbot.addWidget(box)
    box.addItem("— keins —", "")
    for topic in (*DEFAULT_TOPICS, "Überweisung", "Öffnungszeiten"):
        box.addItem(topic, topic)
    box.show()
    box.setFocus()
    return box


def type_word(qtbot, box: TypeAheadCombo, word: str) -> None:
    """Each capital typed the way a person does: with Shift held."""
    box.typed = ""
    for ch in word:
        key = Qt.Key(ord(ch.upper())) if ch.isascii() else Qt.Key.Key_unknown
        qtbot.keyClick(box, key, SHIFT if ch.isupper() else Qt.KeyboardModifier.NoModifier)
        if not ch.isascii():  # keyClick sends the key's own text only for ASCII keys
            from PySide6.QtCore import QEvent
            from PySide6.QtGui import QKeyEvent

            modifiers = SHIFT if ch.isupper() else Qt.KeyboardModifier.NoModifier
            box.keyPressEvent(QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, modifiers, ch))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Te", "Terminvergabe"),
        ("Au", "Auszahlung"),
        ("Un", "Unterlagen und Nachweise"),
        ("Ve", "Vermittlung und Maßnahmen"),
        ("Er", "Erreichbarkeit"),
        ("Rä", "Räume und Wartezeit"),
        ("Üb", "Überweisung"),
        ("Öf", "Öffnungszeiten"),
        ("um", "Umgangston"),
    ],
)
def test_a_capital_or_an_umlaut_finds_its_topic(qtbot, combo: TypeAheadCombo, typed: str, expected: str) -> None:
    type_word(qtbot, combo, typed)
    assert combo.currentText() == expected
