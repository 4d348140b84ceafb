"""Einstellungen → Teams und Bereiche: the office's teams (created, renamed, deactivated, deleted while no case or
person names them) and, per Bereich, whether the LGF receives a copy (DOMAIN.md §2)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.errors import KrmError
from krm_desktop.model.office import staff
from krm_desktop.model.office.areas import AreaFlags, area_flags, save_area_flags
from krm_desktop.model.office.staff_checks import TeamData
from krm_desktop.ui.context import WindowContext
from krm_desktop.ui.settings.page_parts import READ_ONLY_NOTE, RowFormPage, RowTable, say, status_line, yes_no
from krm_desktop.ui.widgets.fields import FieldErrors, add_row, error_line, hint

HEADERS = ("Name", "Bereich", "aktiv", "Fälle", "Personen")


class TeamsPage(RowFormPage):
    title = "Teams und Bereiche"
    unsaved_text = "Die Änderungen am Team sind nicht gespeichert."
    changed_text = "Das Team wurde inzwischen an einem anderen Platz geändert."

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rows: list[staff.TeamRow] = []
        self.current: staff.TeamRow | None = None  # the team in the form; None: a new one
        self.table = RowTable("Teams", HEADERS, numeric=(3, 4))
        self.new_button = QPushButton("&Neues Team")
        self.toggle_button = QPushButton("&Deaktivieren")
        self.delete_button = QPushButton("&Löschen")
        self.new_button.clicked.connect(self.new_team)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.delete_button.clicked.connect(self.delete_team)
        self.table.chosen.connect(self._row_chosen)

        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.area = QComboBox()
        self.area.setEditable(True)
        self.area.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.area.setAccessibleName("Bereich")
        self.errors = FieldErrors(error_line())
        form = QFormLayout()
        add_row(form, self.errors, "name", "Name", self.name, required=True, edited=self._edited)
        add_row(
            form,
            self.errors,
            "area",
            "Bereich",
            self.area,
            focus=self.area,
            note="Bereich wählen oder neu eingeben, z. B. „Bereich 41“ oder „71“.",
        )
        self.area.editTextChanged.connect(lambda _text: self._edited())
        self.rename_note = hint("")
        self.rename_note.hide()
        self.save_button = QPushButton("Team &speichern")
        self.discard_button = QPushButton("&Verwerfen")
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self._discard)
        self.status = status_line()
        self.form_box = QGroupBox("Neues Team")
        form_column = QVBoxLayout(self.form_box)
        form_column.addLayout(form)
        form_column.addWidget(self.rename_note)
        form_column.addWidget(self.errors.general)
        form_buttons = QHBoxLayout()
        form_buttons.addWidget(self.save_button)
        form_buttons.addWidget(self.discard_button)
        form_buttons.addStretch(1)
        form_column.addLayout(form_buttons)
        form_column.addWidget(self.status)

        self.areas = QListWidget()
        self.areas.setAccessibleName("Bereiche: LGF erhält Kopie (cc)")
        self.areas.itemChanged.connect(self._area_flag_changed)
        areas_box = QGroupBox("Bereiche")
        areas_column = QVBoxLayout(areas_box)
        areas_column.addWidget(
            hint(
                "Angehakt: Die LGF (Leitung der Geschäftsführungsebene) erhält eine Kopie (cc) der Kundenreaktionen "
                "dieses Bereichs. Die Änderung gilt sofort."
            )
        )
        areas_column.addWidget(self.areas)
        self.areas_status = status_line()
        areas_column.addWidget(self.areas_status)

        buttons = QHBoxLayout()
        for button in (self.new_button, self.toggle_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        self.read_only_note = hint(READ_ONLY_NOTE)
        self.read_only_note.setVisible(context.read_only)
        left.addWidget(self.read_only_note)
        left.addWidget(self.table, 1)
        left.addLayout(buttons)
        right = QVBoxLayout()
        right.addWidget(self.form_box)
        right.addWidget(areas_box, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.reload()
        self._show(None)
        context.data_changed.connect(self.reload)  # another page (or desk) changed teams or people

    # --- what is shown -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the teams and Bereiche again (keeps the form as typed)."""
        self.rows = staff.teams()
        self.table.fill(
            [(t.id, (t.name, t.area, "ja" if t.active else "nein", str(t.cases), str(t.people))) for t in self.rows]
        )
        typed = self.area.currentText()
        self.area.blockSignals(True)
        self.area.clear()
        self.area.addItems(staff.area_names())
        self.area.setEditText(typed)
        self.area.blockSignals(False)
        self._fill_areas()
        if self.current is not None:
            self.current = next((t for t in self.rows if t.id == self.current.id), None)
        self.table.choose(self.current.id if self.current else None)
        self._enable()

    def _fill_areas(self) -> None:
        flags = area_flags()
        self.areas.blockSignals(True)
        self.areas.clear()
        for name in sorted({*staff.area_names(), *flags}, key=str.casefold):
            item = QListWidgetItem(f"{name} – LGF erhält Kopie (cc)")
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if flags.get(name, AreaFlags()).lgf_cc else Qt.CheckState.Unchecked
            )
            self.areas.addItem(item)
        self.areas.blockSignals(False)
        if not self.areas.count():
            self.areas_status.setText("Noch kein Bereich: Geben Sie beim Team seinen Bereich an.")

    def _show(self, row: staff.TeamRow | None) -> None:
        """Put a stored team (or an empty form for a new one) into the form."""
        self.current = row
        self.name.setText(row.name if row else "")
        self.area.setEditText(row.area if row else "")
        self.errors.show({})
        say(self.status, "")
        self.form_box.setTitle(f"Team „{row.name}“" if row else "Neues Team")
        self._edited()
        self.table.choose(row.id if row else None)
        self._enable()

    def _typed(self) -> TeamData:
        active = self.current.active if self.current else True
        return TeamData(self.name.text(), self.area.currentText(), active)

    def has_unsaved(self) -> bool:
        if self.context.read_only:
            return False
        stored = self.current.data if self.current else TeamData("", "")
        return self._typed().cleaned() != stored.cleaned()

    def _edited(self) -> None:
        row = self.current
        renamed = row is not None and " ".join(self.name.text().split()) not in ("", row.name)
        if renamed and row is not None and row.cases:
            self.rename_note.setText(
                f"Umbenennen: Die {row.cases} Kundenreaktion(en) dieses Teams behalten es und zeigen danach "
                "den neuen Namen."
            )
        self.rename_note.setVisible(bool(renamed and row is not None and row.cases))
        self._enable()

    def _enable(self) -> None:
        writable = not self.context.read_only
        chosen = self.current is not None
        self.name.setReadOnly(not writable)
        self.area.setEnabled(writable)
        self.new_button.setEnabled(writable)
        self.save_button.setEnabled(writable)
        self.discard_button.setEnabled(writable and self.has_unsaved())
        self.toggle_button.setEnabled(writable and chosen)
        self.delete_button.setEnabled(writable and chosen)
        self.toggle_button.setText("&Aktivieren" if self.current and not self.current.active else "&Deaktivieren")
        self.areas.setEnabled(writable)

    # --- choosing --------------------------------------------------------------------------------------

    def new_team(self) -> None:
        self._start_new()

    def _discard(self) -> None:
        self._show(self.current)

    # --- changing --------------------------------------------------------------------------------------

    def save(self) -> bool:
        before = self.current
        try:
            saved = staff.save_team(
                before.id if before else None, self._typed(), version=before.version if before else None
            )
        except KrmError as exc:
            self._refused(exc)
            return False
        self.current = saved
        self.reload()
        self._show(saved)
        if before is None:
            say(self.status, f"Team „{saved.name}“ angelegt.")
        elif before.name != saved.name and saved.cases:
            say(self.status, f"Team umbenannt; seine {saved.cases} Kundenreaktion(en) führen jetzt „{saved.name}“.")
        else:
            say(self.status, f"Team „{saved.name}“ gespeichert.")
        self.context.data_changed.emit()
        return True

    def toggle_active(self) -> None:
        row = self.current
        if row is None:
            return
        if row.active:
            text = (
                f"Team „{row.name}“ deaktivieren? Es wird für neue Kundenreaktionen und Personen nicht mehr "
                f"angeboten; seine {row.cases} Kundenreaktion(en) behalten es."
            )
            if row.people:
                text += f" {row.people} aktive Person(en) gehören noch zu diesem Team."
            if not yes_no(self, "Team deaktivieren", text, "Deaktivieren"):
                return
        typed = self.has_unsaved()
        try:
            saved = staff.save_team(row.id, TeamData(row.name, row.area, not row.active), version=row.version)
        except KrmError as exc:
            self.reload()
            say(self.status, exc.message, problem=True)
            return
        self.current = saved
        self.reload()
        if not typed:
            self._show(saved)
        say(self.status, f"Team „{saved.name}“ {'aktiviert' if saved.active else 'deaktiviert'}.")
        self.context.data_changed.emit()

    def delete_team(self) -> None:
        row = self.current
        if row is None:
            return
        if not yes_no(self, "Team löschen", f"Team „{row.name}“ endgültig löschen?", "Löschen"):
            return
        try:
            staff.delete_team(row.id)
        except KrmError as exc:
            say(self.status, exc.message, problem=True)
            return
        self.current = None
        self.reload()
        self._show(None)
        say(self.status, f"Team „{row.name}“ gelöscht.")
        self.context.data_changed.emit()

    def _area_flag_changed(self, item: QListWidgetItem) -> None:
        area = item.data(Qt.ItemDataRole.UserRole)
        flags = AreaFlags(lgf_cc=item.checkState() == Qt.CheckState.Checked)
        try:
            save_area_flags(area, flags)
        except KrmError as exc:
            say(self.areas_status, exc.message, problem=True)
            self._fill_areas()
            return
        say(self.areas_status, f"Bereich {area}: LGF erhält {'eine' if flags.lgf_cc else 'keine'} Kopie.")
