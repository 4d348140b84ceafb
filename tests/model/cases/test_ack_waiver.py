"""„Eingangsbestätigung entfällt": the KRM decides that no acknowledgement is sent, where the office's profile lets it
for the case's channel (Pankow: e-mails); the acknowledgement clock stops, the answer's stays."""

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

PANKOW = PRESETS["berlin-pankow"]
RECEIVED = date(2026, 11, 16)  # a Monday
REASON = "Die Antwort geht binnen drei Arbeitstagen hinaus; eine Eingangsbestätigung wäre überflüssig."
pankow = pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)


def waive(case: Case, *, decided_on: date = f.TODAY, reason: str = REASON, profile=None) -> Case:
    return f.act(cases.waive_acknowledgement, case, decided_on=decided_on, reason=reason, profile=profile)


@pankow
def test_pankow_email_waived_stops_the_acknowledgement_clock(store) -> None:
    case = f.register(channel="email", received=RECEIVED)
    assert (case.ack_due, case.final_due) == (date(2026, 11, 19), date(2026, 11, 30))
    assert (case.next_action, case.next_due) == ("ack", date(2026, 11, 19))
    assert case_view(case.id).due_status(f.TODAY, calendar_for("BE")).state is DueState.OVERDUE

    waived = waive(case)

    assert (waived.ack_waived, waived.ack_waived_reason) == (f.TODAY, REASON)
    assert (waived.ack_due, waived.final_due, waived.ack_sent) == (date(2026, 11, 19), date(2026, 11, 30), None)
    assert (waived.next_action, waived.next_due) == ("answer", date(2026, 11, 30))  # the answer is next
    status = case_view(case.id).due_status(f.TODAY, calendar_for("BE"))
    assert (status.state, status.action) == (DueState.ON_TRACK, "answer")
    event = Event.select().where(Event.case == case.id).order_by(Event.id.desc()).get()
    assert (event.action, event.actor, event.on_day) == ("ack_waived", f.USER, f.TODAY)
    assert event.text == f"Eingangsbestätigung entfällt: entschieden am 20.11.2026 von {f.USER}. Begründung: {REASON}"


@pankow
def test_waived_case_leaves_the_tile_and_the_acknowledgement_action(store) -> None:
    waived_case = waive(f.register(channel="email", received=RECEIVED))
    f.register(channel="email", received=RECEIVED)  # still waiting for its acknowledgement
    assert overview(PANKOW, f.TODAY).ack_pending == 1
    facts = action_facts(waived_case.id, PANKOW.ack_waivable_channels)
    assert facts is not None
    assert checks.unavailable_reason(facts, checks.ACKNOWLEDGE) == (
        "Die Eingangsbestätigung entfällt (so entschieden am 20.11.2026)."
    )
    assert "entfällt" in (checks.unavailable_reason(facts, checks.WAIVE_ACK) or "")
    with pytest.raises(RefusedError, match="entfällt"):
        f.act(cases.acknowledge, waived_case, sent_on=f.TODAY)
    with pytest.raises(RefusedError, match="entfällt"):
        waive(waived_case)


@pankow
@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"reason": ""}, "reason", "Begründung"),
        ({"reason": "  \n "}, "reason", "Begründung"),
        ({"decided_on": date(2026, 11, 21)}, "decided_on", "Zukunft"),
        ({"decided_on": date(2026, 11, 13)}, "decided_on", "Eingang"),
        ({"decided_on": None}, "decided_on", "Entschieden am"),
    ],
)
def test_bad_input_is_refused_next_to_its_field_and_nothing_changes(store, values, field, words) -> None:
    case = f.register(channel="email", received=RECEIVED)
    before = f.snapshot()
    with pytest.raises(ValidationError) as info:
        waive(case, **values)
    assert set(info.value.errors) == {field}
    assert words in info.value.errors[field]
    assert f.snapshot() == before


@pankow
@pytest.mark.parametrize("channel", ["brief", "online"])
def test_pankow_decides_only_for_emails(store, channel) -> None:
    case = f.register(channel=channel, received=RECEIVED)
    before = f.snapshot()
    with pytest.raises(RefusedError, match="entscheidet das KRM in dieser Dienststelle nicht"):
        waive(case)
    assert f.snapshot() == before


@pankow
def test_an_oral_reaction_has_no_acknowledgement_to_waive(store) -> None:
    case = f.register(channel="telefon", received=RECEIVED)
    assert case.ack_due is None
    with pytest.raises(RefusedError, match="keine Eingangsbestätigung fällig"):
        waive(case)


@pytest.mark.parametrize("store", ["osnabrueck", "luebeck", "schwaebisch-hall", "braunschweig"], indirect=True)
def test_other_offices_do_not_waive_acknowledgements(store) -> None:
    case = f.register(channel="email", received=RECEIVED)
    with pytest.raises(RefusedError, match="Einstellungen › Fristen und Regeln"):
        waive(case)
    assert Case.get_by_id(case.id).ack_waived is None


def test_an_office_that_allows_it_for_letters_may_waive_a_letter(store) -> None:
    """Lübeck's preset allows none; an office that ticks „Brief" in its settings may."""
    from dataclasses import replace

    from krm_desktop.model.office.profiles import load_profile

    profile = replace(load_profile(), ack_waivable_channels=("brief",))
    case = f.register(channel="brief", received=RECEIVED)
    assert waive(case, profile=profile).ack_waived == f.TODAY


@pankow
def test_the_history_and_the_conflict_view_name_the_decision(store) -> None:
    from krm_desktop.model.cases.changes import case_state

    case = waive(f.register(channel="email", received=RECEIVED))
    state = case_state(case.id)
    assert state["Eingangsbestätigung entfällt seit"] == "20.11.2026"
    assert state["Grund für den Wegfall der Eingangsbestätigung"] == REASON
    assert f.actions(case)[-1] == "ack_waived"
