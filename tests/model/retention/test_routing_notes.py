"""Routing notes (matters that were not KRM) can hold names: the purge removes them on their rule's day (the BA
rule: 31.12. of the second year after their date; Braunschweig: two years to the day; Pankow: ten years to
31.12.), keeps younger ones, and the Löschprotokoll counts them."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from krm_desktop.model.cases import services as cases
from krm_desktop.model.office.profiles import RETENTION_WHOLE_TO_THE_DAY, load_profile
from krm_desktop.model.retention.purge import execute_purge
from krm_desktop.model.retention.purge_plan import plan_purge
from krm_desktop.model.retention.rules import RULE_ROUTING_NOTES, routing_note_due, routing_note_rule
from krm_desktop.model.store.entities import PurgeLog, RoutingNote
from tests import factories as f

DAY = timedelta(days=1)

# (profile, the note's date, the day the rule makes it due)
BOUNDARIES = [
    ("luebeck", date(2024, 3, 15), date(2026, 12, 31)),
    ("osnabrueck", date(2024, 12, 31), date(2026, 12, 31)),
    ("braunschweig", date(2024, 11, 20), date(2026, 11, 20)),
    ("braunschweig", date(2024, 2, 29), date(2026, 2, 28)),
    ("berlin-pankow", date(2016, 7, 1), date(2026, 12, 31)),
]


def note(received: date, text: str = "Widerspruch von Frau Quendra Zorwalk an die Rechtsbehelfsstelle") -> int:
    return cases.record_routing_note("widerspruch", received, text, today=received, user="petra.krause").id


def notes() -> set[int]:
    return {n.id for n in RoutingNote.select(RoutingNote.id)}


@pytest.mark.parametrize(("store", "received", "due"), BOUNDARIES, indirect=["store"])
def test_a_routing_note_is_kept_the_day_before_and_purged_on_its_day(store, received: date, due: date) -> None:
    old = note(received)
    to_the_day = load_profile().retention.method == RETENTION_WHOLE_TO_THE_DAY
    younger = received + DAY if to_the_day else date(received.year + 1, 1, 1)  # the next one to fall due
    young = note(younger, "Datenschutzanfrage an die Datenschutzbeauftragte")
    assert routing_note_due(load_profile().retention, received) == due
    plan = plan_purge(due - DAY)
    assert plan.routing_notes == ()
    result = execute_purge(plan, today=due - DAY, user=f.USER)
    assert notes() == {old, young} and result.routing_notes_deleted == 0

    plan = plan_purge(due)
    assert plan.routing_notes == (old,)
    result = execute_purge(plan, today=due, user=f.USER)
    assert notes() == {young} and result.routing_notes_deleted == 1
    log = PurgeLog.get_by_id(result.log_id)
    [entry] = [r for r in json.loads(log.rules) if r["code"] == RULE_ROUTING_NOTES]
    assert (entry["action"], entry["count"], entry["refs"]) == ("delete", 1, [])
    assert entry["label"] == routing_note_rule(load_profile().retention).label
    assert "Zorwalk" not in log.rules  # the protocol counts, it names no one


def test_the_log_counts_zero_when_no_note_is_due(store) -> None:
    note(date(2026, 11, 2))
    result = execute_purge(plan_purge(f.TODAY), today=f.TODAY, user=f.USER)
    [entry] = [r for r in json.loads(PurgeLog.get_by_id(result.log_id).rules) if r["code"] == RULE_ROUTING_NOTES]
    assert entry["count"] == 0 and len(notes()) == 1


def test_a_note_added_after_the_preview_refuses_the_run(store) -> None:
    from krm_desktop.model.errors import RefusedError

    plan = plan_purge(date(2026, 12, 31))
    note(date(2024, 1, 5))
    before = f.snapshot()
    with pytest.raises(RefusedError, match="Vorschau"):
        execute_purge(plan, today=date(2026, 12, 31), user=f.USER)
    assert f.snapshot() == before


@pytest.mark.parametrize("store", ["luebeck", "braunschweig", "berlin-pankow"], indirect=True)
def test_the_rule_reads_in_plain_german(store) -> None:
    rule = routing_note_rule(load_profile().retention)
    assert rule.code == RULE_ROUTING_NOTES and rule.action == "delete"
    assert "Weiterleitungsvermerk" in rule.text and rule.text.endswith(".")
