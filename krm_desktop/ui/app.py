"""Starting the GUI: open (or create) the database, ask for the office profile on first start.

A database that cannot be opened gives a German dialog that says what is wrong and offers what to do
(choose another file, create a new one, try again, quit) — never a traceback. A file this account may
only read opens read-only with a banner in the window.
"""

# ruff: noqa: E402  (the order of the imports at start is deliberate, see the comments below)
from __future__ import annotations

import os
import sqlite3
import sys
from datetime import date
from pathlib import Path

from krm_desktop.ui import begin_start, end_start

begin_start()  # ended by the main window after its first paint (or by start_gui when no window opens)

# isort: split
from peewee import DatabaseError, InterfaceError

# The model layer before PySide6: PySide6 reads the source of every module imported after it (looking for its
# __feature__ switches; skip_source_scan spares our own and the standard library's, not peewee's).
import krm_desktop.model.case_list  # (for the main window, imported here for that order)
import krm_desktop.model.counting_calendar  # noqa: F401  (the same)
from krm_desktop.model.db import Store, default_database_path, is_url, open_store
from krm_desktop.model.errors import KrmError
from krm_desktop.model.profiles import has_profile

# isort: split
from PySide6.QtWidgets import QApplication

from krm_desktop.ui import skip_source_scan

skip_source_scan()  # before the window's modules are imported

# isort: split
from krm_desktop.ui.main_window import MainWindow, acting_user

FILE_FILTER = "KRM-Datenbank (*.sqlite3 *.sqlite *.db);;Alle Dateien (*)"


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("KRM Desktop")
    app.setApplicationName("KRM Desktop")
    return app  # type: ignore[return-value]


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def is_read_only(store: Store) -> bool:
    """True when this account may not write the SQLite file or create the journal next to it.

    (SQLite opens such a file read-only by itself; open_store does not say so, hence this check.)"""
    return store.path is not None and not _writable(store.path)


def open_for_gui(target: str, *, create_missing: bool | None = None) -> Store | None:
    """Open the database; on trouble ask what to do until it opens or the person gives up (None).

    The dialogs are imported only on trouble (a normal start does not wait for them)."""
    while True:
        missing = not is_url(target) and not Path(target).expanduser().exists()
        if create_missing is None:
            create_missing = Path(target).expanduser() == default_database_path()  # the very first start
        failure: BaseException | None = None
        if not missing or create_missing:
            try:
                return open_store(target, create=missing)
            except (KrmError, DatabaseError, InterfaceError, sqlite3.Error, OSError) as exc:
                failure = exc
        from PySide6.QtWidgets import QFileDialog

        from krm_desktop.ui.open_problem import OpenProblemDialog, describe_problem, missing_problem

        if failure is None:
            problem = missing_problem(target)
        elif not missing and not is_url(target) and not _writable(Path(target).expanduser()):
            # e.g. an older schema in a file this account may only read: the upgrade cannot run
            problem = describe_problem(target, PermissionError(str(failure)))
        else:
            problem = describe_problem(target, failure)
        dialog = OpenProblemDialog(problem)
        dialog.exec()
        if dialog.choice == OpenProblemDialog.RETRY:
            continue
        if dialog.choice == OpenProblemDialog.OTHER:
            chosen, _ = QFileDialog.getOpenFileName(None, "KRM-Datenbank öffnen", str(Path(target).parent), FILE_FILTER)
        elif dialog.choice == OpenProblemDialog.CREATE:
            chosen, _ = QFileDialog.getSaveFileName(
                None, "Neue KRM-Datenbank anlegen", str(Path(target).with_name("krm.sqlite3")), FILE_FILTER
            )
            create_missing = True
        else:
            return None
        if not chosen:
            continue
        target = chosen


def start_gui(target: str, today: date | None = None) -> tuple[QApplication, MainWindow | None, Store | None]:
    """Everything up to the shown main window (the benchmark and the self-test start here too)."""
    app = application()
    store = open_for_gui(target)
    if store is None:
        end_start()
        return app, None, None
    if not has_profile():
        from PySide6.QtWidgets import QDialog

        from krm_desktop.ui.profile_dialog import ProfileDialog

        dialog = ProfileDialog(store.describe())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            store.close()
            end_start()
            return app, None, None
    clock = date.today if today is None else None
    window = MainWindow(store, today or date.today(), user=acting_user(), read_only=is_read_only(store), clock=clock)
    window.show()
    return app, window, store


def run_gui(target: str) -> int:
    app, window, store = start_gui(target)
    if window is None or store is None:
        return 1 if store is None else 0
    code = app.exec()
    store.close()
    return code
