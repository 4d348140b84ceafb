"""Vorgang › „Vermerk für E-Akte/VerBIS erstellt …" (issue 19): the case records on which day the acting person
made the note for the customer's E-Akte or VerBIS record (Lübeck, Schwäbisch Hall, Pankow; the profile's
`file_notes`). The note itself is printed from its own text block (Schreiben › Vermerk für E-Akte/VerBIS)."""

from __future__ import annotations

from html import escape

from krm_desktop.model.cases.file_notes import file_note_text, record_file_note
from krm_desktop.model.store.entities import Case
from krm_desktop.ui.actions.action_form import ActionDialog, date_edit, note, pydate

HINT = (
    "Enthält die Kundenreaktion leistungsrechtliche oder für die Vermittlung relevante Angaben, wird dazu ein "
    "Aktenvermerk gefertigt und in die E-Akte übernommen bzw. in VerBIS hinterlegt; die Kundenreaktion selbst "
    "bleibt nur im KRM. Den Vermerk druckt „Schreiben › Vermerk für E-Akte/VerBIS“ aus seinem Textbaustein."
)


class FileNoteDialog(ActionDialog):
    title = "Vermerk für E-Akte/VerBIS erstellt"
    save_text = "&Vermerk erfassen"

    def build(self) -> None:
        if self.case.file_note_on:
            earlier = file_note_text(self.case.file_note_on, self.case.file_note_by)
            self.add_info("Bisher", escape(earlier) + " (wird durch den neuen Vermerk ersetzt)")
        self.made_on = self.add_field("made_on", "Erstellt &am", date_edit(self.today), required=True)
        self.add_info("Erstellt von", escape(self.user))
        self.form.addRow(note(HINT))

    def save(self) -> Case:
        return record_file_note(
            self.case_id,
            version=self.version,
            made_on=pydate(self.made_on.date()),
            today=self.today,
            user=self.user,
            profile=self.context.profile,
        )
