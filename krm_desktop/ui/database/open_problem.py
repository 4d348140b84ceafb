"""Why a database did not open, in German, and the dialog that offers the ways out.

Imported only when something is wrong: the dialog classes are not needed for a normal start.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from peewee import DatabaseError, InterfaceError
from PySide6.QtWidgets import QMessageBox, QWidget

from krm_desktop.model.errors import KrmError, StoreError
from krm_desktop.model.store.targets import describe_target, is_server_url


@dataclass(frozen=True)
class OpenProblem:
    """Why a database did not open, in German, and which ways out the dialog offers."""

    title: str
    text: str
    retry: bool = False  # "Erneut versuchen" makes sense (a lock may go away)
    create: bool = True  # "Neue Datenbank anlegen …"


def describe_problem(target: str, exc: BaseException) -> OpenProblem:
    server = is_server_url(target)
    target = describe_target(target)  # a server URL without its password
    message = exc.message if isinstance(exc, KrmError) else str(exc)
    lowered = message.lower()
    if server:  # not reachable, login refused, no such database …: the message says which; a file is no way out
        return OpenProblem("Datenbank auf dem Server lässt sich nicht öffnen", message, retry=True, create=False)
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
        self.buttons_by_choice[self.OTHER] = self.addButton(
            "&Andere Datenbank wählen …", QMessageBox.ButtonRole.ActionRole
        )
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


def choose_other_database(target: str, parent: QWidget | None = None) -> str | None:
    """What „Andere Datenbank wählen …“ opens: a file or a PostgreSQL server (ui.database.choose), starting
    from the target that failed; None when the person cancels."""
    from krm_desktop.ui.database.choose import choose_database

    return choose_database(parent, start=target)


def missing_problem(target: str) -> OpenProblem:
    target = describe_target(target)
    return OpenProblem(
        "Datenbank nicht gefunden",
        f"Die Datenbank {target} gibt es nicht. Ist das Netzlaufwerk verbunden und der Pfad richtig? Wählen Sie "
        "die vorhandene Datei oder legen Sie eine neue Datenbank an.",
    )
