"""The case table model on its own: qtmodeltester, colours and words for each due state, contrast, icons,
and the PySide6 refcount guard on the real model."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QPixmap

from krm_desktop.model.case_list import query as case_list
from krm_desktop.model.case_list.filters import CaseFilter
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.time.day_counter import list_calendar
from krm_desktop.model.time.deadlines import DueState
from krm_desktop.ui.case_list.due_style import DARK, LIGHT, contrast_ratio, icon_path, load_icon
from krm_desktop.ui.case_list.table import CaseTableView
from krm_desktop.ui.case_list.table_model import (
    CASE_ID_ROLE,
    DUE_COLUMN,
    DUE_HEADER_TIP,
    DUE_STATE_ROLE,
    HEADERS,
    CaseTableModel,
)
from tests import factories as f
from tests.ui.data import DueCases, make_due_cases

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def due(store) -> DueCases:
    return make_due_cases()


def loaded_model(flt: CaseFilter = CaseFilter()) -> CaseTableModel:  # noqa: B008
    model = CaseTableModel(f.TODAY, list_calendar(load_profile()), f.USER)
    model.cases.flt = flt
    model.reload()
    return model


def row_of_ref(model: CaseTableModel, ref: str) -> int:
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data() == ref)


def test_qtmodeltester(qtmodeltester, due: DueCases) -> None:
    model = loaded_model()
    qtmodeltester.check(model, force_py=True)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_headers_are_german(due: DueCases) -> None:
    model = loaded_model()
    horizontal = Qt.Orientation.Horizontal
    titles = [model.headerData(c, horizontal) for c in range(model.columnCount())]
    assert titles == list(HEADERS.values())
    assert titles[DUE_COLUMN] == "nächste Frist"
    assert model.headerData(DUE_COLUMN, horizontal, Qt.ItemDataRole.ToolTipRole) == DUE_HEADER_TIP
    assert model.headerData(0, horizontal, Qt.ItemDataRole.ToolTipRole) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_the_view_header_shows_the_models_titles(qtbot, due: DueCases) -> None:
    model = loaded_model()
    view = CaseTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    header = view.horizontalHeader()
    assert header.model() is model
    assert [header.model().headerData(c, Qt.Orientation.Horizontal) for c in range(header.count())] == list(
        HEADERS.values()
    )


@pytest.mark.parametrize(
    ("name", "state", "words", "colour_light"),
    [
        ("overdue", DueState.OVERDUE, "überfällig seit 11 AT · Eingangsbestätigung", LIGHT[DueState.OVERDUE][0]),
        ("due_today", DueState.DUE_SOON, "heute fällig · Eingangsbestätigung", LIGHT[DueState.DUE_SOON][0]),
        (
            "due_soon",
            DueState.DUE_SOON,
            "fällig am 23.11.2026 (in 1 AT) · Eingangsbestätigung",
            LIGHT[DueState.DUE_SOON][0],
        ),
        ("on_track", DueState.ON_TRACK, "fällig am 25.11.2026 · Eingangsbestätigung", LIGHT[DueState.ON_TRACK][0]),
        ("closed", DueState.CLOSED, "abgeschlossen am 02.03.2026", LIGHT[DueState.CLOSED][0]),
        ("no_clock", DueState.NO_CLOCK, "keine Frist", None),
    ],
)
def test_due_cell_has_colour_words_and_icon(due: DueCases, name, state, words, colour_light) -> None:
    model = loaded_model()
    model.set_dark(False)
    case = getattr(due, name)
    index = model.index(row_of_ref(model, case.ref), DUE_COLUMN)
    assert index.data(DISPLAY) == words
    assert index.data(DUE_STATE_ROLE) == state.value
    assert index.data(CASE_ID_ROLE) == case.id
    background = index.data(Qt.ItemDataRole.BackgroundRole)
    icon = index.data(Qt.ItemDataRole.DecorationRole)
    if colour_light is None:  # no clock: no colour, no icon, the words say it
        assert background is None and icon is None
        return
    assert isinstance(background, QColor) and background.name() == colour_light
    foreground = index.data(Qt.ItemDataRole.ForegroundRole)
    assert contrast_ratio(background, foreground) >= 7.0  # WCAG AAA for the words
    assert isinstance(icon, QPixmap) and not icon.isNull()
    assert icon.deviceIndependentSize().toSize() == QSize(16, 16)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole).endswith(words)
    assert words.split(" · ")[0] in index.data(Qt.ItemDataRole.ToolTipRole)
    # only the due column is coloured
    assert model.index(index.row(), 0).data(Qt.ItemDataRole.BackgroundRole) is None


def test_dark_palette_colours_keep_the_contrast(due: DueCases) -> None:
    model = loaded_model()
    model.set_dark(True)
    index = model.index(row_of_ref(model, due.overdue.ref), DUE_COLUMN)
    assert index.data(Qt.ItemDataRole.BackgroundRole).name() == DARK[DueState.OVERDUE][0]
    for palette in (LIGHT, DARK):
        for background, text in palette.values():
            assert contrast_ratio(QColor(background), QColor(text)) >= 7.0


def test_states_differ_by_more_than_colour(due: DueCases) -> None:
    """Colour-blind users: every coloured state has its own icon shape and its own words."""
    model = loaded_model()
    images = {}
    for name in ("overdue", "due_soon", "on_track", "closed"):
        index = model.index(row_of_ref(model, getattr(due, name).ref), DUE_COLUMN)
        image = index.data(Qt.ItemDataRole.DecorationRole).toImage()
        grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
        images[name] = bytes(grey.constBits())
    assert len(set(images.values())) == 4  # distinct even in grey


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("state", [DueState.OVERDUE, DueState.DUE_SOON, DueState.ON_TRACK, DueState.CLOSED])
def test_each_icon_file_exists_and_loads(qapp, state: DueState, dark: bool) -> None:
    path = icon_path(state, dark)
    assert path.is_file()
    image = QImage(str(path))
    assert not image.isNull() and image.size() == QSize(32, 32)  # drawn at twice the size shown
    icon = load_icon(state, dark)
    assert icon.deviceIndependentSize().toSize() == QSize(16, 16)
    assert image.pixelColor(16, 16).alpha() > 0  # something is drawn in the middle


def test_empty_roles_keep_the_refcount_of_none(due: DueCases) -> None:
    """The PySide6 6.12.0 / Python 3.11 bug ('none_dealloc') on our real model: 10,000 empty answers."""
    model = loaded_model()
    cell = model.index(0, 0)
    due_cell = model.index(row_of_ref(model, due.no_clock.ref), DUE_COLUMN)
    empty_roles = [
        (cell, Qt.ItemDataRole.BackgroundRole),
        (cell, Qt.ItemDataRole.FontRole),
        (cell, Qt.ItemDataRole.DecorationRole),
        (due_cell, Qt.ItemDataRole.BackgroundRole),  # no clock: no colour
        (due_cell, Qt.ItemDataRole.CheckStateRole),
    ]
    for index, role in empty_roles:
        for _ in range(100):
            assert index.data(role) is None
    before = sys.getrefcount(None)
    for _ in range(2_000):
        for index, role in empty_roles:
            index.data(role)
    after = sys.getrefcount(None)
    assert abs(after - before) < 50, f"None lost {before - after} references in 10,000 calls"


def test_rows_are_fetched_in_pages_not_all_at_once(store) -> None:
    for i in range(120):
        f.register(subject=f"Fall {i}")
    model = loaded_model()
    assert model.rowCount() == 120
    assert model.queries == 0  # counting needs no rows
    model.index(0, 0).data()
    model.index(49, 0).data()
    assert model.queries == 1
    model.index(119, 0).data()
    assert model.queries == 2


def test_a_page_beyond_the_first_rows_waits_only_for_its_own_positions(qtbot, store, monkeypatch) -> None:
    monkeypatch.setattr(case_list, "FIRST_ROWS", 4)
    for i in range(120):
        f.register(subject=f"Fall {i}")
    model = loaded_model()
    assert model.cases.filled == 4 and not model.is_complete
    with qtbot.waitSignal(model.completed):
        assert model.index(60, 0).data() == model.row(60).ref  # page 2: positions 51 … 100
        assert model.cases.filled == 100 and not model.is_complete  # the rest comes after this paint
    assert model.is_complete and model.cases.filled == 120 == model.rowCount()
