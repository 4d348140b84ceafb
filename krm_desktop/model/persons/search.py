"""The person search: one person across all cases, tolerant of spelling, and how rows are grouped as one person.

Every case stores its own party rows, so one person is many rows. A search finds the rows that match
(name, Kundennummer, BG-Nummer, address, e-mail) and groups them as one person when the normalised name
is the same and an identifier links them (Kundennummer, BG-Nummer, e-mail, telephone, or street with
postcode); rows with two different Kundennummern are never one person. Someone named in a
Dienstaufsichtsbeschwerde as the employee concerned (a name only) is a person of their own, never merged
with a customer of the same name (a staff member and a customer may share a name), and only the same
entry ("Herr Meier (Team 411)", spelling aside) is the same employee. Results the user knows to be one
person are joined with `person.merge`. Berichtigung of a found person: `correction`.

Spelling (`spelling`): on SQLite the comparison runs inside the query (the folding functions are registered
on the connection), so only matching rows come back; other databases read the few columns and compare in
Python.

Anonymised cases hold no person any more and are never found.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, cast

from peewee import SqliteDatabase, fn

from krm_desktop.model import validation as v
from krm_desktop.model.case_list.search import all_of, any_of
from krm_desktop.model.cases.party import PartyRecord, party_columns
from krm_desktop.model.persons.person import EMPLOYEE, REPRESENTED, Person, PersonCase, newest_first
from krm_desktop.model.persons.spelling import HONORIFICS, employee_key, fold, fold_address, name_key
from krm_desktop.model.store.entities import Case, Party, database

MAX_PERSONS = 100  # more than this: the search asks to be more precise
_CHUNK = 900


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@dataclass(frozen=True)
class PersonQuery:
    """What to look for. `text` matches name, address, Kundennummer, BG-Nummer or e-mail; the other
    fields narrow (every given one must match a row of the person)."""

    text: str = ""
    customer_no: str = ""
    bg_no: str = ""
    email: str = ""
    postcode: str = ""

    def is_empty(self) -> bool:
        return not any(x.strip() for x in (self.text, self.customer_no, self.bg_no, self.email, self.postcode))


@dataclass(frozen=True)
class SearchResult:
    persons: list[Person]
    truncated: bool = False
    message: str = ""  # German: no hits, too many hits


@dataclass
class _Row:
    party_id: int
    data: PartyRecord
    version: int
    links: list[tuple[str, str]] = field(default_factory=list)


def _sqlite() -> SqliteDatabase | None:
    db = database.obj
    if not isinstance(db, SqliteDatabase):
        return None
    if "krm_fold" not in getattr(db, "_functions", {}):
        db.register_function(fold, "krm_fold", 1, deterministic=True)
        db.register_function(fold_address, "krm_fold_address", 1, deterministic=True)
        db.register_function(name_key, "krm_name_key", 1, deterministic=True)
    return db


def _chunks(values: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _text_terms(text: str) -> tuple[str, str, list[str], list[str]]:
    """(customer_no, bg_no, name words, address words) the text stands for; an identifier leaves the words empty."""
    number = v.normalise_number(text)
    if number and v.customer_no_problem(number) is None:
        return number, "", [], []
    if number and v.bg_no_problem(number) is None:
        return "", number, [], []
    words = [w for w in fold(text).split() if w not in HONORIFICS]
    return "", "", words, fold_address(text).split()


def _party_condition(query: PersonQuery) -> Any:
    """SQL that finds the matching party rows (on SQLite exactly, elsewhere a superset); None: every row."""
    sqlite = _sqlite() is not None
    conditions: list[Any] = []
    text = query.text.strip()
    if text:
        customer_no, bg_no, words, address = _text_terms(text)
        if customer_no:
            conditions.append(Party.customer_no == customer_no)
        elif bg_no:
            conditions.append(Party.bg_no == bg_no)
        elif "@" in text:
            conditions.append(Party.email ** f"%{text.strip()}%")
        elif sqlite:
            by_name = all_of([_folded_contains(Party.name, w, "krm_fold") for w in words])
            by_address = all_of(
                [
                    _folded_contains(Party.street, w, "krm_fold_address")
                    | Party.postcode.startswith(w)
                    | _folded_contains(Party.city, w, "krm_fold")
                    for w in address
                ]
            )
            either = [c for c in (by_name, by_address) if c is not None]
            if not either:
                return None
            conditions.append(any_of(either))
        else:
            return None
    return all_of(conditions) if conditions else None


def _folded_contains(column: Any, word: str, folding: str) -> Any:
    """SQLite: the folded column contains the word (the folding function runs inside the query)."""
    return getattr(fn, folding)(column).contains(word)


_PARTY_COLUMNS = (Party.id, *party_columns(), Party.version)


def _row(values: tuple[Any, ...]) -> _Row:
    party_id, *fields, version = values
    data = PartyRecord(*fields)
    links = [
        ("k", data.customer_no),
        ("b", data.bg_no),
        ("e", data.email.strip().casefold()),
        ("t", _digits(data.phone)),
    ]
    if data.street.strip() and data.postcode.strip():
        links.append(("a", f"{fold_address(data.street)}|{data.postcode.strip()}"))
    return _Row(party_id, data, version, [(k, x) for k, x in links if x])


def _row_matches(row: _Row, query: PersonQuery) -> bool:
    text = query.text.strip()
    if not text:
        return True
    data = row.data
    customer_no, bg_no, words, address = _text_terms(text)
    if customer_no or bg_no:
        return (customer_no or bg_no) in (data.customer_no, data.bg_no)
    if "@" in text:
        return text.casefold() in data.email.casefold()
    if words and _starts_words(words, fold(data.name)):
        return True
    return bool(address) and _starts_words(address, fold_address(f"{data.street} {data.postcode} {data.city}"))


def _starts_words(words: list[str], text: str) -> bool:
    """Every word begins a word of the text ("Müll" finds "Müller", "6a" does not find "16a")."""
    padded = f" {text}"
    return all(f" {w}" in padded for w in words)


def _narrowed(person: Person, query: PersonQuery) -> bool:
    """The narrowing fields: each given one must be a value of the person."""
    checks = (
        ("customer_no", v.normalise_number(query.customer_no)),
        ("bg_no", v.normalise_number(query.bg_no)),
        ("email", query.email.strip().casefold()),
        ("postcode", query.postcode.strip()),
    )
    for name, wanted in checks:
        if not wanted:
            continue
        if person.employee:
            return False
        found = [x.casefold() if name == "email" else x for x in person.values(name)]
        if wanted not in found:
            return False
    return True


def _matching_rows(query: PersonQuery) -> list[_Row]:
    select = Party.select(*_PARTY_COLUMNS)
    condition = _party_condition(query)
    if condition is not None:
        select = select.where(condition)
    return [row for row in map(_row, cast(Any, select).tuples()) if _row_matches(row, query)]


def _rows_named(keys: list[str]) -> list[_Row]:
    """Every party row whose name has one of these keys (the rest of each person)."""
    rows: list[_Row] = []
    if _sqlite() is not None:
        for chunk in _chunks(keys):
            select = Party.select(*_PARTY_COLUMNS).where(fn.krm_name_key(Party.name).in_(chunk))
            rows += map(_row, cast(Any, select).tuples())
        return rows
    wanted = set(keys)
    return [r for r in map(_row, cast(Any, Party.select(*_PARTY_COLUMNS)).tuples()) if name_key(r.data.name) in wanted]


def _root(parent: list[int], index: int) -> int:
    while parent[index] != index:
        parent[index] = parent[parent[index]]
        index = parent[index]
    return index


def _linked(members: list[_Row]) -> list[list[_Row]]:
    """Rows of one name joined where they share an identifier, unless their Kundennummern differ."""
    parent = list(range(len(members)))
    numbers = [{m.data.customer_no} - {""} for m in members]
    holder: dict[tuple[str, str], int] = {}
    for index, member in enumerate(members):
        for link in member.links:
            if link not in holder:
                holder[link] = index
                continue
            a, b = _root(parent, index), _root(parent, holder[link])
            if a != b and (not numbers[a] or not numbers[b] or numbers[a] == numbers[b]):
                parent[b] = a
                numbers[a] |= numbers[b]
    joined: dict[int, list[_Row]] = defaultdict(list)
    for index, member in enumerate(members):
        joined[_root(parent, index)].append(member)
    return list(joined.values())


def _groups(rows: list[_Row]) -> list[list[_Row]]:
    """Rows of one name linked by a shared identifier; two different Kundennummern never join."""
    by_name: dict[str, list[_Row]] = defaultdict(list)
    for row in sorted({r.party_id: r for r in rows}.values(), key=lambda r: r.party_id):
        by_name[name_key(row.data.name)].append(row)
    return [group for members in by_name.values() for group in _linked(members)]


def _cases_of(rows: list[_Row]) -> list[PersonCase]:
    by_id = {r.party_id: r for r in rows}
    found: list[PersonCase] = []
    columns = (Case.id, Case.ref, Case.kind, Case.status, Case.received, Case.closed, Case.version)
    for chunk in _chunks(sorted(by_id)):
        select = Case.select(*columns, Case.person, Case.represented).where(
            (cast(Any, Case.person).in_(chunk) | cast(Any, Case.represented).in_(chunk)) & (Case.anonymised == False)  # noqa: E712
        )
        for case_id, ref, kind, status, received, closed, version, person_id, represented_id in cast(
            Any, select
        ).tuples():
            for party_id, as_represented in ((person_id, False), (represented_id, True)):
                row = by_id.get(party_id)
                if row is None:
                    continue
                role = REPRESENTED if as_represented else row.data.role
                found.append(
                    PersonCase(
                        case_id, ref, kind, status, received, closed, role, version, row.party_id, row.version, row.data
                    )
                )
    return found


def _employees(query: PersonQuery) -> list[Person]:
    """People named in a case as the employee concerned, grouped by name (a name is all there is)."""
    text = query.text.strip()
    if not text or any((query.customer_no, query.bg_no, query.email, query.postcode)):
        return []
    customer_no, bg_no, words, _ = _text_terms(text)
    if customer_no or bg_no or "@" in text or not words:
        return []
    columns = (Case.id, Case.ref, Case.kind, Case.status, Case.received, Case.closed, Case.version)
    select = Case.select(*columns, Case.employee_concerned).where(
        (Case.employee_concerned != "") & (Case.anonymised == False)  # noqa: E712
    )
    if _sqlite() is not None:
        select = select.where(all_of([_folded_contains(Case.employee_concerned, w, "krm_fold") for w in words]))
    grouped: dict[str, list[PersonCase]] = defaultdict(list)
    for case_id, ref, kind, status, received, closed, version, employee in cast(Any, select).tuples():
        if not _starts_words(words, fold(employee)):
            continue
        data = PartyRecord(employee, EMPLOYEE)
        grouped[employee_key(employee)].append(
            PersonCase(case_id, ref, kind, status, received, closed, EMPLOYEE, version, None, 0, data)
        )
    wanted = employee_key(text)
    return [
        Person(f"b:{key}", tuple(sorted(cases, key=newest_first)), employee=True, exact=key == wanted)
        for key, cases in sorted(grouped.items())
    ]


def find_persons(query: PersonQuery) -> SearchResult:
    """Every person matching the query, exact name matches first; a German message when none or too many."""
    if query.is_empty():
        return SearchResult(
            [], message="Bitte einen Namen, eine Kunden- oder BG-Nummer, Anschrift oder E-Mail eingeben."
        )
    matched = _matching_rows(query)
    keys = sorted({name_key(r.data.name) for r in matched})
    truncated = len(keys) > MAX_PERSONS
    keys = keys[:MAX_PERSONS]
    matched_ids = {r.party_id for r in matched}
    groups = [g for g in _groups(_rows_named(keys)) if matched_ids & {r.party_id for r in g}]
    wanted = name_key(query.text) if query.text.strip() else ""
    persons: list[Person] = []
    for person in _persons_of(groups):
        person = replace(person, exact=name_key(person.latest.name) == wanted)
        if _narrowed(person, query):
            persons.append(person)
    persons += [p for p in _employees(query) if _narrowed(p, query)]
    persons.sort(key=lambda p: (not p.exact, p.employee, name_key(p.name), p.key))
    if not persons:
        return SearchResult([], message=f"Keine Person gefunden für „{_describe(query)}“.")
    message = ""
    if truncated:
        message = f"Mehr als {MAX_PERSONS} Personen passen; bitte genauer suchen (z. B. Vor- und Nachname)."
    return SearchResult(persons, truncated, message)


def _persons_of(groups: list[list[_Row]]) -> list[Person]:
    """Each group of rows as a person with their cases; groups whose every case was anonymised are left out."""
    cases_by_party: dict[int | None, list[PersonCase]] = defaultdict(list)
    for case in _cases_of([r for g in groups for r in g]):
        cases_by_party[case.party_id].append(case)
    persons = []
    for group in groups:
        cases = [c for r in group for c in cases_by_party.get(r.party_id, [])]
        if cases:
            persons.append(Person(f"p:{min(r.party_id for r in group)}", tuple(sorted(cases, key=newest_first))))
    return persons


def persons_named(names: list[str]) -> list[Person]:
    """The persons whose rows hold exactly these names, grouped as the search groups them."""
    rows: list[_Row] = []
    for chunk in _chunks(sorted(set(names))):
        select = Party.select(*_PARTY_COLUMNS).where(cast(Any, Party.name).in_(chunk))
        rows += map(_row, cast(Any, select).tuples())
    return _persons_of(_groups(rows))


def _describe(query: PersonQuery) -> str:
    given = (query.customer_no, query.bg_no, query.email, query.postcode)
    narrowing = zip(("Kundennummer", "BG-Nummer", "E-Mail", "PLZ"), given, strict=True)
    parts = [query.text.strip(), *(f"{caption} {x.strip()}" for caption, x in narrowing if x.strip())]
    return ", ".join(p for p in parts if p)


def refreshed(person: Person) -> Person | None:
    """The same person read again (after a change elsewhere); None when nothing of them is left."""
    if person.employee:
        found = _employees(PersonQuery(text=person.latest.name))
        return next((p for p in found if p.key == person.key), None)
    cases = cases_of_parties([c.party_id for c in person.cases if c.party_id is not None])
    return replace(person, cases=tuple(sorted(cases, key=newest_first))) if cases else None


def cases_of_parties(party_ids: list[int]) -> list[PersonCase]:
    """The cases (not anonymised) these party rows belong to, each in the row's role."""
    rows: list[_Row] = []
    for chunk in _chunks(sorted(set(party_ids))):
        rows += map(_row, cast(Any, Party.select(*_PARTY_COLUMNS).where(cast(Any, Party.id).in_(chunk))).tuples())
    return _cases_of(rows)
