"""The start paints the list's first rows before the rest of the window is filled (counts, choices, detail)."""

from __future__ import annotations

from krm_desktop.ui.main_window import MainWindow
from tests import factories as f
from tests.ui.data import make_due_cases


def test_first_rows_before_counts_choices_and_detail(qtbot, store) -> None:
    due = make_due_cases()
    window = MainWindow(store, f.TODAY, user=f.USER, start_check=False)
    qtbot.addWidget(window)
    at_first_rows: dict[str, object] = {}

    def painted(_when: float) -> None:
        at_first_rows.update(
            started=window.started, open=window.dashboard.number("open"), teams=window.filter_bar.team.count()
        )

    window.view.first_rows_painted.connect(painted)
    window.show()
    qtbot.waitUntil(lambda: window.started)
    assert at_first_rows == {"started": False, "open": "–", "teams": 1}  # only "alle Teams" yet
    assert window.dashboard.number("open") == "5"
    assert window.filter_bar.team.findData(due.team.id) > 0
    assert window.detail.case_id == window.model.case_id(0)  # the selected (first) row's case
    assert window.refresh_timer.isActive()
    assert window.windowTitle() == "KRM Desktop – Jobcenter Lübeck"
