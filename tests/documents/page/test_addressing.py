"""Salutation and address lines from the party data."""

from __future__ import annotations

import pytest

from krm_desktop.documents.page.addressing import body_addressee, fit, party_addressee, person_phrase, surname
from krm_desktop.model.cases.party import PartyRecord
from krm_desktop.model.errors import RefusedError


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Erika Mustermann", "Mustermann"),
        ("Erika  Maria   Mustermann-Schulz", "Mustermann-Schulz"),
        ("Dr. Anna von der Heide", "Dr. von der Heide"),
        ("Prof. Dr. Hans Weber", "Prof. Dr. Weber"),
        ("Rechtsanwältin Dr. Anna Schmidt", "Dr. Schmidt"),
        ("Mustermann, Erika", "Mustermann"),
        ("Ludwig van Beethoven", "van Beethoven"),
        ("Cher", "Cher"),
    ],
)
def test_surname(name: str, expected: str) -> None:
    assert surname(name) == expected


def test_address_lines_use_herrn_and_frau_but_not_for_institutions() -> None:
    herr = party_addressee(PartyRecord("Max Muster", "kunde", "herr", "Weg 1", "12345", "Ort"))
    assert herr.lines == ("Herrn Max Muster", "Weg 1", "12345 Ort")
    assert herr.salutation == "Sehr geehrter Herr Muster,"
    verein = party_addressee(PartyRecord("Erwerbslosenberatung e. V.", "institution", "frau", "Weg 1", "12345", "Ort"))
    assert verein.lines[0] == "Erwerbslosenberatung e. V." and verein.salutation == "Sehr geehrte Damen und Herren,"
    assert person_phrase(PartyRecord("Max Muster", salutation="herr")) == "Herrn Max Muster"
    assert person_phrase(PartyRecord("Alex Muster", salutation="divers")) == "Alex Muster"


def test_a_long_name_wraps_onto_two_window_lines() -> None:
    lines = fit(["Sozialberatungsstelle im Stadtteilzentrum Nord-Ost der Arbeiterwohlfahrt", "Weg 1", "12345 Ort"])
    assert len(lines) == 4 and lines[-1] == "12345 Ort"


def test_seven_lines_are_refused_in_german() -> None:
    with pytest.raises(RefusedError, match="7 Zeilen, höchstens 6"):
        fit([f"Zeile {n}" for n in range(7)])


def test_requesting_body_is_split_at_commas_and_followed_by_its_address() -> None:
    addressee = body_addressee(
        "Bundesministerium für Arbeit und Soziales, Referat IIb1", "Wilhelmstraße 49", "10117", "Berlin"
    )
    assert addressee.lines == (
        "Bundesministerium für Arbeit und Soziales",
        "Referat IIb1",
        "Wilhelmstraße 49",
        "10117 Berlin",
    )
    assert addressee.salutation == "Sehr geehrte Damen und Herren,"


@pytest.mark.parametrize(("postcode", "city"), [("", "Berlin"), ("10117", ""), ("", "")])
def test_requesting_body_without_postcode_or_city_is_refused(postcode, city) -> None:
    with pytest.raises(RefusedError, match="keine vollständige Anschrift"):
        body_addressee("Bundesministerium für Arbeit und Soziales", "Wilhelmstraße 49", postcode, city)
