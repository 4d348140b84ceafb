"""PostgreSQL addresses: built with any characters, checked field by field in German, shown without the password."""

from __future__ import annotations

import pytest

from krm_desktop.model.store.targets import (
    ServerAddress,
    address_problems,
    describe_target,
    is_server_url,
    parse_server_url,
    server_url,
)


def test_an_address_survives_the_round_trip_with_any_characters() -> None:
    address = ServerAddress("db.jobcenter.local", 5433, "krm büro", "bgf@luebeck", "p:w/ß@#?%")
    url = server_url(address)
    assert url.startswith("postgresql://bgf%40luebeck:") and "ß" not in url
    assert parse_server_url(url) == address
    assert is_server_url(url) and is_server_url("postgres://x@h/db") and not is_server_url("C:\\krm\\krm.sqlite3")


def test_defaults_and_ipv6() -> None:
    assert parse_server_url("postgresql://h/krm") == ServerAddress("h", 5432, "krm", "", "")
    assert server_url(ServerAddress("::1", 5432, "krm", "krm")) == "postgresql://krm@[::1]:5432/krm"
    assert parse_server_url("postgresql://krm@[::1]:5432/krm").host == "::1"


@pytest.mark.parametrize(
    ("target", "shown"),
    [
        ("postgresql://krm:geheim@db:5432/krm", "PostgreSQL krm@db:5432/krm"),
        ("postgresql://db/krm", "PostgreSQL db:5432/krm"),
        ("mysql://krm:geheim@db/krm", "mysql://krm@db/krm"),
        ("/daten/krm.sqlite3", "/daten/krm.sqlite3"),
    ],
)
def test_what_is_shown_never_has_the_password(target: str, shown: str) -> None:
    assert describe_target(target) == shown


def test_the_fields_of_the_form_are_checked_in_german() -> None:
    assert address_problems("db", "5432", "krm", "krm") == {}
    problems = address_problems(" ", "70000", "", "")
    assert problems == {
        "host": "Bitte den Datenbankserver angeben (Name oder IP-Adresse).",
        "port": "Der Port ist eine Zahl von 1 bis 65535 (PostgreSQL üblicherweise 5432).",
        "database": "Bitte den Namen der Datenbank auf dem Server angeben.",
        "user": "Bitte den Benutzernamen für den Datenbankserver angeben.",
    }
    assert "host" in address_problems("db server", "5432", "krm", "krm")
    assert "port" in address_problems("db", "fünf", "krm", "krm")
