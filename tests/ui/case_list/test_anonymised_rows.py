"""The main window's list and detail pane say "anonymisiert" for a case the purge emptied and "anonym" only for a
case without person (an anonymous reaction, a Meinungskarte)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from krm_desktop.model.retention.purge import execute_purge
from krm_desktop.model.retention.purge_plan import plan_purge
from krm_desktop.ui.case_list.table_model import COLUMN_INDEX
from tests import factories as f
from tests.model import retention_data as rd
from tests.ui.action_helpers import select, started_window


def test_the_list_says_anonymised_for_a_purged_case_and_anonymous_for_one_without_person(qtbot, store) -> None:
    purged, _ = rd.full_case(date(2023, 5, 10), "mkzq", 1)
    execute_purge(plan_purge(date(2025, 12, 31)), today=date(2025, 12, 31), user=f.USER)
    anonymous = f.register(person=None)
    card = f.register(kind="meinungskarte", channel="meinungskarte", person=None)
    window = started_window(qtbot, store)
    window.filter_bar.status.setCurrentIndex(0)  # all cases: the purged one is closed
    model, column = window.model, COLUMN_INDEX["person"]

    def person_cell(case_id: int, role=Qt.ItemDataRole.DisplayRole) -> str:
        row = model.row_of(case_id)
        assert row is not None
        return model.index(row, column).data(role)

    assert person_cell(purged.id) == "anonymisiert"
    assert person_cell(purged.id, Qt.ItemDataRole.AccessibleTextRole) == "anonymisiert"
    assert person_cell(anonymous.id) == "anonym" and person_cell(card.id) == "anonym"
    select(window, purged.id)
    pane = window.detail.toPlainText()
    assert (
        "Kunde/Einsender\nanonymisiert (bei der Löschung entfernt)" in pane and "abgeschlossen (anonymisiert)" in pane
    )
    select(window, anonymous.id)
    assert "Kunde/Einsender\nanonym (keine Anschrift, keine Fristen)" in window.detail.toPlainText()
