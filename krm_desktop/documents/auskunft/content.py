"""What an Auskunft holds (sections of items, case by case) and how an item is printed: withheld items give way
to `WITHHELD_NOTE`, the names of withheld third parties inside a text to `REDACTED`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.model.persons.person import Person

WITHHELD_NOTE = "Angaben zu Dritten wurden entfernt (Art. 15 Abs. 4 DSGVO)."
REDACTED = "[Angaben zu Dritten entfernt]"


@dataclass(frozen=True)
class Item:
    key: str
    label: str
    text: str
    heading: str = ""  # printed in bold above the text (a history entry's action, a statement's author)
    owner: str = ""  # whose data, when not the person's or the office's: "Vertreter/in", …
    withheld: bool = False  # the default before the user decides
    can_withhold: bool = True


@dataclass(frozen=True)
class Section:
    title: str
    items: tuple[Item, ...]
    layout: str = "table"  # table: label | text; entries: one entry under another


@dataclass(frozen=True)
class CaseAuskunft:
    case_id: int
    ref: str
    kind: str  # German
    roles: tuple[str, ...]  # German
    received: date
    closed: date | None
    sections: tuple[Section, ...]
    redactions: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...] = ()  # owner item key -> names to blank

    def items(self) -> Iterator[Item]:
        for section in self.sections:
            yield from section.items


@dataclass(frozen=True)
class AuskunftContent:
    person: Person
    cases: tuple[CaseAuskunft, ...]
    profile: OfficeProfile
    today: date
    employee_only: bool = False

    def items(self) -> Iterator[tuple[CaseAuskunft, Item]]:
        for case in self.cases:
            for item in case.items():
                yield case, item

    def default_withheld(self) -> frozenset[str]:
        return frozenset(item.key for _, item in self.items() if item.withheld)


def shown(case: CaseAuskunft, item: Item, withheld: frozenset[str]) -> str:
    """The item's text as printed: the note when withheld, else with withheld third parties' names blanked."""
    if item.key in withheld and item.can_withhold:
        return WITHHELD_NOTE
    return blanked(case, item.text, withheld, item.key)


def blanked(case: CaseAuskunft, text: str, withheld: frozenset[str], key: str = "") -> str:
    """The text with the names of the withheld third parties of the case replaced by `REDACTED`."""
    for owner, patterns in case.redactions:
        if owner in withheld and owner != key:
            for pattern in patterns:
                text = pattern.sub(REDACTED, text)
    return text
