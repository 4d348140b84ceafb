"""Two workplaces save the same case 200 times each through the services: no "database is locked" reaches
them, every confirmed save is in the database (none lost), and a save based on a stale version is refused
as a conflict."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from krm_desktop.model.store.connection import open_store
from krm_desktop.model.store.entities import Case, Event
from tests.faults.conftest import FORK
from tests.faults.workers import CASE_ID, update_loop

ATTEMPTS = 200


def test_two_processes_update_the_same_case(krm_file: Path, spawn) -> None:
    con = sqlite3.connect(krm_file)
    start_version = con.execute("SELECT version FROM krm_case WHERE id = ?", (CASE_ID,)).fetchone()[0]
    con.close()
    start, results = FORK.Barrier(2), FORK.Queue()
    workers = [spawn(update_loop, krm_file, n, ATTEMPTS, start, results) for n in (1, 2)]
    reports = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(30)
        assert worker.exitcode == 0

    for report in reports:
        assert report["failures"] == []  # no "database is locked", no other error reached the caller
        assert len(report["confirmed"]) + report["conflicts"] == ATTEMPTS
    confirmed = sorted(c for r in reports for c in r["confirmed"])
    conflicts = sum(r["conflicts"] for r in reports)
    assert conflicts > 0, "the two places never overlapped: the test did not test conflicts"
    assert all(r["confirmed"] for r in reports), "each place got saves through"

    # No lost update: each confirmed save made exactly the next version, and the database holds all of them.
    assert [v for v, _ in confirmed] == list(range(start_version + 1, start_version + 1 + len(confirmed)))
    store = open_store(str(krm_file))
    try:
        case = Case.get_by_id(CASE_ID)
        assert case.version == confirmed[-1][0]
        assert case.subject == confirmed[-1][1]
        edits = Event.select().where((Event.case == CASE_ID) & (Event.action == "edited"))
        assert edits.count() == len(confirmed)
        assert {e.actor for e in edits} == {"platz1", "platz2"}
        assert store.db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        store.close()
