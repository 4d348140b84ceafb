"""Setting up a fresh database at once, as the set-up assistant's "Fertigstellen" does: profile, letterhead, logo,
teams and people, all or nothing; typed mistakes named by row and field."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PIL import Image

from krm_desktop.model.errors import RefusedError, ValidationError
from krm_desktop.model.office.new_office import NewPerson, set_up_office, staff_table_problems
from krm_desktop.model.office.profiles import has_profile, load_profile
from krm_desktop.model.office.settings import letterhead, letterhead_logo
from krm_desktop.model.office.staff import people, teams
from krm_desktop.model.office.staff_checks import PersonData, TeamData
from krm_desktop.model.store.connection import Store, open_store
from tests import factories as f
from tests.documents.pdf_tools import png_bytes

TEAM = TeamData("Team 411 Leistung", "Bereich 41")
LEAD = NewPerson(PersonData("Erika Muster", "TL", email="erika.muster@beispiel.example"), "team 411 leistung")
KRM = NewPerson(PersonData("Karl Reimann", "KRM", logins=("kreimann",)))


@pytest.fixture
def empty(db_target: str) -> Iterator[Store]:
    store = open_store(db_target, create=True)
    yield store
    store.close()


def test_everything_typed_is_stored_at_once(empty) -> None:
    logo = png_bytes(Image.new("RGB", (120, 40), (0, 90, 160)))
    profile = set_up_office(
        "osnabrueck", {"office_name": "Jobcenter Lübeck", "street": "Hafenkante 17"}, logo, [TEAM], [LEAD, KRM]
    )
    assert profile.code == load_profile().code == "osnabrueck"
    assert (letterhead()["office_name"], letterhead()["street"]) == ("Jobcenter Lübeck", "Hafenkante 17")
    assert letterhead_logo() == logo
    (team,) = teams()
    assert (team.name, team.area) == ("Team 411 Leistung", "Bereich 41")
    by_name = {p.name: p for p in people()}
    assert (by_name["Erika Muster"].role, by_name["Erika Muster"].team_id) == ("TL", team.id)
    assert (by_name["Karl Reimann"].team_id, by_name["Karl Reimann"].logins) == (None, ("kreimann",))


def test_only_the_profile_is_needed(empty) -> None:
    set_up_office("braunschweig", {})
    assert load_profile().code == "braunschweig"
    assert letterhead()["office_name"] == "Jobcenter Braunschweig"
    assert teams() == [] and people() == []


@pytest.mark.parametrize(
    ("team_rows", "person_rows", "key", "words"),
    [
        ([TEAM, TeamData("TEAM 411 leistung")], [], "team.1.name", "gibt es schon"),
        ([TeamData("  ", "Bereich 41")], [], "team.0.name", "Namen des Teams"),
        ([TEAM], [NewPerson(PersonData("", "TL"), TEAM.name)], "person.0.name", "Namen der Person"),
        ([TEAM], [NewPerson(PersonData("Erika Muster", ""), TEAM.name)], "person.0.role", "Funktion"),
        ([TEAM], [NewPerson(PersonData("Erika Muster", "Chef"))], "person.0.role", "Unbekannte Funktion"),
        ([TEAM], [NewPerson(PersonData("Erika Muster", "TL"), "Team 999")], "person.0.team", "Team 999"),
        ([], [NewPerson(PersonData("Erika Muster", "TL", email="erika@"))], "person.0.email", "E-Mail"),
        ([], [KRM, NewPerson(PersonData("Kai Rose", "MA", logins=("KReimann",)))], "person.1.logins", "Karl Reimann"),
    ],
)
def test_typed_mistakes_are_named_by_row_and_field_and_nothing_is_stored(
    empty, team_rows, person_rows, key: str, words: str
) -> None:
    assert words in staff_table_problems(team_rows, person_rows)[key]
    before = f.snapshot()
    with pytest.raises(ValidationError) as refused:
        set_up_office("luebeck", {}, None, team_rows, person_rows)
    assert words in refused.value.errors[key]
    assert f.snapshot() == before and not has_profile()


def test_a_bad_letterhead_or_logo_stores_nothing(empty) -> None:
    with pytest.raises(ValidationError) as refused:
        set_up_office("luebeck", {"office_name": " ", "email": "post@"}, b"GIF89a", [TEAM], [LEAD])
    assert set(refused.value.errors) == {"office_name", "email", "logo"}
    assert not has_profile() and teams() == []


def test_a_database_that_has_its_profile_is_not_set_up_again(store) -> None:
    with pytest.raises(RefusedError):
        set_up_office("osnabrueck", {}, None, [TEAM], [LEAD])
    assert load_profile().code == "luebeck" and teams() == []
