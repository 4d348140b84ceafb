"""Cases related to one being typed: the earlier case a Folgereaktion follows (`earlier_cases`), and for the
Mehrfachbeschwerde warning the cases the same person already has open or closed recently (`related_cases`).

The person is matched like the person view does (`persons.find_persons`: spelling-tolerant names, grouped by
shared identifiers): the same Kundennummer; the same name, unless both sides carry different Kundennummern;
the same BG-Nummer (the same Bedarfsgemeinschaft, perhaps another member of it). Each hit says why it matched,
so the user can judge a mere namesake.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, cast

from dateutil.relativedelta import relativedelta
from peewee import JOIN

from krm_desktop.model import validation as v
from krm_desktop.model.case_list.search import search_condition
from krm_desktop.model.cases.party import PartyRecord
from krm_desktop.model.codes import KINDS, STATUS_CLOSED, STATUS_OPEN, label
from krm_desktop.model.persons.person import EMPLOYEE, Person
from krm_desktop.model.persons.search import PersonQuery, find_persons
from krm_desktop.model.persons.spelling import fold_address, name_key
from krm_desktop.model.store.entities import Case, Party

RECENT_MONTHS = 12  # a case closed within this many months before today counts as recent
MAX_EARLIER = 50


@dataclass(frozen=True)
class EarlierCase:
    case_id: int
    ref: str
    kind: str
    received: date
    closed: date | None
    subject: str
    person: str  # the complainant's name, "" when anonymous

    def describe(self) -> str:
        closed = f"abgeschlossen am {self.closed:%d.%m.%Y}" if self.closed else "abgeschlossen"
        who = self.person or "anonym"
        return f"{self.ref} – {label(KINDS, self.kind)} – {who} – {closed} – {self.subject or '(ohne Betreff)'}"


def earlier_cases(text: str) -> list[EarlierCase]:
    """Closed, not anonymised cases matching the search text (Az., name, Kunden-/BG-Nummer, Betreff), newest
    first: the candidates a Folgereaktion can follow. At most MAX_EARLIER."""
    condition = search_condition(text)
    if condition is None:
        return []
    query = (
        Case.select(Case.id, Case.ref, Case.kind, Case.received, Case.closed, Case.subject, Party.name)
        .join(Party, on=(Case.person == Party.id), join_type=JOIN.LEFT_OUTER)
        .where((Case.status == STATUS_CLOSED) & (Case.anonymised == False) & condition)  # noqa: E712
        .order_by(Case.closed.desc(), cast(Any, Case.id).desc())
        .limit(MAX_EARLIER)
    )
    rows: Any = query.tuples()
    return [
        EarlierCase(case_id, ref, kind, received, closed, subject, person or "")
        for case_id, ref, kind, received, closed, subject, person in rows
    ]


@dataclass(frozen=True)
class RelatedCase:
    case_id: int
    ref: str
    kind: str
    status: str
    received: date
    closed: date | None
    why: str  # German: what matched

    def describe(self) -> str:
        state = "offen" if self.status == STATUS_OPEN else f"abgeschlossen am {self.closed:%d.%m.%Y}"
        return f"{self.ref} – {label(KINDS, self.kind)}, Eingang {self.received:%d.%m.%Y}, {state} ({self.why})"


def _shared(person: Person, party: PartyRecord) -> str:
    """What else than the name the typed party shares with the found person ("" when nothing)."""
    if party.bg_no and party.bg_no in person.values("bg_no"):
        return "gleiche BG-Nummer"
    if party.email.strip() and party.email.strip().casefold() in [e.casefold() for e in person.values("email")]:
        return "gleiche E-Mail-Adresse"
    address = f"{fold_address(party.street)}|{party.postcode.strip()}"
    known = {f"{fold_address(c.data.street)}|{c.data.postcode.strip()}" for c in person.cases}
    if party.street.strip() and party.postcode.strip() and address in known:
        return "gleiche Anschrift"
    return ""


def _matches(party: PartyRecord) -> list[tuple[Person, str]]:
    """Persons who may be the typed party, each with the reason, strongest reason first."""
    customer_no = v.normalise_number(party.customer_no)
    bg_no = v.normalise_number(party.bg_no)
    typed = replace(party, customer_no=customer_no, bg_no=bg_no)
    found: list[tuple[Person, str]] = []
    if customer_no and v.customer_no_problem(customer_no) is None:
        found += [(p, "gleiche Kundennummer") for p in find_persons(PersonQuery(text=customer_no)).persons]
    wanted = name_key(party.name)
    if wanted:
        for person in find_persons(PersonQuery(text=party.name)).persons:
            if person.employee or name_key(person.name) != wanted:
                continue
            numbers = set(person.values("customer_no"))
            if customer_no and numbers and customer_no not in numbers:
                continue  # two different Kundennummern: two people of the same name
            shared = _shared(person, typed)
            found.append((person, f"gleicher Name, {shared}" if shared else "gleicher Name"))
    if bg_no and v.bg_no_problem(bg_no) is None:
        found += [(p, "gleiche BG-Nummer (Bedarfsgemeinschaft)") for p in find_persons(PersonQuery(text=bg_no)).persons]
    # --- issue 21: the same e-mail address alone (a mail's sender often gives no name) ---
    email = party.email.strip()
    if email and v.email_problem(email) is None:
        for person in find_persons(PersonQuery(text=email)).persons:
            if not person.employee and email.casefold() in [e.casefold() for e in person.values("email")]:
                found.append((person, "gleiche E-Mail-Adresse"))
    return found


def related_cases(party: PartyRecord | None, today: date, *, exclude: Collection[int] = ()) -> list[RelatedCase]:
    """Open cases, and cases closed in the last RECENT_MONTHS, of the person the typed party may be; open first."""
    if party is None:
        return []
    since = today - relativedelta(months=RECENT_MONTHS)
    hits: dict[int, RelatedCase] = {}
    for person, why in _matches(party):
        for case in person.cases:
            if case.role == EMPLOYEE or case.case_id in exclude or case.case_id in hits:
                continue
            if case.status == STATUS_OPEN or (case.closed is not None and case.closed >= since):
                hits[case.case_id] = RelatedCase(
                    case.case_id, case.ref, case.kind, case.status, case.received, case.closed, why
                )
    return sorted(hits.values(), key=lambda c: (c.status != STATUS_OPEN, -c.received.toordinal(), c.ref))


def warning_text(related: list[RelatedCase]) -> str:
    """The German headline of the Mehrfachbeschwerde warning."""
    count = len(related)
    open_count = sum(1 for c in related if c.status == STATUS_OPEN)
    parts = [f"{open_count} offen"] if open_count else []
    if count - open_count:
        parts.append(f"{count - open_count} in den letzten {RECENT_MONTHS} Monaten abgeschlossen")
    cases = "eine Kundenreaktion" if count == 1 else f"{count} Kundenreaktionen"
    return f"Mehrfachbeschwerde? Zu dieser Person gibt es bereits {cases} ({', '.join(parts)})."
