"""Several teams concerned: a team per Anliegen, the Geschäftsführung leads and signs, each team's Beitrag."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.case_view import case_view
from krm_desktop.model.cases.concern_teams import (
    ONE_TEAM_TEXT,
    SEVERAL_TEAMS_TEXT,
    concern_team_problems,
    edited_lead,
    resolved_teams,
)
from krm_desktop.model.cases.contribution_service import (
    record_team_contribution,
    teams_concerned,
)
from krm_desktop.model.cases.contributions import CONTRIBUTION
from krm_desktop.model.cases.intake import ConcernInput
from krm_desktop.model.cases.lookup import action_facts
from krm_desktop.model.cases.profile_action_reasons import profile_actions
from krm_desktop.model.cases.stored_case import stored_case
from krm_desktop.model.errors import RefusedError, ValidationError
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.store.entities import Case, Concern, Event, Staff, Statement
from tests import factories as f


def menu_reason(case_id: int) -> str | None:
    """Why the Vorgang menu offers no Beitrag for the case (None: it does)."""
    facts = action_facts(case_id)
    assert facts is not None
    return profile_actions(case_id, facts, load_profile()).reasons[CONTRIBUTION]


T = f.TODAY


@pytest.fixture
def teams(store):
    people = f.office_people()
    return people["team"], f.team("Team 412 Markt", "Bereich 41"), f.team("Team 413 Reha", "Bereich 41")


def two_team_case(teams, **values):
    first, second, _ = teams
    return f.register(
        team_id=first.id,
        concerns=[ConcernInput("beschwerde"), ConcernInput("beschwerde", team_id=second.id)],
        **values,
    )


def concern_teams_of(case: Case) -> list[int | None]:
    return [c.team_id for c in Concern.select().where(Concern.case == case.id).order_by(Concern.position)]


def test_the_teams_of_the_anliegen_resolve_to_the_case_team_where_none_is_named() -> None:
    assert resolved_teams(7, []) == [7]
    assert resolved_teams(7, [None, None, 9]) == [7, 7, 9]
    assert resolved_teams(None, [None, 9]) == [None, 9]
    assert resolved_teams(None, [5, None]) == [5, 5]


def test_one_team_keeps_the_team_lead(teams) -> None:
    first = teams[0]
    case = f.register(team_id=first.id, concerns=[("beschwerde", None), ("idee", None)])
    assert concern_teams_of(case) == [first.id, first.id]
    assert (case.lead, case.sign_off_role, case.escalation_level) == ("team", "TL", 1)
    assert teams_concerned(case.id) == {first.id: first.name}
    assert "nur ein Team betroffen" in (menu_reason(case.id) or "")


def test_two_teams_make_the_gf_lead_and_sign(teams) -> None:
    first, second, _ = teams
    case = two_team_case(teams)
    assert concern_teams_of(case) == [first.id, second.id]
    assert case.team_id == first.id  # the case's team stays the first Anliegen's
    assert (case.lead, case.sign_off_role, case.escalation_level) == ("gf", "GF", 1)
    assert Event.get((Event.case == case.id) & (Event.action == "several_teams")).text == SEVERAL_TEAMS_TEXT
    view = case_view(case.id)
    assert view is not None and view.teams_concerned == (first.name, second.name)
    stored = stored_case(case.id)
    assert stored is not None and [(c.team_id, c.team_name) for c in stored.concerns] == [
        (first.id, first.name),
        (second.id, second.name),
    ]
    assert menu_reason(case.id) is None


def test_an_unknown_team_of_an_anliegen_is_refused_and_nothing_stored(teams) -> None:
    first = teams[0]
    before = f.snapshot()
    with pytest.raises(ValidationError) as caught:
        f.register(team_id=first.id, concerns=[ConcernInput("beschwerde"), ConcernInput("idee", team_id=9999)])
    assert caught.value.errors == {"concerns.2.team": "Das Team von Anliegen 2 gibt es nicht (mehr)."}
    assert f.snapshot() == before


def test_the_first_anliegen_has_the_case_team(teams) -> None:
    first, second, _ = teams
    problems = concern_team_problems(first.id, [second.id, None])
    assert problems == {"concerns.1.team": "Das erste Anliegen gehört zum Team des Falls (Feld „Team“)."}


def test_editing_keeps_the_teams_and_moves_the_lead(teams) -> None:
    first, second, third = teams
    case = f.register(team_id=first.id, concerns=[("beschwerde", None), ("idee", None)])
    data = f.case_input(team_id=first.id, concerns=[ConcernInput("beschwerde"), ConcernInput("idee", team_id=third.id)])
    case = cases.update_case(case.id, version=case.version, data=data, today=T, user=f.USER)
    assert concern_teams_of(case) == [first.id, third.id]
    stored = Case.get_by_id(case.id)
    assert (stored.lead, stored.sign_off_role) == ("gf", "GF")
    # The same input again keeps the teams (and changes nothing of the lead).
    case = cases.update_case(case.id, version=stored.version, data=data, today=T, user=f.USER)
    assert concern_teams_of(case) == [first.id, third.id]
    # Back to one team: the team leads again.
    data = f.case_input(team_id=second.id, concerns=[ConcernInput("beschwerde"), ConcernInput("idee")])
    case = cases.update_case(case.id, version=Case.get_by_id(case.id).version, data=data, today=T, user=f.USER)
    stored = Case.get_by_id(case.id)
    assert concern_teams_of(case) == [second.id, second.id] and stored.team_id == second.id
    assert (stored.lead, stored.sign_off_role) == ("team", "TL")
    texts = [e.text for e in Event.select().where((Event.case == case.id) & (Event.action == "several_teams"))]
    assert texts == [SEVERAL_TEAMS_TEXT, ONE_TEAM_TEXT]


def test_the_lead_after_an_edit_keeps_what_was_decided_otherwise() -> None:
    common = {"escalation_level": 1, "gf_kind": False, "reserved": False}
    assert edited_lead(lead="team", sign_off_role="TL", before=False, after=False, **common) == ({}, "")
    assert edited_lead(lead="gf", sign_off_role="GF", before=False, after=True, **common) == ({}, "")
    # escalated to the GF, a petition, or a sign-off the GF reserved: that stays
    assert edited_lead(
        lead="gf", sign_off_role="GF", before=True, after=False, escalation_level=3, gf_kind=False, reserved=False
    ) == ({}, "")
    assert edited_lead(
        lead="gf", sign_off_role="GF", before=True, after=False, escalation_level=1, gf_kind=True, reserved=False
    ) == ({}, "")
    assert edited_lead(
        lead="gf", sign_off_role="GF", before=True, after=False, escalation_level=1, gf_kind=False, reserved=True
    ) == ({"lead": "team", "sign_off_role": "GF"}, ONE_TEAM_TEXT)


def test_assigning_another_team_moves_the_first_anliegen(teams) -> None:
    first, second, _ = teams
    case = f.register(team_id=first.id, concerns=[ConcernInput("beschwerde"), ConcernInput("idee")])
    case = f.act(cases.assign_team, case, team_id=second.id)
    assert concern_teams_of(case) == [second.id, first.id]
    stored = Case.get_by_id(case.id)
    assert (stored.team_id, stored.lead, stored.sign_off_role) == (second.id, "gf", "GF")
    assert f.actions(case)[-2:] == ["assigned", "several_teams"]


def contribute(case: Case, **values):
    inputs = {
        "author": "Jens Brandt",
        "author_role": "TL",
        "received_on": date(2026, 11, 10),
        "text": "Der Antrag lag vom 2. bis 20. Oktober im Team; die Bearbeitung ist nachgeholt.",
    }
    inputs.update(values)
    return f.act(record_team_contribution, case, **inputs)


def test_a_beitrag_is_a_statement_of_the_team_and_the_history_names_who_acted(teams) -> None:
    _, second, _ = teams
    case = two_team_case(teams)
    case = contribute(case, team_id=second.id, author="Mia Roth ", user="Petra Ohlsen")
    statement = Statement.get(Statement.case == case.id)
    assert (statement.team_id, statement.author, statement.author_role, statement.received_on) == (
        second.id,
        "Mia Roth",
        "TL",
        date(2026, 11, 10),
    )
    event = Event.get((Event.case == case.id) & (Event.action == "contribution"))
    assert event.actor == "Petra Ohlsen"
    assert event.text == "Beitrag von Team 412 Markt eingegangen am 10.11.2026 (verfasst von Mia Roth, Teamleitung)."
    view = case_view(case.id)
    assert view is not None and [(s.team, s.author) for s in view.statements] == [(second.name, "Mia Roth")]
    # an ordinary Stellungnahme has no team
    case = f.statement(case, "Tom Weber", "MA", date(2026, 11, 11), "Ich habe die Kundin am 3.11. angerufen.")
    assert Statement.get(Statement.author == "Tom Weber").team_id is None


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"team": "third"}, "team", "Dieses Team ist von den Anliegen des Falls nicht betroffen"),
        ({"team": None}, "team", "Bitte das Team wählen"),
        ({"received_on": date(2026, 11, 1)}, "received_on", "Eingang des Beitrags"),
        ({"received_on": date(2026, 11, 21)}, "received_on", "Eingang des Beitrags"),
        ({"received_on": None}, "received_on", "Bitte „Eingang des Beitrags“ angeben."),
        ({"text": "  \n "}, "text", "Beitrag"),
        ({"author": ""}, "author", "Verfasser/in"),
    ],
)
def test_a_bad_beitrag_is_refused_in_german_and_nothing_changes(teams, values, field, message) -> None:
    _first, second, third = teams
    case = two_team_case(teams)
    values = dict(values)  # the parameters are shared by both backends' runs
    chosen = {"third": third.id, None: None}.get(values.pop("team", "second"), second.id)
    before = f.snapshot()
    with pytest.raises(ValidationError) as caught:
        contribute(case, team_id=chosen, **values)
    assert message in caught.value.errors[field]
    assert f.snapshot() == before


def test_dates_of_a_beitrag_before_receipt_or_in_the_future_say_so(teams) -> None:
    case = two_team_case(teams)
    with pytest.raises(ValidationError) as early:
        contribute(case, team_id=teams[1].id, received_on=date(2026, 11, 1))
    with pytest.raises(ValidationError) as late:
        contribute(case, team_id=teams[1].id, received_on=date(2026, 11, 21))
    assert "Eingang" in early.value.errors["received_on"] and "vor" in early.value.errors["received_on"]
    assert "Zukunft" in late.value.errors["received_on"]


def test_a_case_of_one_team_or_closed_takes_no_beitrag(teams) -> None:
    first = teams[0]
    case = f.register(team_id=first.id)
    with pytest.raises(RefusedError, match="nur ein Team betroffen"):
        contribute(case, team_id=first.id)
    case = two_team_case(teams)
    gf = Staff.get(Staff.role == "GF").id
    outcomes = {1: "begruendet", 2: "unbegruendet"}
    case = f.act(cases.close, case, closed_on=T, answer_sent=T, outcomes=outcomes, signed_by=gf)
    with pytest.raises(RefusedError, match="abgeschlossen"):
        contribute(case, team_id=teams[1].id)


def test_the_teamleitung_does_not_sign_where_several_teams_are_concerned(teams) -> None:
    case = two_team_case(teams)
    tl = Staff.get(Staff.role == "TL").id
    gf = Staff.get(Staff.role == "GF").id
    outcomes = {1: "begruendet", 2: "unbegruendet"}
    before = f.snapshot()
    with pytest.raises(ValidationError, match="zeichnungsbefugt: Geschäftsführung"):
        f.act(cases.close, case, closed_on=T, answer_sent=T, outcomes=outcomes, signed_by=tl)
    assert f.snapshot() == before
    case = f.act(cases.close, case, closed_on=T, answer_sent=T, outcomes=outcomes, signed_by=gf)
    assert Case.get_by_id(case.id).signed_by_id == gf


def test_what_another_workstation_sees_changed_names_the_teams(teams) -> None:
    from krm_desktop.model.cases.changes import case_state

    _, second, _ = teams
    case = two_team_case(teams)
    contribute(case, team_id=second.id)
    state = case_state(case.id)
    assert state["Anliegen 1"] == "Beschwerde" and state["Anliegen 2"] == "Beschwerde (Team 412 Markt)"
    assert state["Stellungnahme 1"].startswith("Beitrag Team 412 Markt: Jens Brandt (Teamleitung), eingegangen")


def test_the_purge_keeps_the_teams_and_gives_the_history_of_a_beitrag_its_label(teams) -> None:
    from krm_desktop.model.retention.purge import EVENT_LABELS, execute_purge
    from krm_desktop.model.retention.purge_plan import plan_purge

    _, second, _ = teams
    case = two_team_case(teams, received=date(2023, 4, 20))
    contribute(case, team_id=second.id, author="Mia Roth", received_on=date(2023, 4, 25), today=date(2023, 4, 25))
    gf = Staff.get(Staff.role == "GF").id
    outcomes = {1: "begruendet", 2: "unbegruendet"}
    day = date(2023, 5, 10)
    f.act(cases.close, case, closed_on=day, answer_sent=day, outcomes=outcomes, signed_by=gf, today=day)
    execute_purge(plan_purge(date(2025, 12, 31)), today=date(2025, 12, 31), user=f.USER)
    assert Case.get_by_id(case.id).anonymised
    assert concern_teams_of(case) == [teams[0].id, second.id]  # the reports still count both teams
    assert not Statement.select().where(Statement.case == case.id).exists()
    texts = {e.action: e.text for e in Event.select().where(Event.case == case.id)}
    assert texts["contribution"] == EVENT_LABELS["contribution"] and "Mia Roth" not in " ".join(texts.values())
    assert texts["several_teams"] == EVENT_LABELS["several_teams"]
