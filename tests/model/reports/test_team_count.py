"""The report's team table counts by every team concerned: an Anliegen at its own team, a case once for each of
its teams (worked out by hand below)."""

from __future__ import annotations

from datetime import date

from krm_desktop.model.cases.intake import ConcernInput
from krm_desktop.model.reports.figures import compute_figures
from krm_desktop.model.reports.periods import Period
from tests import factories as f


def test_a_case_of_two_teams_counts_once_for_each(store) -> None:
    t411, t412 = f.team("Team 411", "Bereich 41"), f.team("Team 412", "Bereich 41")
    received = date(2025, 3, 3)
    # case A: Beschwerde (411) + Idee (412); case B: Beschwerde (411) + Lob (411); case C: Beschwerde (412)
    f.register(
        team_id=t411.id,
        received=received,
        concerns=[ConcernInput("beschwerde"), ConcernInput("idee", team_id=t412.id)],
    )
    f.register(team_id=t411.id, received=received, concerns=[("beschwerde", None), ("lob", None)])
    f.register(team_id=t412.id, received=received)
    figures = compute_figures(Period(2025), today=f.TODAY)
    assert (figures.cases, figures.concerns) == (3, 5)
    # Team 411: A's Beschwerde, B's two -> 3 Anliegen in 2 cases; Team 412: A's Idee, C's -> 2 in 2 cases
    assert [(r.key, r.concerns, r.cases) for r in figures.by_team] == [("Team 411", 3, 2), ("Team 412", 2, 2)]
    assert sum(r.concerns for r in figures.by_team) == figures.concerns  # each Anliegen once
    assert sum(r.cases for r in figures.by_team) == 4  # case A counts for both teams
