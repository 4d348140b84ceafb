"""Nothing left behind: after a purge no byte of a purged person's data is readable in any file of the folder.

Every personal field of the purged cases carries a unique marker. After the purge (secure_delete, VACUUM,
full-text merge, removal of expired backups) and with every connection closed, the raw bytes of every file
in the folder are searched for each marker in UTF-8, UTF-16-LE and UTF-16-BE. The controls prove that the
search can fail: with `secure_delete` off and no VACUUM the markers are found; a full-text index that is
not merged keeps them too; and the recovery copy, which is kept on purpose for RECOVERY_DAYS, holds them
until it expires.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from krm_desktop.model.retention import purge as retention
from krm_desktop.model.retention.purge import execute_purge, finish_purge, vacuum_store
from krm_desktop.model.retention.purge_plan import plan_purge
from krm_desktop.model.store.backups import RECOVERY_DAYS, make_backup, remove_expired_backups
from krm_desktop.model.store.connection import Store, open_store
from krm_desktop.model.store.entities import Case
from tests import factories as f
from tests.conftest import make_store
from tests.model import retention_data as rd

FTS = """
CREATE VIRTUAL TABLE case_search USING fts5(subject, description, content='krm_case', content_rowid='id');
CREATE VIRTUAL TABLE case_search_terms USING fts5vocab(case_search, 'row');
CREATE TRIGGER case_search_ai AFTER INSERT ON krm_case BEGIN
  INSERT INTO case_search(rowid, subject, description) VALUES (new.id, new.subject, new.description);
END;
CREATE TRIGGER case_search_ad AFTER DELETE ON krm_case BEGIN
  INSERT INTO case_search(case_search, rowid, subject, description)
  VALUES ('delete', old.id, old.subject, old.description);
END;
CREATE TRIGGER case_search_au AFTER UPDATE ON krm_case BEGIN
  INSERT INTO case_search(case_search, rowid, subject, description)
  VALUES ('delete', old.id, old.subject, old.description);
  INSERT INTO case_search(rowid, subject, description) VALUES (new.id, new.subject, new.description);
