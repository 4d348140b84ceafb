"""The office's own teams and people: created, renamed, deactivated, refused in German; logins act as a person."""

from __future__ import annotations

import pytest

from krm_desktop.model.errors import ConflictError, RefusedError, ValidationError
from krm_desktop.model.office import staff
from krm_desktop.model.office.areas import AreaFlags, area_flags, flags_of, save_area_flags
from krm_desktop.model.office.staff_checks import PersonData, TeamData, role_from_label
from krm_desktop.model.store.entities import Case
from tests import factories as f


def test_a_team_is_created_renamed_and_its_cases_follow(store) -> None:
    created = staff.save_team(None, TeamData("  Team 411   Leistung ", "Bereich 41"))
    assert (created.name, created.area, created.active) == ("Team 411 Leistung", "Bereich 41", True)
    case = f.register(team_id=created.id)
    renamed = staff.save_team(created.id, TeamData("Team 411 Leistung Nord", "Bereich 41"), version=created.version)
    assert renamed.cases == 1
    assert Case.get_by_id(case.id).team.name == "Team 411 Leistung Nord"


def test_two_teams_with_one_name_are_refused_whatever_the_case(store) -> None:
    staff.save_team(None, TeamData("Team 411 Leistung"))
    before = f.snapshot()
    with pytest.raises(ValidationError) as refused:
        staff.save_team(None, TeamData("team 411  LEISTUNG"))
    assert refused.value.errors == {
        "name": "Ein Team „team 411 LEISTUNG“ gibt es schon. Bitte wählen Sie einen anderen Namen."
    }
    assert f.snapshot() == before


def test_a_team_without_name_is_refused(store) -> None:
    with pytest.raises(ValidationError) as refused:
        staff.save_team(None, TeamData("   ", "Bereich 41"))
    assert "Namen des Teams" in refused.value.errors["name"]


def test_a_team_with_cases_is_deactivated_never_deleted(store) -> None:
    unit = staff.save_team(None, TeamData("Team 412"))
    f.register(team_id=unit.id)
    with pytest.raises(RefusedError, match="Deaktivieren Sie es"):
        staff.delete_team(unit.id)
    off = staff.save_team(unit.id, TeamData("Team 412", active=False), version=unit.version)
    assert not off.active
    assert [t.name for t in staff.teams(active_only=True)] == []
    assert [t.name for t in staff.teams()] == ["Team 412"]


def test_a_team_without_cases_can_be_deleted(store) -> None:
    unit = staff.save_team(None, TeamData("Team 413"))
    staff.delete_team(unit.id)
    assert staff.teams() == []


def test_a_stale_team_edit_is_refused(store) -> None:
    unit = staff.save_team(None, TeamData("Team 414"))
    staff.save_team(unit.id, TeamData("Team 414 neu"), version=unit.version)
    with pytest.raises(ConflictError):
        staff.save_team(unit.id, TeamData("Team 414 anders"), version=unit.version)
    assert staff.team(unit.id).name == "Team 414 neu"


def test_a_person_is_saved_with_function_team_and_logins(store) -> None:
    unit = staff.save_team(None, TeamData("Team 411 Leistung", "Bereich 41"))
    erika = staff.save_person(
        None, PersonData(" Erika  Muster ", "TL", unit.id, "erika.muster@jobcenter.de", "0451 123-411", (" MusterE ",))
    )
    assert (erika.name, erika.role_label, erika.team, erika.logins) == (
        "Erika Muster",
        "Teamleitung",
        "Team 411 Leistung",
        ("mustere",),
    )
    assert staff.person_for_login("MUSTERE") == erika
    assert staff.person_for_login("someone") is None


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (PersonData("", "TL"), "name", "Namen der Person"),
        (PersonData("Erika Muster", ""), "role", "Funktion"),
        (PersonData("Erika Muster", "Chef"), "role", "Unbekannte Funktion „Chef“"),
        (PersonData("Erika Muster", "TL", email="erika.at.jobcenter"), "email", "E-Mail"),
        (PersonData("Erika Muster", "TL", logins=("erika muster",)), "logins", "ohne Leerzeichen"),
        (PersonData("Erika Muster", "TL", team_id=999), "team", "Team gibt es nicht"),
    ],
)
def test_a_person_with_bad_input_is_refused_per_field(store, data: PersonData, field: str, words: str) -> None:
    before = f.snapshot()
    with pytest.raises(ValidationError) as refused:
        staff.save_person(None, data)
    assert field in refused.value.errors
    assert words in refused.value.errors[field]
    assert f.snapshot() == before


