"""Person search across all cases (spelling variants, identifiers, roles) and Berichtigung (Art. 16 DSGVO)."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.model.errors import ConflictError, ValidationError
from krm_desktop.model.persons.correction import correct_person
from krm_desktop.model.persons.person import EMPLOYEE, merge
from krm_desktop.model.persons.search import PersonQuery, find_persons, refreshed
from krm_desktop.model.persons.spelling import fold, fold_address, name_key
from krm_desktop.model.store.entities import Case, Event, Party
from tests import factories as f
from tests.person_data import ERIKA, World, build_world


@pytest.fixture
def world(store) -> World:
    return build_world()


def erika(text: str = "Erika Müller", **narrow: str) -> object:
    result = find_persons(PersonQuery(text=text, **narrow))
    return next(p for p in result.persons if "123A456789" in p.values("customer_no"))


def test_folding_treats_spelling_variants_alike() -> None:
    assert fold("Müller") == fold("Mueller") == fold("MÜLLER") == fold("  mueller ") == "mueller"
    assert fold("Groß") == fold("GROSS") == "gross"
    assert fold("Müller-Lüdenscheidt") == fold("Mueller  Luedenscheidt") == "mueller luedenscheidt"
    assert fold("Émile O'Brien") == fold("Emile OBrien") == "emile obrien"
    assert fold("Şahin Çelik Łukasz") == "sahin celik lukasz"
    assert fold_address("Breite Straße 12") == fold_address("Breite Strasse 12") == fold_address("Breite Str. 12")
    assert fold_address("Hauptstr. 12 a") == fold_address("Hauptstraße 12a") == "hauptstrasse 12a"
    assert name_key("Müller, Erika") == name_key("Frau Erika  Mueller") == "erika mueller"


@pytest.mark.parametrize(
    "text", ["Erika Müller", "erika mueller", "ERIKA MÜLLER", "Erika  Müller", "Müller, Erika", "Frau Erika Mueller"]
)
def test_every_spelling_finds_the_person_with_all_her_cases_and_roles(world: World, text: str) -> None:
    person = erika(text)
    assert set(person.case_ids) == {c.id for c in world.erika_cases}
    assert person.exact
    assert person.roles() == {"kunde": 4, "vertreter": 1, "vertreten": 1}
    assert {"Erika Müller", "Erika Mueller", "MÜLLER, Erika"} <= set(person.spellings)
    assert person.latest.name == "Erika Müller" and person.latest.street == "Breite Straße 12"
    assert "6 Kundenreaktionen" in person.describe()


def test_identifiers_address_and_email_find_the_person(world: World) -> None:
    ids = {c.id for c in world.erika_cases}
    for text in ("123a 456789", "23501bg0012345", "ERIKA.Mueller@example.org", "Breite Strasse 12", "Breite Str. 12"):
        result = find_persons(PersonQuery(text=text))
        found = [p for p in result.persons if set(p.case_ids) == ids]
        assert len(found) == 1, (text, [p.describe() for p in result.persons])
    # the BG-Nummer is the household's: the son shares it, but he is another person
    household = find_persons(PersonQuery(text="23501BG0012345")).persons
    assert {p.name for p in household} == {"Erika Müller", "Tim Müller"}


def test_a_namesake_with_another_kundennummer_is_another_person(world: World) -> None:
    persons = find_persons(PersonQuery(text="erika mueller")).persons
    assert len(persons) == 2 and all(p.exact for p in persons)
    assert [p.case_ids for p in persons if "999Z999999" in p.values("customer_no")] == [[world.namesake.id]]
    narrowed = find_persons(PersonQuery(text="erika mueller", customer_no="123A456789")).persons
    assert len(narrowed) == 1 and set(narrowed[0].case_ids) == {c.id for c in world.erika_cases}
    assert find_persons(PersonQuery(text="erika mueller", postcode="99999")).persons == []


def test_part_of_a_name_finds_everyone_it_begins(world: World) -> None:
    names = sorted(p.name for p in find_persons(PersonQuery(text="Müll")).persons)
    assert names == ["Erika Müller", "Erika Müller", "Hans Müller", "Tim Müller"]
    assert not any(p.exact for p in find_persons(PersonQuery(text="Müll")).persons)
    # a word must begin a word: "1" finds house number 12, "3" does not (nor the postcode 23552)
    assert find_persons(PersonQuery(text="Breite Straße 1")).persons
    assert find_persons(PersonQuery(text="Breite Straße 3")).persons == []


def test_a_search_without_hits_says_so(world: World) -> None:
    result = find_persons(PersonQuery(text="Zacharias Zuversicht"))
    assert result.persons == [] and result.message == "Keine Person gefunden für „Zacharias Zuversicht“."
    assert "Bitte einen Namen" in find_persons(PersonQuery(text="   ")).message


def test_the_employee_concerned_is_a_person_of_their_own(world: World) -> None:
    f.register(person=f.person("Sabine Kühn", customer_no="555C555555", bg_no=""))  # a customer of the same name
    persons = find_persons(PersonQuery(text="sabine kuehn")).persons
    employee = next(p for p in persons if p.employee)
    assert employee.case_ids == [world.dab.id] and employee.roles() == {EMPLOYEE: 1}
    assert employee.latest.name == "Sabine Kühn (Team 411)"
    customer = next(p for p in persons if not p.employee)
    assert world.dab.id not in customer.case_ids
    assert [p.case_ids for p in find_persons(PersonQuery(text="Kühn")).persons if p.employee] == [[world.dab.id]]


def test_anonymised_cases_hold_no_person(world: World) -> None:
    Case.update(person=None, anonymised=True).where(Case.id == world.closed_2024.id).execute()
    person = erika()
    assert world.closed_2024.id not in person.case_ids and len(person.case_ids) == 5


def test_results_the_user_knows_to_be_one_person_are_merged(world: World) -> None:
    only_email = f.register(person=f.person("Erika Müller", street="", postcode="", city="", customer_no="",
                                            bg_no="", email="erika.m@example.net"))  # fmt: skip
    persons = find_persons(PersonQuery(text="Erika Müller")).persons
    assert len(persons) == 3  # the e-mail-only case links to nobody
    lone = next(p for p in persons if p.case_ids == [only_email.id])
    both = merge([erika(), lone])
    assert set(both.case_ids) == {c.id for c in world.erika_cases} | {only_email.id}


# --- Berichtigung -------------------------------------------------------------------------------------------------


def test_correction_changes_every_case_in_one_step_with_history(world: World) -> None:
    person = erika()
    versions = {c.id: Case.get_by_id(c.id).version for c in world.erika_cases}
    refs = correct_person(
        person,
        {"street": "Breite Straße 14", "email": "E.Mueller@example.org", "phone": "0451 999"},
        reason="Mitteilung der Kundin vom 18.11.2026",
        today=f.TODAY,
        user="petra.krause",
    )
    assert sorted(refs) == sorted(c.ref for c in world.erika_cases)
    for case in world.erika_cases:
        assert Case.get_by_id(case.id).version == versions[case.id] + 1
        event = Event.select().where((Event.case == case.id) & (Event.action == "corrected")).get()
        assert event.actor == "petra.krause" and event.on_day == f.TODAY
        assert "Straße, E-Mail, Telefon" in event.text
        assert "Mitteilung der Kundin vom 18.11.2026" in event.text
        assert "Breite Straße 12" not in event.text  # the wrong value is not kept
    fresh = refreshed(person)
    assert fresh is not None and {c.data.street for c in fresh.cases} == {"Breite Straße 14"}
    assert {c.data.phone for c in fresh.cases} == {"0451 999"}
    # names and numbers were not touched; the representative's and the son's rows neither
    assert {c.data.customer_no for c in fresh.cases} == {"123A456789", ""}
    assert Party.get(Party.name == "Jens Vogt").street == "Am Markt 1"
    assert Party.get(Party.name == "Tim Müller").phone == ""


def test_correction_of_some_cases_and_of_the_name(world: World) -> None:
    person = erika()
    correct_person(
        person, {"name": "Erika Müller-Lang"}, reason="Heirat", today=f.TODAY, user=f.USER,
        case_ids={world.open_case.id, world.dab.id},
    )  # fmt: skip
    assert Case.get_by_id(world.open_case.id).person.name == "Erika Müller-Lang"
    assert Case.get_by_id(world.closed_2024.id).person.name == "Erika  Mueller"
    assert Event.select().where(Event.action == "corrected").count() == 2


def test_bad_input_is_refused_in_german_and_nothing_changes(world: World) -> None:
    person = erika()
    before = f.snapshot()
    with pytest.raises(ValidationError) as caught:
        correct_person(
            person, {"postcode": "235", "customer_no": "12345", "email": "kein@"}, reason="", today=f.TODAY, user=f.USER
        )
    assert caught.value.errors["reason"] == "Bitte füllen Sie „Anlass der Berichtigung“ aus."
    with pytest.raises(ValidationError) as caught:
        correct_person(
            person,
            {"postcode": "235", "customer_no": "12345", "email": "kein@"},
            reason="x",
            today=f.TODAY,
            user=f.USER,
        )
    assert caught.value.errors == {
        "postcode": "Die Postleitzahl besteht aus 5 Ziffern.",
        "email": "Die E-Mail-Adresse ist unvollständig (Beispiel: name@beispiel.de).",
        "customer_no": "Die Kundennummer hat das Format 123A456789 (3 Ziffern, 1 Buchstabe, 6 Ziffern).",
    }
    with pytest.raises(ValidationError) as caught:
        correct_person(person, {}, reason="x", today=f.TODAY, user=f.USER)
    assert caught.value.errors["person"] == "Es ist keine Änderung eingegeben."
    with pytest.raises(ValidationError):
        correct_person(person, {"name": " "}, reason="x", today=f.TODAY, user=f.USER)
    with pytest.raises(ValidationError):
        correct_person(person, {"street": "Neu 1"}, reason="x", today=f.TODAY, user=f.USER, case_ids=set())
    assert f.snapshot() == before


def test_a_case_saved_elsewhere_meanwhile_refuses_the_whole_correction(world: World) -> None:
    person = erika()
    Case.update(version=Case.version + 1).where(Case.id == world.petition.id).execute()  # another workstation
    before = f.snapshot()
    with pytest.raises(ConflictError, match=f"{world.petition.ref} wurde inzwischen"):
        correct_person(person, {"phone": "0451 1"}, reason="Anruf", today=f.TODAY, user=f.USER)
    assert f.snapshot() == before
    fresh = refreshed(person)
    assert fresh is not None
    correct_person(fresh, {"phone": "0451 1"}, reason="Anruf", today=f.TODAY, user=f.USER)
    assert {c.data.phone for c in refreshed(fresh).cases} == {"0451 1"}  # type: ignore[union-attr]


def test_the_employee_concerned_has_only_a_name_to_correct(world: World) -> None:
    employee = next(p for p in find_persons(PersonQuery(text="Kühn")).persons if p.employee)
    with pytest.raises(ValidationError, match="nur der Name"):
        correct_person(employee, {"street": "x"}, reason="x", today=date(2026, 11, 20), user=f.USER)
    correct_person(employee, {"name": "Sabine Kühne (Team 411)"}, reason="Schreibfehler", today=f.TODAY, user=f.USER)
    assert Case.get_by_id(world.dab.id).employee_concerned == "Sabine Kühne (Team 411)"
    assert ERIKA["customer_no"] == Case.get_by_id(world.dab.id).person.customer_no
