"""The figures behind every report (Jahresbericht, Halbjahresbericht, Quartalsauswertung).

Counting rules (DOMAIN.md §6; the decisions on ambiguous figures are written down here):

- A case counts in the period of its received date. Figures count concerns (Anliegen); the number of cases
  stands beside them. By channel, via, team, Bereich and month a case's concerns count where the case does.
- Everything is counted from fields the purge keeps (kind, channel, via, team, dates, outcome, topic, DAB
  decision date and reclassification), so anonymised cases give the same figures as before.
- Outcomes: concerns of the kinds that close with one (Beschwerde, Fachaufsichtsbeschwerde, DAB,
  Folgereaktion, and Petition and Eingabe like a Beschwerde: `codes.OUTCOME_KINDS`). Shares are of the concerns with an outcome; concerns without one are shown as "ohne Ergebnis".
- Folgereaktionen: cases whose main concern is a Folgereaktion, also as a share of all cases.
- Meinungskarten: cases of kind or channel Meinungskarte; split by Lob/Anregung/Kritik from their own field
  (`card_tenors`, shares of the cards; "ohne Angabe" for cards an older version stored without one).
- DAB: cases received as Dienstaufsichtsbeschwerde: decided by GF (decision date recorded), reclassified
  (into Fachaufsichtsbeschwerde or Beschwerde), or undecided.
- Acknowledgement on time: of the cases with an acknowledgement clock whose acknowledgement was done or due by
  `today`. Done on time: acknowledgement, answer or closing (e.g. settled with a waiver) on or before the
  due date, since the answer makes a separate acknowledgement unnecessary. Clocks still running are not
  counted and are reported as such. Where the KRM decided that no acknowledgement is sent ("Eingangsbestätigung
  entfällt") the case has no acknowledgement clock in these figures: it is counted apart (`ack_waived`).
  An oral reaction in an office whose acknowledgement clock runs only for written channels has none either.
- Answer on time: likewise of the cases with an answer clock: answer sent, or the case closed without one
  (waiver), on or before the answer due date. Beside it: answer or interim notice on or before that date.
- Processing days: calendar days from receipt to closing of the closed cases, Meinungskarten excluded;
  median (the middle value, or the mean of the two middle values) and 90th percentile (nearest rank: the
  smallest value at least 90 % of the cases do not exceed).
- Percentages are rounded half up to one decimal; None where the base is zero (printed as "–").

Aggregates run in SQL (GROUP BY, `queries`); only the processing days of the period come back as a sorted list.
"""

from __future__ import annotations

import math
import statistics as stats
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from krm_desktop.model.codes import CARD_TENORS, CHANNELS, COMPLAINT_KINDS, KINDS, OUTCOMES, VIAS, label
from krm_desktop.model.reports.periods import Period, check_period, month_label
from krm_desktop.model.reports.petitions import PetitionFigures, petition_figures
from krm_desktop.model.reports.queries import TOP_TOPICS, aggregate_queries, previous_period
from krm_desktop.model.store.entities import database

NO_OUTCOME = "open"  # key of the complaint concerns without an outcome
NONE_KEY = "none"  # key of the cases without team / Bereich / topic


@dataclass(frozen=True)
class Row:
    """One line of a breakdown: concerns, cases, and a share (of concerns, unless said otherwise)."""

    key: str
    label: str
    concerns: int
    cases: int
    share: float | None = None
    group: str = ""  # a team's Bereich


