"""What every benchmark prints: median with its range, the verdict against the goal, a RESULT line for run.py."""

from __future__ import annotations

import json
import statistics
from typing import Any


def spread(values: list[float], fmt: str, unit: str = "") -> str:
    low, middle, high = min(values), statistics.median(values), max(values)
    return f"median {middle:{fmt}}{unit} (min {low:{fmt}}{unit} – max {high:{fmt}}{unit})"


def finish(
    name: str, metric: str, rates: list[float], goal: float, ratios: list[float], floor: str, strict: bool
) -> int:
    """Print the verdict (higher is better) and the RESULT line; the exit code honours --strict."""
    median = statistics.median(rates)
    passed = median >= goal
    print(f"{'PASS' if passed else 'FAIL'}: median {median:,.0f} {metric} vs. goal ≥ {goal:,}")
    result = {
        "name": name,
        "metric": metric,
        "median": median,
        "min": min(rates),
        "max": max(rates),
        "goal": goal,
        "pass": passed,
        "ratio": [statistics.median(ratios), min(ratios), max(ratios)],
        "floor": floor,
    }
    print("RESULT " + json.dumps(result))
    return 1 if strict and not passed else 0


def finish_checks(
    name: str, metric: str, values: list[float], goal: float, checks: dict[str, bool], strict: bool, **extra: Any
) -> int:
    """Print each check's verdict and the RESULT line of a figure where lower is better (`values` against `goal`,
    `extra` added to it); the exit code honours --strict."""
    for check, ok in checks.items():
        print(f"{'PASS' if ok else 'FAIL'}: {check}")
    passed = all(checks.values())
    result = {
        "name": name,
        "metric": metric,
        "better": "lower",
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "goal": goal,
        "pass": passed,
        **extra,
        "checks": checks,
    }
    print("RESULT " + json.dumps(result))
    return 1 if strict and not passed else 0
