"""Fault tests: real files, real processes. The database is made here and closed before any child starts
(a SQLite connection must not be carried across fork)."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from tests import factories as f
from tests.conftest import make_store

FORK = multiprocessing.get_context("fork")


def make_krm_file(path: Path, cases: int = 1) -> Path:
    store = make_store(path)
    for _ in range(cases):
        f.register()
    store.close()
    return path


@pytest.fixture
def krm_file(tmp_path: Path) -> Path:
    """A closed KRM database with one case (id 1)."""
    return make_krm_file(tmp_path / "krm.sqlite3")
