"""The login name recorded with every change: the system's, as getpass.getuser finds it."""

from __future__ import annotations

import getpass

import pytest

from krm_desktop.login import LOGIN_VARIABLES, acting_user


def test_the_first_login_variable_that_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in LOGIN_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("USERNAME", "m.schulz")
    monkeypatch.setenv("USER", "k.meier")
    assert acting_user() == "k.meier"


def test_without_variables_the_account_name(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in LOGIN_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    assert acting_user() == getpass.getuser() != ""
