"""Changed rules move no stored deadline until the office recomputes the open cases it chose.

Lübeck (Schleswig-Holstein, no holiday in November 2026): received Mo 02.11.2026 gives the acknowledgement by
Do 05.11. and the answer by Mo 16.11.; with 20 Kalendertage the answer falls on Su 22.11. and moves to Mo 23.11.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.deadline_recompute import deadline_changes, recompute_deadlines
from krm_desktop.model.errors import RefusedError
from krm_desktop.model.office.profiles import CALENDAR, PRESETS, WRITTEN_CHANNELS, ClockRule, KindRule
from krm_desktop.model.store.entities import Case, Event
from krm_desktop.model.time.deadlines import Deadlines
from tests import factories as f
from tests.profile_edits import with_kind_rule

D = date.fromisoformat
NEW_RULES = dataclasses.replace(PRESETS["luebeck"], final=ClockRule(20, CALENDAR), ack_channels=WRITTEN_CHANNELS)


@pytest.fixture
def office(store: object) -> dict[str, Case]:
    people = f.office_people()
    cases_by_name = {
        "letter": f.register(),
        "phone": f.register(channel="telefon"),
        "acknowledged": f.register(kind="lob"),
        "anonymous": f.register(person=None),
        "closed": f.register(),
        "petition": f.register(kind="petition", body_due=D("2026-12-01")),
    }
    f.act(cases.acknowledge, cases_by_name["acknowledged"], sent_on=D("2026-11-03"))
    f.close_answered(cases_by_name["closed"], D("2026-11-10"), people["tl"].id, "begruendet")
    return cases_by_name


def test_changed_rules_list_exactly_the_affected_open_cases(office: dict[str, Case]) -> None:
    before = f.snapshot()
    changes = {change.ref: change for change in deadline_changes(NEW_RULES, f.TODAY)}
    assert set(changes) == {office["letter"].ref, office["phone"].ref, office["acknowledged"].ref}
    letter, phone, acknowledged = (changes[office[name].ref] for name in ("letter", "phone", "acknowledged"))
    assert (letter.old, letter.new) == (
        Deadlines(D("2026-11-05"), D("2026-11-16")),
        Deadlines(D("2026-11-05"), D("2026-11-23")),
    )
    assert phone.new == Deadlines(None, D("2026-11-23"))  # by phone: no acknowledgement under the new rules
    assert phone.describe() == "Eingangsbestätigung 05.11.2026 → keine; Antwort 16.11.2026 → 23.11.2026"
    # the acknowledgement was sent: its deadline stays as it was when it was met
    assert acknowledged.new.ack_due == acknowledged.old.ack_due == D("2026-11-05")
    assert not letter.overdue_now
    assert f.snapshot() == before  # listing changes nothing


def test_same_rules_change_nothing(office: dict[str, Case]) -> None:
    assert deadline_changes(PRESETS["luebeck"], f.TODAY) == []


def test_a_kinds_own_rule_affects_that_kind_only(office: dict[str, Case]) -> None:
    rules = with_kind_rule(PRESETS["luebeck"], "lob", KindRule(ClockRule(2), ClockRule(10, CALENDAR)))
    changes = deadline_changes(rules, f.TODAY)
    assert [change.ref for change in changes] == [office["acknowledged"].ref]
    assert changes[0].new.final_due == D("2026-11-12")
    assert changes[0].overdue_now  # 12.11. lies before today, the 20.11.


def test_stored_deadlines_stay_until_recomputed(office: dict[str, Case]) -> None:
    letter, phone = office["letter"], office["phone"]
    version = Case.get_by_id(letter.id).version
    assert recompute_deadlines(NEW_RULES, [letter.id, phone.id], today=f.TODAY, user=f.USER) == 2
    stored = Case.get_by_id(letter.id)
    assert (stored.ack_due, stored.final_due, stored.version) == (D("2026-11-05"), D("2026-11-23"), version + 1)
    assert (stored.next_action, stored.next_due) == ("ack", D("2026-11-05"))
    stored_phone = Case.get_by_id(phone.id)
    assert (stored_phone.ack_due, stored_phone.next_action, stored_phone.next_due) == (
        None,
        "answer",
        D("2026-11-23"),
    )
    event = Event.select().where(Event.case == phone.id).order_by(Event.id.desc()).get()
    assert (event.action, event.actor, event.on_day) == ("deadlines_recomputed", f.USER, f.TODAY)
    assert event.text == (
        "Fristen nach geänderten Regeln neu berechnet: Eingangsbestätigung 05.11.2026 → keine; "
        "Antwort 16.11.2026 → 23.11.2026."
    )
    # the case not chosen keeps its deadlines and is still listed
    assert Case.get_by_id(office["acknowledged"].id).final_due == D("2026-11-16")
    assert [change.ref for change in deadline_changes(NEW_RULES, f.TODAY)] == [office["acknowledged"].ref]
    # recomputing again changes nothing more
    assert recompute_deadlines(NEW_RULES, [letter.id], today=f.TODAY, user=f.USER) == 0


@pytest.mark.parametrize("which", ["closed", "gone"])
def test_a_closed_or_deleted_case_refuses_the_whole_recompute(office: dict[str, Case], which: str) -> None:
    before = f.snapshot()
    other = office["closed"].id if which == "closed" else 999_999
    with pytest.raises(RefusedError) as info:
        recompute_deadlines(NEW_RULES, [office["letter"].id, other], today=f.TODAY, user=f.USER)
    assert "Nichts wurde geändert" in info.value.message or "nichts wurde geändert" in info.value.message
    assert f.snapshot() == before
