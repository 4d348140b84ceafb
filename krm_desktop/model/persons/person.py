"""One person across all cases, as the person search finds them: their cases, each in one role, with the party
row as stored there. Results a person knows to be one are joined with `merge`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from krm_desktop.model.cases.party import PartyRecord
from krm_desktop.model.codes import KINDS, PARTY_ROLES, label

ROLE_LABELS = {
    **PARTY_ROLES,
    "vertreten": "vertretene Person",
    "beschaeftigt": "betroffene/r Beschäftigte/r (Dienstaufsichtsbeschwerde)",
}
EMPLOYEE = "beschaeftigt"
REPRESENTED = "vertreten"


@dataclass(frozen=True)
class PersonCase:
    """One case of the person, in one role, with the versions a correction must find unchanged."""

    case_id: int
    ref: str
    kind: str
    status: str
    received: date
    closed: date | None
    role: str  # kunde, vertreter, institution, behoerde, vertreten, beschaeftigt
    case_version: int
    party_id: int | None  # None for the employee concerned (a name in the case)
    party_version: int
    data: PartyRecord  # the party row as stored in this case (the employee concerned: the name only)

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)

    @property
    def kind_label(self) -> str:
        return label(KINDS, self.kind)


@dataclass(frozen=True)
class Person:
    key: str
    cases: tuple[PersonCase, ...]  # newest first
    employee: bool = False
    exact: bool = False  # the name is the searched name (not only a part of it)

    @property
    def latest(self) -> PartyRecord:
        """The newest case's party row stands for the person."""
        return self.cases[0].data

    @property
    def name(self) -> str:
        return " ".join(self.latest.name.split())

    @property
    def case_ids(self) -> list[int]:
        return list(dict.fromkeys(c.case_id for c in self.cases))

    @property
    def spellings(self) -> list[str]:
        return list(dict.fromkeys(" ".join(c.data.name.split()) for c in self.cases))

    def roles(self) -> dict[str, int]:
        return dict(Counter(case.role for case in self.cases))

    def values(self, name: str) -> list[str]:
        """Every stored value of one field, most recent first (for narrowing and for the dialog)."""
        return [x for x in dict.fromkeys(str(getattr(c.data, name) or "") for c in self.cases) if x]

    def describe(self) -> str:
        """One German line: name, address, identifiers, cases by role."""
        data = self.latest
        parts = [self.name]
        town = " ".join(f"{data.postcode} {data.city}".split())
        address = ", ".join(p for p in (data.street.strip(), town) if p)
        if address:
            parts.append(address)
        if data.email:
            parts.append(data.email)
        if data.customer_no:
            parts.append(f"Kd.-Nr. {data.customer_no}")
        if data.bg_no:
            parts.append(f"BG {data.bg_no}")
        roles = ", ".join(f"{ROLE_LABELS[r]} {n}" for r, n in self.roles().items())
        count = len(self.case_ids)
        parts.append(f"{count} Kundenreaktion{'en' if count != 1 else ''} ({roles})")
        return " – ".join(parts)


def merge(persons: Iterable[Person]) -> Person:
    """Several search results the user confirms are one person (e.g. one case with e-mail only)."""
    chosen = list(persons)
    cases = sorted({(c.case_id, c.role, c.party_id): c for p in chosen for c in p.cases}.values(), key=newest_first)
    return Person("+".join(p.key for p in chosen), tuple(cases), all(p.employee for p in chosen), False)


def newest_first(case: PersonCase) -> tuple[Any, ...]:
    return (-case.received.toordinal(), -case.case_id, case.role)
