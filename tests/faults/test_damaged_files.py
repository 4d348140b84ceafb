"""Damaged and foreign files: a garbage header, a zeroed page, a truncated file, a 0-byte file, a PDF renamed
to .sqlite3, a newer schema, a read-only file and a file another process holds with an exclusive lock. Each
gets a clear German refusal from the start-up check (the read-only file: read-only mode), and neither the
check nor an attempt to open the file changes a byte of it or writes anything next to it."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from krm_desktop.model.errors import StoreError
from krm_desktop.model.store import connection as db
from krm_desktop.model.store.connection import SCHEMA_VERSION, open_store
from krm_desktop.model.store.file_check import (
    DAMAGED,
    EMPTY,
    LOCKED,
    NEWER,
    NOT_SQLITE,
    check_database_file,
)
from tests.faults import damage
from tests.faults.conftest import FORK, make_krm_file
from tests.faults.workers import hold_exclusive

NOBODY = 65534


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A KRM database with enough cases that the case table spans several pages."""
    return make_krm_file(tmp_path_factory.mktemp("vorlage") / "krm.sqlite3", cases=60)


@pytest.fixture
def copy(template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "daten" / "krm.sqlite3"
    target.parent.mkdir()
    shutil.copy(template, target)
    return target


def _zeroed_page(path: Path) -> None:
    damage.zero_page(path, damage.root_page(path))


def _pdf(path: Path) -> None:
    path.write_bytes(damage.pdf_document())


FAULTS: dict[str, tuple[Callable[[Path], None], str, str, str]] = {
    # name: (damage, status of the check, words of its message, words of open_store's refusal or "")
    "garbage_header": (damage.garbage_header, NOT_SQLITE, "keine SQLite-Datenbank", "keine SQLite-Datenbank"),
    "zeroed_page": (_zeroed_page, DAMAGED, "ist beschädigt", ""),
    "truncated": (damage.truncate, DAMAGED, "ist beschädigt", "ist beschädigt"),
    "zero_bytes": (damage.empty, EMPTY, "ist leer (0 Byte)", "ist leer"),
    "pdf": (_pdf, NOT_SQLITE, "ist ein PDF-Dokument, keine KRM-Datenbank", "keine SQLite-Datenbank"),
    "newer_schema": (
        lambda p: damage.newer_schema(p, SCHEMA_VERSION + 1),
        NEWER,
        "neueren Programmversion",
        "neuere Programmversion",
    ),
}


@pytest.mark.parametrize("fault", FAULTS)
def test_a_damaged_or_foreign_file_is_refused_in_german_and_left_unchanged(copy: Path, fault: str) -> None:
    hurt, status, words, refusal = FAULTS[fault]
    hurt(copy)
    before = damage.folder_state(copy.parent)

    found = check_database_file(copy)
    assert (found.status, found.ok) == (status, False)
    assert words in found.message and str(copy) in found.message
    assert found.replaceable == (status != NEWER)  # a newer schema is no damage: no backup is offered
    assert damage.folder_state(copy.parent) == before

    try:
        store = open_store(str(copy))
    except StoreError as exc:
        assert refusal and refusal in exc.message
    else:
        # Page damage is the start-up check's to find (quick_check reads every page); opening alone
        # (no migration due) reads and writes nothing of it.
        assert not refusal, f"{fault}: open_store should have refused"
        store.close()
    assert damage.folder_state(copy.parent) == before


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another account can reach (pytest's own are private to this one)."""
    folder = Path(tempfile.mkdtemp(prefix="krm-nurlesen-"))
    folder.chmod(0o755)
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(folder)


def _as_reader(path: Path, results) -> None:
    """In a child: give up root (root may write any file), then check and open the file."""
    if os.geteuid() == 0:
        os.setgid(NOBODY)
        os.setuid(NOBODY)
    found = check_database_file(path)
    store = open_store(str(path))
    from krm_desktop.model.store.entities import Case

    results.put((found.status, found.writable, store.read_only, Case.select().count()))
    store.close()


def test_a_read_only_file_opens_in_read_only_mode(template: Path, shared_folder: Path, spawn) -> None:
    path = shared_folder / "krm.sqlite3"
    shutil.copy(template, path)
    path.chmod(0o444)
    shared_folder.chmod(0o555)  # no journal can be made next to it either
    before = damage.folder_state(shared_folder)
    results = FORK.Queue()
    reader = spawn(_as_reader, path, results)
    assert results.get(timeout=30) == ("ok", False, True, 60)
    reader.join(10)
    assert damage.folder_state(shared_folder) == before


def test_a_file_held_with_an_exclusive_lock_is_refused_as_locked(copy: Path, spawn, monkeypatch) -> None:
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 400)  # the person would wait 8 s; the test does not need to
    before = damage.folder_state(copy.parent)
    held, release = FORK.Event(), FORK.Event()
    holder = spawn(hold_exclusive, copy, held, release)
    assert held.wait(20)
    try:
        found = check_database_file(copy, lock_wait_s=0.4)
        assert (found.status, found.replaceable) == (LOCKED, False)
        assert "gerade gesperrt" in found.message
        with pytest.raises(StoreError, match="gesperrt"):
            open_store(str(copy))
    finally:
        release.set()
        holder.join(10)
    assert damage.folder_state(copy.parent) == before
    assert check_database_file(copy).ok  # once the other process lets go
