"""Eingaben and petitions on their own in a report (DOMAIN.md §6; Pankow 5.4; Braunschweig 5.1: "Eingaben, die
bei anderen Institutionen eingehen und dem Jobcenter zugeleitet werden sowie Petitionen, werden gesondert erfasst
und ausgewertet").

Counting rules:
- The cases received in the period whose kind (the main concern) is Petition or Eingabe.
- "direkt": received directly (via `direkt`); "über andere Stellen": every other `via` (Agentur für Arbeit,
  kommunaler Träger, Regionaldirektion, BA-Zentrale, BMAS, Petitionsausschuss/Landtag, sonstige).
- Vorlage an GF fristgerecht: of the cases with the same-day Vorlage clock (`gf_due`) that was done or due by
  `today`, those presented (`gf_presented`) on or before it.
- Frist der einsendenden Stelle: of the cases with the body's own date (`body_due`) whose Stellungnahme was sent
  or closed (e.g. after a waiver), or whose date passed by `today`, those sent (or closed without one) on or
  before it. Cases without the body's date are counted apart.
- Outcomes: the Petition and Eingabe concerns of those cases (begründet, unbegründet, nicht bewertbar, open).

Everything comes from fields the purge keeps, so anonymised cases count as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

DIRECT = "direkt"
PETITION_SECTION_KINDS = ("petition", "eingabe")  # in the order of the report's columns


@dataclass(frozen=True)
class PetitionTally:
    """The counts of a slice of the petitions and Eingaben (one kind, one via, or any sum of them)."""

    cases: int = 0
    gf_counted: int = 0
    gf_on_time: int = 0
    body_clock: int = 0  # with the requesting body's own date
    body_counted: int = 0
    body_on_time: int = 0
    outcomes: dict[str | None, int] = field(default_factory=dict)  # outcome code (None: open) -> concerns

    def __add__(self, other: PetitionTally) -> PetitionTally:
        outcomes = dict(self.outcomes)
        for code, count in other.outcomes.items():
            outcomes[code] = outcomes.get(code, 0) + count
        return PetitionTally(
            self.cases + other.cases,
            self.gf_counted + other.gf_counted,
            self.gf_on_time + other.gf_on_time,
            self.body_clock + other.body_clock,
            self.body_counted + other.body_counted,
            self.body_on_time + other.body_on_time,
            outcomes,
        )

    @property
    def without_body_due(self) -> int:
        return self.cases - self.body_clock


@dataclass(frozen=True)
class PetitionFigures:
    """Tallies by (kind, via); `slice` sums them."""

    by_kind_via: dict[tuple[str, str], PetitionTally] = field(default_factory=dict)

    def slice(self, kind: str | None = None, *, via: str | None = None, direct: bool | None = None) -> PetitionTally:
        """The sum over one kind (None: both), one via, or the direct (True) / other (False) ones."""
        total = PetitionTally()
        for (k, v), tally in self.by_kind_via.items():
            if kind is not None and k != kind:
                continue
            if via is not None and v != via:
                continue
            if direct is not None and (v == DIRECT) != direct:
                continue
            total = total + tally
        return total

    @property
    def cases(self) -> int:
        return self.slice().cases

    def vias(self) -> list[str]:
        """The vias found, besides `direkt`, in the order of the vocabulary given by the caller's sort."""
        return sorted({v for _, v in self.by_kind_via if v != DIRECT})


def petition_figures(found: Iterable[tuple[Any, ...]], outcomes: Iterable[tuple[Any, ...]]) -> PetitionFigures:
    """The tallies from the rows of the petition queries (`queries._petition_query`, `_petition_outcome_query`)."""
    tallies: dict[tuple[str, str], PetitionTally] = {}
    for kind, via, cases, gf_counted, gf_on_time, body_clock, body_counted, body_on_time in found:
        n = [int(c or 0) for c in (cases, gf_counted, gf_on_time, body_clock, body_counted, body_on_time)]
        tallies[(str(kind), str(via))] = PetitionTally(n[0], n[1], n[2], n[3], n[4], n[5])
    for kind, via, outcome, concerns in outcomes:
        key = (str(kind), str(via))
        tally = tallies.get(key, PetitionTally())
        tallies[key] = tally + PetitionTally(outcomes={outcome: int(concerns)})
    return PetitionFigures(tallies)
