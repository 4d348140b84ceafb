"""The person search's candidates (issue 20.7): names that only sound or are spelled alike are offered beside
the result, never in it; Kölner Phonetik comes from the package cologne-phonetics."""

from __future__ import annotations

import pytest

from krm_desktop.model.persons.matching import SOUNDS_ALIKE, name_likeness, similar_persons
from krm_desktop.model.persons.search import PersonQuery, find_persons
from krm_desktop.model.persons.spelling import cologne
from tests import factories as f


def test_koelner_phonetik_of_german_names() -> None:
    assert cologne("Müller") == cologne("Mueller") == cologne("MÜLLER") == "657"
    assert cologne("Meier") == cologne("Maier") == cologne("Mayer") == cologne("Meyer") == "67"
    assert cologne("Schmidt") == cologne("Schmitt") == "862" != cologne("Schulz")
    assert cologne("Groß") == cologne("Gross") == "478"
    assert cologne("Yılmaz") == cologne("Yilmaz") == cologne("Jilmaz") == cologne("Yilmas") == "0568"
    assert cologne("Müller-Lüdenscheidt") == cologne("Müller") + cologne("Lüdenscheidt") == "65752682"
    assert cologne("Wikipedia") == "3412" and cologne("Breschnew") == "17863"
    assert cologne("") == "" and cologne("123") == ""


@pytest.mark.parametrize(
    ("searched", "name", "why"),
    [
        ("Yilmas", "Yilmaz, Mehmet", SOUNDS_ALIKE),
        ("Jilmaz", "Mehmet Yilmaz", SOUNDS_ALIKE),
        ("mehmet jilmaz", "Herr Mehmet Yılmaz", SOUNDS_ALIKE),
        ("Meyer", "Hans Meier", SOUNDS_ALIKE),
        ("Weber", "Anna Wever", "ähnliche Schreibweise (1 Zeichen anders)"),
        ("Mehmed Yilmaz", "Mehmet Yilmaz", SOUNDS_ALIKE),
        ("Lehmannn", "Lukas Lehmann", SOUNDS_ALIKE),
        ("Hopmann", "Erik Hoffmann", "ähnliche Schreibweise (2 Zeichen anders)"),
    ],
)
def test_names_that_sound_or_are_spelled_alike_say_why(searched: str, name: str, why: str) -> None:
    assert name_likeness(searched, name) == why


@pytest.mark.parametrize(
    ("searched", "name"),
    [
        ("Yilmaz", "Mehmet Yilmaz"),  # the search finds it: not a resemblance
        ("Yilm", "Mehmet Yilmaz"),
        ("Meyer", "Maria Albers"),  # both 67 in Kölner Phonetik, but spelled too differently
        ("Ott", "Ute Sommer"),  # the same code, but two of three letters differ
        ("Zuckerberg", "Mehmet Yilmaz"),
        ("Jilmaz Ahmet", "Mehmet Yilmaz"),  # every searched word must have its like
        ("", "Mehmet Yilmaz"),
    ],
)
def test_other_names_are_not_alike(searched: str, name: str) -> None:
    assert name_likeness(searched, name) == ""


@pytest.fixture
def people(store) -> dict[str, list[str]]:
    """Mehmet Yilmaz with two cases, Hans Meier, Maria Albers and Anna Yilmaz of another household."""
    mehmet = f.person("Yilmaz, Mehmet", salutation="herr", customer_no="111A111111", bg_no="")
    return {
        "mehmet": [f.register(person=mehmet).ref, f.register(person=mehmet).ref],
        "meier": [f.register(person=f.person("Hans Meier", customer_no="222B222222", bg_no="")).ref],
        "albers": [f.register(person=f.person("Maria Albers", customer_no="333C333333", bg_no="")).ref],
        "anna": [
            f.register(person=f.person("Anna Yilmaz", customer_no="444D444444", bg_no="", street="Am Hang 9")).ref
        ],
    }


def _candidates(text: str) -> dict[str, tuple[set[str], str]]:
    found = find_persons(PersonQuery(text=text)).persons
    similar, more = similar_persons(text, found)
    assert not more
    return {s.person.name: ({c.ref for c in s.person.cases}, s.why) for s in similar}


@pytest.mark.parametrize("text", ["Yilmas", "Jilmaz", "JILMAZ", "yilmas"])
def test_a_misspelt_surname_offers_the_person_as_candidate_with_her_cases(
    people: dict[str, list[str]], text: str
) -> None:
    assert find_persons(PersonQuery(text=text)).persons == []  # not in the result
    candidates = _candidates(text)
    assert candidates == {
        "Yilmaz, Mehmet": (set(people["mehmet"]), SOUNDS_ALIKE),
        "Anna Yilmaz": (set(people["anna"]), SOUNDS_ALIKE),
    }


def test_a_misspelt_full_name_offers_only_that_person(people: dict[str, list[str]]) -> None:
    assert _candidates("Mehmet Jilmaz") == {"Yilmaz, Mehmet": (set(people["mehmet"]), SOUNDS_ALIKE)}


def test_the_found_person_is_never_also_a_candidate(people: dict[str, list[str]]) -> None:
    found = find_persons(PersonQuery(text="Yilmaz")).persons
    assert {p.name for p in found} == {"Yilmaz, Mehmet", "Anna Yilmaz"}
    assert similar_persons("Yilmaz", found) == ([], False)


def test_meyer_offers_meier_and_not_maria(people: dict[str, list[str]]) -> None:
    assert _candidates("Meyer") == {"Hans Meier": (set(people["meier"]), SOUNDS_ALIKE)}


@pytest.mark.parametrize("text", ["Zuckerberg", "Brandt", "111A111111", "Breite Straße 12", "mehmet@example.org"])
def test_unrelated_names_and_identifiers_offer_nothing(people: dict[str, list[str]], text: str) -> None:
    assert _candidates(text) == {}
