"""Fault tests: real files, real processes. The database is made here and closed before any child starts
(a SQLite connection must not be carried across fork)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
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


@pytest.fixture
def spawn() -> Callable[..., multiprocessing.process.BaseProcess]:
    """Start a child process (fork); every child still running at the end of the test is killed."""
    started: list[multiprocessing.process.BaseProcess] = []

    def start(target: Callable[..., None], *args: object) -> multiprocessing.process.BaseProcess:
        process = FORK.Process(target=target, args=args, daemon=True)
        process.start()
        started.append(process)
        return process

    yield start
    for process in started:
        if process.is_alive():
            process.kill()
        process.join(10)
