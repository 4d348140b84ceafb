"""The list's Kunde/Einsender column tells an anonymous case ("anonym": no person was ever known) from a case whose
personal data the annual purge removed ("anonymisiert")."""

from __future__ import annotations

from datetime import date

from krm_desktop.model.case_list.filters import CaseFilter
from krm_desktop.model.case_list.query import ANONYMISED, ANONYMOUS, CaseList
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.retention.purge import execute_purge
from krm_desktop.model.retention.purge_plan import plan_purge
from krm_desktop.model.time.day_counter import list_calendar
from tests import factories as f
from tests.model import retention_data as rd


def people_column() -> dict[str, str]:
    found = CaseList(f.TODAY, list_calendar(load_profile()), f.USER, CaseFilter())
    found.load()
    found.complete()
    return {row.ref: row.person for row in found.rows_after(0, 100)}


def test_anonymous_and_anonymised_cases_are_told_apart(store) -> None:
    purged, _ = rd.full_case(date(2023, 5, 10), "mkzq", 1)
    execute_purge(plan_purge(date(2025, 12, 31)), today=date(2025, 12, 31), user=f.USER)
    anonymous = f.register(person=None)
    card = f.register(kind="meinungskarte", channel="meinungskarte", person=None)
    named = f.register()
    assert (ANONYMOUS, ANONYMISED) == ("anonym", "anonymisiert")
    assert people_column() == {
        purged.ref: "anonymisiert",
        anonymous.ref: "anonym",
        card.ref: "anonym",
        named.ref: "Erika Mustermann",
    }
