"""The person view: find a person across all cases, see their cases by role, answer an Auskunft, correct data.

The search takes a name, Kundennummer, BG-Nummer, address or e-mail, spelling variants included
(`model.persons.search`). Names that only sound or are spelled alike are listed below the result as "Ähnliche
Namen – bitte prüfen" (`similar_names`), their cases beside them; only "Diese Person meinen" makes one a result.
Selecting several results treats them as one person (one case with an e-mail only,
another with the address). Buttons: record an Auskunftsersuchen (its deadline shows in the dashboard),
"Auskunft erstellen …" (`auskunft_dialog`; cases found only by similarity are confirmed first in
`candidates_dialog`) and "Daten berichtigen …" (Art. 16 DSGVO, `CorrectionDialog`).
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.codes import STATUSES, label
from krm_desktop.model.errors import KrmError
from krm_desktop.model.persons.auskunft import answer_due, record_request, requests_of
from krm_desktop.model.persons.matching import identifier_of, match_person, similar_persons
from krm_desktop.model.persons.person import ROLE_LABELS, Person, merge
from krm_desktop.model.persons.search import PersonQuery, find_persons, refreshed
from krm_desktop.model.persons.spelling import exact_key
from krm_desktop.ui.persons.correction_dialog import CorrectionDialog
from krm_desktop.ui.persons.similar_names import SimilarNames
from krm_desktop.ui.widgets.date_edit import DateEdit
from krm_desktop.ui.widgets.fields import ERROR_STYLE
from krm_desktop.ui.widgets.screen_fit import fit_on_screen

KEY_ROLE = Qt.ItemDataRole.UserRole


class PersonView(QDialog):
    def __init__(self, *, today: date, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today, self.user = today, user
        self.persons: list[Person] = []
        self.auskunft: QDialog | None = None
        self.confirm: QDialog | None = None  # the confirmation of cases found only by similarity
        self.setWindowTitle("Personen: Auskunft und Berichtigung")
        fit_on_screen(self, 1100, 700)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Name, Kundennummer, BG-Nummer, Anschrift oder E-Mail")
        self.search.setAccessibleName("Person suchen")
        self.search.returnPressed.connect(self.run_search)
        find = QPushButton("&Suchen")
        find.clicked.connect(self.run_search)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.results = QListWidget()
        self.results.setAccessibleName("Gefundene Personen")
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.itemSelectionChanged.connect(self.show_person)
        self.similar = SimilarNames()
        self.similar.shown.connect(self.show_candidate)
        self.similar.confirmed.connect(self.take_candidate)
        self.cases = QTreeWidget()
        self.cases.setHeaderLabels(["Kundenreaktion", "Anliegen", "Eingang", "Stand"])
        self.cases.setAccessibleName("Kundenreaktionen der Person nach Rolle")
        self.cases.setColumnWidth(0, 190)
        self.cases.setColumnWidth(1, 200)
        self.requests = QLabel()
        self.requests.setWordWrap(True)
        self.request_button = QPushButton("Auskunfts&ersuchen erfassen …")
        self.auskunft_button = QPushButton("&Auskunft erstellen …")
        self.correct_button = QPushButton("Daten &berichtigen …")
        self.request_button.clicked.connect(self.record_request)
        self.auskunft_button.clicked.connect(self.open_auskunft)
        self.correct_button.clicked.connect(self.open_correction)

        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(find)
        right = QWidget()
        side = QVBoxLayout(right)
        self.cases_title = QLabel()
        self.cases_title.setWordWrap(True)
        side.addWidget(self.cases_title)
        side.addWidget(self.cases, 1)
        side.addWidget(self.requests)
        actions = QHBoxLayout()
        for button in (self.request_button, self.auskunft_button, self.correct_button):
            actions.addWidget(button)
        side.addLayout(actions)
        left = QWidget()
        self.found = QVBoxLayout(left)
        self.found.setContentsMargins(0, 0, 0, 0)
        self.found.addWidget(QLabel("<b>Gefundene Personen</b>"))
        self.found.addWidget(self.results, 3)
        self.found.addWidget(self.similar, 2)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([480, 620])
        close = QDialogButtonBox()
        close.addButton("Schließen", QDialogButtonBox.ButtonRole.RejectRole)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        self._enable(False)

    # --- search -------------------------------------------------------------------------------------------------

    def run_search(self) -> None:
        try:
            result = find_persons(PersonQuery(text=self.search.text()))
            similar, more = similar_persons(self.search.text(), result.persons)
        except KrmError as exc:
            self.message.setText(exc.message)
            return
        self.persons = result.persons
        self.results.clear()
        for person in self.persons:
            self._add_result(person)
        self.similar.show_candidates(similar, more)
        count = len(self.persons)
        text = (
            result.message
            or f"{count} Person{'en' if count != 1 else ''} gefunden. Mehrere markiert: als eine Person behandelt."
        )
        if similar:
            text += " Ähnliche Namen stehen darunter: bitte prüfen und bei Bedarf „Diese Person meinen“ wählen."
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if not self.persons and not similar else "")
        if count == 1:
            self.results.setCurrentRow(0)
        self.show_person()
        self._share_height()
        if not count and similar:
            self.similar.list.setCurrentRow(0)  # its cases show beside it; it is not a result yet

    def _add_result(self, person: Person) -> QListWidgetItem:
        name, _, details = person.describe().partition(" – ")
        item = QListWidgetItem(f"{name}\n{details}")
        item.setData(KEY_ROLE, person.key)
        item.setToolTip("Schreibweisen: " + "; ".join(person.spellings))
        self.results.addItem(item)
        return item

    def _share_height(self) -> None:
        """Without a result the similar names get most of the height."""
        count = self.results.count()
        self.found.setStretchFactor(self.results, 3 if count else 1)
        self.found.setStretchFactor(self.similar, 2 if count else 4)

    def show_candidate(self, person: Person | None) -> None:
        """A similar name selected: its cases beside it, the actions off until the desk confirms it."""
        if person is None:
            self.show_person()
            return
        self.results.blockSignals(True)
        self.results.clearSelection()
        self.results.blockSignals(False)
        self._enable(False)
        self._show_cases(person)
        self.cases_title.setText(f"Kundenreaktionen von „{person.name}“ (ähnlicher Name, noch nicht bestätigt):")
        self.requests.setText("")

    def take_candidate(self, person: Person) -> None:
        """The desk means this similar name: it becomes a result of the search and is selected."""
        self.persons.append(person)
        item = self._add_result(person)
        self.results.clearSelection()
        self.results.setCurrentItem(item)
        item.setSelected(True)
        self._share_height()
        self.message.setStyleSheet("")
        self.message.setText(f"„{person.name}“ als gesuchte Person übernommen.")

    def selected(self) -> Person | None:
        keys = {item.data(KEY_ROLE) for item in self.results.selectedItems()}
        chosen = [p for p in self.persons if p.key in keys]
        if not chosen:
            return None
        return chosen[0] if len(chosen) == 1 else merge(chosen)

    def _enable(self, on: bool) -> None:
        for button in (self.request_button, self.auskunft_button, self.correct_button):
            button.setEnabled(on)

    def show_person(self) -> None:
        person = self.selected()
        if person is not None:
            self.similar.clear_selection()
        self._enable(person is not None)
        self.cases_title.setText("Kundenreaktionen nach Rolle:")
        self._show_cases(person)
        if person is None:
            self.requests.setText("")
            return
        lines = []
        for request in requests_of(person):
            state = request.state(self.today)[1]
            lines.append(f"Auskunftsersuchen {request.number} vom {request.received:%d.%m.%Y}: {state}")
        self.requests.setText("\n".join(lines) or "Kein Auskunftsersuchen erfasst.")

    def _show_cases(self, person: Person | None) -> None:
        self.cases.clear()
        if person is None:
            return
        for role, count in person.roles().items():
            top = QTreeWidgetItem([f"{ROLE_LABELS[role]} ({count})"])
            self.cases.addTopLevelItem(top)
            for case in (c for c in person.cases if c.role == role):
                status = label(STATUSES, case.status) + (f" am {case.closed:%d.%m.%Y}" if case.closed else "")
                QTreeWidgetItem(top, [case.ref, case.kind_label, f"{case.received:%d.%m.%Y}", status])
            top.setExpanded(True)

    # --- actions --------------------------------------------------------------------------------------------------

    def record_request(self, received: date | None = None) -> bool:
        person = self.selected()
        if person is None:
            return False
        if received is None:
            dialog = RequestDateDialog(person, self.today, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            received = dialog.received()
        try:
            request = record_request(person, received=received, today=self.today, user=self.user)
        except KrmError as exc:
            QMessageBox.warning(self, "Auskunftsersuchen", exc.message)
            return False
        self.message.setText(
            f"Auskunftsersuchen {request.number} erfasst; Frist: {request.due:%d.%m.%Y} "
            f"(in {len(request.case_ids)} Kundenreaktion(en) vermerkt)."
        )
        self.show_person()
        return True

    def open_auskunft(self) -> QDialog | None:
        """The Auskunft of the selected person. Cases found only by similarity are first shown for confirmation
        (`CandidatesDialog`, returned then); only the confirmed ones go in."""
        from krm_desktop.ui.persons.candidates_dialog import CandidatesDialog

        person = self.selected()
        if person is None:
            return None
        reference = self._reference_name(person)
        match = match_person(person, reference)
        if not match.candidates:
            return self._auskunft_of(match.person)
        confirm = CandidatesDialog(reference, match, self)
        confirm.accepted.connect(lambda: self._auskunft_of(match.person_with(confirm.confirmed())))
        confirm.open()
        self.confirm = confirm
        return confirm

    def _reference_name(self, person: Person) -> str:
        """Whose name the Auskunft is for: the searched text when it names a row of the person exactly (or is a
        Kundennummer, BG-Nummer or e-mail), else the name the person's cases hold most often."""
        text = self.search.text().strip()
        if identifier_of(text) is not None or any(exact_key(s) == exact_key(text) for s in person.spellings):
            return text
        names = Counter(exact_key(c.data.name) for c in person.cases)
        best = max(names.values())
        return next(" ".join(c.data.name.split()) for c in person.cases if names[exact_key(c.data.name)] == best)

    def _auskunft_of(self, person: Person | None) -> QDialog | None:
        from krm_desktop.ui.persons.auskunft_dialog import AuskunftDialog

        if person is None:
            return None
        try:
            dialog = AuskunftDialog(person, today=self.today, user=self.user, parent=self)
        except KrmError as exc:
            QMessageBox.warning(self, "Auskunft", exc.message)
            return None
        dialog.kept.connect(lambda _ids: self.show_person())
        dialog.show()
        self.auskunft = dialog
        return dialog

    def open_correction(self) -> CorrectionDialog | None:
        person = self.selected()
        if person is None:
            return None
        dialog = CorrectionDialog(person, today=self.today, user=self.user, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.after_correction(person)
        return dialog

    def after_correction(self, person: Person) -> None:
        """Search again under the corrected name (the old spelling may find nothing now)."""
        fresh = refreshed(person)
        if fresh is not None:
            self.search.setText(fresh.name)
        self.run_search()
        if fresh is not None:
            for row in range(self.results.count()):
                item = self.results.item(row)
                item.setSelected(item.data(KEY_ROLE) == fresh.key)
        self.message.setText("Berichtigung gespeichert; in jeder Kundenreaktion ist sie in der Fallhistorie vermerkt.")


class RequestDateDialog(QDialog):
    """When the Auskunftsersuchen came in; shows the deadline it gives."""

    def __init__(self, person: Person, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Auskunftsersuchen von {person.name}")
        self.date = DateEdit(today)
        self.date.setMaximumDate(today)
        self.date.setAccessibleName("Eingang des Auskunftsersuchens")
        self.due = QLabel()
        self.date.line.textChanged.connect(self._show)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Eingegangen am:", self.date)
        form.addRow("Frist (Art. 12 Abs. 3 DSGVO):", self.due)
        form.addRow(buttons)
        self._show()

    def received(self) -> date:
        value = self.date.value()
        assert value is not None  # accept() takes only a whole date
        return value

    def accept(self) -> None:
        if self.date.value() is not None:
            super().accept()

    def _show(self) -> None:
        value = self.date.value()
        if value is None:
            self.due.setStyleSheet(ERROR_STYLE)
            self.due.setText(self.date.problem("Eingegangen am") or "")
            return
        self.due.setStyleSheet("")
        self.due.setText(f"{answer_due(value):%d.%m.%Y} (ein Monat; Wochenende/Feiertag: nächster Werktag)")


def open_person_view(parent: QWidget | None, *, today: date, user: str) -> PersonView:
    """For the main window: the person view, shown (not modal: the case list stays usable)."""
    view = PersonView(today=today, user=user, parent=parent)
    view.show()
    view.search.setFocus()
    return view
