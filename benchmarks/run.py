"""Run every benchmarks/bench_*.py (each in its own process) and print a summary table.

Each benchmark prints its figures and a last line `RESULT {json}` (name, metric, median, min, max, goal, pass,
ratio to its floor). Exit status: 0 when every benchmark ran, whatever the figures; 1 when one crashed or gave
no RESULT line, or, with --strict, when one missed its goal. `make bench` calls this script.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def figure(value: float) -> str:
    """Large figures without decimals (cases/s, ms), small ones (ratios) with one."""
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.1f}"


def run_one(script: Path, extra: list[str]) -> tuple[dict[str, Any] | None, float, int]:
    print(f"=== {script.name} ===", flush=True)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(script), *extra], cwd=HERE.parent, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    result = None
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            result = json.loads(line[len("RESULT ") :])
        else:
            print(line)
    if proc.stderr.strip():
        print(proc.stderr.rstrip(), file=sys.stderr)
    print(flush=True)
    return result, elapsed, proc.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true", help="exit 1 when a benchmark misses its goal")
    parser.add_argument("--repeat", type=int, help="timed runs per benchmark (default: each benchmark's own)")
    parser.add_argument("only", nargs="*", help="names of benchmarks to run (e.g. demo deadlines); default all")
    args = parser.parse_args(argv)

    extra = [*(["--repeat", str(args.repeat)] if args.repeat else []), *(["--strict"] if args.strict else [])]
    scripts = sorted(HERE.glob("bench_*.py"))
    if args.only:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in args.only]
    rows: list[tuple[str, dict[str, Any] | None, float]] = []
    broken = False
    for script in scripts:
        result, elapsed, code = run_one(script, extra)
        rows.append((script.stem, result, elapsed))
        broken |= result is None or (code != 0 and not (args.strict and result and not result["pass"]))

    header = (
        "benchmark",
        "metric",
        "median",
        "min",
        "max",
        "goal",
        "ratio to floor (median, min-max)",
        "result",
        "took",
    )
    table = []
    for name, result, elapsed in rows:
        if result is None:
            table.append((name, "-", "-", "-", "-", "-", "-", "CRASHED", f"{elapsed:.0f} s"))
            continue
        ratio = result.get("ratio") or [0, 0, 0]
        table.append(
            (
                result["name"],
                result["metric"],
                figure(result["median"]),
                figure(result["min"]),
                figure(result["max"]),
                f"{'<=' if result.get('better') == 'lower' else '>='} {result['goal']:,}",
                f"{ratio[0]:.1f} ({ratio[1]:.1f}-{ratio[2]:.1f})",
                "PASS" if result["pass"] else "FAIL",
                f"{elapsed:.0f} s",
            )
        )
    widths = [max(len(str(r[i])) for r in [header, *table]) for i in range(len(header))]
    print("=== summary ===")
    for line in [header, tuple("-" * w for w in widths), *table]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())
    failed = any(result is not None and not result["pass"] for _, result, _ in rows)
    if broken:
        return 1
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
