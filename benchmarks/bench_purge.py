"""Benchmark: the annual purge of a 100,000-case demo database (nine years), backup and VACUUM included.

Goal (issue 6): purge including the verified backup and VACUUM ≤ 2 × (the verified backup + VACUUM alone) on the
same file, measured in the same run. The demo database (profile luebeck, 100,000 cases over nine years up to
20.11.2026) is built once at --db and reused; every run copies it twice, then times, in alternating order:
- floor: `make_backup` (SQLite backup API + integrity_check + count check) and `vacuum_store` on copy A;
- purge: `make_backup`, `plan_purge`, `execute_purge` (one transaction), `vacuum_store`, `remove_expired_backups`
  and `finish_purge` on copy B, as of 20.11.2026 (the anonymisations and deletions of the BA rule).
Opening the store is timed in neither. Prints both (median and range over --repeat runs) with the purge's parts.
The database has the case list's indexes (part of the schema), among them one on the history's actor, which the
anonymisation rewrites; --cases makes it smaller for a quick look.

RESULT line for run.py: metric "2×floor/purge %" = 100 × 2 × floor / purge per run, higher is better, goal ≥ 100
(the purge takes at most twice the floor); "ratio" is purge / floor itself (goal ≤ 2.0). Exits 0 whatever the
figures, unless --strict.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from common import spread

from krm_desktop.model.demo.generator import generate
from krm_desktop.model.office.new_office import initialise_office
from krm_desktop.model.retention.purge import execute_purge, finish_purge, vacuum_store
from krm_desktop.model.retention.purge_plan import plan_purge
from krm_desktop.model.store.backups import make_backup, remove_expired_backups
from krm_desktop.model.store.connection import open_store
from krm_desktop.model.store.entities import Case

TODAY = date(2026, 11, 20)
GOAL_RATIO = 2.0


def source_db(path: Path, cases: int, profile: str) -> Path:
    """The demo database, built once and reused while it holds the asked number of cases."""
    if path.exists():
        store = open_store(str(path))
        try:
            if Case.select().count() == cases:
                return path
        finally:
            store.close()
        path.unlink()
    print(f"building {path} ({cases:,} demo cases, profile {profile}) …", flush=True)
    start = time.perf_counter()
    store = open_store(str(path), create=True)
    try:
        initialise_office(profile)
        generate(cases, seed=1, years=9, today=TODAY, user="bench")
    finally:
        store.close()
    print(f"built in {time.perf_counter() - start:.1f} s, {path.stat().st_size / 1e6:.0f} MB", flush=True)
    return path


def floor_run(path: Path) -> float:
    store = open_store(str(path))
    try:
        start = time.perf_counter()
        make_backup(store, TODAY)
        vacuum_store()
        return time.perf_counter() - start
    finally:
        store.close()


def purge_run(path: Path) -> tuple[float, dict[str, float], tuple[int, int]]:
    store = open_store(str(path))
    parts: dict[str, float] = {}
    try:
        start = mark = time.perf_counter()

        def lap(name: str) -> None:
            nonlocal mark
            now = time.perf_counter()
            parts[name] = now - mark
            mark = now

        backup = make_backup(store, TODAY)
        lap("backup")
        plan = plan_purge(TODAY)
        lap("plan")
        result = execute_purge(plan, today=TODAY, user="bench", backup=backup.name)
        lap("execute")
        vacuumed = vacuum_store()
        lap("vacuum")
        removed = remove_expired_backups(store, TODAY)
        finish_purge(result.log_id, vacuumed=vacuumed, backups_removed=[p.name for p in removed])
        lap("cleanup+log")
        return time.perf_counter() - start, parts, (result.anonymised, result.deleted)
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000, help="demo cases (default 100,000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (3-5 recommended)")
    parser.add_argument("--profile", default="luebeck")
    parser.add_argument("--db", type=Path, help="where the demo database is kept (default: temp folder)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the goal is missed")
    args = parser.parse_args(argv)

    db = args.db or Path(tempfile.gettempdir()) / f"krm_bench_purge_{args.profile}_{args.cases}.sqlite3"
    print(f"bench_purge: purge of {args.cases:,} demo cases (profile {args.profile}) as of {TODAY:%d.%m.%Y}")
    print(f"goal: purge incl. backup and VACUUM ≤ {GOAL_RATIO:.0f} × (backup + VACUUM alone), {args.repeat} runs")
    source = source_db(db, args.cases, args.profile)
    floors: list[float] = []
    purges: list[float] = []
    ratios: list[float] = []
    laps: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="krm-bench-purge-") as tmp:
        for run in range(1, args.repeat + 1):
            folder = Path(tmp) / f"run{run}"
            (folder / "a").mkdir(parents=True)
            (folder / "b").mkdir()
            a, b = shutil.copy(source, folder / "a" / "krm.sqlite3"), shutil.copy(source, folder / "b" / "krm.sqlite3")
            if run % 2:
                floor = floor_run(Path(a))
                total, parts, counts = purge_run(Path(b))
            else:
                total, parts, counts = purge_run(Path(b))
                floor = floor_run(Path(a))
            floors.append(floor)
            purges.append(total)
            ratios.append(total / floor)
            for name, value in parts.items():
                laps.setdefault(name, []).append(value)
            detail = ", ".join(f"{k} {v:.2f}" for k, v in parts.items())
            print(
                f"  run {run}: floor (backup + VACUUM) {floor:.2f} s | purge {total:.2f} s ({detail}) | "
                f"ratio {ratios[-1]:.2f} | {counts[0]:,} anonymised, {counts[1]:,} deleted"
            )
            shutil.rmtree(folder)
    print(f"floor seconds:    {spread(floors, '.2f')}")
    print(f"purge seconds:    {spread(purges, '.2f')}")
    for name, values in laps.items():
        print(f"  {name + ':':<16}{spread(values, '.2f')}")
    print(f"ratio purge/floor: {spread(ratios, '.2f')} (goal ≤ {GOAL_RATIO:.1f})")
    budget = [100 * GOAL_RATIO / r for r in ratios]
    median = statistics.median(ratios)
    passed = median <= GOAL_RATIO
    print(f"{'PASS' if passed else 'FAIL'}: median ratio {median:.2f} vs. goal ≤ {GOAL_RATIO:.1f}")
    result = {
        "name": "purge",
        "metric": "2×floor/purge %",
        "median": statistics.median(budget),
        "min": min(budget),
        "max": max(budget),
        "goal": 100,
        "pass": passed,
        "ratio": [median, min(ratios), max(ratios)],
        "floor": "make_backup + VACUUM of the same file, same run",
    }
    print("RESULT " + json.dumps(result))
    return 1 if args.strict and not passed else 0


if __name__ == "__main__":
    sys.exit(main())
