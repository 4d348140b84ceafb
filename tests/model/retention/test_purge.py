"""Retention rules at their boundary days for every profile, what anonymisation keeps, follow-up links,
the one-transaction run (rollback on a forced error), the Löschprotokoll and the reminder when cases are due."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.consistency import database_problems
from krm_desktop.model.demo.generator import generate
from krm_desktop.model.errors import RefusedError
from krm_desktop.model.office.profiles import RETENTION_WHOLE_TO_THE_DAY, RetentionRule
from krm_desktop.model.retention import purge as retention
from krm_desktop.model.retention.purge import execute_purge
from krm_desktop.model.retention.purge_log import deleted_refs, last_purge, purge_logs, purge_reminder_due
from krm_desktop.model.retention.purge_plan import plan_purge
from krm_desktop.model.retention.rules import DELETE, due_dates
from krm_desktop.model.store.connection import open_store
from krm_desktop.model.store.entities import (
    Attachment,
    Case,
    Concern,
    Event,
    Letter,
    Party,
    PurgeLog,
    Statement,
)
from tests import factories as f
from tests.conftest import make_store
from tests.model import retention_data as rd

DAY = timedelta(days=1)
BA = ("luebeck", "osnabrueck", "schwaebisch-hall")
SCHEMAS = Path(__file__).parents[1] / "store" / "schemas"

# (profile, kind, completion date, the day the rule makes it due, rule)
BOUNDARIES = [
    *((p, "beschwerde", date(2024, 3, 15), date(2026, 12, 31), "ba_personal") for p in BA),
    *((p, "lob", date(2024, 12, 31), date(2026, 12, 31), "ba_personal") for p in BA),
    *((p, "meinungskarte", date(2023, 1, 2), date(2025, 12, 31), "ba_personal") for p in BA),
    *((p, "petition", date(2021, 6, 1), date(2026, 12, 31), "ba_petition") for p in BA),
    *((p, "eingabe", date(2021, 1, 4), date(2026, 12, 31), "ba_petition") for p in BA),
    *((p, "beschwerde", date(2018, 5, 2), date(2026, 12, 31), "ba_delete") for p in BA),
    *((p, "petition", date(2018, 12, 28), date(2026, 12, 31), "ba_delete") for p in BA),
    ("braunschweig", "beschwerde", date(2024, 11, 20), date(2026, 11, 20), "whole_to_the_day"),
    ("braunschweig", "petition", date(2024, 2, 29), date(2026, 2, 28), "whole_to_the_day"),
    ("braunschweig", "meinungskarte", date(2024, 12, 31), date(2026, 12, 31), "whole_to_the_day"),
    ("berlin-pankow", "beschwerde", date(2016, 7, 1), date(2026, 12, 31), "whole_year_end"),
    ("berlin-pankow", "eingabe", date(2016, 12, 30), date(2026, 12, 31), "whole_year_end"),
]


def case_state(case_id: int) -> dict[str, Any]:
    """Every stored row of one case (its own row, concerns, history, statements, letters, parties)."""
    case = Case.get_or_none(Case.id == case_id)
    if case is None:
        return {}
    parties = [case.person_id, case.represented_id]
    return {
        "case": Case.select().where(Case.id == case_id).tuples().get(),
        "concerns": list(Concern.select().where(Concern.case == case_id).tuples()),
        "events": list(Event.select().where(Event.case == case_id).tuples()),
        "statements": list(Statement.select().where(Statement.case == case_id).tuples()),
        "letters": list(Letter.select().where(Letter.case == case_id).tuples()),
        "parties": list(Party.select().where(Party.id.in_([p for p in parties if p])).tuples()),
    }


def purge(as_of: date, today: date | None = None) -> retention.PurgeResult:
    return execute_purge(plan_purge(as_of), today=today or as_of, user=f.USER)


@pytest.mark.parametrize(
    ("store", "kind", "closed", "due", "rule"),
    BOUNDARIES,
    indirect=["store"],
    ids=[f"{b[0]}-{b[1]}-{b[4]}-{b[2]}" for b in BOUNDARIES],
)
def test_rule_boundary_day_before_untouched_on_the_day_purged(store, kind, closed, due, rule) -> None:
    case = rd.closed_case(closed, kind)
    if rule == "ba_delete":  # the anonymous remainder: anonymised years ago, deleted on its day
        purge(date(closed.year + 5, 12, 31))
        assert Case.get_by_id(case.id).anonymised
    before = case_state(case.id)
    plan = plan_purge(due - DAY)
    assert case.id not in {c.case_id for c in plan.cases}
    execute_purge(plan, today=due - DAY, user=f.USER)
    assert case_state(case.id) == before  # the day before: untouched

    plan = plan_purge(due)
    [item] = [c for c in plan.cases if c.case_id == case.id]
    assert (item.rule, item.due, item.ref, item.kind, item.closed) == (rule, due, case.ref, kind, closed)
    result = execute_purge(plan, today=due, user=f.USER)
    if plan.rule(rule).action == DELETE:
        assert Case.get_or_none(Case.id == case.id) is None
        assert result.refs_deleted == [case.ref] and result.refs_anonymised == []
        for model in (Concern, Event, Statement, Letter, Attachment):
            assert not model.select().where(model.case == case.id).exists()
        assert Party.select().count() == 0
    else:
        stored = Case.get_by_id(case.id)
        assert stored.anonymised and stored.person_id is None
        assert result.refs_anonymised == [case.ref] and result.refs_deleted == []
    assert plan_purge(due + timedelta(days=300)).cases == ()  # nothing more until the next rule's day


@pytest.mark.parametrize("store", ["luebeck", "braunschweig", "berlin-pankow"], indirect=True)
def test_open_cases_are_never_touched(store) -> None:
    open_old = f.register(today=date(2010, 3, 1), received=date(2010, 2, 1))
    ack = cases.acknowledge(open_old.id, version=1, sent_on=date(2010, 2, 2), today=date(2010, 3, 1), user=f.USER)
    card = f.register(
        today=date(2012, 3, 1), received=date(2012, 3, 1), kind="meinungskarte", channel="meinungskarte", person=None
    )
    before = {c: case_state(c) for c in (ack.id, card.id)}
    plan = plan_purge(date(2045, 12, 31))
    assert plan.cases == ()
    execute_purge(plan, today=date(2045, 12, 31), user=f.USER)
    assert {c: case_state(c) for c in (ack.id, card.id)} == before


def test_anonymisation_removes_personal_data_and_keeps_the_statistics(store) -> None:
    case, markers = rd.full_case(date(2023, 5, 10), "mkzq", 1)
    concerns_before = list(Concern.select(Concern.position, Concern.kind, Concern.outcome).tuples())
    kept = ("ref", "kind", "channel", "via", "received", "team_id", "topic", "status", "closed", "ack_due",
            "final_due", "gf_due", "ack_sent", "interim_sent", "interim_expected", "answer_sent", "outcome",
            "lead", "escalation_level", "sign_off_role", "waiver", "decided_on", "employee_informed",
            "requesting_body", "body_due", "file_no")  # fmt: skip
    values = {name: getattr(case, name) for name in kept}
    event_days = list(Event.select(Event.action, Event.on_day).where(Event.case == case.id).tuples())
    result = purge(date(2025, 12, 31))
    assert result.refs_anonymised == [case.ref]
    stored = Case.get_by_id(case.id)
    assert {name: getattr(stored, name) for name in kept} == values
    assert stored.anonymised and stored.version == case.version + 1
    for name in retention.PERSONAL_CASE_TEXT:
        assert getattr(stored, name) == "", name
    for name in retention.PERSONAL_CASE_LINKS:
        assert getattr(stored, f"{name}_id") is None, name
    assert list(Concern.select(Concern.position, Concern.kind, Concern.outcome).tuples()) == concerns_before
    assert Party.select().count() == 0
    for model in (Statement, Letter, Attachment):
        assert not model.select().where(model.case == case.id).exists()
    events = list(Event.select().where(Event.case == case.id).order_by(Event.id))
    assert [(e.action, e.on_day) for e in events] == event_days  # what happened and when stays
    assert all(e.actor == "" for e in events)
    assert all(e.text == retention.EVENT_LABELS[e.action] for e in events)
    texts = " ".join(str(v) for row in Case.select().tuples() for v in row) + " ".join(e.text for e in events)
    assert not [m for m in markers if m in texts]
    assert not plan_purge(date(2026, 12, 31)).cases  # anonymised once; deleted only on its own day


def test_a_party_another_case_still_uses_is_kept(store) -> None:
    old = rd.closed_case(date(2022, 4, 1))
    recent = rd.closed_case(date(2026, 4, 1))
    Case.update(represented=old.person_id).where(Case.id == recent.id).execute()
    purge(date(2024, 12, 31))
    assert Case.get_by_id(old.id).person_id is None
    assert Party.get_or_none(Party.id == old.person_id) is not None  # still the recent case's party
    assert {p.id for p in Party.select()} == {old.person_id, recent.person_id}


def test_follow_up_keeps_the_reference_when_the_earlier_case_is_deleted(store) -> None:
    earlier = rd.closed_case(date(2017, 3, 1))
    later = cases.follow_up(earlier.id, f.case_input(received=date(2017, 5, 2)), today=date(2017, 5, 2), user=f.USER)
    _, tl, gf = rd.org()
    rd.close(Case.get_by_id(later.id), date(2024, 2, 1), tl, gf)
    plan = plan_purge(date(2025, 12, 31))
    assert [(c.ref, c.rule) for c in plan.cases] == [(earlier.ref, "ba_delete")]
    execute_purge(plan, today=date(2026, 1, 5), user=f.USER)
    stored = Case.get_by_id(later.id)
    assert stored.follows_id is None and stored.follows_ref == earlier.ref
    assert not stored.anonymised and stored.person_id is not None  # its own rule has not come yet
    assert deleted_refs([earlier.ref, later.ref, "KRM-2001-0001"]) == {earlier.ref}
    assert database_problems(store) == []  # integrity, foreign keys, consistency


def test_follow_up_keeps_the_link_when_the_earlier_case_is_anonymised(store) -> None:
    earlier = rd.closed_case(date(2023, 3, 1))
    later = cases.follow_up(earlier.id, f.case_input(received=date(2026, 11, 2)), today=f.TODAY, user=f.USER)
    purge(date(2025, 12, 31), today=f.TODAY)
    stored = Case.get_by_id(later.id)
    assert stored.follows_id == earlier.id and stored.follows_ref == earlier.ref
    assert stored.status == "offen" and stored.person_id is not None
    assert Case.get_by_id(earlier.id).anonymised


@pytest.mark.parametrize("store", ["braunschweig"], indirect=True)
def test_open_follow_up_of_a_deleted_case_keeps_its_reference(store) -> None:
    earlier = rd.closed_case(date(2024, 11, 1))
    later = cases.follow_up(earlier.id, f.case_input(received=date(2026, 11, 2)), today=f.TODAY, user=f.USER)
    purge(date(2026, 11, 1), today=date(2026, 11, 1))
    stored = Case.get_by_id(later.id)
    assert (stored.follows_id, stored.follows_ref, stored.status) == (None, earlier.ref, "offen")


def _many_due_cases() -> int:
    generate(1800, seed=7, years=9, today=f.TODAY, user="demo")
    due = plan_purge(f.TODAY).total
    assert due > retention.CHUNK
    return due


def test_forced_error_mid_purge_rolls_everything_back(store) -> None:
    due = _many_due_cases()
    before = f.snapshot()
    calls: list[tuple[int, int]] = []

    def fail_in_the_middle(done: int, total: int) -> None:
        calls.append((done, total))
        if done >= retention.CHUNK:
            raise RuntimeError("Stromausfall")

    with pytest.raises(RuntimeError, match="Stromausfall"):
        execute_purge(plan_purge(f.TODAY), today=f.TODAY, user=f.USER, progress=fail_in_the_middle)
    assert calls[-1] == (retention.CHUNK, due)
    assert f.snapshot() == before
    assert not store.db.in_transaction()


@pytest.mark.sqlite_only
def test_database_error_at_the_end_rolls_everything_back(store) -> None:
    _many_due_cases()
    store.db.execute_sql("CREATE TRIGGER no_log BEFORE INSERT ON purge_log BEGIN SELECT RAISE(ABORT, 'voll'); END")
    before = f.snapshot()
    with pytest.raises(Exception, match="voll"):
        purge(f.TODAY)
    assert f.snapshot() == before
    store.db.execute_sql("DROP TRIGGER no_log")
    assert purge(f.TODAY).anonymised > 0
    assert retention.vacuum_store() and database_problems(store) == []


def test_a_plan_that_no_longer_holds_is_refused(store) -> None:
    case = rd.closed_case(date(2022, 6, 1))
    plan = plan_purge(f.TODAY)
    Case.update(anonymised=True).where(Case.id == case.id).execute()  # another desk got there first
    before = f.snapshot()
    with pytest.raises(RefusedError, match="seit der Vorschau geändert"):
        execute_purge(plan, today=f.TODAY, user=f.USER)
    assert f.snapshot() == before


def test_progress_reports_every_chunk_and_the_end(store) -> None:
    due = _many_due_cases()
    seen: list[tuple[int, int]] = []
    execute_purge(plan_purge(f.TODAY), today=f.TODAY, user=f.USER, progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, due) and seen[-1] == (due, due)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert len(seen) >= due // retention.CHUNK + 2


def test_purge_log_names_rules_counts_and_references_only(store) -> None:
    full, markers = rd.full_case(date(2023, 5, 10), "mkpl", 2)
    old = rd.closed_case(date(2017, 2, 1))
    petition = rd.closed_case(date(2023, 2, 1), "petition")
    result = execute_purge(plan_purge(date(2026, 1, 8)), today=date(2026, 1, 8), user="k.beauftragte", backup="x.db")
    log = PurgeLog.get_by_id(result.log_id)
    assert (log.done_on, log.as_of, log.done_by, log.profile, log.method) == (
        date(2026, 1, 8), date(2026, 1, 8), "k.beauftragte", "luebeck", "ba",
    )  # fmt: skip
    assert (log.anonymised, log.deleted, log.backup, log.vacuumed) == (1, 1, "x.db", False)
    rules = {r["code"]: (r["action"], r["count"], r["refs"]) for r in json.loads(log.rules)}
    assert rules == {
        "ba_personal": ("anonymise", 1, [full.ref]),
        "ba_petition": ("anonymise", 0, []),
        "ba_delete": ("delete", 1, [old.ref]),
        "routing_notes": ("delete", 0, []),
    }
    assert petition.ref not in log.rules  # petitions keep their data for five years
    row = " ".join(str(v) for v in PurgeLog.select().where(PurgeLog.id == log.id).tuples().get())
    assert not [m for m in markers if m in row]
    retention.finish_purge(log.id, vacuumed=True, backups_removed=["b.sqlite3", "a.sqlite3"])
    log = PurgeLog.get_by_id(log.id)
    assert log.vacuumed and json.loads(log.backups_removed) == ["a.sqlite3", "b.sqlite3"]
    assert last_purge().id == log.id == purge_logs()[0].id


@pytest.mark.sqlite_only
def test_vacuum_refused_inside_a_transaction(store) -> None:
    with store.db.atomic(), pytest.raises(RefusedError):
        retention.vacuum_store()
    assert retention.vacuum_store() is True


def test_reminder_is_due_when_cases_are_past_their_date_on_any_day(store) -> None:
    assert purge_reminder_due(date(2027, 1, 4)) is None  # no case at all: nothing due, January or not
    rd.closed_case(date(2024, 3, 15))  # personal data due on 31.12.2026
    assert purge_reminder_due(date(2026, 12, 30)) is None
    text = purge_reminder_due(date(2026, 12, 31))
    assert text is not None and text.startswith("1 Kundenreaktion ist über ihre Aufbewahrungsfrist hinaus")
    assert "noch kein Löschlauf" in text
    assert "1 Kundenreaktion" in (purge_reminder_due(date(2027, 7, 1)) or "")  # in July as well
    purge(date(2027, 7, 1))
    assert purge_reminder_due(date(2027, 7, 2)) is None


@pytest.mark.parametrize("store", ["braunschweig"], indirect=True)
def test_reminder_to_the_day_in_braunschweig(store) -> None:
    rd.closed_case(date(2024, 11, 20))
    rd.closed_case(date(2024, 11, 21))
    assert purge_reminder_due(date(2026, 11, 19)) is None
    assert (purge_reminder_due(date(2026, 11, 20)) or "").startswith("1 Kundenreaktion ist")
    text = purge_reminder_due(date(2026, 11, 21)) or ""
    assert text.startswith("2 Kundenreaktionen sind über ihre Aufbewahrungsfrist hinaus – Löschung fällig.")


@pytest.mark.parametrize("store", ["luebeck", "braunschweig", "berlin-pankow"], indirect=True)
def test_rules_are_described_in_plain_german(store) -> None:
    plan = plan_purge(f.TODAY)
    assert plan.rules and all((r.text.endswith(".") and "31.12." in r.text) or "taggenau" in r.text for r in plan.rules)
    assert {r.action for r in plan.rules} >= {DELETE}


def test_whole_to_the_day_leap_day() -> None:
    rule = RetentionRule(RETENTION_WHOLE_TO_THE_DAY, delete_years=2)
    assert due_dates(rule, date(2024, 2, 29), False) == {"whole_to_the_day": date(2026, 2, 28)}
    assert due_dates(rule, date(2024, 3, 1), True) == {"whole_to_the_day": date(2026, 3, 1)}


@pytest.mark.parametrize("sample", ["v1", "v2"])
def test_upgraded_database_gets_follow_up_references_and_purges(sample: str, tmp_path: Path) -> None:
    copy = tmp_path / "alt.sqlite3"
    shutil.copy(SCHEMAS / f"{sample}.sqlite3", copy)
    store = open_store(str(copy))
    try:
        assert Case.get(Case.ref == "KRM-2026-0004").follows_ref == "KRM-2026-0001"
        assert Case.get(Case.ref == "KRM-2026-0001").follows_ref == ""
        plan = plan_purge(date(2028, 12, 31))
        assert [c.ref for c in plan.cases] == ["KRM-2026-0001"]
        execute_purge(plan, today=date(2028, 12, 31), user=f.USER)
        assert Case.get(Case.ref == "KRM-2026-0001").anonymised
    finally:
        store.close()


def _columns(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = sqlite3.connect(path)
    try:
        return {
            table: [row[1:] for row in con.execute(f"PRAGMA table_info({table})")]
            for table in ("krm_case", "purge_log")
        }
    finally:
        con.close()


def test_migrated_schema_matches_a_fresh_one(tmp_path: Path) -> None:
    fresh, old = tmp_path / "neu.sqlite3", tmp_path / "alt.sqlite3"
    make_store(fresh).close()
    shutil.copy(SCHEMAS / "v2.sqlite3", old)
    open_store(str(old)).close()
    new_cols, old_cols = _columns(fresh), _columns(old)
    assert old_cols["purge_log"] == new_cols["purge_log"]
    assert sorted(old_cols["krm_case"]) == sorted(new_cols["krm_case"])


def test_the_reports_of_anonymised_years_stay_the_same(store) -> None:
    """The statistics count only what anonymisation keeps: a year's figures do not move, but for the flag."""
    from dataclasses import asdict

    from krm_desktop.model.reports.figures import compute_figures
    from krm_desktop.model.reports.periods import make_period

    generate(900, seed=3, years=9, today=f.TODAY, user="demo")
    period = make_period(2022)
    before = asdict(compute_figures(period, today=f.TODAY))
    result = purge(f.TODAY)
    assert result.anonymised > 50
    after = asdict(compute_figures(period, today=f.TODAY))
    assert after["anonymised"] > 0.9 * after["closed"] and before["anonymised"] == 0  # petitions: five years
    for figures in (before, after):
        figures.pop("anonymised")
        figures["previous"].pop("anonymised")
    assert after == before
