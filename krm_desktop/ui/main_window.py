"""The main window: dashboard tiles, filter bar, the case list and the detail pane of the selected case.

The start is tuned (benchmarks/bench_main_window.py): the window is built and the first rows painted before
anything the first look does not need — the dashboard counts, the team and year choices, the detail pane of the
selected case, sorting by header click (`finish_start`, right after the first paint). Nothing before the first
paint touches PySide6's `Qt` enum namespace (its first use costs some 50 ms, see case_table_model): enum values
Qt needs at start are Qt's defaults or come after the paint; dialogs are imported when they are shown.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from peewee import DatabaseError
from PySide6 import QtCore
from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from krm_desktop import __version__
from krm_desktop.model.case_list.overview import TILES, overview
from krm_desktop.model.case_list.query import (
    COLUMNS,
    CaseFilter,
    SortOrder,
    case_years,
    change_marker,
    setup_case_list,
)
from krm_desktop.model.case_list.query import teams as list_teams
from krm_desktop.model.errors import KrmError
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.store.connection import Store
from krm_desktop.model.time.day_counter import list_calendar
from krm_desktop.ui.case_list.dashboard import Dashboard
from krm_desktop.ui.case_list.detail_pane import DetailPane
from krm_desktop.ui.case_list.due_style import palette_is_dark
from krm_desktop.ui.case_list.filter_bar import DEFAULT_FILTER, FilterBar
from krm_desktop.ui.case_list.table import CaseTableView
from krm_desktop.ui.case_list.table_model import COLUMN_INDEX, CaseTableModel

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QAction, QCloseEvent, QKeySequence

START_FALLBACK_MS = 1_000  # finish_start without a first paint after this long
REFRESH_INTERVAL_MS = 60_000  # look for other workstations' changes this often (F5: at once)
MENUS = {"file": "&Datei", "case": "&Kundenreaktion", "view": "&Ansicht", "help": "&Hilfe"}
NEW_CASE_READ_ONLY = "Schreibgeschützt geöffnet: Kundenreaktionen können hier nicht erfasst oder geändert werden."


class PaletteWatch(QWidget):
    """A hidden widget that says when the palette changes (light/dark, also the system's).

    Not the window's own changeEvent: the window gets title and activation changes before its first paint,
    and the first call of a Python changeEvent makes PySide6 create its QEvent type (some 5 ms)."""

    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        types = QtCore.QEvent.Type
        if event.type() in (types.PaletteChange, types.ApplicationPaletteChange):
            self.changed.emit()
        super().changeEvent(event)


class MainWindow(QMainWindow):
    def __init__(
        self,
        store: Store,
        today: date,
        *,
        user: str,
        read_only: bool = False,
        clock: Callable[[], date] | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self.user = user
        self.read_only = read_only
        self.clock = clock
        self.persist_settings = True
        self.started = False  # see finish_start
        self.profile = load_profile()
        calendar = list_calendar(self.profile)
        setup_case_list(writable=not read_only)
        self._set_title(self.profile.label)  # the office's own name follows (finish_start)

        self.model = CaseTableModel(today, calendar, self.user, self)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Hinweis: Datenbank schreibgeschützt")
        if read_only:  # (rich text costs a few milliseconds of layout: only when shown)
            from html import escape

            self.banner.setStyleSheet(
                "QLabel { background: #fff4c2; color: #000000; border: 1px solid #b08800; padding: 6px; }"
            )
            self.banner.setText(
                f"<b>Schreibgeschützt geöffnet.</b> Die Datenbank {escape(store.describe())} kann von diesem "
                "Arbeitsplatz nur gelesen werden: Sie sehen alle Kundenreaktionen, können aber nichts ändern. "
                "Für Änderungen braucht Ihr Konto Schreibrechte auf die Datei und ihren Ordner – bitte wenden "
                "Sie sich an die IT."
            )
        self.banner.setVisible(read_only)
        self.dashboard = Dashboard()
        self.filter_bar = FilterBar()
        self.view = CaseTableView()
        self.view.setModel(self.model)
        self.detail = DetailPane(today, calendar)
        self.splitter = QSplitter()  # horizontal
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.dashboard)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Anzahl in der Liste")
        self.database_label = QLabel(f"Datenbank: {store.describe()}" + (" (schreibgeschützt)" if read_only else ""))
        self.database_label.setAccessibleName("Datenbank in Gebrauch")
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.database_label)
        self._build_menus()  # their entries follow (finish_start)
        self._tab_order()
        self.palette_watch = PaletteWatch(self)
        self.palette_watch.changed.connect(lambda: self.model.set_dark(palette_is_dark()))

        self.dashboard.tile_selected.connect(self._tile_selected)
        self.filter_bar.changed.connect(self._filter_changed)
        self.view.open_requested.connect(self.open_row)
        self.model.completed.connect(self._reselect)
        self.view.selectionModel().currentRowChanged.connect(lambda current, _old: self._show_row(current.row()))
        self._restore_settings()

        self.filter_bar.show_value(DEFAULT_FILTER)
        self.model.cases.flt = self.filter_bar.value()
        self.model.reload()  # the one query of the list at start
        self._marker = change_marker()
        self._after_reload()

        self.view.setFocus()
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_INTERVAL_MS)
        self.refresh_timer.timeout.connect(self.check_for_changes)
        # What the first paint of the list does not need comes right after it (see finish_start); at the latest
        # after START_FALLBACK_MS (a window that starts minimised may not paint for a long while).
        self.view.first_painted.connect(lambda: QTimer.singleShot(0, self.finish_start))
        self._start_fallback = QTimer(self)
        self._start_fallback.setSingleShot(True)
        self._start_fallback.timeout.connect(self.finish_start)
        self._start_fallback.start(START_FALLBACK_MS)

    def finish_start(self) -> None:
        """The rest of the start, once the list is on screen: the dashboard's counts, the team and year
        choices, the detail pane of the selected case, the refresh timer. Runs once."""
        if self.started:
            return
        self.started = True
        self._start_fallback.stop()
        self._fill_menus()
        from krm_desktop.ui.workflows import Workflows  # letters, persons, reports, purge: after the first paint

        self.workflows = Workflows(self)
        self._store_safety()
        qt = QtCore.Qt
        self.database_label.setTextInteractionFlags(qt.TextInteractionFlag.TextSelectableByMouse)
        self.dashboard.finish()
        header = self.view.horizontalHeader()
        order = self.model.order
        sort_order = qt.SortOrder.DescendingOrder if order.descending else qt.SortOrder.AscendingOrder
        header.setSortIndicator(COLUMN_INDEX[order.column], sort_order)
        self.view.setSortingEnabled(True)  # sorts by the indicator: the order loaded already, nothing to do
        header.sortIndicatorChanged.connect(lambda *_: self._after_reload())

        def step() -> None:
            from krm_desktop.model.office.settings import letterhead

            self._set_title(letterhead()["office_name"] or self.profile.label)
            self._load_choices()
            self._update_overview()

        self._reload_guarded(step)
        self._show_row(self.view.currentIndex().row())
        self.refresh_timer.start()

    def _store_safety(self) -> None:
        """After the first paint: the full check of the file (then the daily backup), "Sicherung
        wiederherstellen" and "Andere Datenbank öffnen" in the Datei menu, and a word in the status bar when the
        file lies on a network drive."""
        from krm_desktop.model.store.network_path import location_status
        from krm_desktop.ui.database.choose import install_database_menu
        from krm_desktop.ui.database.restore_dialog import install_backup_menu
        from krm_desktop.ui.database.start_check import start_check

        self.daily_backup = None  # (started by the check when the file is sound)
        self.start_check = start_check(self) if os.environ.get("KRM_START_CHECK", "on") != "off" else None
        self.restore_action = install_backup_menu(self)
        self.database_action = install_database_menu(self)
        status = location_status(self.store)
        if status is not None:
            self.database_label.setText(f"{self.database_label.text()} · {status[0]}")
            self.database_label.setToolTip(status[1])

    # --- building --------------------------------------------------------------------------------

    def _set_title(self, office: str) -> None:
        self.setWindowTitle(f"KRM Desktop – {office}" + (" (schreibgeschützt)" if self.read_only else ""))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menus = {name: bar.addMenu(title) for name, title in MENUS.items()}

    def _fill_menus(self) -> None:
        from PySide6.QtGui import QKeySequence

        file_menu, case_menu, view_menu, help_menu = self.menus.values()
        self.refresh_action = self._action(file_menu, "&Aktualisieren", QKeySequence("F5"), self.refresh)
        file_menu.addSeparator()
        self._action(file_menu, "&Beenden", QKeySequence.StandardKey.Quit, self.close)
        case_menu.setToolTipsVisible(True)

        def new_case() -> None:
            from krm_desktop.ui.entry.new_case import open_new_case  # the forms load when first used

            open_new_case(self)

        def edit_case() -> None:
            from krm_desktop.ui.entry.new_case import edit_selected_case

            edit_selected_case(self)

        self.new_action = self._action(case_menu, "&Neue Kundenreaktion …", QKeySequence.StandardKey.New, new_case)
        self.edit_action = self._action(case_menu, "Erfassungsdaten &bearbeiten …", QKeySequence("Ctrl+E"), edit_case)
        for action in (self.new_action, self.edit_action):
            action.setEnabled(not self.read_only)
            action.setToolTip(NEW_CASE_READ_ONLY if self.read_only else "")
            action.setStatusTip(NEW_CASE_READ_ONLY if self.read_only else "")
        self._action(case_menu, "Ausgewählte &öffnen (Eingabetaste)", None, self.open_current)
        self._action(view_menu, "&Suchen", QKeySequence.StandardKey.Find, self.focus_search)
        self._action(view_menu, "&Liste", QKeySequence("Ctrl+L"), self.view.setFocus)
        self._action(view_menu, "Filter &zurücksetzen", QKeySequence("Ctrl+Shift+F"), self.filter_bar.reset)
        view_menu.addSeparator()
        for number, (code, caption) in enumerate(TILES.items(), start=1):
            self._action(
                view_menu, f"Nur „{caption}“", QKeySequence(f"Ctrl+{number}"), lambda c=code: self.toggle_tile(c)
            )
        self._action(help_menu, "Ü&ber KRM Desktop", None, self.show_about)

    def _action(
        self,
        menu,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | None,
        slot: Callable[[], object] | None,
    ) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(self)  # (QAction(text, …) would make PySide6 resolve its QIcon overload: a slower start)
        action.setText(text)
        if shortcut is not None:
            # setShortcuts, not setShortcut: PySide6 resolves the latter's overloads with Qt's enum namespace,
            # which the start must not wait for (see case_table_model). A standard key gets the platform's keys.
            action.setShortcuts(shortcut if isinstance(shortcut, QKeySequence.StandardKey) else [shortcut])
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _tab_order(self) -> None:
        chain = [*self.dashboard.tiles.values(), *self.filter_bar.focus_order(), self.view, self.detail]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1560, 920)
        splitter = settings.value("main_window/splitter")
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([1200, 360])
        header = self.view.horizontalHeader()
        state = settings.value("case_table/header")
        if state is None or not header.restoreState(state):
            self.view.apply_default_widths()
            return  # sorted by Frist (SortOrder's default); finish_start shows the indicator
        # The order as text (written with the header's state): reading the header's indicator would need Qt.
        column, _, direction = str(settings.value("case_table/sort") or "").partition(" ")
        if column not in COLUMN_INDEX:  # settings of an older version: ask the header
            column = COLUMNS[header.sortIndicatorSection()] if 0 <= header.sortIndicatorSection() < len(COLUMNS) else ""
            direction = "desc" if header.sortIndicatorOrder() == QtCore.Qt.SortOrder.DescendingOrder else "asc"
        if column in COLUMN_INDEX:
            self.model.set_order(SortOrder(column, direction == "desc"))

    def save_settings(self) -> None:
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/splitter", self.splitter.saveState())
        header = self.view.horizontalHeader()
        settings.setValue("case_table/header", header.saveState())
        if 0 <= header.sortIndicatorSection() < len(COLUMNS):
            descending = header.sortIndicatorOrder() == QtCore.Qt.SortOrder.DescendingOrder
            settings.setValue(
                "case_table/sort", f"{COLUMNS[header.sortIndicatorSection()]} {'desc' if descending else 'asc'}"
            )

    # --- keeping the list current ------------------------------------------------------------------

    def _load_choices(self) -> None:
        self.filter_bar.set_teams(list_teams())
        self.filter_bar.set_years(case_years())

    def _update_overview(self) -> None:
        self.dashboard.set_overview(overview(self.profile, self.today))

    def _after_reload(self) -> None:
        count = self.model.rowCount()
        flt = self.model.filter
        words = "Kundenreaktion" if count == 1 else "Kundenreaktionen"
        number = f"{count:,}".replace(",", ".")
        self.count_label.setText(f"{number} {words}" + ("" if flt == CaseFilter() else " (gefiltert)"))
        self._reselect()

    def _reselect(self) -> None:
        """Keep the case of the detail pane selected when it is in the new list (looked up among the rows
        written so far; the rest are looked at once the list is complete, see `completed`)."""
        if self.detail.case_id is None or self.view.currentIndex().isValid():
            return
        row = self.model.row_of(self.detail.case_id, complete=False)
        if row is not None:
            self._select_row(row)

    def _reload_guarded(self, step: Callable[[], object]) -> bool:
        try:
            step()
        except (DatabaseError, KrmError) as exc:
            message = exc.message if isinstance(exc, KrmError) else str(exc)
            self.statusBar().showMessage(f"Die Liste konnte nicht geladen werden: {message}", 15_000)
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(
                self,
                "Liste nicht geladen",
                "Die Datenbank hat nicht geantwortet (vielleicht schreibt gerade ein anderer Arbeitsplatz). "
                f"Bitte in einem Moment mit F5 erneut versuchen.\n\nTechnische Meldung: {message}",
            )
            return False
        return True

    def _filter_changed(self) -> None:
        flt = self.filter_bar.value(self.dashboard.active())
        if self._reload_guarded(lambda: self.model.set_filter(flt)):
            self._after_reload()

    def _tile_selected(self, tile: str | None) -> None:
        if tile is None:
            self._filter_changed()
        else:
            # The list shows exactly what the tile counts: the other filters step aside.
            self.filter_bar.set_value(CaseFilter())

    def toggle_tile(self, tile: str) -> None:
        self.dashboard.tiles[tile].click()

    def refresh(self) -> None:
        """Read everything again: counts, choices, the list (keeping the selected case) and the detail."""
        if self.clock is not None and self.clock() != self.today:
            self.today = self.clock()
            self.model.set_today(self.today)
            self.detail.today = self.today
        scroll = self.view.verticalScrollBar().value()

        def step() -> None:
            self._load_choices()
            self.model.reload()
            self._update_overview()

        if self._reload_guarded(step):
            self._marker = change_marker()
            self._after_reload()
            self.view.verticalScrollBar().setValue(scroll)
            self.detail.reload()

    def check_for_changes(self) -> None:
        """Timer: refresh only when another workstation committed something (or the day changed)."""
        try:
            marker = change_marker()
        except DatabaseError:
            return  # busy: try again at the next tick
        if marker != self._marker or (self.clock is not None and self.clock() != self.today):
            self.refresh()

    def case_changed(self, case_id: int) -> None:
        """For the editing forms: a case was saved in this window."""
        self.refresh()
        row = self.model.row_of(case_id)
        if row is not None:
            self._select_row(row)

    # --- selection and opening ---------------------------------------------------------------------

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            self.view.selectionModel().SelectionFlag.ClearAndSelect | self.view.selectionModel().SelectionFlag.Rows,
        )
        self.view.scrollTo(index)

    def _show_row(self, row: int) -> None:
        if not self.started:
            return  # the first rows first: finish_start shows the selected case
        case_id = self.model.case_id(row) if row >= 0 else None
        if case_id != self.detail.case_id:
            self.detail.show_case(case_id)

    def open_row(self, row: int) -> None:
        self.finish_start()
        self._show_row(row)
        self.detail.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    def open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.open_row(index.row())

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search.selectAll()

    # --- about, palette, closing -------------------------------------------------------------------

    def about_text(self) -> str:
        from html import escape

        return (
            f"<b>KRM Desktop {escape(__version__)}</b><br>Kundenreaktionsmanagement für Jobcenter.<br><br>"
            f"Datenbank: {escape(self.store.describe())}" + (" (schreibgeschützt)" if self.read_only else "")
        )

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, "Über KRM Desktop", self.about_text())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.persist_settings:
            self.save_settings()
        self.refresh_timer.stop()
        super().closeEvent(event)
