"""Einstellungen › Fristen und Regeln › Ablage und Vermerke (issue 19): whether Meinungskarten keep scans as
attachments (Pankow: "Eine Archivierung der Meinungskarten erfolgt nicht") and whether the office records the
Aktenvermerk for the E-Akte/VerBIS (Lübeck, Schwäbisch Hall, Pankow). The profile's `card_attachments` and
`file_notes`."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from krm_desktop.model.office.profile_checks import CARD_ATTACHMENTS, FILE_NOTES
from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.ui.widgets.fields import FieldErrors, hint

CARD_LABEL = "An &Meinungskarten dürfen Anlagen (Scans der Karten) angefügt werden"
CARD_HINT = (
    "Ohne Haken archiviert die Dienststelle die Karten selbst nicht: erfasst werden Lob, Anregung oder Kritik, "
    "Thema, Team und der Inhalt in Stichworten; das Anfügen von Scans oder anderen Dateien an eine Meinungskarte "
    "wird abgelehnt. Bereits angefügte Anlagen bleiben, bis sie entfernt oder gelöscht werden."
)
NOTE_LABEL = "Vermerk für die &E-Akte/VerBIS erfassen"
NOTE_HINT = (
    "Enthält eine Kundenreaktion leistungsrechtliche oder für die Vermittlung relevante Angaben (oder wurde sie "
    "telefonisch oder persönlich geklärt), wird dazu ein Aktenvermerk für die E-Akte bzw. VerBIS gefertigt. Mit "
    "Haken bietet der Vorgang „Vermerk für E-Akte/VerBIS erstellt …“ an: der Fall hält fest, wann und von wem der "
    "Vermerk erstellt wurde, und der Vermerk lässt sich aus einem eigenen Textbaustein drucken."
)


class RecordKeepingBox(QWidget):
    """Two yes/no settings with what each one means."""

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card_attachments = QCheckBox(CARD_LABEL)
        self.card_attachments.setAccessibleName(CARD_LABEL.replace("&", ""))
        self.file_notes = QCheckBox(NOTE_LABEL)
        self.file_notes.setAccessibleName(NOTE_LABEL.replace("&", ""))
        cards = QGroupBox("Meinungskarten")
        inner = QVBoxLayout(cards)
        inner.addWidget(self.card_attachments)
        inner.addWidget(errors.add(CARD_ATTACHMENTS, self.card_attachments))
        inner.addWidget(hint(CARD_HINT))
        notes = QGroupBox("Aktenvermerk für die E-Akte/VerBIS")
        inner = QVBoxLayout(notes)
        inner.addWidget(self.file_notes)
        inner.addWidget(errors.add(FILE_NOTES, self.file_notes))
        inner.addWidget(hint(NOTE_HINT))
        layout = QVBoxLayout(self)
        layout.addWidget(cards)
        layout.addWidget(notes)
        layout.addStretch(1)

    def show_profile(self, profile: OfficeProfile) -> None:
        self.card_attachments.setChecked(profile.card_attachments)
        self.file_notes.setChecked(profile.file_notes)

    def data(self) -> dict[str, bool]:
        return {CARD_ATTACHMENTS: self.card_attachments.isChecked(), FILE_NOTES: self.file_notes.isChecked()}

    def state(self) -> tuple[bool, ...]:
        return tuple(self.data().values())

    def set_editable(self, editable: bool) -> None:
        self.card_attachments.setEnabled(editable)
        self.file_notes.setEnabled(editable)
