"""Identifiers of other persons inside free text: where they stand, so that an Auskunft can withhold them.

`Identifiers` indexes every other person the database knows (`Known`: parties and staff) by what identifies
them, compared as `model.persons.spelling` folds it (case, "ü"/"ue", "ß"/"ss", "Str."/"Straße"):

- names: of the persons of the requester's own cases (`strong`) every word of the name alone (surname alone,
  first name alone); of everyone: first name + surname, initial + surname, "surname, first name";
- Kundennummer and BG-Nummer (without spaces, dots and hyphens), phone numbers (the digits, +49 as 0),
  e-mail addresses, street with house number.

`passages` finds them in a text; a person's own identifiers (`Own`) and the persons a caller excludes
(staff acting in office in that case) are never found.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from krm_desktop.model.persons.spelling import HONORIFICS, fold, fold_address

NAME, CUSTOMER_NO, BG_NO, ADDRESS, PHONE, EMAIL = "Name", "Kundennummer", "BG-Nummer", "Anschrift", "Telefon", "E-Mail"
_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "zu", "la", "le", "el", "al", "ten", "ter"})
_NOT_NAMES = HONORIFICS | _PARTICLES | frozenset({"dr", "prof", "ra", "rain", "team", "fr", "hr"})
_WORD = re.compile(r"[^\W_]+")
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d \t/().\-]{4,}\d(?!\w)")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_CODE = re.compile(r"(?<![\w.\-/])[A-Za-z0-9](?:[A-Za-z0-9]|[.\-/](?=[A-Za-z0-9]))*")
_HOUSE_NO = re.compile(r"\s*(?:Nr\.?\s*)?\d+(?:\s*[a-zA-Z](?!\w))?")


@dataclass(frozen=True)
class Known:
    """One other person the database knows, by a tag ("party:12", "staff:3", "employee:7")."""

    tag: str
    name: str
    street: str = ""
    phone: str = ""
    email: str = ""
    customer_no: str = ""
    bg_no: str = ""


@dataclass(frozen=True)
class Passage:
    start: int
    end: int
    kind: str  # German: Name, Kundennummer, …


def name_words(name: str) -> list[str]:
    """The folded words of a name without (notes) and Frau/Herr; "Müller, Erika" as "erika mueller"."""
    core = re.sub(r"\([^)]*\)", " ", name)
    if "," in core:
        last, first = core.split(",", 1)
        core = f"{first} {last}"
    return [w for w in fold(core).split() if w not in _NOT_NAMES]


def code_key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def phone_key(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    if text.strip().startswith("+"):
        digits = "0" + digits[2:] if digits.startswith("49") else "00" + digits
    elif digits.startswith("0049"):
        digits = "0" + digits[4:]
    return digits


def street_key(street: str) -> tuple[tuple[str, ...], str]:
    """(the street's folded words, its house number) of "Lindenstr. 7a"."""
    words = fold_address(street).split()
    number = words.pop() if words and words[-1][:1].isdigit() else ""
    return tuple(words), number


def _pairs(words: list[str]) -> Iterable[tuple[str, str]]:
    if len(words) < 2:
        return
    last = words[-1]
    for word in words[:-1]:
        yield word, last
        yield word[0], last
    yield last, words[0]
    yield from pairwise(words)


@dataclass
class Own:
    """The requester's own identifiers: never withheld."""

    words: set[str] = field(default_factory=set)
    pairs: set[tuple[str, str]] = field(default_factory=set)
    values: set[str] = field(default_factory=set)  # code, phone and e-mail keys, street keys joined

    def add(self, person: Known) -> None:
        words = name_words(person.name)
        self.words.update(words)
        self.pairs.update(_pairs(words))
        self.values.update(_values(person).keys())


def _values(person: Known) -> dict[str, str]:
    """Key -> kind of the person's codes, phone and e-mail (street separately)."""
    found = {}
    for value, kind in ((person.customer_no, CUSTOMER_NO), (person.bg_no, BG_NO)):
        if len(code_key(value)) >= 4:
            found["code:" + code_key(value)] = kind
    if len(phone_key(person.phone)) >= 5:
        found["phone:" + phone_key(person.phone)] = PHONE
    if "@" in person.email:
        found["email:" + person.email.strip().lower()] = EMAIL
    words, number = street_key(person.street)
    if words:
        found["street:" + " ".join(words) + "|" + number] = ADDRESS
    return found


class _TextKeys:
    """What the searched texts contain, compared loosely: a quick test whether a person may be in them."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.words: set[str] = set()
        self.codes: set[str] = set()
        for text in texts:
            self.words.update(fold_address(text).split())
            self.words.update(fold(text).split())
            self.codes.update(code_key(m.group()) for m in _CODE.finditer(text))
            self.codes.update(phone_key(m.group()) for m in _PHONE.finditer(text))
            self.codes.update(m.group().lower() for m in _EMAIL.finditer(text))

    def has(self, person: Known) -> bool:
        words = self.words
        if any(w in words for w in fold(person.name).split()):
            return True
        if person.street and (fold_address(person.street).split() or [""])[0] in words:
            return True
        codes = self.codes
        for value in (person.customer_no, person.bg_no):
            if value and (value.lower() in codes or code_key(value) in codes):
                return True
        if person.email and person.email.strip().lower() in codes:
            return True
        return bool(person.phone) and phone_key(person.phone) in codes


class Identifiers:
    """The index of other persons' identifiers (see the module)."""

    def __init__(
        self, persons: Iterable[Known], strong: Iterable[str], own: Own, texts: Iterable[str] | None = None
    ) -> None:
        """`texts`: when given, only the texts that will be searched; a party none of whose identifiers they
        contain is left out of the index (it could not be found anyway), which keeps a big database fast."""
        self.strong = frozenset(strong)
        seen = _TextKeys(texts) if texts is not None else None
        self.own = own
        self.words: dict[str, set[str]] = defaultdict(set)
        self.pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.values: dict[str, tuple[str, set[str]]] = {}
        self.streets: dict[str, list[tuple[tuple[str, ...], str, str]]] = defaultdict(list)
        self.name_pairs: dict[str, set[tuple[str, str]]] = {}  # tag -> the pairs of their name
        for person in persons:
            if seen is None or person.tag in self.strong or not person.tag.startswith("party:") or seen.has(person):
                self._add(person)

    def _add(self, person: Known) -> None:
        words = name_words(person.name)
        if person.tag in self.strong:
            for word in words:
                if len(word) > 1 and word not in self.own.words:
                    self.words[word].add(person.tag)
        self.name_pairs[person.tag] = set(_pairs(words))
        for pair in _pairs(words):
            if pair not in self.own.pairs:
                self.pairs[pair].add(person.tag)
        for key, kind in _values(person).items():
            if key in self.own.values:
                continue
            if key.startswith("street:"):
                street, number = street_key(person.street)
                self.streets[street[0]].append((street, number, person.tag))
            else:
                self.values.setdefault(key, (kind, set()))[1].add(person.tag)

    def passages(self, text: str, excluded: frozenset[str] = frozenset()) -> list[Passage]:
        """Where another person's identifiers stand in `text`, in order, not overlapping. The `excluded` (staff
        acting in office) are not found, nor is anyone under their name (a customer of the same name)."""
        if not text:
            return []
        found: list[Passage] = []
        kept = {pair for tag in excluded for pair in self.name_pairs.get(tag, ())}

        def hit(tags: set[str]) -> bool:
            return bool(tags - excluded)

        for match in _EMAIL.finditer(text):
            kind, tags = self.values.get("email:" + match.group().lower(), ("", set()))
            if hit(tags):
                found.append(Passage(match.start(), match.end(), kind))
        for match in _PHONE.finditer(text):
            kind, tags = self.values.get("phone:" + phone_key(match.group()), ("", set()))
            if hit(tags):
                found.append(Passage(match.start(), match.end(), kind))
        for match in _CODE.finditer(text):
            kind, tags = self.values.get("code:" + code_key(match.group()), ("", set()))
            if hit(tags):
                found.append(Passage(match.start(), match.end(), kind))
        found += self._names_and_streets(text, hit, kept)
        return merged(found)

    def _names_and_streets(
        self, text: str, hit: Callable[[set[str]], bool], kept: set[tuple[str, str]]
    ) -> list[Passage]:
        tokens = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]
        found: list[Passage] = []
        for i, (start, end, word) in enumerate(tokens):
            if i + 1 < len(tokens):
                pair = (word, tokens[i + 1][2])
                if pair not in kept and hit(self.pairs.get(pair, set())) and _close(text, end, tokens[i + 1][0]):
                    found.append(Passage(start, tokens[i + 1][1], NAME))
            if hit(self.words.get(word, set())):
                found.append(Passage(start, end, NAME))
            for street, _number, tag in self.streets.get(fold_address(word), ()):
                span = _street_at(text, tokens, i, street)
                if span is not None and hit({tag}):
                    house = _HOUSE_NO.match(text, span)  # any number after the street: the house's
                    found.append(Passage(start, house.end() if house else span, ADDRESS))
        return found


