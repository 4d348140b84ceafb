"""Which cases an Auskunft may hold without asking: the person's own, and those only similar (candidates).

A case is the person's when the name stored there equals the searched name after folding case, umlauts
(ü = ue), ß = ss, the dotless ı and spaces (`spelling.exact_key`; "Müller, Erika" is "Erika Müller"). When
the search was a Kundennummer, BG-Nummer or e-mail address, the rows holding it and the rows with their
exact names are the person. Every other case is only similar and is never included silently: a name that
differs otherwise (an addition in brackets, a hyphen, another letter), sounds alike (Kölner Phonetik), is
a few letters away (edit distance), or a row of the same household (same street, phone or e-mail and a
name part alike). Such cases are `Candidate`s with a German reason; the user names those to include
(`Match.person_with`). Rows with another Kundennummer than the person's are never candidates (two
Kundennummern are two people). An employee concerned (a name in a Dienstaufsichtsbeschwerde) is matched
as the person search finds them.

The person view's search offers the same resemblance word by word (`name_likeness`: "Jilmaz" sounds like
"Yilmaz, Mehmet"): `similar_persons` are candidates beside the search's result, never part of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from peewee import fn

from krm_desktop.model import validation as v
from krm_desktop.model.cases.party import PartyRecord
from krm_desktop.model.errors import RefusedError
from krm_desktop.model.persons.person import Person, PersonCase, newest_first
from krm_desktop.model.persons.search import MAX_PERSONS, cases_of_parties, persons_named
from krm_desktop.model.persons.spelling import HONORIFICS, cologne, edit_distance, exact_key, fold, fold_address
from krm_desktop.model.store.entities import Party

MAX_DISTANCE = 2
SOUNDS_ALIKE = "ähnlich klingender Name (Kölner Phonetik)"
_CHUNK = 900


@dataclass(frozen=True)
class Candidate:
    """A case found only by similarity, with why it was found (German)."""

    case: PersonCase
    why: str

    @property
    def ref(self) -> str:
        return self.case.ref

    @property
    def name(self) -> str:
        return " ".join(self.case.data.name.split())


@dataclass(frozen=True)
class Match:
    person: Person | None  # the exact cases; None when no name is the searched one
    candidates: tuple[Candidate, ...]

    def person_with(self, refs: Iterable[str]) -> Person | None:
        """The person with the named candidates added; a ref that is neither the person's nor a candidate is
        refused (German), so nothing is included by a typo."""
        wanted = [r.strip() for r in refs if r.strip()]
        own = {c.ref.casefold() for c in self.person.cases} if self.person else set()
        by_ref = {c.ref.casefold(): c for c in self.candidates}
        unknown = [r for r in wanted if r.casefold() not in own and r.casefold() not in by_ref]
        if unknown:
            known = ", ".join(c.ref for c in self.candidates) or "keine"
            raise RefusedError(
                f"{', '.join(unknown)} ist weder eine Kundenreaktion der Person noch ein ähnlicher Treffer und "
                f"wird nicht aufgenommen. Mit --include lassen sich nur diese ähnlichen Treffer aufnehmen: {known}."
            )
        added = [by_ref[r.casefold()].case for r in wanted if r.casefold() in by_ref]
        if not added:
            return self.person
        base = list(self.person.cases) if self.person else []
        cases = sorted({(c.case_id, c.role, c.party_id): c for c in [*base, *added]}.values(), key=newest_first)
        key = self.person.key if self.person else "c:" + "+".join(sorted({str(c.party_id) for c in added}))
        return Person(key, tuple(cases), employee=False, exact=True)


def identifier_of(text: str) -> tuple[str, str] | None:
    """(field, value) when the searched text is an e-mail address, Kundennummer or BG-Nummer, else None."""
    if "@" in text:
        return "email", text.strip().casefold()
    number = v.normalise_number(text)
    if number and v.customer_no_problem(number) is None:
        return "customer_no", number
    if number and v.bg_no_problem(number) is None:
        return "bg_no", number
    return None


def _holds(data: PartyRecord, identifier: tuple[str, str]) -> bool:
    field, value = identifier
    stored = str(getattr(data, field) or "")
    return (stored.strip().casefold() if field == "email" else stored) == value


def _links(data: PartyRecord) -> dict[str, str]:
    links = {
        "gleiche Telefonnummer": re.sub(r"\D", "", data.phone),
        "gleiche E-Mail-Adresse": data.email.strip().casefold(),
    }
    if data.street.strip() and data.postcode.strip():
        links["gleiche Anschrift"] = f"{fold_address(data.street)}|{data.postcode.strip()}"
    return {k: x for k, x in links.items() if x}


def _words(name: str) -> list[str]:
    return [w for w in fold(re.sub(r"\([^)]*\)", " ", name)).split() if w not in HONORIFICS]


def _name_reason(name: str, keys: set[str]) -> str:
    """Why a name is like one of the person's (German), or "" when it is not."""
    key = exact_key(name)
    words = _words(name)
    codes = sorted(cologne(w) for w in words)
    for wanted in sorted(keys):
        wanted_words = _words(wanted)
        if sorted(wanted_words) == sorted(words):
            return f"Name anders geschrieben („{' '.join(name.split())}“)"
        if codes and codes == sorted(cologne(w) for w in wanted_words):
            return SOUNDS_ALIKE
        if {cologne(w) for w in words} & {cologne(w) for w in wanted_words}:
            distance = edit_distance(key, wanted, MAX_DISTANCE)
            if distance <= MAX_DISTANCE:
                return f"ähnliche Schreibweise ({distance} Zeichen anders)"
        if wanted_words and all(w in words for w in wanted_words):
            return f"Name enthält den gesuchten Namen („{' '.join(name.split())}“)"
        if alike := name_likeness(wanted, name):
            return alike
    return ""


