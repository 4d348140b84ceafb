"""Errors the domain raises. Every message is German and says what to fix."""

from __future__ import annotations


class KrmError(Exception):
    """Base of every refusal the user should read."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ValidationError(KrmError):
    """One or more inputs are wrong; `errors` maps field -> German message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        first_field = next(iter(self.errors))
        text = "; ".join(f"{self.errors[f]}" for f in self.errors)
        super().__init__(text, first_field)


class RefusedError(KrmError):
    """The action is not allowed in the case's current state."""


class ConflictError(KrmError):
    """Someone else saved the record since it was loaded."""


class NotKrmMatter(KrmError):
    """Intake triage: the matter is no Kundenreaktion; it goes elsewhere."""

    def __init__(self, category: str, message: str, destination: str) -> None:
        super().__init__(message, "kind")
        self.category = category
        self.destination = destination


class StoreError(KrmError):
    """The database cannot be opened or used as a KRM database."""
