"""„Datenbank wählen“: a file or a PostgreSQL server, typed with the keyboard; messages next to the fields, nothing
typed lost, the password never shown; the problem dialog's „Andere Datenbank wählen …“ opens it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from krm_desktop.model.errors import StoreError
from krm_desktop.model.store.connection import open_store
from krm_desktop.model.store.targets import parse_server_url
from krm_desktop.ui.database.choose import ChooseDatabaseDialog, choose_database
from krm_desktop.ui.database.open_problem import OpenProblemDialog, choose_other_database, describe_problem
from tests.backends import PG_URL


def opened(qtbot, dialog: ChooseDatabaseDialog) -> ChooseDatabaseDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)  # mnemonics need the active window
    return dialog


def type_into(qtbot, widget: QLineEdit, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_a_file_is_chosen_by_typing_its_path(qtbot, tmp_path: Path) -> None:
    dialog = opened(qtbot, ChooseDatabaseDialog())
    assert dialog.file_choice.isChecked() and dialog.file_box.isVisibleTo(dialog)
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)  # empty: refused next to the field
    assert dialog.result() == 0 and "Datenbankdatei angeben" in dialog.errors.shown()["path"]
    type_into(qtbot, dialog.path, str(tmp_path / "krm.sqlite3"))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    assert dialog.result() == 1 and dialog.chosen == str(tmp_path / "krm.sqlite3")


def test_a_server_address_is_checked_per_field_and_nothing_typed_is_lost(qtbot) -> None:
    dialog = opened(qtbot, ChooseDatabaseDialog())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # &PostgreSQL-Server
    qtbot.waitUntil(dialog.server_choice.isChecked)  # (a mnemonic clicks visibly, after a moment)
    assert dialog.server_box.isVisible() and not dialog.file_box.isVisible()
    type_into(qtbot, dialog.port, "70000")
    type_into(qtbot, dialog.password, "gEh:eim/1")
    dialog.accept()
    shown = dialog.errors.shown()
    assert set(shown) == {"host", "port", "database", "user"}
    assert "1 bis 65535" in shown["port"] and "Datenbankserver angeben" in shown["host"]
    assert dialog.chosen is None and dialog.isVisible()
    assert (dialog.port.text(), dialog.password.text()) == ("70000", "gEh:eim/1")  # kept
    type_into(qtbot, dialog.host, "db.jobcenter.local")
    type_into(qtbot, dialog.port, "5433")
    type_into(qtbot, dialog.database, "krm")
    type_into(qtbot, dialog.user, "bgf")
    assert dialog.address.text() == "PostgreSQL bgf@db.jobcenter.local:5433/krm"
    assert "gEh" not in dialog.address.text() and dialog.password.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClick(dialog.user, Qt.Key.Key_Return)
    assert dialog.result() == 1
    assert dialog.chosen == "postgresql://bgf:gEh%3Aeim%2F1@db.jobcenter.local:5433/krm"
    assert parse_server_url(dialog.chosen).password == "gEh:eim/1"


def test_a_server_url_fills_the_fields(qtbot) -> None:
    dialog = ChooseDatabaseDialog(start="postgresql://krm:geheim@127.0.0.1:5544/krm_buero")
    qtbot.addWidget(dialog)
    assert dialog.server_choice.isChecked()
    values = [w.text() for w in (dialog.host, dialog.port, dialog.database, dialog.user, dialog.password)]
    assert values == ["127.0.0.1", "5544", "krm_buero", "krm", "geheim"]
    assert dialog.address.text() == "PostgreSQL krm@127.0.0.1:5544/krm_buero"


def test_probing_a_server_that_does_not_answer(qtbot) -> None:
    dialog = opened(qtbot, ChooseDatabaseDialog(start="postgresql://krm:geheim@127.0.0.1:1/krm"))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # &Verbindung prüfen
    qtbot.waitUntil(dialog.status.isVisible)
    assert "antwortet nicht" in dialog.status.text()
    assert "geheim" not in dialog.status.text()


@pytest.mark.skipif(not PG_URL, reason="KRM_TEST_PG_URL ist nicht gesetzt")
def test_probing_the_test_server(qtbot) -> None:
    dialog = ChooseDatabaseDialog(start=PG_URL)
    qtbot.addWidget(dialog)
    dialog.probe()
    assert "Verbindung zu PostgreSQL" in dialog.status.text() and "in Ordnung" in dialog.status.text()


def test_choose_database_returns_none_when_cancelled_and_the_target_when_opened(qtbot, tmp_path: Path) -> None:
    def answer(action: str, tries: int = 500) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ChooseDatabaseDialog):
            assert tries, "the dialog did not open"
            QTimer.singleShot(10, lambda: answer(action, tries - 1))
            return
        if action == "cancel":
            dialog.reject()
        else:
            dialog.path.setText(str(tmp_path / "b.sqlite3"))
            dialog.accept()

    QTimer.singleShot(10, lambda: answer("cancel"))
    assert choose_database(None, start=str(tmp_path / "a.sqlite3")) is None
    QTimer.singleShot(10, lambda: answer("open"))
    assert choose_other_database(str(tmp_path / "a.sqlite3")) == str(tmp_path / "b.sqlite3")


def test_the_problem_dialog_offers_another_database_and_hides_the_password(qtbot) -> None:
    url = "postgresql://krm:geheim@127.0.0.1:1/krm"
    with pytest.raises(StoreError) as caught:
        open_store(url)
    problem = describe_problem(url, caught.value)
    assert "geheim" not in problem.text and "127.0.0.1:1 antwortet nicht" in problem.text
    assert problem.retry and not problem.create  # try again, or choose another; a new file is no way out
    dialog = OpenProblemDialog(problem)
    qtbot.addWidget(dialog)
    assert set(dialog.buttons_by_choice) == {"retry", "other", "quit"}
    assert dialog.buttons_by_choice[OpenProblemDialog.OTHER].text() == "&Andere Datenbank wählen …"
    file_problem = describe_problem("/x/krm.sqlite3", RuntimeError("Verbindung verloren"))
    assert file_problem.create and "/x/krm.sqlite3" in file_problem.text


def test_the_window_offers_another_database_and_starts_the_program_on_it(qtbot, store) -> None:
    from krm_desktop.ui.database.choose import program_command
    from tests.ui.windows import make_window

    window = make_window(qtbot, store)
    window.finish_start()
    texts = [a.text() for a in window.menus["file"].actions() if not a.isSeparator()]
    assert texts[0] == "Andere &Datenbank öffnen …" and window.safety.database_action.isEnabled()
    assert program_command("postgresql://krm@server/krm")[-2:] == ["--db", "postgresql://krm@server/krm"]
    assert program_command("/daten/krm.sqlite3")[1:3] == ["-m", "krm_desktop"]