@dataclass(frozen=True)
class Deadlines:
    ack_clock: int = 0  # cases with an acknowledgement clock
    ack_counted: int = 0  # of these: done or due by today
    ack_on_time: int = 0
    answer_clock: int = 0
    answer_counted: int = 0
    answer_on_time: int = 0
    answer_or_interim_on_time: int = 0
    interim_sent: int = 0
    interim_on_time: int = 0  # sent on or before the answer due date
    ack_waived: int = 0  # "Eingangsbestätigung entfällt": neither late nor on time, and not in ack_clock

    @property
    def ack_running(self) -> int:
        return self.ack_clock - self.ack_counted

    @property
    def answer_running(self) -> int:
        return self.answer_clock - self.answer_counted

    @property
    def ack_on_time_pct(self) -> float | None:
        return pct(self.ack_on_time, self.ack_counted)

    @property
    def answer_on_time_pct(self) -> float | None:
        return pct(self.answer_on_time, self.answer_counted)

    @property
    def answer_or_interim_on_time_pct(self) -> float | None:
        return pct(self.answer_or_interim_on_time, self.answer_counted)


@dataclass(frozen=True)
class Processing:
    closed: int = 0  # closed cases measured (Meinungskarten excluded)
    median: float | None = None
    p90: int | None = None


@dataclass(frozen=True)
class Dab:
    total: int = 0
    decided: int = 0
    reclassified_fach: int = 0
    reclassified_beschwerde: int = 0
    undecided: int = 0

    @property
    def reclassified(self) -> int:
        return self.reclassified_fach + self.reclassified_beschwerde


@dataclass(frozen=True)
class Comparison:
    key: str
    label: str
    current: float | None
    previous: float | None
    unit: str  # "n" (count), "pct" (percent), "days"

    @property
    def change(self) -> float | None:
        """Difference (percentage points for percentages)."""
        if self.current is None or self.previous is None:
            return None
        return round(self.current - self.previous, 1)

    @property
    def change_pct(self) -> float | None:
        """Relative change of a count in %; None for percentages and a zero base."""
        if self.unit != "n" or self.current is None or not self.previous:
            return None
        return pct(int(self.current - self.previous), int(self.previous))


@dataclass
class Figures:
    period: Period
    today: date
    cases: int = 0
    concerns: int = 0
    closed: int = 0
    anonymised: int = 0
    followups: int = 0
    cards: int = 0
    by_kind: list[Row] = field(default_factory=list)
    by_channel: list[Row] = field(default_factory=list)
    by_via: list[Row] = field(default_factory=list)
    by_team: list[Row] = field(default_factory=list)
    by_area: list[Row] = field(default_factory=list)
    by_month: list[Row] = field(default_factory=list)
    outcomes: list[Row] = field(default_factory=list)  # shares of the concerns with an outcome
    topics: list[Row] = field(default_factory=list)  # top topics; shares of all cases
    by_topic: list[Row] = field(default_factory=list)  # every topic (the Auffälligkeiten compare them)
    petitions: PetitionFigures = field(default_factory=PetitionFigures)  # Eingaben and petitions on their own
    card_tenors: list[Row] = field(default_factory=list)  # Meinungskarten by Lob/Anregung/Kritik; shares of cards
    no_topic: int = 0
    dab: Dab = field(default_factory=Dab)
    deadlines: Deadlines = field(default_factory=Deadlines)
    processing: Processing = field(default_factory=Processing)
    previous: Figures | None = None

    @property
    def open(self) -> int:
        return self.cases - self.closed

    @property
    def empty(self) -> bool:
        return self.cases == 0

    @property
    def provisional(self) -> bool:
        """The period is still running: the figures will change."""
        return self.period.end >= self.today

    @property
    def followup_pct(self) -> float | None:
        return pct(self.followups, self.cases)

    @property
    def card_pct(self) -> float | None:
        return pct(self.cards, self.cases)

    def kind_concerns(self, *kinds: str) -> int:
        return sum(row.concerns for row in self.by_kind if row.key in kinds)

    @property
    def complaints(self) -> int:
        return self.kind_concerns(*COMPLAINT_KINDS)

    def outcome_pct(self, key: str) -> float | None:
        return next((row.share for row in self.outcomes if row.key == key), None)

    def key_figures(self) -> list[tuple[str, str, float | None, str]]:
        """(key, German label, value, unit) of the figures compared with the previous period."""
        d = self.deadlines
        return [
            ("cases", "Kundenreaktionen (Fälle)", self.cases, "n"),
            ("concerns", "Anliegen", self.concerns, "n"),
            ("complaints", "Beschwerden aller Art (Anliegen)", self.complaints, "n"),
            ("lob", "Lob (Anliegen)", self.kind_concerns("lob"), "n"),
            ("folgereaktion", "Folgereaktionen (Fälle)", self.followups, "n"),
            ("meinungskarte", "Meinungskarten", self.cards, "n"),
            ("begruendet_pct", "Beschwerden begründet", self.outcome_pct("begruendet"), "pct"),
            ("ack_on_time_pct", "Eingangsbestätigung fristgerecht", d.ack_on_time_pct, "pct"),
            ("answer_on_time_pct", "Antwort fristgerecht", d.answer_on_time_pct, "pct"),
            ("processing_median", "Bearbeitungsdauer (Median, Tage)", self.processing.median, "days"),
        ]

    def comparison(self) -> list[Comparison]:
        """The key figures beside those of the previous period of the same length (None: no data)."""
        before = {key: value for key, _, value, _ in self.previous.key_figures()} if self.previous else {}
        return [Comparison(key, text, value, before.get(key), unit) for key, text, value, unit in self.key_figures()]


