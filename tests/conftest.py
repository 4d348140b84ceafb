"""Shared test set-up: offscreen Qt, a fresh SQLite file per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KRM_HOLIDAY_CACHE", "off")  # tests ask the holidays package; test_holiday_cache tests the cache

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from krm_desktop.model.db import Store, open_store
from krm_desktop.model.setup import initialise_office

TODAY = date(2026, 11, 20)  # a Friday; tests pass `today` explicitly, never read the clock
USER = "test.bgf"


def make_store(path: Path, profile: str = "luebeck") -> Store:
    store = open_store(str(path), create=True)
    initialise_office(profile)
    return store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "krm.sqlite3"


@pytest.fixture
def store(db_path: Path, request: pytest.FixtureRequest) -> Iterator[Store]:
    """A fresh database; parametrize indirectly with a profile code to change the office."""
    profile = getattr(request, "param", "luebeck")
    store = make_store(db_path, profile)
    yield store
    store.close()
