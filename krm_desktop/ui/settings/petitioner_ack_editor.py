"""Part of the page „Fristen und Regeln“: per petition and Eingabe, whether the petitioner gets an acknowledgement.
The Stellungnahme goes to the requesting body, so no letter promises the petitioner a date; "keine" also runs no
acknowledgement clock for that kind."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from krm_desktop.model.office.profiles import PETITIONER_ACK_KINDS, PETITIONER_ACKS, OfficeProfile
from krm_desktop.ui.settings.kind_choices import KindChoices
from krm_desktop.ui.widgets.fields import FieldErrors

EXPLANATION = (
    "Petitionen und Eingaben beantwortet die Dienststelle gegenüber der Stelle, die die Stellungnahme anfordert; "
    "die Petentin/der Petent erhält die abschließende Antwort von dort. Je Anliegensart: ob sie/er vorab eine "
    "Eingangsbestätigung erhält. Sie nennt kein Datum, sondern sagt, dass die Sache an die einsendende Stelle "
    "beantwortet wird (Textbaustein „Eingangsbestätigung: Text bei Petition oder Eingabe“). Bei „keine“ läuft für "
    "diese Anliegensart keine Frist der Eingangsbestätigung."
)


class PetitionerAckEditor(KindChoices):
    """One choice per petition kind; keys `petitioner_ack.<kind>` for the model's messages."""

    key = "petitioner_ack"
    what = "Eingangsbestätigung"
    explanation = EXPLANATION
    box_width = 480

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(errors, PETITIONER_ACK_KINDS, PETITIONER_ACKS, parent)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    def value_of(self, profile: OfficeProfile, kind: str) -> str:
        return dict(profile.petitioner_ack).get(kind, "")
