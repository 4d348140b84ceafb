"""A short field for a count of days or years that keeps what was typed, so the model can name what is wrong."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget


class NumberField(QLineEdit):
    """A whole number typed as text. The field refuses nothing itself: "0", "-3", "400" or "drei" stay on screen
    as typed and go to the model's checks, which answer with a German message next to the field."""

    def __init__(self, label: str, value: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(label)
        self.setToolTip(label)
        self.setMaximumWidth(52)
        self.setMaxLength(6)
        if value is not None:
            self.set_value(value)

    def set_value(self, value: int) -> None:
        self.setText(str(value))

    def value(self) -> int | str:
        """The typed whole number, or the text as typed when it is none (the model refuses it by name)."""
        text = self.text().strip()
        try:
            return int(text)
        except ValueError:
            return text
