"""The start is tuned (benchmarks/bench_main_window.py): the first rows come before the rest of the start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from krm_desktop.ui.main_window import MainWindow
from tests import factories as f
from tests.ui.data import make_due_cases

START_AND_LOOK = """
import gc, json, sys

normal_gc = gc.get_threshold()
from krm_desktop.ui.app import start_gui
from PySide6 import QtCore

app, window, store = start_gui(sys.argv[1])
window.persist_settings = False
seen = {}
def painted(_when):
    seen.update(
        rows=window.model.rowCount(), started=window.started,
        drivers=sorted(name for name in ("psycopg2", "psycopg", "pymysql") if name in sys.modules),
        gc_relaxed=gc.get_threshold() != normal_gc,
    )
    QtCore.QTimer.singleShot(0, app.quit)
window.view.first_rows_painted.connect(painted)
app.exec()
seen["gc_after_start"] = gc.get_threshold() == normal_gc
print(json.dumps(seen))
"""


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


def test_no_database_drivers_before_the_first_rows(store, tmp_path: Path) -> None:
    make_due_cases()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run(
        [sys.executable, "-c", START_AND_LOOK, str(store.path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen == {
        "rows": 5,
        "started": False,
        "drivers": [],  # peewee's server drivers wait for a server database (krm_desktop.database_drivers)
        "gc_relaxed": True,  # fewer garbage collections until the first rows are painted ...
        "gc_after_start": True,  # ... and the usual ones again after them
    }
