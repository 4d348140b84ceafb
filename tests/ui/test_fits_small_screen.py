"""Every window fits the smallest supported screen, 1366×768 less a taskbar (issue 20 item 3, DESIGN.md §3): the
size it takes there and its minimum size fit, and its buttons lie inside it at that size; at 1366 wide the
dashboard's tiles show their whole captions and the case list's Status column needs no horizontal scrolling."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QAbstractButton, QScrollArea, QWidget

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.persons.auskunft import record_request
from krm_desktop.model.persons.search import PersonQuery, find_persons
from krm_desktop.ui.cards.batch import open_opinion_card_batch
from krm_desktop.ui.case_list.table_model import COLUMN_INDEX
from krm_desktop.ui.entry.kind_forms import FORM_KINDS
from krm_desktop.ui.letters.dialog import LetterDialog
from krm_desktop.ui.main_window import MainWindow
from krm_desktop.ui.persons.auskunft_dialog import AuskunftDialog
from krm_desktop.ui.purge.wizard import PurgeWizard
from krm_desktop.ui.reports.wizard import ReportWizard
from krm_desktop.ui.widgets.screen_fit import fitted_size, preferred_size, room_on
from tests import factories as f
from tests.documents.conftest import set_letterhead
from tests.third_party_data import build_dab
from tests.ui.action_helpers import open_action, select, started_window
from tests.ui.case_form_steps import go_to_form, new_dialog
from tests.ui.entry.test_new_case import closed_case
from tests.ui.windows import make_window

SMALL = QRect(0, 0, 1366, 768 - 40)  # the screen less a taskbar
ROOM = room_on(SMALL)


def size_on_small_screen(window: QWidget) -> QSize:
    """What the window takes there: its asked-for size (or Qt's, from its layout) cut to the screen, but never
    below its minimum size."""
    asked = preferred_size(window) or window.sizeHint()
    return fitted_size(asked.width(), asked.height(), SMALL).expandedTo(window.minimumSizeHint())


def in_window(window: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def outside_scrolling(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QScrollArea):
            return False
        parent = parent.parentWidget()
    return True


def assert_fits(qtbot, window: QWidget) -> None:
    assert window.minimumSizeHint().width() <= ROOM.width() and window.minimumSizeHint().height() <= ROOM.height()
    size = size_on_small_screen(window)
    assert size.width() <= ROOM.width() and size.height() <= ROOM.height(), size
    window.resize(size)
    qtbot.waitUntil(lambda: window.size() == size)
    buttons = [
        button
        for button in window.findChildren(QAbstractButton)
        if button.isVisibleTo(window) and outside_scrolling(button, window)
    ]
    assert buttons
    for button in buttons:
        assert window.rect().contains(in_window(window, button)), (button.text(), in_window(window, button))


def test_main_window(qtbot, store) -> None:
    window = started_window(qtbot, store)
    assert_fits(qtbot, window)


def test_new_case_intake(qtbot, store) -> None:
    dialog = new_dialog(qtbot, started_window(qtbot, store))
    assert preferred_size(dialog) is not None
    assert_fits(qtbot, dialog)
    assert {dialog.next_button, dialog.cancel_button} <= set(dialog.findChildren(QAbstractButton))


@pytest.mark.parametrize("kind", FORM_KINDS)
def test_new_case_form_of_each_kind(qtbot, store, kind: str) -> None:
    dialog = new_dialog(qtbot, started_window(qtbot, store))
    go_to_form(qtbot, dialog, kind)
    assert_fits(qtbot, dialog)
    assert dialog.save_button.isVisible()


def test_folgereaktion_with_the_earlier_case_beside_it(qtbot, store) -> None:
    earlier = closed_case()
    dialog = new_dialog(qtbot, started_window(qtbot, store), follows_id=earlier.id)
    go_to_form(qtbot, dialog, "folgereaktion")
    assert dialog.form is not None and dialog.form.side is not None
    assert preferred_size(dialog).width() > ROOM.width()  # it asks for more than the small screen has
    assert_fits(qtbot, dialog)
    assert dialog.form.side.isVisible()


def test_close_dialog_also_with_every_message(qtbot, store) -> None:
    people = f.office_people()
    case = f.register(team_id=people["team"].id)
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, checks.CLOSE)
    assert_fits(qtbot, dialog)
    dialog.show_errors(
        {key: "Diese Angabe passt nicht; bitte prüfen und korrigieren Sie sie. " * 3 for key in dialog.errors}
    )
    assert_fits(qtbot, dialog)


def test_letter_dialog(qtbot, store) -> None:
    set_letterhead()
    case = f.register()
    dialog = LetterDialog(case.id, "eingangsbestaetigung", today=f.TODAY, user=f.USER)
    qtbot.addWidget(dialog)
    dialog.show()
    assert_fits(qtbot, dialog)


def test_auskunft_dialog(qtbot, store) -> None:
    set_letterhead()
    build_dab()
    person = find_persons(PersonQuery(text="Sabine Kühn")).persons[0]
    record_request(person, received=date(2026, 11, 18), today=f.TODAY, user=f.USER)
    dialog = AuskunftDialog(person, today=f.TODAY, user=f.USER)
    qtbot.addWidget(dialog)
    dialog.show()
    assert_fits(qtbot, dialog)


def test_purge_report_and_cards(qtbot, store, tmp_path) -> None:
    purge = PurgeWizard(store, f.TODAY, f.USER)
    qtbot.addWidget(purge)
    purge.show()
    assert_fits(qtbot, purge)
    report = ReportWizard(f.TODAY, folder=tmp_path)
    qtbot.addWidget(report)
    report.show()
    assert_fits(qtbot, report)
    window = started_window(qtbot, store)
    cards = open_opinion_card_batch(window.context, window)
    assert cards is not None
    assert_fits(qtbot, cards)


def small_screen_window(qtbot, store) -> MainWindow:
    """The main window as it first opens on the small screen (its size given before it is shown)."""
    window = make_window(qtbot, store)
    window.persist_settings = False
    window.resize(size_on_small_screen(window))
    window.show()
    qtbot.waitUntil(lambda: window.started)
    return window


def test_dashboard_tiles_show_their_whole_captions(qtbot, store) -> None:
    window = small_screen_window(qtbot, store)
    assert window.width() <= ROOM.width()
    for tile in window.dashboard.tiles.values():
        caption = tile.caption
        assert caption.fontMetrics().horizontalAdvance(caption.text()) <= caption.width() <= tile.width(), (
            caption.text(),
            caption.width(),
        )


def test_the_status_column_needs_no_horizontal_scrolling(qtbot, store) -> None:
    f.register(person=f.person("Maximiliane Mustermann-Schleswig-Holstein"))
    window = small_screen_window(qtbot, store)
    view = window.view
    header = view.horizontalHeader()
    status = COLUMN_INDEX["status"]
    qtbot.waitUntil(lambda: view.viewport().width() > 0)
    assert header.sectionViewportPosition(status) + header.sectionSize(status) <= view.viewport().width()
    assert header.sectionSize(status) >= view.fontMetrics().horizontalAdvance("abgeschlossen")
    assert view.horizontalScrollBar().maximum() == 0
