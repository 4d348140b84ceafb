"""A Folgereaktion's earlier case: search the closed cases (Az., name, Kunden-/BG-Nummer, Betreff), pick one,
and see it beside the form (`view`, placed by the form)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.model.cases.stored_case import StoredCase, case_heading
from krm_desktop.model.persons.related_cases import MAX_EARLIER, earlier_cases
from krm_desktop.model.time.working_days import WorkingCalendar
from krm_desktop.ui.widgets.fields import hint

ID_ROLE = Qt.ItemDataRole.UserRole
EMPTY_VIEW = "Hier erscheint der frühere Fall, sobald Sie ihn links ausgewählt haben."


class SearchLine(QLineEdit):
    """Enter searches and goes no further (never to a dialog's default button)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.returnPressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class FollowUpPicker(QWidget):
    chosen = Signal(int)  # the earlier case's id

    def __init__(self, *, today: date, calendar: WorkingCalendar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today, self.calendar = today, calendar
        self.chosen_id: int | None = None
        self.search = SearchLine()
        self.search.setPlaceholderText("Az. (KRM-2026-0042), Name, Kunden- oder BG-Nummer, Betreff")
        self.search.setAccessibleName("Früheren Fall suchen")
        self.search.returnPressed.connect(self.run_search)
        self.find_button = QPushButton("S&uchen")
        self.find_button.setAutoDefault(False)
        self.find_button.clicked.connect(self.run_search)
        self.message = hint(
            "Eine Folgereaktion folgt auf einen abgeschlossenen Fall derselben Person in derselben Sache."
        )
        self.results = QListWidget()
        self.results.setAccessibleName("Gefundene abgeschlossene Fälle")
        self.results.setMaximumHeight(130)
        self.results.setWordWrap(True)
        self.results.currentItemChanged.connect(lambda item, _old: self._pick(item))
        self.results.itemActivated.connect(self._pick)
        self.linked = QLabel()
        self.linked.setAccessibleName("Verknüpfter früherer Fall")
        self.view = QTextBrowser()  # the earlier case, shown side by side with the form
        self.view.setAccessibleName("Früherer Fall")
        self.view.setOpenLinks(False)
        self.view.setMinimumWidth(320)
        self.view.setPlainText(EMPTY_VIEW)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.find_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.results)
        layout.addWidget(self.linked)

    def run_search(self) -> None:
        found = earlier_cases(self.search.text())
        self.results.clear()
        for case in found:
            item = QListWidgetItem(case.describe())
            item.setData(ID_ROLE, case.case_id)
            self.results.addItem(item)
        if not self.search.text().strip():
            self.message.setText("Bitte ein Az., einen Namen oder eine Nummer eingeben.")
        elif not found:
            self.message.setText(f"Kein abgeschlossener Fall gefunden für „{self.search.text().strip()}“.")
        else:
            more = f" (die neuesten {MAX_EARLIER}; bitte genauer suchen)" if len(found) == MAX_EARLIER else ""
            count = "1 abgeschlossener Fall" if len(found) == 1 else f"{len(found)} abgeschlossene Fälle"
            self.message.setText(f"{count} gefunden{more}. Bitte den früheren wählen.")
            self.results.setCurrentRow(0)
            self.results.setFocus()

    def _pick(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.choose(int(item.data(ID_ROLE)))

    def choose(self, case_id: int) -> None:
        from krm_desktop.ui.case_list.case_html import case_html

        case = case_heading(case_id)
        html = case_html(case_id, self.today, self.calendar) if case is not None else None
        if case is None or html is None:
            return
        self.chosen_id = case_id
        self.view.setHtml(html)
        self.linked.setText(f"Folgereaktion zu <b>{case.ref}</b>")
        self.chosen.emit(case_id)

    def show_fixed(self, case: StoredCase) -> None:
        """Edit mode: the link is fixed; only the earlier case is shown (or its reference, when it was purged)."""
        self.search.hide()
        self.find_button.hide()
        self.results.hide()
        self.message.setText("Die Verknüpfung einer Folgereaktion bleibt beim Bearbeiten unverändert.")
        if case.follows_id:
            self.choose(case.follows_id)
        else:
            self.linked.setText(f"Folgereaktion zu <b>{case.follows_ref}</b> (gelöscht)")
            self.view.setPlainText(f"Der frühere Fall {case.follows_ref} wurde nach Ablauf der Frist gelöscht.")

    def follows_ref(self) -> str | None:
        if self.chosen_id is None:
            return None
        case = case_heading(self.chosen_id)
        return case.ref if case else None
