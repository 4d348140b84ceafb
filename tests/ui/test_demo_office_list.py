"""A demo office as the list shows it: the old cases closed, only the last weeks open, a few of them overdue
(issue 20 item 10), and the program's own words say "Dienststellenprofil", never "Office-Profil" (item 9)."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from krm_desktop.model.demo.course import STUCK_WINDOW
from krm_desktop.model.demo.generator import generate
from krm_desktop.model.time.deadlines import DueState
from tests import factories as f
from tests.ui.windows import make_window


def test_the_demo_list_has_no_case_overdue_for_years(qtbot, store) -> None:
    generate(1500, seed=4, years=9, today=f.TODAY, user=f.USER)
    window = make_window(qtbot, store)
    window.show()
    qtbot.waitUntil(lambda: window.started)
    model = window.model
    rows = [model.row(r) for r in range(model.rowCount())]  # the list opens on the open cases
    assert rows and all(row.received >= f.TODAY - STUCK_WINDOW for row in rows)
    overdue = [row for row in rows if row.due.state == DueState.OVERDUE]
    assert 0 < len(overdue) < len(rows)
    days = [int(m.group(1)) for row in overdue if (m := re.search(r"seit (\d+) AT", row.due_text))]
    assert days and max(days) < (STUCK_WINDOW + timedelta(days=1)).days
    assert window.dashboard.number("overdue") == str(len(overdue))


def test_no_user_text_says_office_profil() -> None:
    package = Path(__file__).resolve().parents[2] / "krm_desktop"
    found = [str(p) for p in package.rglob("*.py") if "Office-Profil" in p.read_text(encoding="utf-8")]
    assert found == []