def test_a_login_already_given_to_another_person_is_refused(store) -> None:
    staff.save_person(None, PersonData("Petra Ohlsen", "KRM", logins=("ohlsenp",)))
    tom = staff.save_person(None, PersonData("Tom Weber", "MA"))
    before = f.snapshot()
    with pytest.raises(ValidationError) as refused:
        staff.save_person(tom.id, PersonData("Tom Weber", "MA", logins=("OhlsenP",)), version=tom.version)
    assert refused.value.errors["logins"] == (
        "Die Anmeldung „ohlsenp“ gehört schon zu Petra Ohlsen. Eine Anmeldung handelt für eine Person."
    )
    assert f.snapshot() == before


def test_assign_login_adds_to_the_persons_logins(store) -> None:
    petra = staff.save_person(None, PersonData("Petra Ohlsen", "KRM", logins=("ohlsenp",)))
    staff.assign_login(petra.id, "root")
    assert staff.person_for_login("root").logins == ("ohlsenp", "root")


def test_deactivating_the_last_gf_while_petitions_are_open_warns(store) -> None:
    gf = staff.save_person(None, PersonData("Dr. Anna Lindqvist", "GF"))
    leaving = PersonData("Dr. Anna Lindqvist", "GF", active=False)
    assert staff.deactivation_warnings(gf.id, leaving) == []  # nothing open yet
    f.register(kind="petition", requesting_body="Petitionsausschuss des Landtags")
    [warning] = staff.deactivation_warnings(gf.id, leaving)
    assert "letzte aktive Geschäftsführung" in warning and "1 Petition" in warning
    successor = staff.save_person(None, PersonData("Jonas Berg", "GF"))
    assert staff.deactivation_warnings(gf.id, leaving) == []
    assert successor.active


def test_a_person_who_signed_cases_is_deactivated_never_deleted(store) -> None:
    people = f.office_people()
    case = f.register(team_id=people["team"].id)
    f.close_answered(case, f.TODAY, people["tl"].id, "begruendet")
    with pytest.raises(RefusedError, match="Deaktivieren Sie die Person"):
        staff.delete_person(people["tl"].id)
    staff.delete_person(people["ma"].id)
    assert "Tom Weber" not in [p.name for p in staff.people()]


def test_function_names_are_read_without_regard_to_case() -> None:
    assert role_from_label("teamleitung") == "TL"
    assert role_from_label("STV. Teamleitung") == "STL"
    assert role_from_label("Geschäftsführung") == "GF"
    assert role_from_label("Chef") is None


def test_area_flags_are_kept_per_bereich(store) -> None:
    save_area_flags("71", AreaFlags(lgf_cc=True))
    save_area_flags("40", AreaFlags())
    assert area_flags() == {"71": AreaFlags(lgf_cc=True)}
    assert flags_of(" 71 ").lgf_cc and not flags_of("40").lgf_cc


def test_a_team_deleted_at_another_desk_is_said_so(store) -> None:
    unit = staff.save_team(None, TeamData("Team 415"))
    staff.delete_team(unit.id)
    with pytest.raises(RefusedError, match="Das Team gibt es nicht mehr; es wurde an einem anderen Platz gelöscht"):
        staff.save_team(unit.id, TeamData("Team 415 neu"), version=unit.version)
    assert staff.teams() == []