END;
"""


@dataclass
class World:
    folder: Path
    db: Path
    purged: list[str]  # markers of the cases the purge anonymises or deletes
    kept: list[str]  # markers of a case that is not due: they must still be found


def _tokens(seed: int) -> Iterator[str]:
    """Random lowercase words: no two share a long prefix, so an FTS index cannot prefix-compress them away."""
    rng = random.Random(seed)
    while True:
        yield "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(14))


def _build(folder: Path) -> tuple[Store, World]:
    store = make_store(folder / "krm.sqlite3")
    store.db.connection().executescript(FTS)
    words = _tokens(2026)
    purged: list[str] = []
    for n, (closed, kind) in enumerate(
        [
            (date(2023, 5, 10), "dienstaufsichtsbeschwerde"),  # anonymised (2 years)
            (date(2023, 12, 1), "beschwerde"),  # anonymised on 31.12.2025
            (date(2020, 8, 3), "petition"),  # anonymised (5 years)
            (date(2017, 4, 4), "beschwerde"),  # deleted whole (8 years)
        ],
        start=1,
    ):
        _, markers = rd.full_case(closed, f"pg{n}q", n, kind, subject=next(words), description=next(words))
        purged += markers
    _, kept = rd.full_case(date(2026, 3, 2), "kp9q", 9, "beschwerde", subject=next(words), description=next(words))
    assert not [m for m in purged if any(m in k for k in kept)]
    return store, World(folder, folder / "krm.sqlite3", purged, kept)


def _needles(marker: str) -> list[bytes]:
    found = [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.encode("utf-16-be")]
    if marker.isalpha() and len(marker) >= 12:
        found.append(marker[2:].encode("utf-8"))  # an FTS term behind a shared prefix of up to two letters
    return found


def readable(folder: Path, markers: list[str], skip: tuple[Path, ...] = ()) -> dict[str, list[str]]:
    """file name -> markers readable in its raw bytes, over every file below `folder`."""
    hits: dict[str, list[str]] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p not in skip):
        data = path.read_bytes()
        found = [m for m in markers if any(n in data for n in _needles(m))]
        if found:
            hits[str(path.relative_to(folder))] = found
    return hits


def _run_purge(store: Store, today: date, *, vacuum: bool = True) -> Path:
    copy = make_backup(store, today)
    result = execute_purge(plan_purge(today), today=today, user=f.USER, backup=copy.name)
    assert (result.anonymised, result.deleted) == (3, 1)
    vacuumed = vacuum_store() if vacuum else False
    removed = remove_expired_backups(store, today)
    finish_purge(result.log_id, vacuumed=vacuumed, backups_removed=[p.name for p in removed])
    return copy


def test_no_byte_of_purged_data_remains_in_any_file(tmp_path: Path) -> None:
    store, world = _build(tmp_path)
    assert readable(tmp_path, world.purged)  # before: the search finds them
    copy = _run_purge(store, f.TODAY)
    search = "SELECT count(*) FROM case_search WHERE case_search MATCH ?"
    assert store.db.execute_sql(search, ("grüße",)).fetchone()[0] == 1  # the index works: the kept case only
    assert store.db.execute_sql(search, (world.kept[0],)).fetchone()[0] == 1
    assert store.db.execute_sql(search, (world.purged[0],)).fetchone()[0] == 0
    terms = {term for (term,) in store.db.execute_sql("SELECT term FROM case_search_terms").fetchall()}
    assert world.kept[0] in terms and not terms & set(world.purged)
    store.close()
    assert not list(tmp_path.rglob("*-journal")) and not list(tmp_path.rglob("*.part"))

    assert readable(tmp_path, world.purged, skip=(copy,)) == {}
    assert set(readable(tmp_path, world.kept)["krm.sqlite3"]) == set(world.kept)  # live data is found
    assert set(readable(tmp_path, world.purged, skip=())[str(copy.relative_to(tmp_path))]) == set(world.purged)

    # The recovery copy is the only place left, and only for its window.
    store = open_store(str(world.db))
    try:
        assert remove_expired_backups(store, f.TODAY + timedelta(days=RECOVERY_DAYS - 1)) == []
        assert remove_expired_backups(store, f.TODAY + timedelta(days=RECOVERY_DAYS)) == [copy]
    finally:
        store.close()
    assert readable(tmp_path, world.purged) == {}


def test_control_without_secure_delete_and_vacuum_leaves_data_readable(tmp_path: Path) -> None:
    store, world = _build(tmp_path)
    store.db.execute_sql("PRAGMA secure_delete = OFF")
    assert store.db.execute_sql("PRAGMA secure_delete").fetchone()[0] == 0
    copy = _run_purge(store, f.TODAY, vacuum=False)
    store.close()
    hits = readable(tmp_path, world.purged, skip=(copy,))
    assert "krm.sqlite3" in hits  # the check fails, as it must: deleted bytes stay in free space
    assert len(hits["krm.sqlite3"]) >= len(world.purged) // 2


def test_control_an_unmerged_full_text_index_keeps_the_text(tmp_path: Path, monkeypatch) -> None:
    store, world = _build(tmp_path)
    monkeypatch.setattr(retention, "_refresh_full_text", lambda: None)
    copy = _run_purge(store, f.TODAY)
    store.close()
    hits = readable(tmp_path, world.purged, skip=(copy,))
    fts_markers = {m for m in world.purged if m.isalpha() and len(m) == 14}
    assert set(hits.get("krm.sqlite3", [])) & fts_markers  # VACUUM alone keeps what the index still holds


@pytest.mark.parametrize("vacuum", [False, True], ids=["secure_delete only", "secure_delete and VACUUM"])
def test_secure_delete_alone_already_clears_the_file(tmp_path: Path, vacuum: bool) -> None:
    """Defence in depth: even if VACUUM never ran (crash, full disk), secure_delete has zeroed what was freed."""
    store, world = _build(tmp_path)
    copy = _run_purge(store, f.TODAY, vacuum=vacuum)
    assert Case.select().where(Case.anonymised).count() == 3
    store.close()
    assert readable(tmp_path, world.purged, skip=(copy,)) == {}
