"""What the other processes of the fault tests do (started with multiprocessing's fork: cheap, and the
program's modules are loaded already). Each opens the database itself, as another workplace would."""

from __future__ import annotations

import random
import resource
import signal
import sqlite3
import time
from pathlib import Path
from typing import Any

from krm_desktop.model.cases import services as cases
from krm_desktop.model.errors import ConflictError, KrmError
from krm_desktop.model.store.connection import open_store
from krm_desktop.model.store.entities import Case, database
from krm_desktop.model.store.transactions import write_transaction
from tests import factories as f

CASE_ID = 1


def edit(case_id: int, version: int, subject: str, user: str, **changes: Any) -> Case:
    """Save the case's registered data with a new subject, as the edit form does."""
    return cases.update_case(
        case_id, version=version, data=f.case_input(subject=subject, **changes), today=f.TODAY, user=user
    )


def update_loop(path: Path, worker: int, attempts: int, start: Any, results: Any, pause_s: float = 0.002) -> None:
    """A workplace that reads the case and saves it, `attempts` times; reports what was confirmed."""
    store = open_store(str(path))
    rng = random.Random(worker)
    confirmed: list[tuple[int, str]] = []
    conflicts = 0
    failures: list[str] = []
    start.wait()
    began = time.perf_counter()
    for attempt in range(1, attempts + 1):
        subject = f"Platz {worker}, Änderung {attempt}"
        try:
            version = Case.get_by_id(CASE_ID).version
            time.sleep(rng.uniform(0, pause_s))  # between loading and saving: the other place may save
            saved = edit(CASE_ID, version, subject, f"platz{worker}")
            confirmed.append((saved.version, subject))
        except ConflictError:
            conflicts += 1
        except Exception as exc:  # "database is locked" and the like: must not reach the caller
            failures.append(f"{type(exc).__name__}: {exc}")
    elapsed = time.perf_counter() - began
    store.close()
    results.put(
        {"worker": worker, "confirmed": confirmed, "conflicts": conflicts, "failures": failures, "seconds": elapsed}
    )


def write_forever(path: Path, running: Any) -> None:
    """Save the case (with a long description, so a save writes many pages), and every third round register
    a new one, until killed."""
    open_store(str(path))
    round_ = 0
    while True:
        round_ += 1
        text = f"Runde {round_}: " + "Verlauf des Antrags, Rückfragen und Antworten. " * (200 + round_ % 400)
        edit(CASE_ID, Case.get_by_id(CASE_ID).version, f"Runde {round_}", "absturz", description=text)
        if round_ % 3 == 0:
            f.register()
        running.set()


def hold_exclusive(path: Path, held: Any, release: Any) -> None:
    """Another process that holds the file with BEGIN EXCLUSIVE (a tool, a stuck workplace)."""
    con = sqlite3.connect(str(path), isolation_level=None)
    con.execute("BEGIN EXCLUSIVE")
    held.set()
    release.wait(60)
    con.execute("ROLLBACK")
    con.close()


def one_update(path: Path, busy_ms: int, results: Any) -> None:
    """One save of the case, waiting at most busy_ms for a lock; reports the outcome and how long it took."""
    open_store(str(path))
    database.execute_sql(f"PRAGMA busy_timeout = {busy_ms}")
    began = time.perf_counter()
    try:
        edit(CASE_ID, Case.get_by_id(CASE_ID).version, "Von einem anderen Arbeitsplatz", "anderer.platz")
        outcome = "ok"
    except Exception as exc:
        outcome = f"{type(exc).__name__}: {exc}"
    results.put((outcome, time.perf_counter() - began))


def save_beyond_file_size_limit(path: Path, description: str, results: Any) -> None:
    """Save a case while the operating system refuses to let the file grow (RLIMIT_FSIZE: the write fails
    with EFBIG, which SQLite reports as a disk I/O error)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # else the kernel ends the process instead of failing the write
    open_store(str(path))
    case = Case.get_by_id(CASE_ID)
    _soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (path.stat().st_size, hard))
    try:
        with write_transaction():
            edit(CASE_ID, case.version, "Neuer Betreff", "voll", description=description)
        outcome: tuple[str, str, bool] = ("gespeichert", "", False)
    except Exception as exc:
        outcome = (
            type(exc).__name__,
            exc.message if isinstance(exc, KrmError) else str(exc),
            isinstance(exc, KrmError),
        )
    results.put(outcome)


def back_up_forever(path: Path, running: Any) -> None:
    """Make the purge wizard's verified copy again and again (each finished one is dropped), until killed."""
    from krm_desktop.model.store.backups import make_backup

    store = open_store(str(path))
    running.set()
    while True:
        make_backup(store, f.TODAY).unlink()
