"""The main window: dashboard tiles, filter bar, the case list and the detail pane of the selected case.

What the first look does not need (the dashboard's counts, the team and year choices, the selected case's details,
the menus' entries, the workflows) comes right after the first rows are painted (`finish_start`). The window makes
the WindowContext that its panels and dialogs receive; none of them imports this module.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from peewee import DatabaseError
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from krm_desktop.model.case_list.filters import CaseFilter, case_years
from krm_desktop.model.case_list.filters import teams as list_teams
from krm_desktop.model.case_list.overview import overview
from krm_desktop.model.case_list.query import change_marker
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
from krm_desktop.ui.context import WindowContext
from krm_desktop.ui.window_layout import restore_layout, save_layout

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

START_FALLBACK_MS = 1_000  # finish_start without a first paint after this long
REFRESH_INTERVAL_MS = 60_000  # look for other workstations' changes this often (F5: at once)
MENUS = {"file": "&Datei", "case": "&Kundenreaktion", "view": "&Ansicht", "help": "&Hilfe"}  # entries: window_menus


class MainWindow(QMainWindow):
    def __init__(
        self,
        store: Store,
        today: date,
        *,
        user: str,
        user_names: tuple[str, ...] = (),
        read_only: bool = False,
        clock: Callable[[], date] | None = None,
        start_check: bool = True,
    ) -> None:
        """`user`: the acting person's name; `user_names`: the names their older events carry (see WindowContext);
        `clock`: the day, asked at each refresh (None: `today` stays); `start_check`: the full check of the
        database file after the first paint, then the day's backup."""
        super().__init__()
        profile = load_profile()
        context = WindowContext(store, today, user, profile, read_only=read_only, user_names=user_names, parent=self)
        self.context = context
        self.clock = clock
        self.check_at_start = start_check
        self.persist_settings = True
        self.started = False  # see finish_start
        self._previous_row = 0  # the row selected before the list was read again (`_reselect`)
        calendar = list_calendar(profile)
        self._set_title(profile.label)  # the office's own name follows (finish_start)

        self.model = CaseTableModel(today, calendar, context.user_names, self)
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
        self.menus = {name: self.menuBar().addMenu(title) for name, title in MENUS.items()}  # entries: finish_start
        self._tab_order()

        self.dashboard.tile_selected.connect(self._tile_selected)
        self.filter_bar.changed.connect(self._filter_changed)
        self.view.open_requested.connect(self.open_row)
        self.model.completed.connect(self._reselect)
        self.model.modelAboutToBeReset.connect(self._remember_row)
        self.view.selectionModel().currentRowChanged.connect(lambda current, _old: self._show_row(current.row()))
        context.case_changed.connect(self.show_changed_case)
        context.data_changed.connect(self.refresh)
        context.status_message.connect(self.statusBar().showMessage)
        restore_layout(self, self.splitter, self.view, self.model)

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
        """The rest of the start, once the list is on screen: the menus' entries, the workflows, the database's
        check and backup, the dashboard's counts, the team and year choices, the detail pane of the selected case,
        the refresh timer. Runs once."""
        if self.started:
            return
        self.started = True
        self._start_fallback.stop()
        from krm_desktop.ui.database.safety import install_store_safety
        from krm_desktop.ui.workflows import Workflows

        self._fill_menus()
        from krm_desktop.ui.entry.mail_drop import install_window_drop  # issue 21: a mail dropped onto the window

        self.mail_drop = install_window_drop(self.context, self)
        self.workflows = Workflows(self.context, self, self.detail, self.selected_case, self.menus["help"])
        self.safety = install_store_safety(
            self.context, self, self.menus["file"], self.database_label, check=self.check_at_start
        )
        self._purge_notice()
        qt = QtCore.Qt
        self.database_label.setTextInteractionFlags(qt.TextInteractionFlag.TextSelectableByMouse)
        header = self.view.horizontalHeader()
        order = self.model.order
        sort_order = qt.SortOrder.DescendingOrder if order.descending else qt.SortOrder.AscendingOrder
        header.setSortIndicator(COLUMN_INDEX[order.column], sort_order)
        self.view.setSortingEnabled(True)  # sorts by the indicator: the order loaded already, nothing to do
        header.sortIndicatorChanged.connect(lambda *_: self._after_reload())

        def step() -> None:
            from krm_desktop.model.office.settings import letterhead

            self._set_title(letterhead()["office_name"] or self.context.profile.label)
            self._load_choices()
            self._update_overview()

        self._reload_guarded(step)
        if not self.view.selectionModel().hasSelection() and self.model.rowCount() > 0:
            # The detail pane shows a case at once, not an empty page (focus alone makes a current cell, unselected).
            self._select_row(max(self.view.currentIndex().row(), 0))
        self._show_row(self.view.currentIndex().row())
        self.refresh_timer.start()

    # --- building --------------------------------------------------------------------------------

    def _set_title(self, office: str) -> None:
        self.setWindowTitle(f"KRM Desktop – {office}" + (" (schreibgeschützt)" if self.context.read_only else ""))

    def _fill_menus(self) -> None:
        from krm_desktop.ui.window_menus import ListSlots, fill_menus

        slots = ListSlots(
            self.refresh, self.open_current, self.selected_case, self.focus_search, self.view.setFocus,
            self.filter_bar.reset, self.toggle_tile,
        )  # fmt: skip
        actions = fill_menus(self.menus, self, self.context, slots)
        self.refresh_action, self.new_action, self.edit_action = actions.refresh, actions.new_case, actions.edit_case

    def _purge_notice(self) -> None:
        """Deletion when it is due (ui.purge.due_notice): counted, and purged where the profile says so, after the
        start check and the day's backup; not in a window started without them."""
        from krm_desktop.ui.purge.due_notice import install_purge_notice

        layout = self.centralWidget().layout()
        assert isinstance(layout, QVBoxLayout)
        self.purge_notice = install_purge_notice(self.context, self, layout, 1, self.workflows.open_purge)
        if self.check_at_start:
            self.purge_notice.start_after(self.safety.start_check)

    def _tab_order(self) -> None:
        chain = [*self.dashboard.tiles.values(), *self.filter_bar.focus_order(), self.view, self.detail]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- keeping the list current ------------------------------------------------------------------

    def _load_choices(self) -> None:
        self.filter_bar.set_teams(list_teams())
        self.filter_bar.set_years(case_years())

    def _update_overview(self) -> None:
        self.dashboard.set_overview(overview(self.context.profile, self.context.today))

    def _after_reload(self) -> None:
        count = self.model.rowCount()
        flt = self.model.filter
        words = "Kundenreaktion" if count == 1 else "Kundenreaktionen"
        number = f"{count:,}".replace(",", ".")
        self.count_label.setText(f"{number} {words}" + ("" if flt == CaseFilter() else " (gefiltert)"))
        self._reselect()

    def _remember_row(self) -> None:
        """Before the list is read again: the selected row, for the case that takes its place (`_reselect`)."""
        index = self.view.currentIndex()
        if index.isValid():
            self._previous_row = index.row()

    def _reselect(self) -> None:
        """Keep the case of the detail pane selected when it is in the new list (looked up among the rows
        written so far; the rest are looked at once the list is complete, see `completed`).

        A case that left the list (closed while the list shows the open ones, filtered out, deleted) leaves
        neither the pane nor the selection behind: the row that took its place is selected and shown (the last
        row when it was the last); an empty list leaves the pane empty."""
        if self.detail.case_id is None or self.view.currentIndex().isValid():
            return
        row = self.model.row_of(self.detail.case_id, complete=False)
        if row is None and not self.model.is_complete:
            return  # perhaps among the rest: `completed` comes back here
        count = self.model.rowCount()
        if row is None and count == 0:
            self.detail.show_case(None)
            return
        if row is None:
            row = min(self._previous_row, count - 1)
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
        context = self.context
        if self.clock is not None and self.clock() != context.today:
            context.today = self.clock()
            self.model.set_today(context.today)
            self.detail.today = context.today
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
        if marker != self._marker or (self.clock is not None and self.clock() != self.context.today):
            self.refresh()

    def show_changed_case(self, case_id: int) -> None:
        """A case was saved in this window (WindowContext.case_changed): read again, select it."""
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

    def selected_case(self) -> int | None:
        """The case selected in the list; None after saying that there is none."""
        index = self.view.currentIndex()
        case_id = self.model.case_id(index.row()) if index.isValid() else None
        if case_id is None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, "Kein Fall gewählt", "Bitte wählen Sie zuerst einen Fall in der Liste.")
        return case_id

    def open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.open_row(index.row())

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search.selectAll()

    # --- closing ------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.model.set_dark(palette_is_dark())
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.persist_settings:
            save_layout(self, self.splitter, self.view)
        self.refresh_timer.stop()
        self._start_fallback.stop()
        self.started = True  # a window closed before its start finished does not finish it any more
        super().closeEvent(event)
