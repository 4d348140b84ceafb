"""The purge wizard's first pages: the rules with the as-of date, and the preview with its CSV export.

Shared by the other pages: the page ids, the German date format and the label helpers.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from krm_desktop.documents.purge_log import preview_csv
from krm_desktop.model.codes import KINDS, label
from krm_desktop.model.retention.purge_log import last_purge
from krm_desktop.model.retention.purge_plan import PurgePlan, plan_purge
from krm_desktop.model.retention.rules import COMMON_RULES, routing_note_rule
from krm_desktop.model.store.files import write_file
from krm_desktop.ui.purge.state import PurgeState
from krm_desktop.ui.widgets.date_edit import DateEdit

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"
INTRO, PREVIEW, BACKUP, CONFIRM, RUN, AFTER = range(6)
Index = QModelIndex | QPersistentModelIndex


def d(day: date) -> str:
    return f"{day:%d.%m.%Y}"


def wrapped(text: str = "") -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(True)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def error_label() -> QLabel:
    widget = wrapped()
    widget.setStyleSheet(ERROR_STYLE)
    widget.hide()
    return widget


class PlanModel(QAbstractTableModel):
    """The due cases of a plan: reference, kind, completion date, rule (rows come from the plan's tuple)."""

    HEADERS = ("Aktenzeichen", "Anliegensart", "Erledigt am", "Regel")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: PurgePlan | None = None

    def set_plan(self, plan: PurgePlan | None) -> None:
        self.beginResetModel()
        self.plan = plan
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.plan is None else self.plan.total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.plan is None or not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        case = self.plan.cases[index.row()]
        column = index.column()
        if column == 0:
            return case.ref
        if column == 1:
            return label(KINDS, case.kind)
        if column == 2:
            return d(case.closed)
        return self.plan.rule(case.rule).label

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None


class IntroPage(QWizardPage):
    def __init__(self, state: PurgeState) -> None:
        super().__init__()
        self.state = state
        self.setTitle("Was geschieht")
        self.setSubTitle(
            "Die jährliche Löschung entfernt personenbezogene Daten, deren Aufbewahrungsfrist abgelaufen ist."
        )
        profile = state.profile
        rules = "".join(f"<li>{r.text}</li>" for r in state.rules)
        rules += f"<li>{routing_note_rule(profile.retention).text}</li>"
        rules += "".join(f"<li>{t}</li>" for t in COMMON_RULES)
        self.rules = wrapped(f"<b>Regeln für {profile.label}:</b><ul>{rules}</ul>")
        self.rules.setTextFormat(Qt.TextFormat.RichText)
        last = last_purge()
        self.last = wrapped(
            f"Letzter Löschlauf: am {d(last.done_on)} zum Stichtag {d(last.as_of)} ({last.anonymised} anonymisiert, "
            f"{last.deleted} gelöscht)."
            if last
            else "Für diese Datenbank wurde noch kein Löschlauf durchgeführt."
        )
        self.as_of = DateEdit(state.today)
        self.as_of.setAccessibleName("Stichtag")
        self.as_of.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.error = error_label()
        self.hint = wrapped(
            "Vorgabe ist der heutige Tag. Ein späterer Stichtag zeigt nur eine Vorschau: gelöscht wird erst, wenn "
            "der Löschtag erreicht ist."
        )
        row = QHBoxLayout()
        row.addWidget(self.as_of)
        row.addWidget(self.error, 1)
        form = QFormLayout()
        form.addRow("&Stichtag:", row)
        cast(QLabel, form.labelForField(row)).setBuddy(self.as_of)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rules)
        layout.addSpacing(6)
        layout.addWidget(self.last)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.as_of.line.textChanged.connect(self._changed)

    def chosen(self) -> date | None:
        value = self.as_of.date()
        return value.toPython() if value.isValid() else None  # type: ignore[return-value]

    def _problem(self) -> str | None:
        day, today = self.chosen(), self.state.today
        if day is None:
            return self.as_of.problem("Stichtag")
        if day < today:
            return f"Der Stichtag darf nicht vor dem heutigen Tag ({d(today)}) liegen."
        return None

    def _changed(self) -> None:
        problem = self._problem()
        self.error.setText(problem or "")
        self.error.setVisible(bool(problem))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._problem() is None

    def validatePage(self) -> bool:
        day = self.chosen()
        if day is None or self._problem():
            return False
        self.state.as_of = day
        return True


class PreviewPage(QWizardPage):
    def __init__(self, state: PurgeState) -> None:
        super().__init__()
        self.state = state
        self.setTitle("Vorschau")
        self.summary = wrapped()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.model = PlanModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Betroffene Kundenreaktionen")
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.csv_button = QPushButton("Liste als &CSV speichern …")
        self.csv_button.clicked.connect(self._ask_csv)
        self.note = wrapped()
        buttons = QHBoxLayout()
        buttons.addWidget(self.csv_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)

    def initializePage(self) -> None:
        state = self.state
        plan = state.plan = plan_purge(state.as_of, state.profile.retention, state.profile.code)
        counts = plan.counts()
        rows = "".join(
            f"<tr><td>{rule.label}</td><td align='right'>&nbsp;&nbsp;{counts[rule.code]}</td></tr>"
            for rule in plan.rules
        )
        rows += f"<tr><td><b>Zusammen</b></td><td align='right'>&nbsp;&nbsp;<b>{plan.total}</b></td></tr>"
        notes = len(plan.routing_notes)  # no cases: counted apart, listed nowhere (they have no reference)
        rows += f"<tr><td>{plan.routing_rule.label}</td><td align='right'>&nbsp;&nbsp;{notes}</td></tr>"
        if state.preview_only:
            self.setSubTitle(f"Vorschau zum {d(plan.as_of)}: {plan.total} Kundenreaktionen wären betroffen.")
        else:
            self.setSubTitle(f"Stichtag {d(plan.as_of)}: {plan.total} Kundenreaktionen betroffen.")
        self.summary.setText(f"<table>{rows}</table>")
        self.model.set_plan(plan)
        self.table.resizeColumnsToContents()
        self.csv_button.setEnabled(plan.total > 0)
        if state.preview_only:
            self.note.setText(
                f"Dies ist eine Vorschau zum {d(plan.as_of)}; es wurde nichts geändert. Löschen lässt sich erst ab "
                "dem Stichtag: dann den Assistenten erneut starten."
            )
        else:
            self.note.setText(
                "Es wurde noch nichts geändert. Als Nächstes wird die Datenbank gesichert."
                + ("" if plan.total else " Auch ohne fällige Fälle wird der Lauf im Löschprotokoll vermerkt.")
            )

    def nextId(self) -> int:
        return -1 if self.state.preview_only else BACKUP

    def save_csv(self, path: Path) -> None:
        plan = self.state.plan
        assert plan is not None
        write_file(path, preview_csv(plan))

    def _ask_csv(self) -> None:
        suggested = str(self.state.default_folder() / f"Loeschvorschau-{self.state.as_of:%Y-%m-%d}.csv")
        name, _ = QFileDialog.getSaveFileName(self, "Vorschau als CSV speichern", suggested, "CSV-Datei (*.csv)")
        if name:
            try:
                self.save_csv(Path(name))
            except OSError as exc:
                QMessageBox.warning(
                    self, "Speichern nicht möglich", f"Die Datei {name} lässt sich nicht schreiben: {exc}"
                )