def pct(part: int, whole: int) -> float | None:
    """part in % of whole, rounded half up to one decimal; None when whole is 0."""
    if not whole:
        return None
    value = (Decimal(100) * part / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return float(value)


def median(values: list[int]) -> float | None:
    return float(stats.median(values)) if values else None


def percentile_nearest_rank(sorted_values: list[int], q: float) -> int | None:
    """The smallest value that at least q (0–1) of the values do not exceed."""
    if not sorted_values:
        return None
    rank = max(1, math.ceil(round(q * len(sorted_values), 9)))
    return sorted_values[rank - 1]


# --- turning rows into figures ------------------------------------------------------------------------


def _coded_rows(found: list[tuple[Any, ...]], vocabulary: dict[str, str], total: int) -> list[Row]:
    """One row per code of the vocabulary (zeros included), then any unknown code found."""
    counts = {str(code): (int(cases), int(concerns)) for code, cases, concerns in found}
    codes = list(vocabulary) + sorted(c for c in counts if c not in vocabulary)
    rows = []
    for code in codes:
        cases, concerns = counts.get(code, (0, 0))
        rows.append(Row(code, label(vocabulary, code), concerns, cases, pct(concerns, total)))
    return rows


def _team_rows(found: list[tuple[Any, ...]], total: int) -> tuple[list[Row], list[Row]]:
    teams: list[Row] = []
    areas: dict[str, list[int]] = {}
    for name, area, cases, concerns in found:
        key = name if name is not None else NONE_KEY
        text = name if name is not None else "ohne Team"
        teams.append(Row(key, text, int(concerns), int(cases), pct(int(concerns), total), area or ""))
        area_key = area if name is not None and area else NONE_KEY
        sums = areas.setdefault(area_key, [0, 0])
        sums[0] += int(concerns)
        sums[1] += int(cases)
    teams.sort(key=lambda r: (r.key == NONE_KEY, -r.concerns, r.label))
    area_rows = [
        Row(key, key if key != NONE_KEY else "ohne Bereich", c, n, pct(c, total)) for key, (c, n) in areas.items()
    ]
    area_rows.sort(key=lambda r: (r.key == NONE_KEY, -r.concerns, r.label))
    return teams, area_rows


def _month_rows(period: Period, found: list[tuple[Any, ...]], total: int) -> list[Row]:
    counts = {int(month): (int(cases), int(concerns)) for month, cases, concerns in found if month is not None}
    rows = []
    for month in period.months:
        cases, concerns = counts.get(month, (0, 0))
        key = f"{period.year}-{month:02d}"
        rows.append(Row(key, month_label(period.year, month), concerns, cases, pct(concerns, total)))
    return rows


def _outcome_rows(found: list[tuple[Any, ...]]) -> list[Row]:
    counts = {code: (int(cases), int(concerns)) for code, cases, concerns in found}
    decided = sum(concerns for code, (_, concerns) in counts.items() if code is not None)
    rows = []
    for code in OUTCOMES:
        cases, concerns = counts.get(code, (0, 0))
        rows.append(Row(code, OUTCOMES[code], concerns, cases, pct(concerns, decided)))
    cases, concerns = counts.get(None, (0, 0))
    rows.append(Row(NO_OUTCOME, "ohne Ergebnis (offen)", concerns, cases, None))
    return rows


def _tenor_rows(found: list[tuple[Any, ...]], cards: int) -> list[Row]:
    """Lob, Anregung, Kritik, then "ohne Angabe" for the cards an older version stored without one (zeros
    included, so the PDF and the CSV always show the same rows)."""
    counts = {str(code) if code in CARD_TENORS else NONE_KEY: 0 for code in (*CARD_TENORS, None)}
    for code, n in found:
        counts[str(code) if code in CARD_TENORS else NONE_KEY] += int(n)
    return [Row(code, CARD_TENORS.get(code, "ohne Angabe"), n, n, pct(n, cards)) for code, n in counts.items()]


def _figures(period: Period, today: date, *, full: bool = True) -> Figures:
    """The figures of the queries run: all (`full`), or those of the comparison (`KEY_QUERIES`)."""
    q = aggregate_queries(period, today, full=full)
    s = [int(v or 0) for v in q["summary"].tuples().get()]
    figures = Figures(period, today, cases=s[0], closed=s[1], anonymised=s[2], followups=s[3], cards=s[4])
    figures.dab = Dab(*s[5:10])
    figures.deadlines = replace(Deadlines(*s[10:19]), ack_waived=s[20])
    figures.no_topic = s[19]
    kinds = list(q["kind"].tuples())
    figures.concerns = total = sum(int(concerns) for _, _, concerns in kinds)
    figures.by_kind = _coded_rows(kinds, KINDS, total)
    figures.outcomes = _outcome_rows(list(q["outcome"].tuples()))
    days = [int(d) for (d,) in q["processing_days"].tuples()]
    figures.processing = Processing(len(days), median(days), percentile_nearest_rank(days, 0.9))
    figures.by_channel = _coded_rows(list(q["channel"].tuples()), CHANNELS, total)
    figures.by_team, figures.by_area = _team_rows(list(q["team"].tuples()), total)
    figures.by_topic = [
        Row(str(topic), str(topic), int(concerns), int(cases), pct(int(cases), figures.cases))
        for topic, cases, concerns in q["topic"].tuples()
    ]
    figures.topics = figures.by_topic[:TOP_TOPICS]
    if full:
        figures.by_via = _coded_rows(list(q["via"].tuples()), VIAS, total)
        figures.by_month = _month_rows(period, list(q["month"].tuples()), total)
        figures.petitions = petition_figures(q["petition"].tuples(), q["petition_outcome"].tuples())
        figures.card_tenors = _tenor_rows(list(q["card_tenor"].tuples()), figures.cards)
    return figures


def compute_figures(period: Period, *, today: date, with_previous: bool = True) -> Figures:
    """The figures of a period as of `today`; a period that cannot be reported raises ValidationError.

    Beside them, the figures of the previous period of the same length the comparison and the Auffälligkeiten need
    (`previous`: key figures, kinds, channels, teams, topics; the other breakdowns left empty), unless that period
    lies wholly before the oldest record: then `previous` is None.
    """
    check_period(period, today)
    with database.atomic():  # one consistent snapshot (a read transaction)
        figures = _figures(period, today)
        before = previous_period(period) if with_previous else None
        if before is not None:
            figures.previous = _figures(before, today, full=False)
    return figures
