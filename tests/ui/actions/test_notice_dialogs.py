"""Zur Kenntnis geben and Pankow's "Als vorlagepflichtig markieren" in the real window: the office's proposals come
ticked, additions by name and Funktion, bad input refused next to its field with nothing stored, the detail pane
and the list show the result."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases import notices
from krm_desktop.model.office.areas import AreaFlags, save_area_flags
from krm_desktop.model.store.entities import Case, Notice
from krm_desktop.ui.case_list.table_model import DUE_COLUMN
from tests import factories as f
from tests.ui.action_helpers import (
    choose,
    open_action,
    refused_next_to,
    saved,
    select,
    set_date,
    started_window,
    type_into,
    when_modal,
)

pankow = pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
RECEIVED = date(2026, 11, 16)  # a Monday


@pytest.fixture
def team71(store):
    unit = f.team("Team 711 Markt und Integration", "71")
    f.staff("Karin Vogt", "LGF")
    f.staff("Jens Brandt", "TL", unit)
    save_area_flags("71", AreaFlags(lgf_cc=True))
    return unit


@pankow
def test_zur_kenntnis_proposes_refuses_bad_input_and_records(qtbot, store, team71) -> None:
    case = f.register(team_id=team71.id, received=RECEIVED)
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, notices.NOTICE)
    [(check, proposed)] = dialog.proposed
    assert check.isChecked() and proposed.name == "Karin Vogt"
    assert check.text() == "Karin Vogt (LGF), Kopie – LGF in cc (Bereich 71)"
    dialog.resize(1000, 700)
    dialog.grab().save("/tmp/notice_dialog.png")

    set_date(dialog.informed_on, date(2026, 11, 13))
    refused_next_to(qtbot, dialog, "informed_on", "liegt vor dem Eingang (16.11.2026)")
    set_date(dialog.informed_on, date(2026, 11, 21))
    refused_next_to(qtbot, dialog, "informed_on", "liegt in der Zukunft")
    set_date(dialog.informed_on, date(2026, 11, 18))
    check.setChecked(False)
    refused_next_to(qtbot, dialog, "recipients", "mindestens eine Person")
    choose(dialog.role, "TL")  # a Funktion without a name
    refused_next_to(qtbot, dialog, "name", "Bitte füllen Sie „Name“ aus")

    check.setChecked(True)
    type_into(qtbot, dialog.name, "Jens Brandt")
    dialog.copy.setChecked(True)
    saved(qtbot, dialog)
    assert [(n.name, n.role, n.copy, n.informed_on) for n in Notice.select().order_by(Notice.id)] == [
        ("Karin Vogt", "LGF", True, date(2026, 11, 18)),
        ("Jens Brandt", "TL", True, date(2026, 11, 18)),
    ]
    qtbot.waitUntil(
        lambda: "18.11.2026 · Karin Vogt (LGF), Kopie · LGF in cc (Bereich 71)" in window.detail.toPlainText()
    )
    assert "18.11.2026 · Jens Brandt (Teamleitung), Kopie" in window.detail.toPlainText()

    # Struck by mistake: the history keeps it, the list of recipients not.
    dialog = open_action(qtbot, window, notices.NOTICE)
    assert dialog.proposed == []  # the LGF is recorded already
    seen = when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    buttons = [b for b in dialog.recorded_box.findChildren(type(dialog.save_button)) if b.text() == "Streichen …"]
    buttons[1].click()
    assert seen
    assert [n.name for n in Notice.select()] == ["Karin Vogt"]
    assert f.actions(case)[-1] == "notice_removed"


@pankow
def test_vorlagepflichtig_starts_the_vorlage_clock_in_the_list(qtbot, store) -> None:
    case = f.register(received=RECEIVED, person=None)
    window = started_window(qtbot, store)
    select(window, case.id)
    assert not window.workflows.case_actions.actions[checks.PRESENT_GF].isEnabled()
    dialog = open_action(qtbot, window, notices.MARK_GF_REQUIRED)
    set_date(dialog.marked_on, date(2026, 11, 13))
    refused_next_to(qtbot, dialog, "marked_on", "liegt vor dem Eingang (16.11.2026)")
    set_date(dialog.marked_on, date(2026, 11, 19))
    stored = saved(qtbot, dialog)
    assert (stored.gf_required_on, stored.gf_due, stored.next_action) == (date(2026, 11, 19), date(2026, 11, 19), "gf")
    row = window.model.row_of(case.id)
    qtbot.waitUntil(lambda: window.model.index(row, DUE_COLUMN).data() == "überfällig seit 1 AT · Vorlage an GF")
    qtbot.waitUntil(lambda: "seit 19.11.2026 (Anlage 2)" in window.detail.toPlainText())
    assert window.workflows.case_actions.actions[checks.PRESENT_GF].isEnabled()
    assert not window.workflows.case_actions.actions[notices.MARK_GF_REQUIRED].isEnabled()


def test_an_office_without_anlage_2_shows_no_such_button(qtbot, store) -> None:
    case = f.register(received=RECEIVED)
    window = started_window(qtbot, store)
    select(window, case.id)
    actions = window.workflows.case_actions
    assert not actions.buttons[notices.MARK_GF_REQUIRED].isVisible()
    assert (
        "sieht die Dienstanweisung dieser Dienststelle nicht vor" in actions.actions[notices.MARK_GF_REQUIRED].toolTip()
    )
    assert Case.get_by_id(case.id).gf_required_on is None
