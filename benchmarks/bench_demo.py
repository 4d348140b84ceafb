"""Benchmark: demo data generation (`krm-desktop demo --cases 20000`) into a fresh SQLite file.

Goal: the demo takes at most 25 times its floor (median of the runs). On the reference machine (2 cores) the floor
writes 20,000 rows in about 0.18 s and the demo runs at about 5,000 cases/s, a ratio of about 20: the goal leaves
room for the noise of a shared machine (14–24 seen) and fails when the generator becomes markedly slower.
Floor, measured in the same run: a plain sqlite3 `executemany` of the same number of case rows (the very rows the
demo wrote, same width) into a table of the same columns without indexes or foreign keys. The ratio
demo_time / floor_time says how much the generator, the case services' pure core it runs for every step of every
case (registration, acknowledgement, answer, closing, …), the other tables (parties, concerns, events) and the
indexes cost on top of merely writing the case rows; unlike cases/s it does not depend on the machine's speed.

Prints figures; exits 0 whether the goal is met or not, unless --strict.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from common import finish_checks, spread

from krm_desktop.model.demo.generator import generate
from krm_desktop.model.office.new_office import initialise_office
from krm_desktop.model.store.connection import open_store

GOAL_RATIO = 25.0  # demo time / floor time, median
TODAY = date(2026, 11, 20)  # fixed, so every run writes the same data


def demo_run(folder: Path, cases: int, profile: str, seed: int) -> tuple[float, Path]:
    path = folder / f"demo-{seed}.sqlite3"
    store = open_store(str(path), create=True)
    try:
        initialise_office(profile)
        start = time.perf_counter()
        generate(cases, seed=seed, years=9, today=TODAY, user="bench")
        elapsed = time.perf_counter() - start
    finally:
        store.close()
    return elapsed, path


def floor_run(folder: Path, source: Path, seed: int) -> tuple[float, int]:
    """Plain executemany of the demo's case rows into an index-free table of the same columns."""
    with sqlite3.connect(source) as src:
        columns = src.execute('PRAGMA table_info("krm_case")').fetchall()
        rows = src.execute('SELECT * FROM "krm_case"').fetchall()
    target = sqlite3.connect(folder / f"floor-{seed}.sqlite3", isolation_level=None)
    try:
        target.execute("PRAGMA journal_mode = delete")
        definition = ", ".join(f'"{c[1]}" {c[2]}' for c in columns)
        target.execute(f"CREATE TABLE plain ({definition})")
        marks = ", ".join("?" * len(columns))
        start = time.perf_counter()
        target.execute("BEGIN IMMEDIATE")
        target.executemany(f"INSERT INTO plain VALUES ({marks})", rows)
        target.execute("COMMIT")
        elapsed = time.perf_counter() - start
    finally:
        target.close()
    return elapsed, len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs (3-5 recommended)")
    parser.add_argument("--profile", default="luebeck")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the goal is missed")
    args = parser.parse_args(argv)

    print(
        f"bench_demo: {args.cases:,} demo cases into a fresh SQLite file (profile {args.profile}), {args.repeat} runs"
    )
    print(f"goal: demo ≤ {GOAL_RATIO:.0f} × floor (median); floor: plain sqlite3 executemany of the same case rows")
    rates: list[float] = []
    demo_times: list[float] = []
    floor_times: list[float] = []
    ratios: list[float] = []
    with tempfile.TemporaryDirectory(prefix="krm-bench-") as tmp:
        folder = Path(tmp)
        demo_run(folder, 200, args.profile, seed=0)  # warm-up (imports, holiday tables), not timed
        for run in range(1, args.repeat + 1):
            demo_time, path = demo_run(folder, args.cases, args.profile, seed=run)
            floor_time, rows = floor_run(folder, path, seed=run)
            assert rows == args.cases, rows
            rates.append(args.cases / demo_time)
            demo_times.append(demo_time)
            floor_times.append(floor_time)
            ratios.append(demo_time / floor_time)
            print(
                f"  run {run}: demo {demo_time:.2f} s = {rates[-1]:,.0f} cases/s | "
                f"floor {floor_time:.3f} s | ratio {ratios[-1]:.1f}"
            )
            path.unlink()
    print(f"demo cases/s:     {spread(rates, ',.0f')}")
    print(f"demo seconds:     {spread(demo_times, '.2f')}")
    print(f"floor seconds:    {spread(floor_times, '.3f')}")
    print(f"ratio demo/floor: {spread(ratios, '.1f')}")
    median_ratio = statistics.median(ratios)
    return finish_checks(
        "demo",
        "demo time / floor",
        ratios,
        GOAL_RATIO,
        {f"demo ≤ {GOAL_RATIO:.0f} × floor (median {median_ratio:.1f})": median_ratio <= GOAL_RATIO},
        args.strict,
        ratio=[median_ratio, min(ratios), max(ratios)],
        cases_per_s=[statistics.median(rates), min(rates), max(rates)],
        floor="sqlite3 executemany of the same case rows, no indexes",
    )


if __name__ == "__main__":
    sys.exit(main())
