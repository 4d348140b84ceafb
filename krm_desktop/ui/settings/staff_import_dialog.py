"""The staff list (Personalliste) in the Einstellungen: read a file, show what it would change (new, changed and
deactivated people, new and changed teams), apply it whole or not at all; and save the active people as a list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.codes import STAFF_ROLES
from krm_desktop.model.errors import ConflictError, KrmError, ValidationError
from krm_desktop.model.exchange.staff_csv import HEADER
from krm_desktop.model.exchange.staff_import import StaffPlan, apply_staff_import, plan_staff_import
from krm_desktop.model.exchange.staff_list import ListedPerson, export_staff_list, read_staff_file
from krm_desktop.model.office.staff import people
from krm_desktop.model.store.files import write_file
from krm_desktop.ui.context import WindowContext
from krm_desktop.ui.widgets.fields import ERROR_STYLE, WARNING_STYLE, hint
from krm_desktop.ui.widgets.screen_fit import fit_on_screen

FILE_FILTER = "Personalliste (*.csv)"
MESSAGE_MS = 10_000
COLUMNS = ("Person / Team", "Bisher", "Neu")


def counts_text(counts: dict[str, int]) -> str:
    return (
        f"{counts['teams_created']} Team(s) neu, {counts['teams_changed']} geändert · "
        f"{counts['people_created']} Person(en) neu, {counts['people_changed']} geändert, "
        f"{counts['people_deactivated']} deaktiviert"
    )


def _described(person: ListedPerson) -> str:
    parts = [STAFF_ROLES[person.role]]
    if person.team:
        parts.append(f"{person.team} ({person.area})" if person.area else person.team)
    parts += [text for text in (person.email, person.phone) if text]
    return ", ".join(parts)


class StaffImportDialog(QDialog):
    """Choose a staff list, see the preview, then „Übernehmen“ (all or nothing) or „Abbrechen“ (nothing)."""

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.plan: StaffPlan | None = None
        self.result_counts: dict[str, int] | None = None
        self.setWindowTitle("Personalliste einlesen")
        fit_on_screen(self, 940, 620)
        intro = hint(
            "Eine Personalliste ist eine CSV-Datei mit Semikolon, wie Excel sie als „CSV (Trennzeichen-getrennt)“ "
            f"oder „CSV UTF-8“ speichert, mit der Kopfzeile <b>{HEADER}</b>. Vor dem Übernehmen sehen Sie, was "
            "sich ändert. Personen, die nicht in der Liste stehen, werden deaktiviert (nicht gelöscht); "
            "Anmeldungen bleiben, wie sie sind."
        )
        self.path_field = QLineEdit()
        self.path_field.setReadOnly(True)
        self.path_field.setPlaceholderText("noch keine Datei gewählt")
        self.path_field.setAccessibleName("Gewählte Personalliste")
        self.choose_button = QPushButton("Datei wählen …")
        self.choose_button.clicked.connect(self._choose)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_field, 1)
        file_row.addWidget(self.choose_button)

        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(ERROR_STYLE)
        self.problems.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.problems.setContentsMargins(6, 6, 6, 6)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_area = QScrollArea()
        self.problems_area.setWidgetResizable(True)
        self.problems_area.setWidget(self.problems)
        self.problems_area.setMaximumHeight(180)
        self.problems_area.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.hide()
        self.preview = QTreeWidget()
        self.preview.setHeaderLabels(list(COLUMNS))
        self.preview.setAccessibleName("Vorschau der Änderungen")
        self.preview.setColumnWidth(0, 250)
        self.preview.setColumnWidth(1, 230)
        self.preview.setAlternatingRowColors(True)

        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton("Übernehmen", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton("Abbrechen", QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(self.problems_area)
        layout.addWidget(self.summary)
        layout.addWidget(self.warning)
        layout.addWidget(self.preview, 1)
        if context.read_only:
            layout.addWidget(hint("Die Datenbank ist nur zum Lesen geöffnet: die Vorschau geht, Übernehmen nicht."))
        layout.addWidget(self.buttons)

    # --- reading ---------------------------------------------------------------------------------------

    def _choose(self) -> None:
        start = str(self.context.store.path.parent if self.context.store.path else Path.home())
        name, _ = QFileDialog.getOpenFileName(self, "Personalliste wählen", start, FILE_FILTER)
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Read the list at `path` and show what it would change; a refused file shows why, naming the line."""
        self.path_field.setText(str(path))
        self.plan = None
        self._show_problems([])
        try:
            self.plan = plan_staff_import(read_staff_file(path))
        except ValidationError as exc:
            self._show_problems(list(exc.errors.values()))
        except KrmError as exc:
            self._show_problems([exc.message])
        except OSError as exc:
            self._show_problems([f"Die Datei {path} lässt sich nicht lesen: {exc.strerror or exc}."])
        self._show_plan()

    def _show_problems(self, messages: list[str]) -> None:
        if messages:
            self.problems.setText(
                "<b>Die Personalliste wird nicht übernommen; es wurde nichts geändert.</b><br>"
                + "<br>".join(_escaped(m) for m in messages)
            )
        self.problems_area.setVisible(bool(messages))

    def _show_plan(self) -> None:
        plan = self.plan
        self.preview.clear()
        self.warning.setVisible(bool(plan and plan.warnings))
        self.summary.setVisible(plan is not None)
        if plan is None:
            self.apply_button.setEnabled(False)
            return
        self.warning.setText("\n".join(plan.warnings))
        if plan.has_changes:
            self.summary.setText(
                f"<b>Vorschau:</b> {counts_text(plan.counts())}; {plan.unchanged} Person(en) unverändert."
            )
        else:
            self.summary.setText(
                f"Die Liste stimmt mit den gespeicherten Teams und Personen überein ({plan.unchanged} Person(en)); "
                "es gibt nichts zu übernehmen."
            )
        self._fill(plan)
        self.apply_button.setEnabled(plan.has_changes and not self.context.read_only)

    def _fill(self, plan: StaffPlan) -> None:
        def group(title: str, count: int) -> QTreeWidgetItem | None:
            if not count:
                return None
            item = QTreeWidgetItem(self.preview, [f"{title} ({count})"])
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            item.setFirstColumnSpanned(True)
            return item

        if top := group("Neue Teams", len(plan.new_teams)):
            for team in plan.new_teams:
                _row(top, team.name, "", team.area or "(ohne Bereich)")
        if top := group("Geänderte Teams", len(plan.changed_teams)):
            for team_change in plan.changed_teams:
                parent = QTreeWidgetItem(top, [team_change.listed.name])
                for change in team_change.changes:
                    _row(parent, change.field, change.old or "–", change.new or "–")
        if top := group("Neue Personen", len(plan.new_people)):
            for person in plan.new_people:
                _row(top, person.name, "", _described(person))
        if top := group("Geänderte Personen", len(plan.changed_people)):
            for person_change in plan.changed_people:
                parent = QTreeWidgetItem(top, [person_change.listed.name])
                for change in person_change.changes:
                    _row(parent, change.field, change.old or "–", change.new or "–")
        if top := group("Nicht in der Liste, werden deaktiviert", len(plan.deactivated)):
            for gone in plan.deactivated:
                before = ", ".join(text for text in (gone.role_label, gone.team) if text)
                _row(top, gone.name, before, "deaktiviert")
        self.preview.expandAll()

    # --- applying --------------------------------------------------------------------------------------

    def apply(self) -> None:
        """Apply the plan shown, all or nothing; a refusal is shown in the dialog, which stays open."""
        if self.plan is None or self.context.read_only:
            return
        try:
            counts = apply_staff_import(self.plan).as_dict()
        except ConflictError as exc:
            self.load(Path(self.path_field.text()))  # the preview of what would happen now
            self._show_problems([exc.message])
            return
        except KrmError as exc:
            self._show_problems([exc.message])
            return
        self.result_counts = counts
        self.context.data_changed.emit()
        self.context.status_message.emit(f"Personalliste übernommen: {counts_text(counts)}.", MESSAGE_MS)
        self.accept()


