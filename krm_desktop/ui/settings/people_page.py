"""Einstellungen → Personen: the office's people with their Funktion, team, contact data and the computer logins that
act as them (DOMAIN.md §2). A person cases name is deactivated, never deleted; sign-off lists, letters, the GF
lists and the history use these people."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.codes import STAFF_ROLES
from krm_desktop.model.errors import KrmError, ValidationError
from krm_desktop.model.office import staff
from krm_desktop.model.office.staff_checks import PersonData
from krm_desktop.ui.context import WindowContext
from krm_desktop.ui.settings.page_parts import READ_ONLY_NOTE, RowFormPage, RowTable, say, status_line, yes_no
from krm_desktop.ui.settings.staff_import_dialog import StaffImportDialog, counts_text, export_staff_list_to
from krm_desktop.ui.widgets.fields import CodeBox, FieldErrors, add_row, error_line, hint

HEADERS = ("Name", "Funktion", "Team", "E-Mail", "Telefon", "Anmeldungen", "aktiv")
NO_TEAM = "– kein Team –"
NO_ROLE = "– bitte wählen –"


def split_logins(text: str) -> tuple[str, ...]:
    """The logins as typed: separated by commas, semicolons or lines."""
    return tuple(part.strip() for part in re.split(r"[,;\n]", text) if part.strip())


class PeoplePage(RowFormPage):
    title = "Personen"
    unsaved_text = "Die Änderungen an der Person sind nicht gespeichert."
    changed_text = "Die Person wurde inzwischen an einem anderen Platz geändert."

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rows: list[staff.PersonRow] = []
        self.current: staff.PersonRow | None = None  # the person in the form; None: a new one
        self.table = RowTable("Personen", HEADERS)
        self.table.chosen.connect(self._row_chosen)

        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.role = CodeBox("Funktion", [(None, NO_ROLE), *STAFF_ROLES.items()])
        self.team = CodeBox("Team", [])
        self.email = QLineEdit()
        self.email.setPlaceholderText("vorname.nachname@jobcenter-ge.de")
        self.phone = QLineEdit()
        self.logins = QPlainTextEdit()
        self.logins.setTabChangesFocus(True)
        self.logins.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.logins.setPlaceholderText("z. B. mustere, JOBCENTER\\mustere")
        self.active = QCheckBox("aktiv (erscheint in den Auswahllisten)")
        self.errors = FieldErrors(error_line())
        left_form, right_form = QFormLayout(), QFormLayout()
        edited = self._enable
        add_row(left_form, self.errors, "name", "Name", self.name, required=True, edited=edited)
        add_row(left_form, self.errors, "role", "Funktion", self.role, required=True, edited=edited)
        add_row(left_form, self.errors, "team", "Team", self.team, edited=edited)
        left_form.addRow("", self.active)
        add_row(right_form, self.errors, "email", "E-Mail", self.email, edited=edited)
        add_row(right_form, self.errors, "phone", "Telefon", self.phone, edited=edited)
        add_row(
            right_form,
            self.errors,
            "logins",
            "Anmeldungen",
            self.logins,
            edited=edited,
            note="Die Windows-Benutzernamen, mit denen diese Person arbeitet (durch Komma oder Zeilen getrennt). "
            "Die Chronik nennt dann ihren Namen.",
        )
        self.active.toggled.connect(lambda _on: self._enable())

        self.new_button = QPushButton("&Neue Person")
        self.save_button = QPushButton("Person &speichern")
        self.discard_button = QPushButton("&Verwerfen")
        self.toggle_button = QPushButton("&Deaktivieren")
        self.delete_button = QPushButton("&Löschen")
        self.new_button.clicked.connect(self.new_person)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(lambda: self._show(self.current))
        self.toggle_button.clicked.connect(self.toggle_active)
        self.delete_button.clicked.connect(self.delete_person)
        self.import_button = QPushButton("Personalliste &einlesen …")
        self.import_button.setToolTip("Teams und Personen aus einer Excel-Liste (CSV) übernehmen, mit Vorschau")
        self.export_button = QPushButton("Personalliste spei&chern …")
        self.export_button.setToolTip("Die aktiven Personen als Excel-Liste (CSV) speichern")
        self.import_button.clicked.connect(self.import_staff_list)
        self.export_button.clicked.connect(lambda: export_staff_list_to(self, self.context))
        self.buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.discard_button, self.toggle_button):
            self.buttons.addWidget(button)
        self.buttons.addWidget(self.delete_button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.import_button)
        self.buttons.addWidget(self.export_button)
        self.status = status_line()

        self.form_box = QGroupBox("Neue Person")
        forms = QHBoxLayout()
        forms.addLayout(left_form, 1)
        forms.addLayout(right_form, 1)
        box_column = QVBoxLayout(self.form_box)
        box_column.addLayout(forms)
        box_column.addWidget(self.errors.general)
        layout = QVBoxLayout(self)
        self.read_only_note = hint(READ_ONLY_NOTE)
        self.read_only_note.setVisible(context.read_only)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.form_box)
        layout.addLayout(self.buttons)
        layout.addWidget(self.status)
        self.reload()
        self._show(None)
        context.data_changed.connect(self.reload)  # another page (or desk) changed teams or people

    # --- what is shown -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the people and teams again (keeps the form as typed)."""
        self.rows = staff.people()
        self.table.fill(
            [
                (
                    p.id,
                    (p.name, p.role_label, p.team, p.email, p.phone, ", ".join(p.logins), "ja" if p.active else "nein"),
                )
                for p in self.rows
            ]
        )
        if self.current is not None:
            self.current = next((p for p in self.rows if p.id == self.current.id), None)
        self._fill_teams(self.team.code())
        self.table.choose(self.current.id if self.current else None)
        self._enable()

    def _fill_teams(self, chosen: int | None) -> None:
        """The active teams; an inactive one only where the person in the form belongs to it."""
        keep = {chosen, self.current.team_id if self.current else None}
        self.team.blockSignals(True)
        self.team.clear()
        self.team.addItem(NO_TEAM, None)
        for row in staff.teams():
            if row.active or row.id in keep:
                self.team.addItem(row.name if row.active else f"{row.name} (deaktiviert)", row.id)
        self.team.set_code(chosen)
        self.team.blockSignals(False)

    def _show(self, row: staff.PersonRow | None) -> None:
        """Put a stored person (or an empty form for a new one) into the form."""
        self.current = row
        self._fill_teams(row.team_id if row else None)
        self.name.setText(row.name if row else "")
        self.role.set_code(row.role if row else None)
        self.team.set_code(row.team_id if row else None)
        self.email.setText(row.email if row else "")
        self.phone.setText(row.phone if row else "")
        self.logins.setPlainText(", ".join(row.logins) if row else "")
        self.active.setChecked(row.active if row else True)
        self.errors.show({})
        say(self.status, "")
        self.form_box.setTitle(row.name if row else "Neue Person")
        self.table.choose(row.id if row else None)
        self._enable()

    def typed(self) -> PersonData:
        return PersonData(
            self.name.text(),
            self.role.code() or "",
            self.team.code(),
            self.email.text(),
            self.phone.text(),
            split_logins(self.logins.toPlainText()),
            self.active.isChecked(),
        )

    def has_unsaved(self) -> bool:
        if self.context.read_only:
            return False
        stored = self.current.data if self.current else PersonData("", "")
        return self.typed().cleaned() != stored.cleaned()

    def _enable(self) -> None:
        writable = not self.context.read_only
        chosen = self.current is not None
        for field in (self.name, self.email, self.phone):
            field.setReadOnly(not writable)
        self.logins.setReadOnly(not writable)
        for widget in (self.role, self.team, self.active, self.new_button, self.save_button, self.import_button):
            widget.setEnabled(writable)
        self.discard_button.setEnabled(writable and self.has_unsaved())
        self.toggle_button.setEnabled(writable and chosen)
        self.delete_button.setEnabled(writable and chosen)
        self.toggle_button.setText("&Aktivieren" if self.current and not self.current.active else "&Deaktivieren")

    # --- choosing --------------------------------------------------------------------------------------

    def new_person(self) -> None:
        self._start_new()

    def import_staff_list(self) -> None:
        """The staff list's preview, then all or nothing; the table shows what was taken over."""
        if not self._may_drop_typed():
            return
        dialog = StaffImportDialog(self.context, self)
        try:
            dialog.exec()
            counts = dialog.result_counts
        finally:
            dialog.deleteLater()
        if counts is not None:
            self.current = None
            self.reload()
            self._show(None)
            say(self.status, f"Personalliste übernommen: {counts_text(counts)}.")
            self.context.data_changed.emit()

    # --- changing --------------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save the form; the last Geschäftsführung leaving while petitions are open is asked about first."""
        before = self.current
        data = self.typed()
        saved = self._write(before, data)
        if saved is None:
            return False
        self.current = saved
        self.reload()
        self._show(saved)
        say(self.status, f"{saved.name} {'angelegt' if before is None else 'gespeichert'}.")
        return True

    def toggle_active(self) -> None:
        row = self.current
        if row is None:
            return
        typed = self.has_unsaved()
        saved = self._write(row, replace(row.data, active=not row.active), form=False)
        if saved is None:
            return
        self.current = saved
        self.reload()
        if typed:
            self.active.setChecked(saved.active)
        else:
            self._show(saved)
        say(self.status, f"{saved.name} {'aktiviert' if saved.active else 'deaktiviert'}.")

    def _write(self, before: staff.PersonRow | None, data: PersonData, *, form: bool = True) -> staff.PersonRow | None:
        person_id = before.id if before else None
        try:
            problems = staff.check_person(person_id, data)
            if problems:
                raise ValidationError(problems)
            warnings = staff.deactivation_warnings(person_id, data)
            if warnings and not yes_no(self, "Wirklich speichern?", "\n\n".join(warnings), "Trotzdem speichern"):
                say(self.status, "Nicht gespeichert.")
                return None
            saved = staff.save_person(person_id, data, version=before.version if before else None)
        except KrmError as exc:
            self._refused(exc, form=form)
            return None
        self.context.data_changed.emit()
        return saved

    def delete_person(self) -> None:
        row = self.current
        if row is None:
            return
        if not yes_no(self, "Person löschen", f"{row.name} endgültig löschen?", "Löschen"):
            return
        try:
            staff.delete_person(row.id)
        except KrmError as exc:
            say(self.status, exc.message, problem=True)
            return
        self.current = None
        self.reload()
        self._show(None)
        say(self.status, f"{row.name} gelöscht.")
        self.context.data_changed.emit()
