"""The exchange format's `team` per Anliegen: exported with every concern, optional on import (older files: the
case's team)."""

from __future__ import annotations

import json

from krm_desktop.model.store.connection import Store
from krm_desktop.model.store.entities import Case, Concern, Team
from tests import factories as f
from tests.model.exchange.exchange_data import export_text
from tests.model.exchange.test_case_import import good, refusal, run_import


def teams_of(case: Case) -> list[str | None]:
    rows = Concern.select(Concern.team).where(Concern.case == case.id).order_by(Concern.position)
    return [Team.get_by_id(c.team_id).name if c.team_id else None for c in rows]


def test_concerns_with_their_teams_import_and_export(store: Store) -> None:
    concerns = [
        {"kind": "beschwerde", "outcome": None, "team": "Team 401 Leistung"},
        {"kind": "idee", "team": "Team 412 Markt"},
    ]
    assert run_import([good(concerns=concerns)]) == 1
    case = Case.get()
    assert teams_of(case) == ["Team 401 Leistung", "Team 412 Markt"]  # the new team is created as named
    assert (case.team.name, case.lead, case.sign_off_role) == ("Team 401 Leistung", "gf", "GF")
    exported = json.loads(export_text().splitlines()[0])
    assert exported["concerns"] == [
        {"kind": "beschwerde", "outcome": None, "team": "Team 401 Leistung"},
        {"kind": "idee", "outcome": None, "team": "Team 412 Markt"},
    ]


def test_an_older_file_without_teams_of_the_concerns_gives_them_the_case_team(store: Store) -> None:
    assert run_import([good(concerns=[{"kind": "beschwerde", "outcome": None}, {"kind": "lob", "outcome": None}])]) == 1
    case = Case.get()
    assert teams_of(case) == ["Team 401 Leistung", "Team 401 Leistung"]
    assert (case.lead, case.sign_off_role) == ("team", "TL")


def test_a_first_concern_of_another_team_than_the_case_is_refused(store: Store) -> None:
    before = f.snapshot()
    errors = refusal([good(concerns=[{"kind": "beschwerde", "team": "Team 999"}])])
    assert any("erste Anliegen gehört zum Team des Falls" in text for text in errors.values())
    assert f.snapshot() == before


def test_an_unknown_key_of_a_concern_names_the_allowed_ones(store: Store) -> None:
    errors = refusal([good(concerns=[{"kind": "beschwerde", "teem": "Team 1"}])])
    assert any("Erlaubt sind: kind, outcome, team." in text for text in errors.values())
