"""The person at the desk is recorded with every change the command line makes: the office person their login acts
as, else the login name."""

from __future__ import annotations

import getpass
import sqlite3
from pathlib import Path

import pytest

from krm_desktop.cli.common import acting_user
from krm_desktop.cli.main import main
from krm_desktop.model.office import staff
from krm_desktop.model.office.staff_checks import PersonData
from krm_desktop.model.store.connection import open_store
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


def test_a_login_that_acts_as_a_person_is_recorded_as_that_person(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "krm.sqlite3"
    init(db, capsys)
    store = open_store(str(db))
    staff.save_person(None, PersonData("Erika Muster", "KRM", logins=("mustere",)))
    store.close()
    for variable in LOGIN_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("USER", "MusterE")
    assert main(["--db", str(db), "import", "--in", str(write(tmp_path / "in.jsonl", LINES[:1]))]) == 0
    assert actors(db) == {"Erika Muster"}
    assert acting_user() == "MusterE"  # no database open: the login, and nobody is asked
