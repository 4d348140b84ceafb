"""Unfinished copies in the backup folder (the program ended while copying): of any purpose, they are shredded
at the next start (the daily run), the next backup and the next purge's clean-up; a copy another workplace is
still writing stays."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from krm_desktop.model.store.backups import (
    PURPOSE_DAMAGED,
    PURPOSE_PURGE,
    PURPOSE_RESTORE,
    copy_database,
    make_backup,
    remove_expired_backups,
)
from krm_desktop.model.store.connection import Store
from krm_desktop.model.store.daily_backups import run_daily_backup
from tests import factories as f
from tests.model import retention_data as rd

pytestmark = pytest.mark.sqlite_only  # copies of a SQLite file


def _unfinished(store: Store, name: str) -> Path:
    """A full copy left behind as `.part`, with the journal of its interrupted write."""
    folder = store.path.parent / "Sicherungen"
    folder.mkdir(exist_ok=True)
    partial = folder / name
    copy_database(store.db, partial)
    partial.with_name(partial.name + "-journal").write_bytes(b"\x00" * 512)
    return partial


ENTRIES: dict[str, Callable[[Store], object]] = {
    "start": lambda store: run_daily_backup(store, f.TODAY),
    "backup": lambda store: make_backup(store, f.TODAY),
    "purge": lambda store: remove_expired_backups(store, f.TODAY),
}


@pytest.mark.parametrize("entry", sorted(ENTRIES))
def test_an_interrupted_pre_purge_copy_is_shredded_at_the_next_start_backup_or_purge(store, entry: str) -> None:
    rd.closed_case(date(2026, 3, 2))
    names = [f"krm-2026-11-20-{PURPOSE_PURGE}.sqlite3.part", f"krm-2026-10-01-{PURPOSE_RESTORE}.sqlite3.part"]
    names += [f"krm-2026-11-20-{PURPOSE_DAMAGED}-2.sqlite3.part", "anderer-2026-11-20-manuell.sqlite3.part"]
    partials = [_unfinished(store, name) for name in names]
    ENTRIES[entry](store)
    folder = store.path.parent / "Sicherungen"
    assert not [p for p in partials if p.exists()]
    assert not list(folder.glob("*.part*"))


def test_a_copy_another_workplace_is_writing_stays(store) -> None:
    partial = _unfinished(store, f"krm-2026-11-20-{PURPOSE_PURGE}.sqlite3.part")
    partial.with_name(partial.name + "-journal").unlink()
    writer = sqlite3.connect(str(partial), isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # the other workplace's backup holds its copy while it writes
        run_daily_backup(store, f.TODAY)
        assert partial.exists()
        writer.execute("ROLLBACK")
    finally:
        writer.close()
    run_daily_backup(store, f.TODAY)
    assert not partial.exists()
