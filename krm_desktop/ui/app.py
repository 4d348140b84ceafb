"""Starting the GUI: open (or create) the database, ask for the office profile on first start.

A database that cannot be opened gives a German dialog that says what is wrong and offers what to do
(choose another file, create a new one, try again, quit) — never a traceback. A file this account may
only read opens read-only with a banner in the window.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from peewee import DatabaseError, InterfaceError
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from krm_desktop.model.db import Store, default_database_path, is_url, open_store
from krm_desktop.model.errors import KrmError, StoreError
from krm_desktop.model.profiles import has_profile
from krm_desktop.ui.main_window import MainWindow, acting_user
from krm_desktop.ui.profile_dialog import ProfileDialog

FILE_FILTER = "KRM-Datenbank (*.sqlite3 *.sqlite *.db);;Alle Dateien (*)"


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("KRM Desktop")
    app.setApplicationName("KRM Desktop")
    return app  # type: ignore[return-value]


@dataclass(frozen=True)
class OpenProblem:
    """Why a database did not open, in German, and which ways out the dialog offers."""

    title: str
    text: str
    retry: bool = False  # "Erneut versuchen" makes sense (a lock may go away)
    create: bool = True  # "Neue Datenbank anlegen …"


def describe_problem(target: str, exc: BaseException) -> OpenProblem:
    message = exc.message if isinstance(exc, KrmError) else str(exc)
    lowered = message.lower()
    if "locked" in lowered or "busy" in lowered:
        return OpenProblem(
            "Datenbank gesperrt",
            f"Die Datenbank {target} ist gerade gesperrt: ein anderer Arbeitsplatz schreibt hinein (zum Beispiel "
            "eine Sicherung oder die jährliche Löschung). Bitte versuchen Sie es in einigen Minuten erneut. Hält "
            "die Sperre an, fragen Sie die IT, wer die Datei offen hält.",
            retry=True,
            create=False,
        )
    if "readonly" in lowered or "read-only" in lowered or "permission" in lowered or isinstance(exc, PermissionError):
        return OpenProblem(
            "Keine Schreibrechte",
            f"Die Datenbank {target} lässt sich nur lesen, muss aber für diese Programmversion einmalig "
            "umgestellt werden (oder ist neu anzulegen). Dafür braucht Ihr Konto Schreibrechte auf die Datei und "
            "ihren Ordner: bitte wenden Sie sich an die IT, oder wählen Sie eine andere Datei.",
            create=False,
        )
    if isinstance(exc, StoreError):
        return OpenProblem("Datenbank lässt sich nicht öffnen", message)
    if isinstance(exc, DatabaseError | InterfaceError | sqlite3.Error):
        return OpenProblem(
            "Datenbank beschädigt oder unlesbar",
            f"Die Datei {target} lässt sich nicht als KRM-Datenbank lesen ({message}). Wählen Sie eine andere "
            "Datei oder die letzte Sicherung; hilft das nicht, wenden Sie sich an die IT.",
        )
    return OpenProblem(
        "Datenbank lässt sich nicht öffnen",
        f"Die Datenbank {target} lässt sich nicht öffnen ({message}). Wählen Sie eine andere Datei oder wenden "
        "Sie sich an die IT.",
    )


class OpenProblemDialog(QMessageBox):
    """The German dialog for a database that did not open; `choice` says what the person wants."""

    QUIT, OTHER, CREATE, RETRY = "quit", "other", "create", "retry"

    def __init__(self, problem: OpenProblem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(f"KRM Desktop – {problem.title}")
        self.setText(f"<b>{problem.title}</b>")
        self.setInformativeText(problem.text)
        self.choice = self.QUIT
        self.buttons_by_choice = {}
        if problem.retry:
            self.buttons_by_choice[self.RETRY] = self.addButton("&Erneut versuchen", QMessageBox.ButtonRole.AcceptRole)
        self.buttons_by_choice[self.OTHER] = self.addButton("&Andere Datei wählen …", QMessageBox.ButtonRole.ActionRole)
        if problem.create:
            self.buttons_by_choice[self.CREATE] = self.addButton(
                "&Neue Datenbank anlegen …", QMessageBox.ButtonRole.ActionRole
            )
        quit_button = self.addButton("&Beenden", QMessageBox.ButtonRole.RejectRole)
        self.buttons_by_choice[self.QUIT] = quit_button
        self.setEscapeButton(quit_button)
        self.setDefaultButton(self.buttons_by_choice.get(self.RETRY, self.buttons_by_choice[self.OTHER]))
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button) -> None:
        self.choice = next((c for c, b in self.buttons_by_choice.items() if b is button), self.QUIT)


def missing_problem(target: str) -> OpenProblem:
    return OpenProblem(
        "Datenbank nicht gefunden",
        f"Die Datenbank {target} gibt es nicht. Ist das Netzlaufwerk verbunden und der Pfad richtig? Wählen Sie "
        "die vorhandene Datei oder legen Sie eine neue Datenbank an.",
    )


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def is_read_only(store: Store) -> bool:
    """True when this account may not write the SQLite file or create the journal next to it.

    (SQLite opens such a file read-only by itself; open_store does not say so, hence this check.)"""
    return store.path is not None and not _writable(store.path)


def open_for_gui(target: str, *, create_missing: bool | None = None) -> Store | None:
    """Open the database; on trouble ask what to do until it opens or the person gives up (None)."""
    while True:
        missing = not is_url(target) and not Path(target).expanduser().exists()
        if create_missing is None:
            create_missing = Path(target).expanduser() == default_database_path()  # the very first start
        if missing and not create_missing:
            problem: OpenProblem | None = missing_problem(target)
        else:
            try:
                return open_store(target, create=missing)
            except (KrmError, DatabaseError, InterfaceError, sqlite3.Error, OSError) as exc:
                problem = describe_problem(target, exc)
                if not missing and not is_url(target) and not _writable(Path(target).expanduser()):
                    # e.g. an older schema in a file this account may only read: the upgrade cannot run
                    problem = describe_problem(target, PermissionError(str(exc)))
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
        return app, None, None
    if not has_profile():
        dialog = ProfileDialog(store.describe())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            store.close()
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