def _close(text: str, end: int, next_start: int) -> bool:
    """Two words of one name: only spaces, a hyphen, a dot or a comma between them."""
    return re.fullmatch(r"[\s.,\-]{1,3}", text[end:next_start]) is not None


def _street_at(text: str, tokens: list[tuple[int, int, str]], i: int, street: tuple[str, ...]) -> int | None:
    """The end of the street's words when they start at token i ("Str." read as "Straße")."""
    folded = fold_address(" ".join(t for *_, t in tokens[i : i + len(street)])).split()
    if tuple(folded) != street:
        return None
    end = tokens[i + len(street) - 1][1]
    return end + 1 if text[end : end + 1] == "." else end


def merged(found: list[Passage]) -> list[Passage]:
    """The passages in order, overlapping ones joined (the first one's kind)."""
    joined: list[Passage] = []
    for passage in sorted(found, key=lambda p: (p.start, -p.end)):
        if joined and passage.start < joined[-1].end:
            last = joined[-1]
            if passage.end > last.end:
                joined[-1] = Passage(last.start, passage.end, last.kind)
            continue
        joined.append(passage)
    return joined


def redact(text: str, passages: list[Passage], mark: str) -> str:
    for passage in reversed(passages):
        text = text[: passage.start] + mark + text[passage.end :]
    return text
