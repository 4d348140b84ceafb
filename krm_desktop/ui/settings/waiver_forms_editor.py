"""Part of the page „Fristen und Regeln“: per kind, whether and how a customer may waive a written answer —
not at all, by a Vermerk of the conversation, or by a declaration signed on blank paper."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from krm_desktop.model.office.profile_rules import RULE_KINDS, WAIVER_FORMS
from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.ui.settings.kind_choices import KindChoices
from krm_desktop.ui.widgets.fields import FieldErrors

EXPLANATION = (
    "Wurde die Sache telefonisch oder persönlich geklärt, kann die Kundin/der Kunde auf eine schriftliche Antwort "
    "verzichten. Je Anliegensart: ob das vorgesehen ist und in welcher Form es festgehalten wird – als kurzer "
    "Vermerk über das Gespräch oder als Erklärung, die die Kundin/der Kunde auf Blanko-Papier unterschreibt (der "
    "Verzicht wird dann erst erfasst, wenn sie unterschrieben vorliegt). Bei „kein Verzicht“ bietet das Programm "
    "die Aktion nicht an."
)


class WaiverFormsEditor(KindChoices):
    """One choice per kind; keys `waiver_forms.<kind>` for the model's messages."""

    key = "waiver_forms"
    what = "Verzicht"
    explanation = EXPLANATION

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(errors, RULE_KINDS, WAIVER_FORMS, parent)
        self.layout_.setContentsMargins(10, 8, 10, 8)  # as the other tabs of the page

    def value_of(self, profile: OfficeProfile, kind: str) -> str:
        return profile.waiver_form(kind)
