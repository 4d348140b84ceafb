"""A database that cannot be opened: a German dialog with ways out, never a traceback; read-only detection."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from krm_desktop.model.store.connection import open_store
from krm_desktop.ui.app import is_read_only, open_for_gui, start_gui
from krm_desktop.ui.database.open_problem import OpenProblemDialog, describe_problem
from tests import factories as f
from tests.conftest import make_store


def answer_dialog(choice: str, seen: list[tuple[str, str, set[str]]]) -> QTimer:
    """Click `choice` in the modal dialog as soon as it is open (the test cannot click while exec() runs)."""
    timer = QTimer()
    timer.setInterval(10)

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, OpenProblemDialog):
            timer.stop()
            seen.append((dialog.windowTitle(), dialog.informativeText(), set(dialog.buttons_by_choice)))
            dialog.buttons_by_choice[choice].click()

    timer.timeout.connect(look)
    timer.start()
    return timer


def open_and_quit(target: str) -> tuple[str, str, set[str]]:
    seen: list[tuple[str, str, set[str]]] = []
    timer = answer_dialog(OpenProblemDialog.QUIT, seen)
    assert open_for_gui(target, create_missing=False) is None
    timer.stop()
    assert len(seen) == 1
    return seen[0]


def test_missing_file(qapp, tmp_path: Path) -> None:
    title, text, choices = open_and_quit(str(tmp_path / "fehlt.sqlite3"))
    assert "nicht gefunden" in title
    assert "gibt es nicht" in text and "Netzlaufwerk" in text
    assert choices == {"other", "create", "quit"}
    assert not (tmp_path / "fehlt.sqlite3").exists()  # nothing created behind the person's back


def test_foreign_files(qapp, tmp_path: Path) -> None:
    text_file = tmp_path / "notiz.sqlite3"
    text_file.write_text("Einkaufsliste", encoding="utf-8")
    assert "keine SQLite-Datenbank" in open_and_quit(str(text_file))[1]
    other = tmp_path / "fremd.sqlite3"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE kunden (id INTEGER)")
    connection.commit()
    connection.close()
    assert "keine KRM-Datenbank" in open_and_quit(str(other))[1]


def test_newer_schema(qapp, tmp_path: Path) -> None:
    path = tmp_path / "neu.sqlite3"
    make_store(path).close()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 99")
    connection.commit()
    connection.close()
    _title, text, _ = open_and_quit(str(path))
    assert "Schema-Version 99" in text and "neuere Programmversion" in text


def test_locked_database_offers_to_try_again(qapp, tmp_path: Path) -> None:
    path = tmp_path / "gesperrt.sqlite3"
    make_store(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(sqlite3.OperationalError) as caught:  # the error SQLite really gives
            sqlite3.connect(path, timeout=0).execute("SELECT count(*) FROM krm_case").fetchone()
    finally:
        holder.rollback()
        holder.close()
    problem = describe_problem(str(path), caught.value)
    assert problem.title == "Datenbank gesperrt" and problem.retry and "in einigen Minuten" in problem.text
    dialog = OpenProblemDialog(problem)
    assert set(dialog.buttons_by_choice) == {"retry", "other", "quit"}
    assert dialog.buttons_by_choice["retry"].text() == "&Erneut versuchen"
    store = open_for_gui(str(path), create_missing=False)  # the lock is gone: it opens, no dialog
    assert store is not None
    store.close()


def test_a_good_database_opens_without_a_dialog(qapp, tmp_path: Path) -> None:
    path = tmp_path / "gut.sqlite3"
    make_store(path).close()
    store = open_for_gui(str(path), create_missing=False)
    assert store is not None
    assert not is_read_only(store)
    store.close()


def test_read_only_needs_write_access_for_an_upgrade_message() -> None:
    problem = describe_problem("/x/krm.sqlite3", PermissionError("attempt to write a readonly database"))
    assert problem.title == "Keine Schreibrechte" and "IT" in problem.text and not problem.create


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write any file")
def test_read_only_file_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "nurlesen.sqlite3"
    make_store(path).close()
    path.chmod(0o444)
    store = open_store(str(path))
    try:
        assert is_read_only(store)
    finally:
        store.close()
        path.chmod(0o644)


def test_read_only_detection_looks_at_file_and_folder(tmp_path: Path, monkeypatch) -> None:
    """As root every file is writable, so the rule itself is checked with the answers a normal account gets."""
    path = tmp_path / "krm.sqlite3"
    make_store(path).close()
    store = open_store(str(path))
    try:
        real_access: Callable[..., bool] = os.access
        monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != path and real_access(p, mode))
        assert is_read_only(store)
        monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != tmp_path and real_access(p, mode))
        assert is_read_only(store)
        monkeypatch.setattr(os, "access", real_access)
        assert not is_read_only(store)
    finally:
        store.close()


def test_the_window_acts_as_the_login_name(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "gut.sqlite3"
    make_store(path).close()
    for variable in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("USER", "k.meier")
    _app, window, store = start_gui(str(path), today=f.TODAY)
    assert window is not None and store is not None
    qtbot.addWidget(window)
    window.persist_settings = False
    assert window.context.user == "k.meier"  # recorded with every change made in this window
    window.close()
    store.close()


def test_the_first_start_file_dialog_is_german_and_proposes_the_name_asked_for(qapp, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

    from krm_desktop.ui.app import application

    application()  # as at the program's start: Qt's own texts in German before the first dialog
    asked_for = tmp_path / "office.sqlite3"
    seen: dict[str, object] = {}
    answered: list[str] = []
    timer = QTimer()
    timer.setInterval(10)

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, OpenProblemDialog):
            choice = OpenProblemDialog.QUIT if answered else OpenProblemDialog.CREATE
            answered.append(choice)
            dialog.buttons_by_choice[choice].click()
        elif isinstance(dialog, QFileDialog):
            seen["proposed"] = dialog.selectedFiles()
            seen["labels"] = {label.text().replace("&", "") for label in dialog.findChildren(QLabel)}
            seen["buttons"] = {button.text().replace("&", "") for button in dialog.findChildren(QPushButton)}
            dialog.reject()

    timer.timeout.connect(look)
    timer.start()
    assert open_for_gui(str(asked_for), create_missing=False) is None
    timer.stop()
    assert answered == [OpenProblemDialog.CREATE, OpenProblemDialog.QUIT]
    assert seen["proposed"] == [str(asked_for)]
    assert {"Suchen in:", "Dateiname:"} <= seen["labels"], seen["labels"]
    assert {"&Speichern", "Abbrechen"} <= seen["buttons"] or {"Speichern", "Abbrechen"} <= seen["buttons"], seen[
        "buttons"
    ]
    assert not asked_for.exists()  # cancelling the save dialog creates nothing
