"""The rows table of the Teams and Personen pages: a sound Qt model, the selection kept across a refill."""

from __future__ import annotations

from PySide6.QtCore import Qt

from krm_desktop.ui.settings.page_parts import RowTable


def test_the_rows_model_is_sound_and_keeps_the_chosen_row(qtbot, qtmodeltester) -> None:
    table = RowTable("Teams", ("Name", "Fälle"), numeric=(1,))
    qtbot.addWidget(table)
    table.fill([(7, ("Team 411", "3")), (9, ("Team 412", "0"))])
    qtmodeltester.check(table.rows)
    assert table.rows.headerData(1, Qt.Orientation.Horizontal) == "Fälle"
    assert table.rows.data(table.rows.index(0, 1), Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    with qtbot.waitSignal(table.chosen):
        table.selectRow(1)
    assert table.chosen_id() == 9
    with qtbot.assertNotEmitted(table.chosen):
        table.fill([(5, ("Team 400", "1")), (9, ("Team 412 neu", "0"))])
    assert table.chosen_id() == 9 and table.rows.texts()[1] == ["Team 412 neu", "0"]
    table.fill([(5, ("Team 400", "1"))])
    assert table.chosen_id() is None
