"""Einstellungen: one window with a page per subject (list on the left, the page on the right).

A page is imported and built when it is first shown, so opening the window costs only the first page. Each page
saves its own changes with its own button; "Schließen" asks before unsaved changes are dropped."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from krm_desktop.ui.widgets.discard import confirm_discard
from krm_desktop.ui.widgets.screen_fit import fit_on_screen

if TYPE_CHECKING:
    from krm_desktop.ui.context import WindowContext

GEOMETRY_KEY = "settings_window/geometry"
DEFAULT_SIZE = (1280, 720)  # fits a 1366×768 screen with the task bar


PageFactory = Callable[["WindowContext", QWidget | None], QWidget]


def _office_page(context: WindowContext, parent: QWidget | None) -> QWidget:
    from krm_desktop.ui.settings.office_page import OfficePage

    return OfficePage(context, parent)


def _teams_page(context: WindowContext, parent: QWidget | None) -> QWidget:
    from krm_desktop.ui.settings.teams_page import TeamsPage

    return TeamsPage(context, parent)


def _people_page(context: WindowContext, parent: QWidget | None) -> QWidget:
    from krm_desktop.ui.settings.people_page import PeoplePage

    return PeoplePage(context, parent)


def _rules_page(context: WindowContext, parent: QWidget | None) -> QWidget:
    from krm_desktop.ui.settings.rules_page import RulesPage

    return RulesPage(context, parent)


def _topics_page(context: WindowContext, parent: QWidget | None) -> QWidget:
    from krm_desktop.ui.settings.topics_page import TopicsPage

    return TopicsPage(context, parent)


# key (for open_settings' `page`), title in the list, the function that imports and builds the page; in this order.
PAGES: tuple[tuple[str, str, PageFactory], ...] = (
    ("office", "Dienststelle und Briefkopf", _office_page),
    ("teams", "Teams und Bereiche", _teams_page),
    ("people", "Personen", _people_page),
    ("rules", "Fristen und Regeln", _rules_page),
    ("topics", "Themen", _topics_page),
)


class SettingsWindow(QDialog):
    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Einstellungen" + (" (nur lesbar)" if context.read_only else ""))
        self.pages: dict[str, QWidget] = {}  # key -> page, once built
        self.list = QListWidget()
        self.list.setAccessibleName("Seiten der Einstellungen")
        self.list.addItems([title for _key, title, _factory in PAGES])
        self.list.setFixedWidth(self.list.sizeHintForColumn(0) + 2 * self.list.frameWidth() + 12)
        self.stack = QStackedWidget()
        self.stack.setAccessibleName("Einstellungen")
        for _page in PAGES:
            self.stack.addWidget(QWidget())  # a placeholder until the page is first shown
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Schließen")
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.list)
        row.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show_row)
        self._restore_geometry()

    def _restore_geometry(self) -> None:
        geometry = QSettings().value(GEOMETRY_KEY)
        if geometry is not None and self.restoreGeometry(geometry):
            return
        fit_on_screen(self, *DEFAULT_SIZE)

    def show_page(self, key: str) -> QWidget:
        """Select the page with this key (building it if needed) and return it."""
        row = next(row for row, (k, _title, _factory) in enumerate(PAGES) if k == key)
        self.list.setCurrentRow(row)
        return self.pages[key]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key, _title, factory = PAGES[row]
        if key not in self.pages:
            page = factory(self.context, self.stack)
            placeholder = self.stack.widget(row)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.insertWidget(row, page)
            self.pages[key] = page
        self.stack.setCurrentIndex(row)

    def unsaved_titles(self) -> list[str]:
        built = self.pages
        return [title for key, title, _factory in PAGES if key in built and built[key].has_unsaved()]  # type: ignore[attr-defined]

    def reject(self) -> None:
        titles = self.unsaved_titles()
        if titles and not self._discard(titles):
            return
        QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())
        super().reject()

    def _discard(self, titles: list[str]) -> bool:
        quoted = [f"„{title}“" for title in titles]
        where = (
            f"Auf der Seite {quoted[0]} sind"
            if len(quoted) == 1
            else f"Auf den Seiten {', '.join(quoted[:-1])} und {quoted[-1]} sind"
        )
        return confirm_discard(self, f"{where} Änderungen nicht gespeichert.")


def open_settings(context: WindowContext, parent: QWidget | None, page: str | None = None) -> SettingsWindow:
    """Show the Einstellungen window (non-modal) at the page with this key, or at the first page."""
    window = SettingsWindow(context, parent)
    window.show_page(page or PAGES[0][0])
    window.show()
    window.list.setFocus()
    return window