def _row(parent: QTreeWidgetItem, *texts: str) -> QTreeWidgetItem:
    """A line of the preview; a text too long for its column shows whole as the tooltip."""
    item = QTreeWidgetItem(parent, list(texts))
    for column, text in enumerate(texts):
        if text:
            item.setToolTip(column, text)
    return item


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def export_staff_list_to(parent: QWidget | None, context: WindowContext) -> Path | None:
    """Ask where to save the active people as a staff list and write it; the path written, or None."""
    folder = context.store.path.parent if context.store.path else Path.home()
    name, _ = QFileDialog.getSaveFileName(
        parent, "Personalliste speichern", str(folder / "Personalliste.csv"), FILE_FILTER
    )
    if not name:
        return None
    target = Path(name)
    if target.suffix.lower() != ".csv":
        target = target.with_name(target.name + ".csv")
    try:
        data = export_staff_list()
        count = len(people(active_only=True))
        write_file(target, data)
    except KrmError as exc:
        QMessageBox.warning(parent, "Personalliste nicht gespeichert", exc.message)
        return None
    except OSError as exc:
        QMessageBox.warning(
            parent,
            "Personalliste nicht gespeichert",
            f"Die Datei {target} lässt sich nicht schreiben: {exc.strerror or exc}.",
        )
        return None
    context.status_message.emit(f"Personalliste mit {count} Person(en) gespeichert: {target}", MESSAGE_MS)
    return target
