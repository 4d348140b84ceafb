"""Pankow's Anlage 2: marking a case "vorlagepflichtig" starts the Vorlage-an-GF clock (the same working day),
which the list shows and "Vorgelegt an GF" stops; only where the profile offers the mark."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.case_view import case_view
from krm_desktop.model.cases.gf_required import mark_gf_required
from krm_desktop.model.errors import RefusedError, ValidationError
from krm_desktop.model.office.profiles import PRESETS
from krm_desktop.model.store.entities import Case
from krm_desktop.model.time.deadlines import DueState, calendar_of
from tests import factories as f

pankow = pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
PANKOW = PRESETS["berlin-pankow"]
RECEIVED = date(2026, 11, 2)  # a Monday
FRIDAY = date(2026, 11, 13)
SATURDAY = date(2026, 11, 14)
MONDAY = date(2026, 11, 16)


def mark(case: Case, marked_on: date | None, today: date = f.TODAY) -> Case:
    return f.act(mark_gf_required, case, marked_on=marked_on, today=today)


def anonymous() -> Case:
    """A case with no clock of its own: only the Vorlage an GF runs."""
    return f.register(received=RECEIVED, person=None)


def status(case: Case, today: date):
    view = case_view(case.id)
    assert view is not None
    return view.due_status(today, calendar_of(PANKOW))


@pankow
def test_the_mark_makes_the_vorlage_due_the_same_working_day(store) -> None:
    case = anonymous()
    saved = mark(case, FRIDAY)
    stored = Case.get_by_id(case.id)
    assert (stored.gf_required_on, stored.gf_due) == (FRIDAY, FRIDAY)
    assert (stored.next_action, stored.next_due) == ("gf", FRIDAY)  # the list sorts and shows it first
    assert saved.version == case.version + 1
    assert f.actions(case)[-1] == "gf_required"
    # Boundary days: due on the day itself, overdue the day after.
    assert status(case, FRIDAY).state is DueState.DUE_SOON
    assert status(case, FRIDAY).text == "heute fällig"
    assert status(case, MONDAY).state is DueState.OVERDUE
    assert status(case, MONDAY).action == "gf"


@pankow
def test_marked_on_a_saturday_the_vorlage_is_due_on_monday(store) -> None:
    case = anonymous()
    mark(case, SATURDAY)
    assert Case.get_by_id(case.id).gf_due == MONDAY
    assert status(case, SATURDAY).state is DueState.DUE_SOON
    assert status(case, MONDAY).state is DueState.DUE_SOON
    assert status(case, date(2026, 11, 17)).state is DueState.OVERDUE


@pankow
def test_vorgelegt_an_gf_stops_the_clock(store) -> None:
    case = anonymous()
    mark(case, FRIDAY)
    f.act(cases.present_to_gf, case, presented_on=MONDAY)
    stored = Case.get_by_id(case.id)
    assert stored.gf_presented == MONDAY
    assert stored.next_action != "gf"
    assert status(case, date(2026, 11, 18)).action != "gf"
    assert "nach Fristablauf" in case_view(case.id).history[-1].text


@pankow
def test_editing_the_case_keeps_the_vorlage(store) -> None:
    case = f.register(received=RECEIVED)
    mark(case, FRIDAY)
    f.act(cases.update_case, case, data=f.case_input(received=date(2026, 11, 3)), profile=PANKOW)
    assert Case.get_by_id(case.id).gf_due == FRIDAY


@pankow
@pytest.mark.parametrize(
    ("marked_on", "words"),
    [
        (date(2026, 11, 1), "liegt vor dem Eingang (02.11.2026)"),
        (date(2026, 11, 21), "liegt in der Zukunft"),
        (None, "Bitte „Vorlagepflichtig seit“ angeben"),
    ],
)
def test_a_bad_day_is_refused_and_changes_nothing(store, marked_on, words) -> None:
    case = f.register(received=RECEIVED)
    before = f.snapshot()
    with pytest.raises(ValidationError) as info:
        mark(case, marked_on)
    assert words in info.value.errors["marked_on"]
    assert f.snapshot() == before


@pankow
def test_petitions_closed_and_marked_cases_are_refused(store) -> None:
    petition = f.register(kind="petition", received=RECEIVED)
    with pytest.raises(RefusedError, match="ohnehin"):
        mark(petition, FRIDAY)
    case = f.register(received=RECEIVED)
    mark(case, FRIDAY)
    with pytest.raises(RefusedError, match=r"bereits seit 13\.11\.2026"):
        mark(case, MONDAY)


@pytest.mark.parametrize("store", ["luebeck", "osnabrueck", "schwaebisch-hall", "braunschweig"], indirect=True)
def test_offices_without_anlage_2_have_no_mark(store) -> None:
    case = f.register(received=RECEIVED)
    with pytest.raises(RefusedError, match="nicht vor"):
        mark(case, FRIDAY)
    assert Case.get_by_id(case.id).gf_required_on is None


def test_only_pankow_offers_the_mark() -> None:
    assert {code for code, p in PRESETS.items() if p.gf_required_mark} == {"berlin-pankow"}
