"""The report wizard's page of the office's texts (the qualitative part): the general sections, one text per kind
category where the office writes per category (profile `report_texts_by_category`, Pankow), and beside them the
Auffälligkeiten with a button that copies them into the text. Prefilled with what was saved for the period;
saved on "Weiter"; a refused text is shown next to its field and nothing typed is lost."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.reports.categories import CATEGORIES
from krm_desktop.model.reports.periods import Period
from krm_desktop.model.reports.texts import SECTIONS, ReportTexts, load_texts, save_texts
from krm_desktop.ui.reports.input_pages import error_label, show_error
from krm_desktop.ui.reports.notable_panel import NotablePanel

GENERAL_TAB, CATEGORY_TAB = 0, 1


def category_key(code: str) -> str:
    """The key of a category's text in `edits`/`errors`, as the model's refusal names it."""
    return f"category.{code}"


class TextsPage(QWizardPage):
    def __init__(self, by_category: bool) -> None:
        super().__init__()
        self.setTitle("Schwerpunkte und Optimierung")
        self.setSubTitle(
            "Was war auffällig, was wird verbessert? Die Texte erscheinen im Bericht; Zeilen mit „- “ am Anfang "
            "werden Aufzählungspunkte. Sie werden für diesen Zeitraum gespeichert."
        )
        self.by_category = by_category
        self.edits: dict[str, QPlainTextEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.tabs = QTabWidget()
        general = QWidget()
        column = QVBoxLayout(general)
        for name, heading in SECTIONS.items():
            self._add_text(column, name, f"{heading}:")
        self.tabs.addTab(general, "Allgemein")
        self.category_list = QListWidget()
        self.category_stack = QStackedWidget()
        if by_category:
            self.tabs.addTab(self._category_tab(), "Je Kategorie")
        self.notable = NotablePanel()
        self.notable.copy_requested.connect(self.take_notable)
        row = QHBoxLayout(self)
        row.addWidget(self.tabs, 3)
        row.addWidget(self.notable, 2)
        self.loaded_for: Period | None = None
        self._kept_categories: dict[str, str] = {}  # stored per-category texts while the office writes none

    def _add_text(self, layout: QVBoxLayout, key: str, caption: str) -> None:
        edit = QPlainTextEdit()
        edit.setAccessibleName(caption.rstrip(":"))
        edit.setTabChangesFocus(True)
        label = QLabel(caption)
        label.setWordWrap(True)
        label.setBuddy(edit)
        self.edits[key] = edit
        self.errors[key] = error_label()
        layout.addWidget(label)
        layout.addWidget(edit, 1)
        layout.addWidget(self.errors[key])

    def _category_tab(self) -> QWidget:
        self.category_list.setAccessibleName("Kategorie")
        self.category_list.setMaximumWidth(210)
        for category in CATEGORIES:
            self.category_list.addItem(category.label)
            page = QWidget()
            column = QVBoxLayout(page)
            column.setContentsMargins(0, 0, 0, 0)
            self._add_text(column, category_key(category.code), f"{category.label}: was fiel auf, was wird verbessert?")
            self.category_stack.addWidget(page)
        self.category_list.currentRowChanged.connect(self.category_stack.setCurrentIndex)
        self.category_list.setCurrentRow(0)
        tab = QWidget()
        row = QHBoxLayout(tab)
        row.addWidget(self.category_list)
        row.addWidget(self.category_stack, 1)
        return tab

    def initializePage(self) -> None:
        wizard = self.wizard()
        period = wizard.period()  # type: ignore[attr-defined]
        self.notable.show_figures(wizard.compute())  # type: ignore[attr-defined]
        if period == self.loaded_for:
            return  # back and forth on the same period keeps what was typed
        texts = load_texts(period)
        for name in SECTIONS:
            self.edits[name].setPlainText(getattr(texts, name))
        for category in CATEGORIES:
            key = category_key(category.code)
            if key in self.edits:
                self.edits[key].setPlainText(texts.categories.get(category.code, ""))
        self._kept_categories = {} if self.by_category else dict(texts.categories)
        for label in self.errors.values():
            show_error(label, None)
        self.loaded_for = period

    def texts(self) -> ReportTexts:
        categories = dict(self._kept_categories)
        for category in CATEGORIES:
            key = category_key(category.code)
            if key in self.edits and self.edits[key].toPlainText():
                categories[category.code] = self.edits[key].toPlainText()
        return ReportTexts(**{name: self.edits[name].toPlainText() for name in SECTIONS}, categories=categories)

    def take_notable(self, lines: str) -> None:
        """Append the Auffälligkeiten to their text (once), and put the cursor there to comment them."""
        edit = self.edits["notable"]
        current = edit.toPlainText().rstrip()
        lines = lines.replace("\u00a0", " ")  # as the text field keeps it
        if lines not in current:
            edit.setPlainText(f"{current}\n{lines}" if current else lines)
        self.tabs.setCurrentIndex(GENERAL_TAB)
        edit.setFocus()
        edit.moveCursor(QTextCursor.MoveOperation.End)

    def show_problems(self, errors: dict[str, str]) -> None:
        first = None
        for key, message in errors.items():
            shown = key if key in self.errors else next(iter(SECTIONS))  # a key no field has: the first one
            show_error(self.errors[shown], message)
            first = first or shown
        if first is None:
            return
        if first.startswith("category."):
            self.tabs.setCurrentIndex(CATEGORY_TAB)
            codes = [category_key(c.code) for c in CATEGORIES]
            self.category_list.setCurrentRow(codes.index(first))
        else:
            self.tabs.setCurrentIndex(GENERAL_TAB)
        self.edits[first].setFocus()

    def validatePage(self) -> bool:
        for label in self.errors.values():
            show_error(label, None)
        try:
            save_texts(self.wizard().period(), self.texts())  # type: ignore[attr-defined]
        except ValidationError as exc:
            self.show_problems(exc.errors)
            return False
        return True
