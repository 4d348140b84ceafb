"""Starting the GUI: open (or create) the database; a new one is set up by the set-up assistant first.

A database that cannot be opened gives a German dialog that says what is wrong and offers what to do
(choose another file, create a new one, try again, quit) — never a traceback. A file this account may
only read opens read-only with a banner in the window.
"""

from __future__ import annotations

import getpass
import os
import sqlite3
import sys
from datetime import date
from pathlib import Path

from peewee import DatabaseError, InterfaceError
from PySide6.QtWidgets import QApplication

from krm_desktop.model.errors import KrmError
from krm_desktop.model.office.profiles import has_profile
from krm_desktop.model.store.connection import Store, default_database_path, is_url, open_store
from krm_desktop.ui.main_window import MainWindow

FILE_FILTER = "KRM-Datenbank (*.sqlite3 *.sqlite *.db);;Alle Dateien (*)"


def acting_user() -> str:
    """The login name of this workstation's user ("unbekannt" where the system has none, as in some service
    contexts). The history records the office person this login acts as (settings.who_are_you)."""
    try:
        return getpass.getuser()
    except (ImportError, KeyError, OSError):  # no login variable and no account entry
        return "unbekannt"


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("KRM Desktop")
    app.setApplicationName("KRM Desktop")
    german_qt_texts(app)  # type: ignore[arg-type]
    return app  # type: ignore[return-value]


def german_qt_texts(app: QApplication) -> None:
    """Qt's own texts in German (standard buttons, file dialogs), before the first dialog of the start."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    if app.findChild(QTranslator, "qtbase_de") is not None:
        return
    translator = QTranslator(app)
    if translator.load("qtbase_de", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translator.setObjectName("qtbase_de")
        app.installTranslator(translator)


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
        if create_missing is None and missing:
            create_missing = Path(target).expanduser() == default_database_path()  # the very first start
        failure: BaseException | None = None
        choice = "open" if missing or is_url(target) else _check_before_opening(Path(target).expanduser())
        if isinstance(choice, Store):
            return choice  # a good backup took the damaged file's place
        if choice == "quit":
            return None
        if choice == "retry":
            continue
        if choice == "open" and (not missing or create_missing):
            try:
                return open_store(target, create=missing)
            except (KrmError, DatabaseError, InterfaceError, sqlite3.Error, OSError) as exc:
                failure = exc
        from PySide6.QtWidgets import QFileDialog

        from krm_desktop.ui.database.open_problem import (
            OpenProblemDialog,
            choose_other_database,
            describe_problem,
            missing_problem,
        )

        if choice == "other":
            target = choose_other_database(target) or target
            continue
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
            chosen = choose_other_database(target) or ""  # a file or a PostgreSQL server
        elif dialog.choice == OpenProblemDialog.CREATE:
            chosen, _ = QFileDialog.getSaveFileName(
                None, "Neue KRM-Datenbank anlegen", proposed_file(target), FILE_FILTER
            )
            create_missing = bool(chosen)  # cancelling the save dialog creates nothing
        else:
            return None
        if not chosen:
            continue
        target = chosen


def proposed_file(target: str) -> str:
    """The new database's file a save dialog proposes: the one the program was asked to open (`--db`), else the
    default file."""
    return str(default_database_path() if is_url(target) else Path(target).expanduser().absolute())


def _check_before_opening(path: Path) -> str | Store:
    """What costs milliseconds before the file is opened for work; the full check (every page) only where the
    file looks damaged or the open would write to it (an older schema to upgrade) — otherwise it runs beside
    the first minutes of work (ui.database.start_check). "open", or the way out the person chose, or the restored store."""
    from krm_desktop.model.store.connection import SCHEMA_VERSION
    from krm_desktop.model.store.file_check import REPLACEABLE, check_database_file

    finding = check_database_file(path, integrity=False)
    upgrade = finding.ok and (finding.schema_version or 0) < SCHEMA_VERSION
    if not upgrade and finding.status not in REPLACEABLE:
        return "open"  # sound so far, or a problem open_store explains (foreign, newer, locked, read-only)
    from krm_desktop.model.store.file_check import DAMAGED
    from krm_desktop.model.store.restore import newest_good_backup

    if not upgrade and finding.status != DAMAGED and newest_good_backup(path) is None:
        return "open"  # an empty file or none of SQLite's, and no backup to offer: open_store's dialog explains
    from krm_desktop.ui.database.damaged_dialog import startup_gate

    gate = startup_gate(path, date.today())
    return gate.store if gate.choice == "restored" and gate.store is not None else gate.choice


def start_gui(target: str, today: date | None = None) -> tuple[QApplication, MainWindow | None, Store | None]:
    """Everything up to the shown main window (the benchmark and the self-test start here too)."""
    app = application()
    store = open_for_gui(target)
    if store is None:
        return app, None, None
    if not has_profile():
        from PySide6.QtWidgets import QDialog

        from krm_desktop.ui.settings.setup_assistant import SetupAssistant

        assistant = SetupAssistant(store.describe(), today or date.today())
        if assistant.exec() != QDialog.DialogCode.Accepted:
            store.close()
            return app, None, None
    from krm_desktop.model.office.acting import acting_person

    read_only = is_read_only(store)
    login = acting_user()
    acting = acting_person(login)
    if acting.ask and not read_only:  # the question's dialog is imported only when it is asked
        from krm_desktop.ui.settings.who_are_you import acting_at_start

        acting = acting_at_start(login, read_only=read_only)
    clock = date.today if today is None else None
    window = MainWindow(
        store, today or date.today(), user=acting.name, user_names=acting.names, read_only=read_only, clock=clock
    )
    window.show()
    return app, window, store


def run_gui(target: str) -> int:
    app, window, store = start_gui(target)
    if window is None or store is None:
        return 1 if store is None else 0
    code = app.exec()
    store.close()
    return code
