"""Auskunftsersuchen (Art. 15 DSGVO with § 83 SGB X): the request, its deadline, and its answer.

A request is recorded as a history entry in every case of the person (open or closed; a person without
any stored case gets a negative answer and nothing is recorded, which would store new data about them).
All entries of one request share its number (AUS-JJJJ-NNN) and state the deadline, so the request shows
in the dashboard (`open_auskunft_requests`) until it is marked answered (`mark_answered`), and the
customer can see it in a later Auskunft.

Deadline (Art. 12 Abs. 3 DSGVO): one month after receipt, counted as Art. 3 Abs. 2 Buchst. c of
Regulation (EWG, Euratom) Nr. 1182/71 says (the same day of the next month, or that month's last day:
relativedelta). When that day is a Saturday, Sunday or public holiday of the office's Bundesland, the
deadline ends on the next working day (Art. 3 Abs. 4 of the same regulation, which the EDPB applies to
Art. 12 Abs. 3). The office's own closing days (24.12., 31.12.) are no public holidays: they do not move
a legal deadline. The shift does not depend on the profile's switch for KRM deadlines.

Copies of the Auskunft are kept in each case like letters (`store_copies`), with the pages that concern
that case only, so a copy never outlives the retention of another case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, cast

from dateutil.relativedelta import relativedelta

from krm_desktop.model import validation as v
from krm_desktop.model.errors import RefusedError, ValidationError
from krm_desktop.model.office.profiles import OfficeProfile, load_profile
from krm_desktop.model.persons.person import Person
from krm_desktop.model.store.entities import Case, Event, Letter
from krm_desktop.model.store.transactions import write_transaction
from krm_desktop.model.time.working_days import calendar_for

REQUESTED = "auskunft_requested"
ANSWERED = "auskunft_answered"
DOC_TYPE = "auskunft"
TITLE = "Auskunft nach Art. 15 DSGVO"
SOON_DAYS = 7  # calendar days before the deadline a request counts as "due soon"
_CHUNK = 900
_NUMBER = re.compile(r"^Auskunftsersuchen (AUS-(\d{4})-(\d{3,}))\b")
_REQUEST = re.compile(
    r"^Auskunftsersuchen (AUS-\d{4}-\d{3,}) nach Art\. 15 DSGVO \(§ 83 SGB X\) von (.*), eingegangen am "
    r"(\d\d\.\d\d\.\d{4}); Antwort fällig bis (\d\d\.\d\d\.\d{4})\."
)


def answer_due(received: date, profile: OfficeProfile | None = None) -> date:
    """One month after receipt; on a weekend or public holiday the next working day."""
    profile = profile or load_profile()
    day = received + relativedelta(months=1)
    return calendar_for(profile.bundesland, ()).next_working_day(day)


@dataclass(frozen=True)
class AuskunftRequest:
    number: str
    name: str
    received: date
    due: date
    case_ids: tuple[int, ...]
    refs: tuple[str, ...]
    answered: date | None = None

    def summary(self, today: date) -> str:
        """One German line for the dashboard: number, person, deadline in words, the cases."""
        more = f" und {len(self.refs) - 1} weitere" if len(self.refs) > 1 else ""
        refs = f" ({self.refs[0]}{more})" if self.refs else ""
        return f"Auskunftsersuchen {self.number} · {self.name} · {self.state(today)[1]}{refs}"

    def state(self, today: date) -> tuple[str, str]:
        """(overdue | due_soon | on_track | answered, German words) as of today."""
        if self.answered is not None:
            return "answered", f"beantwortet am {self.answered:%d.%m.%Y}"
        if today > self.due:
            days = (today - self.due).days
            return "overdue", f"überfällig seit {days} Tag{'en' if days > 1 else ''} (fällig {self.due:%d.%m.%Y})"
        if today == self.due:
            return "due_soon", "heute fällig"
        if (self.due - today).days <= SOON_DAYS:
            return "due_soon", f"fällig am {self.due:%d.%m.%Y} (in {(self.due - today).days} Tagen)"
        return "on_track", f"fällig am {self.due:%d.%m.%Y}"


def _stamp(today: date) -> datetime:
    return datetime.combine(today, time.min)


def _parse_day(text: str) -> date:
    return datetime.strptime(text, "%d.%m.%Y").date()


def _next_number(year: int) -> str:
    texts = Event.select(Event.text).where(
        (Event.action == REQUESTED) & (Event.text.startswith(f"Auskunftsersuchen AUS-{year}-"))
    )
    numbers = [int(m.group(3)) for (t,) in cast(Any, texts).tuples() if (m := _NUMBER.match(t))]
    return f"AUS-{year}-{max(numbers, default=0) + 1:03d}"


def _collect(rows: Iterable[tuple[Any, ...]]) -> dict[str, AuskunftRequest]:
    """Requests from (case id, ref, action, text, on_day) rows; answered ones carry their date."""
    found: dict[str, AuskunftRequest] = {}
    answered: dict[str, date] = {}
    for case_id, ref, action, text, on_day in rows:
        if action == ANSWERED:
            match = _NUMBER.match(text)
            if match:
                answered[match.group(1)] = on_day
            continue
        match = _REQUEST.match(text)
        if match is None:  # the text was anonymised by the purge: nothing of the person is left
            continue
        number, name, received, due = match.group(1), match.group(2), match.group(3), match.group(4)
        known = found.get(number)
        if known is None:
            found[number] = AuskunftRequest(number, name, _parse_day(received), _parse_day(due), (case_id,), (ref,))
        elif case_id not in known.case_ids:
            found[number] = AuskunftRequest(
                number, known.name, known.received, known.due, (*known.case_ids, case_id), (*known.refs, ref)
            )
    for number, day in answered.items():
        if number in found:
            request = found[number]
            found[number] = AuskunftRequest(
                number, request.name, request.received, request.due, request.case_ids, request.refs, day
            )
    return found


def _rows(case_ids: list[int] | None = None) -> list[tuple[Any, ...]]:
    query = (
        Event.select(Event.case, Case.ref, Event.action, Event.text, Event.on_day)
        .join(Case)
        .where(cast(Any, Event.action).in_([REQUESTED, ANSWERED]))
        .order_by(Event.id)
    )
    if case_ids is None:
        return list(cast(Any, query).tuples())
    rows: list[tuple[Any, ...]] = []
    for start in range(0, len(case_ids), _CHUNK):
        chunk = case_ids[start : start + _CHUNK]
        rows.extend(cast(Any, query.where(cast(Any, Event.case).in_(chunk))).tuples())
    return rows


def open_auskunft_requests(today: date) -> list[AuskunftRequest]:
    """Every request not yet answered, earliest deadline first, for the dashboard: `summary(today)` is its
    German line, `state(today)` its state (overdue, due_soon, on_track) and words. `today` is the day the
    main window shows; the list itself is the same on every day."""
    pending = [r for r in _collect(_rows()).values() if r.answered is None]
    return sorted(pending, key=lambda r: (r.due, r.number))  # overdue ones have the earliest deadlines


def requests_of(person: Person) -> list[AuskunftRequest]:
    """The person's requests, open ones first, newest first."""
    found = _collect(_rows(person.case_ids)).values()
    return sorted(found, key=lambda r: (r.answered is not None, -r.received.toordinal(), r.number))


