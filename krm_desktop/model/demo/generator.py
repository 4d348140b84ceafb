"""`krm-desktop demo --cases N`: N invented cases received over Y years up to today, all kinds, mostly closed.

Each case is registered and worked with the case services' own pure core (`services.registration`,
`cases.transitions`) on the days it happened, so a demo case is exactly what the services store: its reference,
deadlines, history and version. What a case says comes from `matters`, what happens to it from `course`; `rows`
keeps the result and writes it in bulk. All cases go into one write transaction: the demo is added completely
or not at all. Deterministic for a seed; `today` comes from the caller, the clock is never read.
"""

from __future__ import annotations

import heapq
import random
from datetime import date, timedelta

from krm_desktop.model.cases import opinion_cards
from krm_desktop.model.cases.services import registration
from krm_desktop.model.codes import KINDS
from krm_desktop.model.demo import texts as t
from krm_desktop.model.demo.course import Course
from krm_desktop.model.demo.matters import Earlier, Matters, pick
from krm_desktop.model.demo.office import demo_office
from krm_desktop.model.demo.rows import DemoRows
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.office.topics import topic_list
from krm_desktop.model.store.transactions import write_transaction
from krm_desktop.model.time.deadlines import calendar_of
from krm_desktop.model.time.working_days import WorkingCalendar

DAY = timedelta(days=1)
ON_WORKING_DAYS = frozenset({"brief", "telefon", "persoenlich", "meinungskarte"})  # mail and forms come any day


def arrivals(rng: random.Random, calendar: WorkingCalendar, count: int, years: int, today: date) -> list[tuple[date, str, str]]:  # fmt: skip
    """(received, kind, channel) of every case, oldest first; more cases in recent years."""
    span = max(1, round(365.25 * years))
    start = today - (span - 1) * DAY
    offsets = sorted(int(span * rng.random() ** 0.8) for _ in range(count))
    kinds = rng.choices(list(t.KIND_WEIGHTS), weights=list(t.KIND_WEIGHTS.values()), k=count)
    if count >= 40:  # every kind at least once; a Folgereaktion late enough to find a closed case
        for kind in KINDS:
            lo = count // 2 if kind == "folgereaktion" else 0
            spare = [i for i in range(lo, count) if kinds[i] == "beschwerde"]
            if kind not in kinds and spare:
                kinds[rng.choice(spare)] = kind
    plans = []
    for offset, kind in zip(offsets, kinds, strict=True):
        channel = pick(rng, t.CHANNELS_BY_KIND.get(kind, t.CHANNELS_BY_KIND["*"]))
        day = start + offset * DAY
        if channel in ON_WORKING_DAYS:
            day = calendar.next_working_day(day)
            while day > today or not calendar.is_working_day(day):
                day -= DAY
        plans.append((max(day, start), kind, channel))
    plans.sort(key=lambda plan: plan[0])
    return plans


class FollowUpPool:
    """Closed cases a Folgereaktion can follow: those closed before the day it comes in, recent ones likelier."""

    def __init__(self) -> None:
        self.pending: list[tuple[date, int, Earlier]] = []  # by closing day
        self.available: list[Earlier] = []

    def add(self, earlier: Earlier) -> None:
        heapq.heappush(self.pending, (earlier.closed, earlier.case_id, earlier))

    def take(self, received: date, rng: random.Random) -> Earlier | None:
        while self.pending and self.pending[0][0] < received:
            self.available.append(heapq.heappop(self.pending)[2])
        if not self.available:
            return None
        back = min(int(rng.expovariate(1 / 40)), len(self.available) - 1)
        return self.available.pop(len(self.available) - 1 - back)


def generate(count: int, *, seed: int, years: int, today: date, user: str) -> int:
    """Add `count` invented cases received over `years` years up to `today`; return how many were added."""
    if count <= 0:
        return 0
    rng = random.Random(seed)
    profile = load_profile()
    calendar = calendar_of(profile)
    with write_transaction():
        office = demo_office(random.Random(f"staff-{seed}"))
        matters = Matters(rng, profile, office, topic_list())
        course = Course(rng, profile, office, today)
        rows = DemoRows(user)
        pool = FollowUpPool()
        for received, kind, channel in arrivals(rng, calendar, count, max(1, years), today):
            earlier = None
            if kind == "meinungskarte":  # entered the day it came (the card batch); closed once passed on
                data = opinion_cards.case_input(matters.card(received))
            else:
                earlier = pool.take(received, rng) if kind == "folgereaktion" else None
                if kind == "folgereaktion" and earlier is None:
                    kind = "beschwerde"  # nothing closed yet that it could follow
                data = matters.case(received, kind, channel, earlier)
            case = rows.register(data, registration(data, profile), earlier_id=earlier.case_id if earlier else None)
            for step in course.steps(case.fields, [c.kind for c in data.concern_list()], data.concern_teams()):
                rows.act(case, step)
            done = case.fields
            if done["closed"] is not None and data.person is not None and done["kind"] in t.FOLLOWABLE:
                senders = (data.person, data.represented) if data.represented else (data.person,)
                pool.add(Earlier.of(done, senders))
        rows.write()
    return count
