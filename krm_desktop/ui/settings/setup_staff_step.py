"""The set-up assistant's third step: the office's teams (name, Bereich) and people (name, Funktion, team, e-mail,
phone), typed into two tables. Empty rows are left out; the model's messages mark the cell they are about."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from krm_desktop.model.codes import STAFF_ROLES
from krm_desktop.model.errors import KrmError, ValidationError
from krm_desktop.model.exchange.staff_list import read_staff_file
from krm_desktop.model.office.new_office import NewPerson, staff_table_problems
from krm_desktop.model.office.staff_checks import PersonData, TeamData
from krm_desktop.ui.widgets.fields import ERROR_STYLE, hint

TEAM_COLUMNS = ("name", "area")
PERSON_COLUMNS = ("name", "role", "team", "email", "phone")
FUNCTION, TEAM = 1, 2  # the people table's columns that hold a choice
INVALID = QBrush(QColor("#fbd5d5"))


def _table(headers: list[str], name: str, rows: int) -> QTableWidget:
    table = QTableWidget(rows, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 14)
    table.setTabKeyNavigation(True)
    return table


def _text(table: QTableWidget, row: int, column: int) -> str:
    widget = table.cellWidget(row, column)
    if isinstance(widget, QComboBox):
        return widget.currentText() if column == TEAM else (widget.currentData() or "")
    item = table.item(row, column)
    return item.text().strip() if item is not None else ""


class StaffStep(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Schritt 3 von 4: Teams und Personen")
        self.setSubTitle(
            "Tragen Sie die Teams mit ihrem Bereich ein und die Personen, die Kundenreaktionen bearbeiten oder "
            "schlusszeichnen. Leere Zeilen werden übergangen; Weiteres ergänzen Sie später in den Einstellungen."
        )
        self.skipped = False
        self.teams = _table(["Team *", "Bereich"], "Teams", 3)
        self.people = _table(["Name *", "Funktion *", "Team", "E-Mail", "Telefon"], "Personen", 4)
        for row in range(self.people.rowCount()):
            self._choices(row)
        self.teams.itemChanged.connect(lambda _item: self._refresh_teams())
        self.import_button = QPushButton("Personalliste aus Excel (CSV) &einlesen …")
        self.import_button.setToolTip(
            "Eine Liste mit den Spalten Name;Funktion;Team;Bereich;E-Mail;Telefon, wie Excel sie als CSV speichert. "
            "Ihre Zeilen kommen zu den Tabellen hinzu; gespeichert wird erst mit „Fertigstellen“."
        )
        self.import_button.clicked.connect(self.choose_staff_list)
        self.errors = QLabel()
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.setWordWrap(True)
        self.errors.setAccessibleName("Fehler in den Tabellen")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("&Teams:", buddy=self.teams))
        layout.addWidget(self.teams, 2)
        layout.addLayout(self._buttons("Team", self.teams))
        layout.addWidget(QLabel("&Personen:", buddy=self.people))
        layout.addWidget(self.people, 3)
        row = self._buttons("Person", self.people)
        row.insertWidget(2, self.import_button)
        layout.addLayout(row)
        layout.addWidget(
            hint("Die Teamleitung eines Teams schlägt das Programm beim Abschluss zur Schlusszeichnung vor.")
        )
        layout.addWidget(self.errors)

    def _buttons(self, what: str, table: QTableWidget) -> QHBoxLayout:
        add = QPushButton(f"{what} hinzufügen")
        remove = QPushButton(f"{what} entfernen")
        add.clicked.connect(lambda: self.add_row(table))
        remove.clicked.connect(lambda: self._remove_row(table))
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        return row

    def add_row(self, table: QTableWidget) -> int:
        row = table.rowCount()
        table.insertRow(row)
        if table is self.people:
            self._choices(row)
        table.setCurrentCell(row, 0)
        return row

    def _remove_row(self, table: QTableWidget) -> None:
        if table.currentRow() >= 0:
            table.removeRow(table.currentRow())
            self._refresh_teams()

    def _choices(self, row: int) -> None:
        function = QComboBox()
        function.setAccessibleName("Funktion")
        function.addItem("", "")
        for code, name in STAFF_ROLES.items():
            function.addItem(name, code)
        team = QComboBox()
        team.setAccessibleName("Team")
        team.setEditable(True)
        team.addItems(["", *self.team_names()])
        self.people.setCellWidget(row, FUNCTION, function)
        self.people.setCellWidget(row, TEAM, team)

    def team_names(self) -> list[str]:
        return [name for row in range(self.teams.rowCount()) if (name := _text(self.teams, row, 0))]

    def _refresh_teams(self) -> None:
        names = self.team_names()
        for row in range(self.people.rowCount()):
            box = self.people.cellWidget(row, TEAM)
            if isinstance(box, QComboBox):
                chosen = box.currentText()
                box.clear()
                box.addItems(["", *names])
                box.setCurrentText(chosen)

    # --- what was typed -------------------------------------------------------------------------------

    def _rows(self, table: QTableWidget, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
        rows = []
        for row in range(table.rowCount()):
            values = {name: _text(table, row, column) for column, name in enumerate(columns)}
            if any(values.values()):
                rows.append((row, values))
        return rows

    def typed(self) -> tuple[list[TeamData], list[NewPerson]]:
        """The teams and people typed (empty rows left out); nothing when the step was skipped."""
        if self.skipped:
            return [], []
        teams = [TeamData(v["name"], v["area"]) for _row, v in self._rows(self.teams, TEAM_COLUMNS)]
        people = [
            NewPerson(PersonData(v["name"], v["role"], email=v["email"], phone=v["phone"]), v["team"])
            for _row, v in self._rows(self.people, PERSON_COLUMNS)
        ]
        return teams, people

    def show_problems(self, problems: dict[str, str]) -> None:
        """Mark each cell a message is about and list the messages below the tables."""
        lines = []
        for table, kind, columns, what in (
            (self.teams, "team", TEAM_COLUMNS, "Teams"),
            (self.people, "person", PERSON_COLUMNS, "Personen"),
        ):
            rows = [row for row, _values in self._rows(table, columns)]
            for position, row in enumerate(rows):
                for column, field in enumerate(columns):
                    message = problems.get(f"{kind}.{position}.{field}", "")
                    if message:
                        lines.append(f"{what}, Zeile {row + 1}: {message}")
                    self._mark(table, row, column, message)
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.setText("\n".join(lines))

    def _mark(self, table: QTableWidget, row: int, column: int, message: str) -> None:
        widget = table.cellWidget(row, column)
        if widget is not None:
            widget.setStyleSheet("QComboBox { background: #fbd5d5; }" if message else "")
            widget.setToolTip(message)
            return
        item = table.item(row, column)
        if item is None:
            item = QTableWidgetItem()
            table.setItem(row, column, item)
        item.setBackground(INVALID if message else QBrush())
        item.setToolTip(message)

    def validatePage(self) -> bool:
        if self.skipped:
            return True
        problems = staff_table_problems(*self.typed())
        self.show_problems(problems)
        return not problems

    # --- a staff list from Excel --------------------------------------------------------------------------

    def choose_staff_list(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Personalliste einlesen", str(Path.home()), "Personalliste (*.csv)")
        if name:
            self.read_staff_list(Path(name))

    def read_staff_list(self, path: Path) -> bool:
        """Add the list's teams and people to the tables (a team already typed is not added twice); the whole list
        is refused, with the bad lines named, when one line is wrong. (The Einstellungen' staff list import,
        ui/settings/staff_import_dialog.py, writes into the database; here nothing is stored before
        "Fertigstellen", so only the list's reading is shared.)"""
        try:
            listed = read_staff_file(path)
        except ValidationError as exc:
            self.errors.setStyleSheet(ERROR_STYLE)
            self.errors.setText("Die Personalliste wurde nicht übernommen:\n" + "\n".join(exc.errors.values()))
            return False
        except KrmError as exc:
            self.errors.setStyleSheet(ERROR_STYLE)
            self.errors.setText(exc.message)
            return False
        known = {name.casefold() for name in self.team_names()}
        for team in listed.teams:
            if team.name.casefold() not in known:
                row = self._free_row(self.teams)
                self.teams.setItem(row, 0, QTableWidgetItem(team.name))
                self.teams.setItem(row, 1, QTableWidgetItem(team.area))
        for person in listed.people:
            row = self._free_row(self.people)
            for column, value in ((0, person.name), (3, person.email), (4, person.phone)):
                self.people.setItem(row, column, QTableWidgetItem(value))
            function = self.people.cellWidget(row, FUNCTION)
            team = self.people.cellWidget(row, TEAM)
            if isinstance(function, QComboBox) and isinstance(team, QComboBox):
                function.setCurrentIndex(function.findData(person.role))
                team.setCurrentText(person.team)
        self.errors.setText(
            f"Aus der Personalliste übernommen: {len(listed.teams)} Team(s), {len(listed.people)} Person(en). "
            "Bitte prüfen Sie die Zeilen; gespeichert wird erst mit „Fertigstellen“."
        )
        self.errors.setStyleSheet("")
        return True

    def _free_row(self, table: QTableWidget) -> int:
        """The first row after the last one with something typed (a new row where there is none)."""
        columns = TEAM_COLUMNS if table is self.teams else PERSON_COLUMNS
        used = [row for row, _values in self._rows(table, columns)]
        row = used[-1] + 1 if used else 0
        return row if row < table.rowCount() else self.add_row(table)