def record_request(
    person: Person, *, received: date, today: date, user: str, profile: OfficeProfile | None = None
) -> AuskunftRequest:
    """Record the request in every case of the person, with its deadline, in one transaction."""
    problem = v.date_problem(received, "Eingang des Auskunftsersuchens", today)
    if problem:
        raise ValidationError({"received": problem})
    if not person.cases:
        raise RefusedError(
            "Zu dieser Person ist keine Kundenreaktion gespeichert. Die Auskunft lautet: keine Daten gespeichert "
            "(Negativauskunft); ein Vorgang wird dafür nicht angelegt."
        )
    open_ones = [r for r in requests_of(person) if r.answered is None]
    if open_ones:
        known = open_ones[0]
        raise RefusedError(
            f"Für {person.name} ist bereits das Auskunftsersuchen {known.number} vom {known.received:%d.%m.%Y} "
            f"offen (fällig am {known.due:%d.%m.%Y})."
        )
    due = answer_due(received, profile)
    name = " ".join(person.name.split())
    with write_transaction():
        number = _next_number(received.year)
        text = (
            f"Auskunftsersuchen {number} nach Art. 15 DSGVO (§ 83 SGB X) von {name}, eingegangen am "
            f"{received:%d.%m.%Y}; Antwort fällig bis {due:%d.%m.%Y}."
        )
        ids = _living(person.case_ids)
        if not ids:
            raise RefusedError("Die Kundenreaktionen dieser Person gibt es nicht mehr (gelöscht oder anonymisiert).")
        Event.insert_many(
            [
                {"case": i, "at": _stamp(today), "on_day": received, "actor": user, "action": REQUESTED, "text": text}
                for i in ids
            ]
        ).execute()
    refs = tuple(c.ref for c in person.cases if c.case_id in ids)
    return AuskunftRequest(number, name, received, due, tuple(ids), tuple(dict.fromkeys(refs)))


