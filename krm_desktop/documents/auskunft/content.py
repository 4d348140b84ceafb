"""What an Auskunft holds (sections of items, case by case) and how an item is printed: withheld items give way
to `WITHHELD_NOTE`, the names of withheld third parties inside a text to `REDACTED`, and so does every identifier
of another person the database knows inside a free text or the history (`identifiers`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from krm_desktop.documents.auskunft.identifiers import NAME, Identifiers, Passage, merged, redact
from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.model.persons.person import Person

WITHHELD_NOTE = "Angaben zu Dritten wurden entfernt (Art. 15 Abs. 4 DSGVO)."
REDACTED = "[Angaben zu Dritten entfernt]"
BY_HAND = "von Hand geschwärzt"


@dataclass(frozen=True)
class Item:
    key: str
    label: str
    text: str
    heading: str = ""  # printed in bold above the text (a history entry's action, a statement's author)
    owner: str = ""  # whose data, when not the person's or the office's: "Vertreter/in", …
    withheld: bool = False  # the default before the user decides
    can_withhold: bool = True
    free: bool = True  # a text someone wrote (searched for other persons' identifiers), not one the program made


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
    identifiers: Identifiers | None = None  # other persons' identifiers, withheld inside free texts
    in_office: frozenset[str] = frozenset()  # staff acting in office in this case: printed
    blackout: tuple[str, ...] = ()  # words the user blacks out in every free text besides

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

    def with_blackout(self, words: tuple[str, ...]) -> AuskunftContent:
        """The same content with these words (or word sequences) blacked out in every free text."""
        cases = tuple(replace(case, blackout=words) for case in self.cases)
        return replace(self, cases=cases)

    def default_withheld(self) -> frozenset[str]:
        return frozenset(item.key for _, item in self.items() if item.withheld)


@dataclass(frozen=True)
class WithheldPassage:
    ref: str
    item: str  # the item's key
    kind: str  # German: Name, Kundennummer, …, or "Angabe" (the whole item)


def free_text(item: Item) -> bool:
    """A text that may name other persons: not the person's own data, not the office's, not a third party's item."""
    return item.free and item.can_withhold and not item.owner


def passages(case: CaseAuskunft, item: Item) -> list[Passage]:
    """Other persons' identifiers in the item's text (none in the person's own data and the office's)."""
    if not free_text(item):
        return []
    found = case.identifiers.passages(item.text, case.in_office) if case.identifiers is not None else []
    for words in case.blackout:
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, words.split())) + r"(?!\w)"
        found += [Passage(m.start(), m.end(), BY_HAND) for m in re.finditer(pattern, item.text, re.IGNORECASE)]
    return merged(found)


def shown(case: CaseAuskunft, item: Item, withheld: frozenset[str]) -> str:
    """The item's text as printed: the note when withheld, else with other persons' identifiers blanked."""
    if item.key in withheld and item.can_withhold:
        return WITHHELD_NOTE
    return blanked(case, redact(item.text, passages(case, item), REDACTED), withheld, item.key)


def blanked(case: CaseAuskunft, text: str, withheld: frozenset[str], key: str = "") -> str:
    """The text with the names of the withheld third parties of the case replaced by `REDACTED`."""
    for owner, patterns in case.redactions:
        if owner in withheld and owner != key:
            for pattern in patterns:
                text = pattern.sub(REDACTED, text)
    return text


def withheld_passages(content: AuskunftContent, withheld: frozenset[str]) -> list[WithheldPassage]:
    """What the printed Auskunft leaves out, item by item (no values): whole items and passages of texts."""
    found: list[WithheldPassage] = []
    for case, item in content.items():
        if item.key in withheld and item.can_withhold:
            found.append(WithheldPassage(case.ref, item.key, "Angabe"))
            continue
        hidden = passages(case, item)
        found += [WithheldPassage(case.ref, item.key, passage.kind) for passage in hidden]
        text = redact(item.text, hidden, REDACTED)
        for owner, patterns in case.redactions:
            if owner in withheld and owner != item.key:
                found += [WithheldPassage(case.ref, item.key, NAME) for p in patterns for _ in p.finditer(text)]
    return found
