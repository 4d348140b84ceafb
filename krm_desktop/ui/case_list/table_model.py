"""The case list as a QAbstractTableModel over case positions; rows come in pages from `CaseList`.

Sorting and filtering happen in SQL (`krm_desktop.model.case_list.query`); this model keeps a small cache of
pages and answers `data()` and `headerData()` with Qt's roles. The due column carries its state three ways:
colour (BackgroundRole, ForegroundRole), words (DisplayRole) and an icon (DecorationRole).
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date

from peewee import OperationalError
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal

from krm_desktop.model.case_list.filters import Actors, CaseFilter
from krm_desktop.model.case_list.query import COLUMNS, CaseList, CaseRow
from krm_desktop.model.case_list.sort_order import SortOrder
from krm_desktop.model.time.deadlines import DueState
from krm_desktop.model.time.working_days import WorkingCalendar
from krm_desktop.ui.case_list.due_style import STATE_WORDS, DueStyle, palette_is_dark

HEADERS = {
    "ref": "Az.",
    "received": "Eingang",
    "kinds": "Anliegensart(en)",
    "channel": "Eingangsweg",
    "person": "Kunde/Einsender",
    "team": "Team",
    "due": "nächste Frist",
    "status": "Status",
}
DUE_HEADER_TIP = "Was als Nächstes fällig ist und bis wann (Arbeitstage = AT)"
COLUMN_INDEX = {name: index for index, name in enumerate(COLUMNS)}
DUE_COLUMN = COLUMN_INDEX["due"]
PAGE_SIZE = 50
MAX_PAGES = 40  # small row cache: 2,000 rows at most

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DUE_STATE_ROLE = Qt.ItemDataRole.UserRole + 2

_Line = tuple[CaseRow, tuple[str, ...]]  # a fetched row and the texts of its cells
_MISSING = "(inzwischen gelöscht)"


def _text(row: CaseRow, column: int) -> str:
    if column == 0:
        return row.ref
    if column == 1:
        return f"{row.received:%d.%m.%Y}"
    if column == 2:
        return row.kinds
    if column == 3:
        return row.channel
    if column == 4:
        return row.person
    if column == 5:
        return row.team
    if column == 6:
        return row.due_text
    return row.status


class CaseTableModel(QAbstractTableModel):
    completed = Signal()  # every position of the list is written (see CaseList.complete)

    def __init__(self, today: date, calendar: WorkingCalendar, user: Actors, parent=None) -> None:
        super().__init__(parent)
        self.cases = CaseList(today, calendar, user)
        self._pages: OrderedDict[int, list[_Line | None]] = OrderedDict()
        self._last: tuple[int, _Line | None] = (-1, None)  # the row asked last (a cell asks several roles)
        self._style = DueStyle(palette_is_dark())
        self.queries = 0  # page queries run (tests and the benchmark look at it)

    # --- what is listed ------------------------------------------------------------------------

    @property
    def filter(self) -> CaseFilter:
        return self.cases.flt

    @property
    def order(self) -> SortOrder:
        return self.cases.order

    def set_filter(self, flt: CaseFilter) -> None:
        if flt != self.cases.flt:
            self.cases.flt = flt
            self.reload()

    def set_today(self, today: date) -> None:
        self.cases.today = today

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        wanted = SortOrder(COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        if wanted != self.cases.order:
            self.cases.order = wanted
            self.reload()

    def set_order(self, order: SortOrder) -> None:
        """Set the order without loading (before the first load)."""
        self.cases.order = order

    def reload(self) -> None:
        """Run the filter and sort again (also picks up changes made elsewhere)."""
        self.beginResetModel()
        self._pages.clear()
        self._last = (-1, None)
        try:
            self.cases.load()
        except Exception:
            self.cases.count = 0  # e.g. locked for longer than the busy timeout: an empty list, then the error
            raise
        finally:
            self.endResetModel()

    @property
    def is_complete(self) -> bool:
        return self.cases.is_complete

    def complete(self) -> None:
        """Write the positions beyond the first rows (see CaseList); the view calls it after painting."""
        if not self.cases.is_complete:
            self._completed(self.cases.complete())

    def _completed(self, count_changed: bool) -> None:
        if count_changed:
            self._count_changed()
        self.completed.emit()

    def _count_changed(self) -> None:
        """Someone changed the cases between the count and the rest of the list: show it as it is now."""
        self.beginResetModel()
        self._pages.clear()
        self._last = (-1, None)
        self.endResetModel()

    def set_dark(self, dark: bool) -> None:
        if dark != self._style.dark:
            self._style = DueStyle(dark)
            if self.cases.count:
                self.dataChanged.emit(self.index(0, DUE_COLUMN), self.index(self.cases.count - 1, DUE_COLUMN))

    # --- rows --------------------------------------------------------------------------------

    def row(self, row: int) -> CaseRow | None:
        line = self._line(row)
        return line[0] if line is not None else None

    def _line(self, row: int) -> _Line | None:
        last = self._last
        if row == last[0]:
            return last[1]
        found = self._lookup(row)
        self._last = (row, found)
        return found

    def _lookup(self, row: int) -> _Line | None:
        if not 0 <= row < self.cases.count:
            return None
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            page = self._fetch(page_no)
        else:
            self._pages.move_to_end(page_no)
        offset = row - page_no * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def _fetch(self, page_no: int) -> list[_Line | None]:
        first = page_no * PAGE_SIZE  # positions are 1-based: this page holds first+1 … first+PAGE_SIZE
        if first + PAGE_SIZE > self.cases.filled and not self.cases.is_complete:
            # Only the positions up to this page: a list that keeps its place far down after a filter change
            # is painted without waiting for the rest, which is written right after the paint.
            changed = self.cases.fill_to(first + PAGE_SIZE)
            if self.cases.is_complete:
                QTimer.singleShot(0, lambda: self._completed(changed))  # not inside data(): after this paint
            else:
                QTimer.singleShot(0, self.complete)
        try:
            rows = self.cases.rows_after(first, PAGE_SIZE)
        except OperationalError:
            # The connection was reopened and its temporary position table is gone: load it again.
            self.cases.load()
            rows = self.cases.rows_after(first, PAGE_SIZE)
        self.queries += 1
        page: list[_Line | None] = [None] * min(PAGE_SIZE, max(self.cases.count - first, 0))
        for found in rows:  # a case deleted meanwhile leaves a gap until the next reload
            if 0 <= found.pos - first - 1 < len(page):
                page[found.pos - first - 1] = (found, tuple(_text(found, column) for column in range(len(COLUMNS))))
        self._pages[page_no] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def case_id(self, row: int) -> int | None:
        found = self.row(row)
        return found.id if found is not None else None

    def row_of(self, case_id: int, *, complete: bool = True) -> int | None:
        pos = self.cases.position_of(case_id, complete=complete)
        return None if pos is None else pos - 1

    # --- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.cases.count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[COLUMNS[section]]
        if role == Qt.ItemDataRole.ToolTipRole and section == DUE_COLUMN:
            return DUE_HEADER_TIP
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            line = self._line(index.row())
            if line is None:
                return _MISSING if column == 0 else ""
            return line[1][column]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            row = self.row(index.row())
            if row is None:
                return _MISSING if column == 0 else None
            if column == DUE_COLUMN:  # the state in words first
                return f"{STATE_WORDS[row.due.state]}: {row.due_text}"
            return _text(row, column)
        if role == CASE_ID_ROLE:
            row = self.row(index.row())
            return None if row is None else row.id
        if role == DUE_STATE_ROLE:
            row = self.row(index.row())
            return None if row is None else row.due.state.value
        if column != DUE_COLUMN:
            return None
        row = self.row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._style.background.get(row.due.state)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._style.foreground.get(row.due.state)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._style.icons.get(row.due.state)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _due_tooltip(row)
        return None


def _due_tooltip(row: CaseRow) -> str:
    due = row.due
    lines = [STATE_WORDS[due.state]]
    if due.action:
        lines.append(f"Fällig: {due.action_label}")
    if due.due:
        lines.append(f"bis {due.due:%d.%m.%Y}")
    if due.state is not DueState.NO_CLOCK or due.text != lines[0]:
        lines.append(due.text)
    return "\n".join(dict.fromkeys(lines))