def _living(case_ids: list[int]) -> list[int]:
    """The ids of these cases that still exist and are not anonymised."""
    alive: list[int] = []
    for start in range(0, len(case_ids), _CHUNK):
        chunk = case_ids[start : start + _CHUNK]
        query = Case.select(Case.id).where(cast(Any, Case.id).in_(chunk) & (Case.anonymised == False))  # noqa: E712
        alive += [i for (i,) in cast(Any, query).tuples()]
    return sorted(alive)


def mark_answered(number: str, *, answered_on: date, today: date, user: str, note: str = "") -> AuskunftRequest:
    """Note in every case of the request that it was answered; it leaves the dashboard."""
    request = _collect(_rows()).get(number)
    if request is None:
        raise RefusedError(f"Das Auskunftsersuchen {number} gibt es nicht (mehr).")
    if request.answered is not None:
        raise RefusedError(f"Das Auskunftsersuchen {number} ist bereits am {request.answered:%d.%m.%Y} beantwortet.")
    problem = v.date_problem(
        answered_on, "Datum der Auskunft", today, not_before=request.received, not_before_label="dem Eingang"
    ) or v.text_problem(note, "Vermerk", max_len=500, multiline=False)
    if problem:
        raise ValidationError({"answered_on": problem})
    late = f" (nach Fristablauf am {request.due:%d.%m.%Y})" if answered_on > request.due else ""
    text = f"Auskunftsersuchen {number} beantwortet am {answered_on:%d.%m.%Y}{late}." + (
        f" {note.strip()}" if note.strip() else ""
    )
    with write_transaction():
        ids = _living(list(request.case_ids))
        Event.insert_many(
            [
                {"case": i, "at": _stamp(today), "on_day": answered_on, "actor": user, "action": ANSWERED, "text": text}
                for i in ids
            ]
        ).execute()
    return AuskunftRequest(
        request.number, request.name, request.received, request.due, request.case_ids, request.refs, answered_on
    )


def store_copies(
    copies: Mapping[int, bytes],
    *,
    today: date,
    user: str,
    how: str = "gedruckt",
    pages: Mapping[int, str] | None = None,
    checked_by: str = "",
) -> list[int]:
    """Keep each case's copy of the Auskunft (cover letter and that case's pages) like a letter, with a
    history entry (naming `checked_by`, who checked the withheld and kept passages before it was issued);
    returns the ids of the kept letters. One transaction: all copies or none."""
    if how not in ("gedruckt", "als PDF gespeichert"):
        raise RefusedError(f"Unbekannte Ausgabeart „{how}“.")
    if any(not pdf.startswith(b"%PDF-") for pdf in copies.values()):
        raise RefusedError("Die Auskunft ist keine PDF-Datei und wird nicht abgelegt.")
    checked = f" Vor der Ausgabe geprüft von {checked_by.strip()}." if checked_by.strip() else ""
    kept: list[int] = []
    with write_transaction():
        alive = set(_living(list(copies)))
        refs = dict(cast(Any, Case.select(Case.id, Case.ref).where(cast(Any, Case.id).in_(sorted(alive)))).tuples())
        for case_id, pdf in copies.items():
            if case_id not in alive:
                raise RefusedError("Eine der Kundenreaktionen gibt es nicht mehr oder sie ist anonymisiert.")
            same_day = (
                Letter.select()
                .where((Letter.case == case_id) & (Letter.doc_type == DOC_TYPE) & (Letter.created == _stamp(today)))
                .count()
            )
            suffix = f"-{same_day + 1}" if same_day else ""
            filename = f"{refs[case_id]}_{DOC_TYPE}_{today:%Y-%m-%d}{suffix}.pdf"
            letter = Letter.create(
                case=case_id, doc_type=DOC_TYPE, created=_stamp(today), created_by=user, filename=filename, pdf=pdf
            )
            where = f", {pages[case_id]}" if pages and case_id in pages else ""
            Event.create(
                case=case_id,
                at=_stamp(today),
                on_day=today,
                actor=user,
                action="letter",
                text=f"Schreiben {how}: {TITLE} ({filename}{where})." + checked,
            )
            kept.append(letter.id)
    return kept
