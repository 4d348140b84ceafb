"""The one-page case summary says "anonymisiert" for a case the purge emptied, "anonym" for one without person."""

from __future__ import annotations

from datetime import date

from krm_desktop.documents.case_summary import render_case_summary
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.retention.purge import execute_purge
from krm_desktop.model.retention.purge_plan import plan_purge
from krm_desktop.model.time.day_counter import list_calendar
from tests import factories as f
from tests.documents.pdf_tools import text
from tests.model import retention_data as rd


def summary(case_id: int) -> str:
    return text(render_case_summary(case_id, f.TODAY, list_calendar(load_profile())))


def test_a_purged_case_is_anonymised_and_a_case_without_person_anonymous(store) -> None:
    purged, _ = rd.full_case(date(2023, 5, 10), "mkzq", 1)
    execute_purge(plan_purge(date(2025, 12, 31)), today=date(2025, 12, 31), user=f.USER)
    anonymous = f.register(person=None)
    assert "Kunde/Einsender\nanonymisiert\n" in summary(purged.id)
    assert "Kunde/Einsender\nanonym\n" in summary(anonymous.id)


def test_the_summary_names_every_team_concerned_and_that_the_gf_leads(store) -> None:
    from krm_desktop.model.cases.intake import ConcernInput
    from tests.documents.pdf_tools import squeezed

    t411, t412 = f.team("Team 411"), f.team("Team 412")
    case = f.register(team_id=t411.id, concerns=[ConcernInput("beschwerde"), ConcernInput("idee", team_id=t412.id)])
    one = f.register(team_id=t411.id)
    expected = "Team 411, Team 412 (mehrere Teams betroffen: Federführung bei der Geschäftsführung)"
    assert squeezed(expected) in squeezed(summary(case.id))
    assert "Team\nTeam 411\n" in summary(one.id)
