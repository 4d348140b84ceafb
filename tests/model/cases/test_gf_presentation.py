"""The Vorlage an GF of petitions, Eingaben and DABs is a deadline like the others: the case's next due item until
"Vorgelegt an GF am" is recorded, overdue when it passes, counted by the dashboard."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.model.case_list.overview import overview
from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.case_view import case_view
from krm_desktop.model.cases.lookup import action_facts
from krm_desktop.model.errors import RefusedError, ValidationError
from krm_desktop.model.office.profiles import PRESETS
from krm_desktop.model.store.entities import Case, Event
from krm_desktop.model.time.deadlines import DueState
from krm_desktop.model.time.working_days import calendar_for
from tests import factories as f

RECEIVED = date(2026, 11, 16)  # a Monday
LUEBECK = PRESETS["luebeck"]
GF_KINDS = ["petition", "eingabe", "dienstaufsichtsbeschwerde"]


def register_gf_kind(kind: str, **values) -> Case:
    if kind == "dienstaufsichtsbeschwerde":
        values["employee_concerned"] = "Tom Weber, Team 401"
    return f.register(kind=kind, received=RECEIVED, **values)


def present(case: Case, *, presented_on: date | None = f.TODAY, today: date = f.TODAY) -> Case:
    return f.act(cases.present_to_gf, case, presented_on=presented_on, today=today)


@pytest.mark.parametrize("kind", GF_KINDS)
def test_the_vorlage_is_due_the_day_of_receipt_and_comes_first(store, kind) -> None:
    case = register_gf_kind(kind)
    assert case.gf_due == RECEIVED
    assert (case.next_action, case.next_due) == ("gf", RECEIVED)
    status = case_view(case.id).due_status(RECEIVED, calendar_for("SH"))
    assert (status.state, status.action, status.text) == (DueState.DUE_SOON, "gf", "heute fällig")
    status = case_view(case.id).due_status(f.TODAY, calendar_for("SH"))
    assert (status.state, status.action, status.action_label) == (DueState.OVERDUE, "gf", "Vorlage an GF")
    assert status.text == "überfällig seit 4 AT"


def test_received_on_a_saturday_the_vorlage_is_due_monday(store) -> None:
    case = f.register(kind="petition", received=date(2026, 11, 14))
    assert (case.next_action, case.next_due) == ("gf", date(2026, 11, 16))


@pytest.mark.parametrize("kind", GF_KINDS)
def test_presented_stops_the_clock_and_the_answer_is_next(store, kind) -> None:
    case = register_gf_kind(kind)
    done = present(case, presented_on=date(2026, 11, 17))
    assert done.gf_presented == date(2026, 11, 17)
    assert done.next_action in ("ack", "answer") and done.next_action != "gf"
    assert case_view(case.id).due_status(f.TODAY, calendar_for("SH")).action != "gf"
    event = Event.select().where(Event.case == case.id).order_by(Event.id.desc()).get()
    assert (event.action, event.actor, event.on_day) == ("gf_presented", f.USER, f.TODAY)
    assert event.text == "Vorgelegt an GF am 17.11.2026 (nach Fristablauf)."
    facts = action_facts(case.id)
    assert facts is not None
    assert checks.unavailable_reason(facts, checks.PRESENT_GF) == (
        f"{case.ref} ist der Geschäftsführung bereits am 17.11.2026 vorgelegt."
    )
    with pytest.raises(RefusedError, match=r"bereits am 17\.11\.2026"):
        present(done)


def test_the_conflict_view_shows_the_day_of_the_vorlage(store) -> None:
    from krm_desktop.model.cases.changes import case_state, describe_changes

    case = f.register(kind="petition", received=RECEIVED)
    before = case_state(case.id)
    assert before["Vorgelegt an die GF am"] == ""
    present(case, presented_on=date(2026, 11, 17))
    assert "Vorgelegt an die GF am: (leer) → 17.11.2026" in describe_changes(before, case_state(case.id))


def test_presented_on_the_day_is_logged_without_lateness(store) -> None:
    case = f.register(kind="petition", received=RECEIVED)
    present(case, presented_on=RECEIVED)
    assert f.actions(case)[-1] == "gf_presented"
    assert Event.select().where(Event.case == case.id).order_by(Event.id.desc()).get().text == (
        "Vorgelegt an GF am 16.11.2026."
    )


def test_anonymous_petition_keeps_the_internal_vorlage_clock(store) -> None:
    case = f.register(kind="petition", received=RECEIVED, person=None)
    assert (case.ack_due, case.final_due, case.next_action, case.next_due) == (None, None, "gf", RECEIVED)
    assert present(case).next_action is None
    status = case_view(case.id).due_status(f.TODAY, calendar_for("SH"))
    assert (status.state, status.text) == (DueState.ON_TRACK, "Fristen erledigt")


def test_a_beschwerde_has_no_vorlage(store) -> None:
    case = f.register(received=RECEIVED)
    facts = action_facts(case.id)
    assert facts is not None
    assert "nur bei Petition, Eingabe und Dienstaufsichtsbeschwerde" in (
        checks.unavailable_reason(facts, checks.PRESENT_GF) or ""
    )
    before = f.snapshot()
    with pytest.raises(RefusedError, match="Vorlage an die GF"):
        present(case)
    assert f.snapshot() == before


@pytest.mark.parametrize(
    ("presented_on", "words"),
    [
        (None, "Vorgelegt an GF am"),
        (date(2026, 11, 13), "Eingang"),
        (date(2026, 11, 21), "Zukunft"),
    ],
)
def test_bad_date_is_refused_next_to_its_field_and_nothing_changes(store, presented_on, words) -> None:
    case = f.register(kind="eingabe", received=RECEIVED)
    before = f.snapshot()
    with pytest.raises(ValidationError) as info:
        present(case, presented_on=presented_on)
    assert set(info.value.errors) == {"presented_on"}
    assert words in info.value.errors["presented_on"]
    assert f.snapshot() == before


def test_the_dashboard_counts_an_overdue_vorlage(store) -> None:
    petition = f.register(kind="petition", received=date(2026, 11, 19))  # acknowledgement due 24.11.
    f.register(kind="lob", received=date(2026, 11, 19))
    assert overview(LUEBECK, f.TODAY).overdue == 1
    present(petition)
    assert overview(LUEBECK, f.TODAY).overdue == 0
