"""A writing workplace killed with SIGKILL at random moments, 50 times: afterwards SQLite's integrity_check
is ok and every transaction is all or nothing (a save's case change comes with its history entry; a new
case with its person, concern and registration entry)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from pathlib import Path

from krm_desktop.model.store.file_check import check_database_file
from tests.faults import damage
from tests.faults.conftest import FORK
from tests.faults.workers import CASE_ID, write_forever

ROUNDS = 50


def _facts(path: Path) -> dict[str, object]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        one = con.execute
        return {
            "integrity": one("PRAGMA integrity_check").fetchall(),
            "foreign_keys": one("PRAGMA foreign_key_check").fetchall(),
            "version": one("SELECT version FROM krm_case WHERE id = ?", (CASE_ID,)).fetchone()[0],
            "edits": one("SELECT count(*) FROM event WHERE case_id = ? AND action = 'edited'", (CASE_ID,)).fetchone()[
                0
            ],
            "concerns_of_case": one("SELECT count(*) FROM concern WHERE case_id = ?", (CASE_ID,)).fetchone()[0],
            "cases": one("SELECT count(*) FROM krm_case").fetchone()[0],
            "registered": one("SELECT count(DISTINCT case_id) FROM event WHERE action = 'registered'").fetchone()[0],
            "without_concern": one(
                "SELECT count(*) FROM krm_case WHERE id NOT IN (SELECT case_id FROM concern)"
            ).fetchone()[0],
            "without_person": one("SELECT count(*) FROM krm_case WHERE person_id IS NULL").fetchone()[0],
        }
    finally:
        con.close()


def test_a_writer_killed_at_random_moments_leaves_whole_transactions(krm_file: Path, spawn) -> None:
    rng = random.Random(8)
    journal = krm_file.with_name(krm_file.name + "-journal")
    start_version = _facts(krm_file)["version"]
    journals, interrupted, progressed = 0, 0, 0
    last = _facts(krm_file)
    for _ in range(ROUNDS):
        running = FORK.Event()
        writer = spawn(write_forever, krm_file, running)
        assert running.wait(20), "the writer did not get going"
        time.sleep(rng.uniform(0, 0.03))
        os.kill(writer.pid, signal.SIGKILL)
        writer.join(10)
        assert writer.exitcode == -signal.SIGKILL
        journals += journal.exists()  # killed in the middle of a save
        interrupted += damage.is_hot(krm_file)  # … after it began to write into the file itself

        assert check_database_file(krm_file).ok  # plays back the journal of the interrupted save, then checks
        facts = _facts(krm_file)
        assert facts["integrity"] == [("ok",)]
        assert facts["foreign_keys"] == []
        assert facts["version"] - start_version == facts["edits"]  # each save: the change and its entry
        assert facts["concerns_of_case"] == 1  # a save replaces the concerns: never none, never twice
        assert facts["registered"] == facts["cases"]  # each new case with its registration entry …
        assert facts["without_concern"] == 0 and facts["without_person"] == 0  # … its concern and its person
        progressed += facts["version"] > last["version"]
        last = facts
    assert journals > 0, "no kill hit a save in progress: the test did not test all-or-nothing"
    assert progressed == ROUNDS