def _word_limit(word: str) -> int:
    """How many letters a searched word may differ in: a short word changed in two letters is another word."""
    return MAX_DISTANCE if len(word) >= 6 else 1 if len(word) >= 4 else 0


@lru_cache(maxsize=65536)
def _word_likeness(searched: str, word: str) -> tuple[int, int]:
    """(0, 0): the word begins with the searched one (the person search finds it); (1, 0): it sounds alike
    and is spelled not too differently; (2, distance): spelled alike; (3, 0): neither. Both words folded."""
    if word.startswith(searched):
        return 0, 0
    code = cologne(searched)
    # A short code fits very different words ("Meyer" and "Maria" are both 67): a word that sounds alike
    # must also be spelled alike in at least half its letters.
    sound_limit = max(1, len(searched) // 2)
    if code and code == cologne(word) and edit_distance(searched, word, sound_limit) <= sound_limit:
        return 1, 0
    limit = _word_limit(searched)
    distance = edit_distance(searched, word, limit) if limit else limit + 1
    return (2, distance) if distance <= limit else (3, 0)


def name_likeness(searched: str, name: str) -> str:
    """Why a stored name only resembles the searched words (German), or "": each searched word sounds like a
    word of the name (Kölner Phonetik) or is spelled like it (a word of four or five letters one letter
    off, a longer one up to two); a name whose words all begin with the searched ones is the search's own
    result, not a resemblance."""
    words = _words(name)
    likeness = [min((_word_likeness(s, w) for w in words), default=(3, 0)) for s in _words(searched)]
    if not likeness or any(kind == 3 for kind, _ in likeness) or all(kind == 0 for kind, _ in likeness):
        return ""
    distance = sum(d for kind, d in likeness if kind == 2)
    return f"ähnliche Schreibweise ({distance} Zeichen anders)" if distance else SOUNDS_ALIKE


def _shares_name_part(name: str, keys: set[str]) -> bool:
    codes = {cologne(w) for k in keys for w in _words(k)}
    return any(cologne(w) in codes for w in _words(name))


def _chunks(values: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _similar_rows(keys: set[str], links: dict[str, set[str]]) -> list[int]:
    """Party ids (any case) with a similar name, or of the same household: a shared address, phone or e-mail
    and a name part alike."""
    names = [n for (n,) in cast(Any, Party.select(Party.name).distinct()).tuples() if n and _name_reason(n, keys)]
    ids: set[int] = set()
    for chunk in _chunks(names):
        ids |= {i for (i,) in cast(Any, Party.select(Party.id).where(cast(Any, Party.name).in_(chunk))).tuples()}
    postcodes = sorted({a.rpartition("|")[2] for a in links.get("gleiche Anschrift", set())})
    emails = sorted(links.get("gleiche E-Mail-Adresse", set()))
    phones = sorted(links.get("gleiche Telefonnummer", set()))
    conditions = [cast(Any, Party.postcode).in_(postcodes)] if postcodes else []
    conditions += [fn.LOWER(fn.TRIM(Party.email)) == e for e in emails] + [Party.phone.contains(p[-4:]) for p in phones]
    if not conditions:
        return sorted(ids)
    where = conditions[0]
    for condition in conditions[1:]:
        where = where | condition
    columns = (Party.id, Party.name, Party.phone, Party.email, Party.street, Party.postcode)
    for party_id, name, phone, email, street, postcode in cast(Any, Party.select(*columns).where(where)).tuples():
        data = PartyRecord(name=name, phone=phone, email=email, street=street, postcode=postcode)
        shared = any(x in links.get(k, set()) for k, x in _links(data).items())
        if shared and _shares_name_part(name, keys):
            ids.add(party_id)
    return sorted(ids)


def _why(data: PartyRecord, keys: set[str], links: dict[str, set[str]]) -> str:
    reasons = [_name_reason(data.name, keys)]
    reasons += [k for k, x in _links(data).items() if x in links.get(k, set())]
    return "; ".join(r for r in reasons if r) or "ähnlicher Treffer der Suche"


def match_person(found: Person | None, text: str) -> Match:
    """Split a found person (one search result or several merged) into the exact cases and the candidates,
    and add the similar cases the search did not group with them."""
    if found is not None and found.employee:
        return Match(found, ())
    identifier = identifier_of(text.strip())
    cases = list(found.cases) if found else []
    if identifier is not None:
        keys = {exact_key(c.data.name) for c in cases if _holds(c.data, identifier)}
    else:
        keys = {exact_key(text)} - {""}
    exact = [c for c in cases if exact_key(c.data.name) in keys or (identifier and _holds(c.data, identifier))]
    numbers = {c.data.customer_no for c in exact} - {""}
    links: dict[str, set[str]] = {}
    for case in exact:
        for kind, value in _links(case.data).items():
            links.setdefault(kind, set()).add(value)
    exact_ids = {c.case_id for c in exact}
    known = {c.party_id for c in cases}
    others = [c for c in cases if c.case_id not in exact_ids]
    if keys:
        others += [c for c in cases_of_parties([i for i in _similar_rows(keys, links) if i not in known])]
    candidates: dict[str, Candidate] = {}
    for case in sorted(others, key=newest_first):
        if case.case_id in exact_ids or case.ref in candidates:
            continue
        if numbers and case.data.customer_no and case.data.customer_no not in numbers:
            continue  # another Kundennummer: another person
        candidates[case.ref] = Candidate(case, _why(case.data, keys, links))
    person = None
    if exact:
        key = found.key if found else "p:exact"
        person = Person(key, tuple(sorted(exact, key=newest_first)), employee=False, exact=True)
    return Match(person, tuple(candidates.values()))


@dataclass(frozen=True)
class SimilarPerson:
    """A person of the person search whose name only sounds or is spelled like the searched one: a candidate
    the desk confirms before treating them as found."""

    person: Person
    why: str


MAX_SIMILAR = MAX_PERSONS


def similar_persons(text: str, found: Iterable[Person] = ()) -> tuple[list[SimilarPerson], bool]:
    """The persons whose names resemble the searched words (`name_likeness`), none of the `found` ones (the
    search's own result), those that sound alike first, then by letters changed and name; True when there were more than MAX_SIMILAR. A Kundennummer,
    BG-Nummer or e-mail address has no similar spelling: nothing."""
    if not text.strip() or identifier_of(text.strip()) is not None:
        return [], False
    reasons: dict[str, str] = {}
    for (name,) in cast(Any, Party.select(Party.name).distinct()).tuples():
        if name and (why := name_likeness(text, name)):
            reasons[name] = why
    taken = {c.party_id for p in found for c in p.cases}
    similar = [
        SimilarPerson(p, next(reasons[c.data.name] for c in p.cases if c.data.name in reasons))
        for p in persons_named(list(reasons))
        if not taken & {c.party_id for c in p.cases}
    ]
    similar.sort(key=lambda s: (s.why != SOUNDS_ALIKE, s.why, fold(s.person.name), s.person.key))
    return similar[:MAX_SIMILAR], len(similar) > MAX_SIMILAR
