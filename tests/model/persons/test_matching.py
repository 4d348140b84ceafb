"""Which cases are the person's own and which only similar (issue 16.2): the folding, Kölner Phonetik, the split."""

from __future__ import annotations

import pytest

from krm_desktop.model.errors import RefusedError
from krm_desktop.model.persons.matching import match_person
from krm_desktop.model.persons.search import PersonQuery, find_persons
from krm_desktop.model.persons.spelling import cologne, edit_distance, exact_key
from tests.household_data import build_household


def test_exact_key_folds_only_case_umlauts_sharp_s_dotless_i_and_spaces() -> None:
    same = ["Jürgen Groß", "JUERGEN GROSS", "  jürgen   groß ", "Groß, Jürgen", "JÜRGEN GROẞ"]
    assert {exact_key(n) for n in same} == {"juergen gross"}
    assert exact_key("Ayşe Yılmaz") == exact_key("AYŞE YILMAZ") == exact_key("Ayşe Yilmaz")
    for other in ("Jürgen Groß (Sohn)", "Jürgen-Groß", "Jurgen Gross", "Jürgen Grosz"):
        assert exact_key(other) != "juergen gross", other


def test_koelner_phonetik_and_edit_distance() -> None:
    assert cologne("Müller") == cologne("Mueller") == cologne("Miller") == "657"
    assert cologne("Meier") == cologne("Mayer") == cologne("Meyer") == "67"
    assert cologne("Wikipedia") == "3412" and cologne("Breschnew") == "17863"
    assert cologne("Schmidt") == cologne("Schmitt") != cologne("Schulz")
    assert edit_distance("anna schmidt", "anne schmidt", 2) == 1
    assert edit_distance("anna", "bernhard", 2) == 3  # above the limit: limit + 1


def test_the_household_splits_into_her_case_and_candidates(store) -> None:
    refs = build_household()
    found = find_persons(PersonQuery(text="Anna Schmidt"))
    exact = [p for p in found.persons if p.exact]
    assert len(exact) == 1 and {c.ref for c in exact[0].cases} == {refs["anna"], refs["tochter"]}  # one group
    match = match_person(exact[0], "Anna Schmidt")
    assert match.person is not None and [c.ref for c in match.person.cases] == [refs["anna"]]
    why = {c.ref: c.why for c in match.candidates}
    assert set(why) == {refs["tochter"], refs["anne"], refs["bernd"]}
    assert why[refs["tochter"]].startswith("Name anders geschrieben („Anna Schmidt (Tochter)“)")
    assert why[refs["anne"]] == "ähnlich klingender Name (Kölner Phonetik)"
    assert "gleiche Anschrift" in why[refs["bernd"]] and "gleiche Telefonnummer" in why[refs["bernd"]]
    with_daughter = match.person_with([refs["tochter"].lower()])
    assert with_daughter is not None and {c.ref for c in with_daughter.cases} == {refs["anna"], refs["tochter"]}
    with pytest.raises(RefusedError, match="KRM-2020-1 ist weder eine Kundenreaktion der Person"):
        match.person_with(["KRM-2020-1"])


def test_a_kundennummer_search_takes_the_rows_holding_it_and_their_exact_names(store) -> None:
    refs = build_household()
    found = find_persons(PersonQuery(text="123A456789")).persons
    assert len(found) == 1
    match = match_person(found[0], "123A456789")
    assert match.person is not None and [c.ref for c in match.person.cases] == [refs["anna"]]
    assert refs["tochter"] in {c.ref for c in match.candidates}


def test_another_kundennummer_is_never_a_candidate(store) -> None:
    from tests import factories as f

    refs = build_household()
    other = f.register(person=f.person("Anna Schmitt", customer_no="999Z999999", street="Am Hang 9")).ref
    person = next(p for p in find_persons(PersonQuery(text="Anna Schmidt")).persons if p.exact)
    candidates = {c.ref for c in match_person(person, "Anna Schmidt").candidates}
    assert other not in candidates and refs["anne"] in candidates
