"""The login name of the person at the desk is recorded with every change the command line makes."""

from __future__ import annotations

import getpass
import sqlite3
from pathlib import Path

import pytest

from krm_desktop.cli.main import main
from tests.cli.test_exchange import LINES, init, write

LOGIN_VARIABLES = ("LOGNAME", "USER", "LNAME", "USERNAME")


def actors(db: Path) -> set[str]:
    with sqlite3.connect(db) as connection:
        return {actor for (actor,) in connection.execute("SELECT actor FROM event")}


def test_the_login_name_is_recorded_with_the_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "krm.sqlite3"
    init(db, capsys)
    for variable in LOGIN_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("USERNAME", "m.schulz")
    monkeypatch.setenv("USER", "k.meier")  # the first that is set, in getpass's order
    assert main(["--db", str(db), "import", "--in", str(write(tmp_path / "in.jsonl", LINES[:1]))]) == 0
    assert actors(db) == {"k.meier"}


def test_without_a_login_name_the_change_is_recorded_as_unknown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_login() -> str:
        raise OSError("No username set in the environment")  # getpass.getuser in a service without an account

    db = tmp_path / "krm.sqlite3"
    init(db, capsys)
    monkeypatch.setattr(getpass, "getuser", no_login)
    assert main(["--db", str(db), "import", "--in", str(write(tmp_path / "in.jsonl", LINES[:1]))]) == 0
    assert actors(db) == {"unbekannt"}
