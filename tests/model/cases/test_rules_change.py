"""Saving changed rules with the confirmed recompute: both or neither."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from krm_desktop.model.cases.deadline_recompute import deadline_changes
from krm_desktop.model.cases.rules_change import save_rules
from krm_desktop.model.errors import ConflictError
from krm_desktop.model.office.profiles import ClockRule, KindRule, load_profile, profile_version, save_profile
from krm_desktop.model.store.entities import Case, Event
from tests import factories as f
from tests.profile_edits import with_kind_rule


def longer_answers(days: int = 21):
    profile = load_profile()
    rule = profile.rule_for("beschwerde")
    return with_kind_rule(profile, "beschwerde", KindRule(rule.ack, ClockRule(days, "calendar"), rule.ack_channels))


def test_rules_saved_with_the_recompute_move_the_named_cases(store) -> None:
    case = f.register(received=date(2026, 11, 19))
    profile = longer_answers()
    ids = [change.case_id for change in deadline_changes(profile, f.TODAY)]
    saved, moved = save_rules(profile, profile_version(), ids, today=f.TODAY, user=f.USER)
    assert (saved, moved) == (load_profile(), 1)
    assert Case.get_by_id(case.id).final_due == date(2026, 12, 10)
    assert Event.select().where((Event.case == case.id) & (Event.action == "deadlines_recomputed")).count() == 1


def test_rules_saved_for_new_cases_only_leave_stored_deadlines(store) -> None:
    case = f.register(received=date(2026, 11, 19))
    _saved, moved = save_rules(longer_answers(), profile_version(), (), today=f.TODAY, user=f.USER)
    assert moved == 0 and load_profile().rule_for("beschwerde").final.count == 21
    assert Case.get_by_id(case.id).final_due == case.final_due


def test_a_conflict_leaves_both_the_rules_and_the_deadlines(store) -> None:
    case = f.register(received=date(2026, 11, 19))
    stale = profile_version()
    elsewhere = dataclasses.replace(load_profile(), shift_to_working_day=False)
    save_profile(elsewhere, stale)
    with pytest.raises(ConflictError):
        save_rules(longer_answers(), stale, [case.id], today=f.TODAY, user=f.USER)
    assert load_profile() == elsewhere
    assert Case.get_by_id(case.id).final_due == case.final_due
