"""The shared checks of typed text: German messages that say what to change."""

from __future__ import annotations

from krm_desktop.model.validation import text_problem


def test_too_long_names_both_numbers_with_german_thousands() -> None:
    assert text_problem("x" * 2001, "Inhalt", max_len=2000) == (
        "Inhalt: höchstens 2.000 Zeichen erlaubt, eingegeben sind 2.001."
    )
    assert text_problem("x" * 2000, "Inhalt", max_len=2000) is None


def test_control_characters_are_named() -> None:
    assert text_problem("a\x07b", "Betreff") == "Betreff enthält ein Steuerzeichen (U+0007); bitte entfernen."
    assert text_problem("a\nb", "Betreff", multiline=False) == "Betreff enthält einen Zeilenumbruch; bitte entfernen."
    assert text_problem("a\nb\tc", "Text") is None
