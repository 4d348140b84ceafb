"""What the entry forms load of a stored case, and the short heading other panels show."""

from __future__ import annotations

from datetime import date

from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.stored_case import CaseHeading, StoredConcern, case_heading, stored_case
from krm_desktop.model.store.entities import Case
from tests import factories as f


def test_heading_names_the_case_and_its_state(store) -> None:
    case = f.register(kind="lob", concerns=[("lob", None)])
    assert case_heading(case.id) == CaseHeading(case.id, case.ref, "lob", "offen", False)
    assert case_heading(case.id + 1) is None


def test_stored_case_carries_what_the_form_shows(store) -> None:
    team = f.team("Team 401 Leistung")
    case = f.register(
        kind="petition",
        via="petitionsausschuss",
        team_id=team.id,
        concerns=[("petition", None), ("beschwerde", None), ("lob", None)],
        person=f.person("Kanzlei Berger", role="vertreter", customer_no="", bg_no=""),
        represented=f.person("Erika Mustermann"),
        requesting_body="Petitionsausschuss des Deutschen Bundestages",
        requesting_ref="Pet 4-20-11-8150",
        body_due=date(2026, 11, 27),
        topic="Erreichbarkeit",
        file_no="II-5010",
    )
    team.active = False  # a team made inactive since stays named
    team.save()
    stored = stored_case(case.id)
    assert stored is not None
    assert (stored.id, stored.ref, stored.kind, stored.status, stored.version) == (
        case.id,
        case.ref,
        "petition",
        "offen",
        1,
    )
    assert (stored.team_id, stored.team_name, stored.topic, stored.file_no) == (
        team.id,
        "Team 401 Leistung",
        "Erreichbarkeit",
        "II-5010",
    )
    assert stored.concerns == (
        StoredConcern(1, "petition", None, team.id, "Team 401 Leistung"),
        StoredConcern(2, "beschwerde", None, team.id, "Team 401 Leistung"),
        StoredConcern(3, "lob", None, team.id, "Team 401 Leistung"),
    )
    assert stored.person is not None and (stored.person.name, stored.person.role) == ("Kanzlei Berger", "vertreter")
    assert stored.represented is not None and stored.represented.customer_no == "123A456789"
    assert (stored.requesting_body, stored.requesting_ref, stored.body_due) == (
        "Petitionsausschuss des Deutschen Bundestages",
        "Pet 4-20-11-8150",
        date(2026, 11, 27),
    )
    assert (stored.follows_id, stored.follows_purged, stored.employee_concerned) == (None, False, "")
    assert stored_case(case.id + 1) is None


def test_anonymous_case_without_team(store) -> None:
    case = f.register(person=None)
    stored = stored_case(case.id)
    assert stored is not None
    assert (stored.person, stored.represented, stored.team_id, stored.team_name) == (None, None, None, "")


def test_a_folgereaktion_keeps_the_reference_of_its_purged_earlier_case(store) -> None:
    earlier = f.register(received=date(2026, 10, 1))
    f.close_answered(earlier, date(2026, 10, 20), f.staff("Jens Brandt", "TL").id, "unbegruendet")
    follow = cases.follow_up(earlier.id, f.case_input(received=date(2026, 11, 16)), today=f.TODAY, user=f.USER)
    linked = stored_case(follow.id)
    assert linked is not None
    assert (linked.kind, linked.follows_id, linked.follows_ref, linked.follows_purged) == (
        "folgereaktion",
        earlier.id,
        earlier.ref,
        False,
    )
    Case.delete().where(Case.id == earlier.id).execute()  # as the purge deletes it
    purged = stored_case(follow.id)
    assert purged is not None
    assert (purged.follows_id, purged.follows_ref, purged.follows_purged) == (None, earlier.ref, True)
