"""Auffälligkeiten: what changed notably against the previous period of the same length (DOMAIN.md §6; Pankow
Konzept 5.4: "Auffälligkeiten besonders erörtert"), as a list the KRM-Beauftragte takes into the qualitative part.

The rules (a pure function over two periods' figures):
- A kind, channel, team or topic whose number of cases rose or fell by at least half of the previous number AND
  by at least five cases (from none to five or more: "neu"). A kind's cases are those with a concern of it.
- An on-time rate (acknowledgement, answer) that fell by ten percentage points or more, the rates compared as the
  report prints them (rounded to one decimal); a rate without a base in either period is not compared.
Each item carries its figures, e.g. "Team 411: 4 → 11 (+175 %)". Order: the rates, then kinds, channels, teams
and topics, each group by the size of the change (largest first), then by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from krm_desktop.model.reports.figures import NONE_KEY, Figures, Row

MIN_CASES = 5  # a change of at least five cases …
MIN_SHARE = Decimal("0.5")  # … and of at least half the previous number
MIN_POINTS = Decimal("10.0")  # an on-time rate that fell by at least ten points
GROUPS = ("rate", "kind", "channel", "team", "topic")


@dataclass(frozen=True)
class Notable:
    group: str  # one of GROUPS
    key: str  # the row's key (kind or channel code, team or topic name; "ack"/"answer" for the rates)
    label: str  # German, e.g. "Anliegensart Beschwerde", "Team 411 Leistung"
    previous: float
    current: float

    @property
    def change(self) -> float:
        return round(self.current - self.previous, 1)

    @property
    def text(self) -> str:
        """German: "Team 411 Leistung: 4 → 11 (+175 %)", "Antwort fristgerecht: 92,0 % → 78,5 % (-13,5 Pp.)"."""
        if self.group == "rate":
            return f"{self.label}: {_pct(self.previous)} → {_pct(self.current)} ({_signed(self.change)} Pp.)"
        before, now = int(self.previous), int(self.current)
        if before == 0:
            relative = "neu"
        else:
            share = (Decimal(100) * (now - before) / before).quantize(Decimal(1), rounding=ROUND_HALF_UP)
            relative = f"{'+' if share > 0 else '-'}{_int(abs(int(share)))} %"
        return f"{self.label}: {_int(before)} → {_int(now)} ({relative})"


def _int(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _pct(value: float) -> str:
    return f"{value:.1f}".replace(".", ",") + "\u00a0%"


def _signed(value: float) -> str:
    return ("+" if value > 0 else "-") + f"{abs(value):.1f}".replace(".", ",")


def _label(group: str, row: Row) -> str:
    if group == "kind":
        return f"Anliegensart {row.label}"
    if group == "channel":
        return f"Eingangsweg {row.label}"
    if group == "topic":
        return f"Thema „{row.label}“"
    if row.key == NONE_KEY or row.label.lower().startswith("team"):
        return row.label
    return f"Team {row.label}"


def count_is_notable(previous: int, current: int) -> bool:
    """Rose or fell by at least half of `previous` and by at least MIN_CASES (exactly half and five count)."""
    change = abs(current - previous)
    return change >= MIN_CASES and change >= MIN_SHARE * previous


def rate_is_notable(previous: float | None, current: float | None) -> bool:
    """Fell by at least MIN_POINTS percentage points (the rounded rates: 9.9 points do not count)."""
    if previous is None or current is None:
        return False
    return Decimal(str(previous)) - Decimal(str(current)) >= MIN_POINTS


def _count_changes(group: str, now: list[Row], before: list[Row]) -> list[Notable]:
    rows = {row.key: row for row in before} | {row.key: row for row in now}
    current = {row.key: row.cases for row in now}
    previous = {row.key: row.cases for row in before}
    found = [
        Notable(group, key, _label(group, row), previous.get(key, 0), current.get(key, 0))
        for key, row in rows.items()
        if count_is_notable(previous.get(key, 0), current.get(key, 0))
    ]
    return sorted(found, key=lambda n: (-abs(n.change), n.label))


def notable_changes(current: Figures, previous: Figures | None) -> list[Notable]:
    """What changed notably from `previous` to `current` (both periods of the same length); [] without previous."""
    if previous is None:
        return []
    now, before = current.deadlines, previous.deadlines
    rates = [
        ("ack", "Eingangsbestätigung fristgerecht", before.ack_on_time_pct, now.ack_on_time_pct),
        ("answer", "Antwort fristgerecht", before.answer_on_time_pct, now.answer_on_time_pct),
    ]
    found = [
        Notable("rate", key, text, was, is_)
        for key, text, was, is_ in rates
        if was is not None and is_ is not None and rate_is_notable(was, is_)
    ]
    found += _count_changes("kind", current.by_kind, previous.by_kind)
    found += _count_changes("channel", current.by_channel, previous.by_channel)
    found += _count_changes("team", current.by_team, previous.by_team)
    found += _count_changes("topic", current.by_topic, previous.by_topic)
    return found


def notable_list(items: list[Notable]) -> str:
    """The items as "- " lines, the form the report's texts turn into bullet points."""
    return "\n".join(f"- {item.text}" for item in items)
