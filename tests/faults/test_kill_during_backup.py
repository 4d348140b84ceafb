"""The pre-purge backup killed with SIGKILL at varied moments, 20 times, each followed by a start (the daily
run's clean-up): no unfinished copy is left in the backup folder and the database's integrity is ok."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

from krm_desktop.model.store.connection import open_store
from krm_desktop.model.store.daily_backups import run_daily_backup
from krm_desktop.model.store.file_check import check_database_file
from tests import factories as f
from tests.conftest import make_store
from tests.faults.conftest import FORK
from tests.faults.workers import back_up_forever

ROUNDS = 20


def _database(path: Path) -> Path:
    """A small database whose copy takes a few milliseconds (long descriptions: many pages)."""
    store = make_store(path)
    for number in range(40):
        f.register(description=f"Fall {number}: " + "Verlauf des Antrags, Rückfragen und Antworten. " * 300)
    store.close()
    return path


def test_a_backup_killed_midway_leaves_no_unfinished_copy_after_the_next_start(tmp_path: Path, spawn) -> None:
    database = _database(tmp_path / "krm.sqlite3")
    folder = tmp_path / "Sicherungen"
    rng = random.Random(16)
    caught = 0
    for _ in range(ROUNDS):
        running = FORK.Event()
        worker = spawn(back_up_forever, database, running)
        assert running.wait(20), "the backup did not get going"
        time.sleep(rng.uniform(0.005, 0.06))
        os.kill(worker.pid, signal.SIGKILL)
        worker.join(10)
        assert worker.exitcode == -signal.SIGKILL
        caught += any(folder.glob("*.part"))  # killed while copying or verifying

        assert check_database_file(database).ok
        store = open_store(str(database))
        try:
            run_daily_backup(store, f.TODAY)  # the start
        finally:
            store.close()
        assert not list(folder.glob("*.part*")), "an unfinished copy outlived the start"
        assert check_database_file(database).ok
    assert caught > ROUNDS // 2, "few kills hit a copy in progress: the test did not test the clean-up"
