"""Main windows for the tests: on the test's database, without the full check of the file and the daily backup
that a real start runs after the first paint (tests/ui/database/test_start_check.py turns them on)."""

from __future__ import annotations

from datetime import date
from typing import Any

from krm_desktop.model.store.connection import Store
from krm_desktop.ui.main_window import MainWindow
from tests import factories as f


def make_window(qtbot, store: Store, today: date = f.TODAY, *, user: str = f.USER, **options: Any) -> MainWindow:
    """`MainWindow(store, today, user=user, **options)`, closed and deleted with the test."""
    options.setdefault("start_check", False)
    window = MainWindow(store, today, user=user, **options)
    qtbot.addWidget(window)
    return window
