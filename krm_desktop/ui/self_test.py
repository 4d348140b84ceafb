"""`krm-desktop --self-test`: open the main window off screen, load the list, render one document.

Figures in milliseconds, counted from `started` (when the program's own code began, see cli/main.py):
startup_ms until the main window is built and shown, first_rows_ms until the list's first rows are
painted, letter_ms for one document: the one-page case summary (documents.case_summary) of the selected case,
rendered into memory. The window starts without the full check of the file and the daily backup behind it: a
self-test is no day's first start.
"""

from __future__ import annotations

import time
from datetime import date

from PySide6.QtCore import QEventLoop

from krm_desktop.model.errors import StoreError
from krm_desktop.model.office.profiles import has_profile
from krm_desktop.model.store.connection import open_store
from krm_desktop.ui.app import acting_user, application, is_read_only
from krm_desktop.ui.main_window import MainWindow

TIMEOUT_S = 60.0


def run_self_test(target: str, started: float) -> dict[str, float]:
    app = application()
    store = open_store(target)  # a database that does not open: KrmError, exit 1 with the German reason
    try:
        if not has_profile():
            raise StoreError(f"{store.describe()} hat noch kein Dienststellenprofil. Richten Sie es mit „init“ ein.")
        today = date.today()
        window = MainWindow(store, today, user=acting_user(), read_only=is_read_only(store), start_check=False)
        window.persist_settings = False  # an off-screen window must not overwrite the person's layout
        painted: list[float] = []
        window.view.first_rows_painted.connect(painted.append)
        window.show()
        shown = time.perf_counter()
        limit = shown + TIMEOUT_S
        while not painted and time.perf_counter() < limit:
            if window.model.rowCount() == 0 and window.view.paints > 0:
                painted.append(time.perf_counter())  # an empty list: its first paint counts
                break
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if not painted:
            raise StoreError("Die Liste wurde nicht innerhalb von 60 Sekunden angezeigt.")
        from krm_desktop.documents.case_summary import render_case_summary

        case_id = window.detail.case_id if window.detail.case_id is not None else window.model.case_id(0)
        before = time.perf_counter()
        pdf = render_case_summary(case_id, today, window.model.cases.calendar)
        letter = time.perf_counter() - before
        if not pdf.startswith(b"%PDF"):
            raise StoreError("Das Testdokument ist kein PDF.")
        window.refresh_timer.stop()
        window.hide()
        window.deleteLater()
        return {
            "startup_ms": round((shown - started) * 1000, 1),
            "first_rows_ms": round((painted[0] - started) * 1000, 1),
            "letter_ms": round(letter * 1000, 1),
        }
    finally:
        store.close()
