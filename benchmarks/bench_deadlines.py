"""Benchmark: compute_deadlines calls per second, in-process, over a varied mix.

The mix: every preset office profile (working-day and calendar-day rules, Braunschweig's clock from the
acknowledgement), every kind and channel, receipt dates over twelve years (holidays, closing days, year
ends), with and without addressee, acknowledgement date and the requesting body's own due date.

Goal: a call costs at most 60 times the floor (median of the runs). Reason: the demo's budget is 200 µs a case at
5,000 cases/s and it needs up to two deadline computations a case; they should stay under 10 % of that budget,
i.e. at least 50,000 calls/s. On the reference machine (2 cores) the floor runs about 3.3 million calls/s, so
60 × floor is about 55,000 calls/s; the ratio itself was 12–16 there.
Floor, measured in the same run: the same number of calls, with the same arguments, of a trivial function
that only adds a few days to the receipt date (the cost of the call and the loop). The ratio
deadlines_time / floor_time is the price of the calendar rules, and does not depend on the machine's speed.

Prints figures; exits 0 whether the goal is met or not, unless --strict.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from common import finish_checks, spread

from krm_desktop.model.codes import CHANNELS, KINDS
from krm_desktop.model.office.profiles import PRESETS, OfficeProfile
from krm_desktop.model.time.deadlines import compute_deadlines

GOAL_RATIO = 60.0  # deadlines time / floor time, median
THREE_DAYS = timedelta(days=3)

Call = tuple[tuple[Any, ...], dict[str, Any]]


def trivial(profile: OfficeProfile, kind: str, channel: str, received: date, **options: Any) -> date:
    """The floor: takes what compute_deadlines takes and only adds three days."""
    return received + THREE_DAYS


def mix(count: int, seed: int = 1) -> list[Call]:
    rng = random.Random(seed)
    profiles = list(PRESETS.values())
    kinds, channels = list(KINDS), [c for c in CHANNELS if c != "meinungskarte"]
    first = date(2016, 1, 1)
    calls: list[Call] = []
    for _ in range(count):
        kind = rng.choice(kinds)
        channel = "meinungskarte" if kind == "meinungskarte" else rng.choice(channels)
        received = first + timedelta(days=rng.randrange(12 * 365))
        kwargs: dict[str, Any] = {"has_addressee": rng.random() > 0.03}
        if rng.random() < 0.5:
            kwargs["ack_sent"] = received + timedelta(days=rng.randrange(8))
        if kind in ("petition", "eingabe") and rng.random() < 0.6:
            kwargs["body_due"] = received + timedelta(days=rng.choice((14, 21, 28)))
        calls.append(((rng.choice(profiles), kind, channel, received), kwargs))
    return calls


def timed(function: Callable[..., Any], calls: list[Call]) -> float:
    start = time.perf_counter()
    for args, kwargs in calls:
        function(*args, **kwargs)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs (3-5 recommended)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the goal is missed")
    args = parser.parse_args(argv)

    calls = mix(args.calls)
    print(f"bench_deadlines: {args.calls:,} compute_deadlines calls over {len(PRESETS)} profiles, {args.repeat} runs")
    print(f"goal: ≤ {GOAL_RATIO:.0f} × floor (median); floor: the same calls of a trivial date function")
    timed(compute_deadlines, calls[:5_000])  # warm-up: holiday tables of every profile and year, not timed
    rates: list[float] = []
    floor_rates: list[float] = []
    ratios: list[float] = []
    for run in range(1, args.repeat + 1):
        real = timed(compute_deadlines, calls)
        floor = timed(trivial, calls)
        rates.append(args.calls / real)
        floor_rates.append(args.calls / floor)
        ratios.append(real / floor)
        print(
            f"  run {run}: deadlines {real:.3f} s = {rates[-1]:,.0f} calls/s | "
            f"floor {floor:.3f} s = {floor_rates[-1]:,.0f} calls/s | ratio {ratios[-1]:.1f}"
        )
    print(f"deadlines calls/s: {spread(rates, ',.0f')}")
    print(f"floor calls/s:     {spread(floor_rates, ',.0f')}")
    print(f"ratio real/floor:  {spread(ratios, '.1f')}")
    median_ratio = statistics.median(ratios)
    return finish_checks(
        "deadlines",
        "deadlines time / floor",
        ratios,
        GOAL_RATIO,
        {f"deadlines ≤ {GOAL_RATIO:.0f} × floor (median {median_ratio:.1f})": median_ratio <= GOAL_RATIO},
        args.strict,
        ratio=[median_ratio, min(ratios), max(ratios)],
        calls_per_s=[statistics.median(rates), min(rates), max(rates)],
        floor="trivial date function, same calls",
    )


if __name__ == "__main__":
    sys.exit(main())
