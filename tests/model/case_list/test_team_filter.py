"""The list's team filter finds a case by every team its Anliegen concern."""

from __future__ import annotations

from krm_desktop.model.case_list.filters import NO_TEAM, CaseFilter
from krm_desktop.model.case_list.query import CaseList
from krm_desktop.model.case_list.sort_order import SortOrder
from krm_desktop.model.cases.intake import ConcernInput
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.time.day_counter import list_calendar
from tests import factories as f


def listing(flt: CaseFilter) -> set[str]:
    found = CaseList(f.TODAY, list_calendar(load_profile()), f.USER, flt, SortOrder())
    count = found.load()
    found.complete()
    rows = found.rows_after(0, 1000)
    assert len(rows) == count
    return {r.ref for r in rows}


def test_a_case_of_two_teams_is_found_by_either_team(store) -> None:
    t411, t412, t413 = f.team("Team 411"), f.team("Team 412"), f.team("Team 413")
    both = f.register(team_id=t411.id, concerns=[ConcernInput("beschwerde"), ConcernInput("idee", team_id=t412.id)])
    only_411 = f.register(team_id=t411.id)
    only_412 = f.register(team_id=t412.id, concerns=[("beschwerde", None), ("lob", None)])
    without = f.register()
    assert listing(CaseFilter(team=t411.id)) == {both.ref, only_411.ref}
    assert listing(CaseFilter(team=t412.id)) == {both.ref, only_412.ref}
    assert listing(CaseFilter(team=t413.id)) == set()
    assert listing(CaseFilter(team=NO_TEAM)) == {without.ref}
    assert listing(CaseFilter(team=t412.id, kind="idee")) == {both.ref}
    assert len(listing(CaseFilter())) == 4
