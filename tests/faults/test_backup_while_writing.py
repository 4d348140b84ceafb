"""Backups while another workplace keeps saving: each copy is one consistent state (its check against the
live count sees the same moment), sound, and with every transaction whole."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from krm_desktop.model.store.backups import PURPOSE_DAILY, make_backup, verify_backup
from krm_desktop.model.store.connection import open_store
from tests import factories as f
from tests.faults.conftest import FORK
from tests.faults.test_sigkill import _facts
from tests.faults.workers import write_forever

COPIES = 6


def test_copies_taken_while_another_process_writes_are_whole(krm_file: Path, spawn) -> None:
    first = _facts(krm_file)
    running = FORK.Event()
    writer = spawn(write_forever, krm_file, running)
    assert running.wait(20)
    store = open_store(str(krm_file))
    try:
        copies = [make_backup(store, f.TODAY + timedelta(days=n), PURPOSE_DAILY) for n in range(COPIES)]
    finally:
        store.close()
        writer.kill()
        writer.join(10)
    seen = []
    for copy in copies:
        facts = _facts(copy)
        verify_backup(copy, facts["cases"])
        assert facts["integrity"] == [("ok",)] and facts["foreign_keys"] == []
        assert facts["registered"] == facts["cases"] and facts["without_concern"] == 0
        assert facts["version"] - first["version"] == facts["edits"]
        seen.append(facts["version"])
    assert seen == sorted(seen) and seen[-1] > seen[0]  # the writer went on between the copies
