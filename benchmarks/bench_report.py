"""Benchmark: the annual report as PDF over a 100,000-case demo database (issue 7).

Goals:
- the annual PDF (figures of the year and the previous year's key figures, rendered and written) ≤ 1.5 s;
- ≤ 3 × the bare SQL aggregate queries behind it: the very statements `queries.report_queries` hands out
  (peewee's SQL and parameters), run on a plain sqlite3 connection to the same file with every row fetched.

Both measured in the same run, alternating, --repeat times (median and range). The database is built once
(init + demo with a fixed today, so every build holds the same cases) at --db and reused; --cases sets its
size (the default path names it). Prints figures and a last line `RESULT {json}` for run.py; exits 0 whatever
the figures, unless --strict.
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

from krm_desktop.documents.reports.files import render_report
from krm_desktop.model.reports.figures import compute_figures
from krm_desktop.model.reports.periods import Period
from krm_desktop.model.reports.queries import report_queries
from krm_desktop.model.reports.texts import ReportTexts
from krm_desktop.model.store.connection import open_store

TODAY = date(2026, 11, 20)  # fixed: the demo data and the report are the same on every run
GOAL_SECONDS = 1.5
GOAL_RATIO = 3.0
TEXTS = ReportTexts(
    focus="Erreichbarkeit am Telefon\n- Rückrufe\n- Wartezeiten in der Eingangszone",
    actions="Rückrufservice eingeführt; Terminvergabe online.",
    remarks="",
)


def build(db: Path, cases: int) -> None:
    from krm_desktop.model.demo.generator import generate
    from krm_desktop.model.office.new_office import initialise_office

    print(f"building {db} with {cases:,} demo cases (once) …", flush=True)
    partial = db.with_name(db.name + ".part")
    partial.unlink(missing_ok=True)
    store = open_store(str(partial), create=True)
    try:
        initialise_office("luebeck")
        generate(cases, seed=1, years=9, today=TODAY, user="bench")
    finally:
        store.close()
    partial.replace(db)


def report_run(period: Period, out: Path) -> float:
    start = time.perf_counter()
    figures = compute_figures(period, today=TODAY)
    out.write_bytes(render_report(figures, "pdf", recipient="regionaldirektion", texts=TEXTS))
    return time.perf_counter() - start


def floor_run(db: Path, statements: list[tuple[str, list[object]]]) -> float:
    """The same aggregate statements, bare: sqlite3, no peewee, no Python work on the rows."""
    con = sqlite3.connect(db)
    try:
        start = time.perf_counter()
        for sql, params in statements:
            con.execute(sql, params).fetchall()
        return time.perf_counter() - start
    finally:
        con.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000, help="demo cases in the database (default 100,000)")
    parser.add_argument("--db", help="database file (default: /tmp/krm_report_bench_<cases>.sqlite3)")
    parser.add_argument("--year", type=int, default=2025, help="report year (default 2025, a full year)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs (default 5)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    args = parser.parse_args(argv)

    db = Path(args.db or Path(tempfile.gettempdir()) / f"krm_report_bench_{args.cases}.sqlite3")
    if not db.exists():
        build(db, args.cases)
    period = Period(args.year)
    store = open_store(str(db))
    try:
        statements = [query.sql() for _, query in report_queries(period, TODAY)]
        statements = [
            (sql, [p.isoformat() if isinstance(p, date) else p for p in params]) for sql, params in statements
        ]
        print(
            f"bench_report: annual PDF {period.code} over {db} ({args.cases:,} demo cases), {args.repeat} runs; "
            f"floor: the {len(statements)} bare SQL aggregate queries behind it"
        )
        print(f"goals: ≤ {GOAL_SECONDS} s and ≤ {GOAL_RATIO} × floor (medians)")
        with tempfile.TemporaryDirectory(prefix="krm-bench-report-") as tmp:
            out = Path(tmp) / "jahresbericht.pdf"
            report_run(period, out)  # warm-up: imports, fonts, page cache; not timed
            floor_run(db, statements)
            reports: list[float] = []
            floors: list[float] = []
            for run in range(1, args.repeat + 1):
                if run % 2:  # alternate the order so neither profits from the other's cache
                    reports.append(report_run(period, out))
                    floors.append(floor_run(db, statements))
                else:
                    floors.append(floor_run(db, statements))
                    reports.append(report_run(period, out))
                print(
                    f"  run {run}: report {reports[-1] * 1000:.0f} ms | floor {floors[-1] * 1000:.0f} ms | "
                    f"ratio {reports[-1] / floors[-1]:.2f}"
                )
            pages = out.read_bytes().count(b"/Type /Page\n") or out.read_bytes().count(b"/Type /Page")
            print(f"PDF: {out.stat().st_size:,} bytes, about {pages} pages")
    finally:
        store.close()
    ratios = [r / f for r, f in zip(reports, floors, strict=True)]
    ms = [r * 1000 for r in reports]
    print(f"report ms:        {spread(ms, '.0f')}")
    print(f"floor ms:         {spread([f * 1000 for f in floors], '.0f')}")
    print(f"ratio report/SQL: {spread(ratios, '.2f')}")
    checks = {
        "annual PDF ≤ 1.5 s": statistics.median(reports) <= GOAL_SECONDS,
        "≤ 3 × bare SQL": statistics.median(ratios) <= GOAL_RATIO,
    }
    return finish_checks(
        "report",
        "ms annual PDF (median)",
        ms,
        GOAL_SECONDS * 1000,
        checks,
        args.strict,
        ratio=[statistics.median(ratios), min(ratios), max(ratios)],
        floor="the same aggregate SQL statements, bare sqlite3, all rows fetched",
    )


if __name__ == "__main__":
    sys.exit(main())
