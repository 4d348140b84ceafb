"""After a case leaves the list (closed through the real close dialog while the list shows the open cases, or
filtered out), the detail pane does not keep showing it: the row that took its place is selected and shown, and
an empty list leaves the pane empty."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.store.entities import Case
from krm_desktop.ui.case_list.detail_pane import EMPTY_TEXT
from krm_desktop.ui.main_window import MainWindow
from tests import factories as f
from tests.ui.action_helpers import choose, open_action, saved, select, set_date, started_window


@pytest.fixture
def people(store):
    return f.office_people()


def listed(window: MainWindow) -> list[int | None]:
    return [window.model.case_id(row) for row in range(window.model.rowCount())]


def close_selected(qtbot, window: MainWindow, people) -> Case:
    dialog = open_action(qtbot, window, checks.CLOSE)
    choose(dialog.outcomes[1], "begruendet")
    choose(dialog.signer, people["tl"].id)
    set_date(dialog.answer_date, date(2026, 11, 18))
    set_date(dialog.closed_on, date(2026, 11, 19))
    return saved(qtbot, dialog)


def register_three(people) -> list[Case]:
    return [f.register(team_id=people["team"].id, subject=f"Anliegen {n}") for n in range(3)]


def shown(window: MainWindow) -> int | None:
    """The case of the selected row, checked against the detail pane."""
    index = window.view.currentIndex()
    case_id = window.model.case_id(index.row()) if index.isValid() else None
    assert window.detail.case_id == case_id
    return case_id


def test_closing_the_middle_case_shows_the_case_that_took_its_row(qtbot, store, people) -> None:
    register_three(people)
    window = started_window(qtbot, store)
    before = listed(window)
    select(window, before[1])
    closed = close_selected(qtbot, window, people)
    assert closed.status == "abgeschlossen"
    assert listed(window) == [before[0], before[2]]  # the list shows the open cases
    assert window.view.currentIndex().row() == 1 and shown(window) == before[2]
    assert Case.get_by_id(before[2]).ref in window.detail.toPlainText()
    assert closed.ref not in window.detail.toPlainText()
    assert window.workflows.case_actions.actions[checks.CLOSE].isEnabled()  # the buttons follow the shown case


def test_closing_the_last_row_shows_the_row_above(qtbot, store, people) -> None:
    register_three(people)
    window = started_window(qtbot, store)
    before = listed(window)
    select(window, before[2])
    close_selected(qtbot, window, people)
    assert window.view.currentIndex().row() == 1 and shown(window) == before[1]


def test_closing_the_only_open_case_leaves_the_pane_empty(qtbot, store, people) -> None:
    case = f.register(team_id=people["team"].id)
    window = started_window(qtbot, store)
    select(window, case.id)
    close_selected(qtbot, window, people)
    assert window.model.rowCount() == 0
    assert shown(window) is None and window.detail.toPlainText() == EMPTY_TEXT
    assert not window.workflows.case_actions.actions[checks.CLOSE].isEnabled()


def test_with_all_cases_listed_the_closed_case_stays_selected(qtbot, store, people) -> None:
    register_three(people)
    window = started_window(qtbot, store)
    window.filter_bar.status.setCurrentIndex(0)  # all
    before = listed(window)
    select(window, before[1])
    close_selected(qtbot, window, people)
    assert shown(window) == before[1] and "abgeschlossen" in window.detail.toPlainText()


def test_a_search_that_leaves_the_case_out_shows_the_first_hit(qtbot, store, people) -> None:
    register_three(people)
    other = f.register(team_id=people["team"].id, person=f.person("Hans Lindemann", customer_no="999B000001"))
    window = started_window(qtbot, store)
    first = listed(window)[0]
    select(window, first if first != other.id else listed(window)[1])
    window.filter_bar.search.setText("Lindemann")
    qtbot.waitUntil(lambda: listed(window) == [other.id])
    assert shown(window) == other.id
    window.filter_bar.search.setText("Niemand")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    assert shown(window) is None and window.detail.toPlainText() == EMPTY_TEXT
