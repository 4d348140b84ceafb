"""The demo's cases in memory, as the case services would store them, written in bulk.

A case is registered with the services' pure `registration` and worked with their pure `transitions`; what the
services store with each (the fields, the next clock item and the version of `transitions.saved_fields`, the
concerns, statements and history entries) is kept here as rows. `write` inserts them table by table
(`store.bulk`), every few thousand cases and at the end. Parties and cases carry their own ids, counted on from
the highest in the store (the demo runs in one write transaction), so a case can name its parties and its
earlier case before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from peewee import fn
from playhouse.shortcuts import model_to_dict

from krm_desktop.model.cases import transitions
from krm_desktop.model.cases.closing_checks import ConcernFacts
from krm_desktop.model.cases.intake import CaseInput
from krm_desktop.model.cases.party import PartyRecord
from krm_desktop.model.cases.services import Registration, follow_up_entry
from krm_desktop.model.cases.transitions import Entry, Fields
from krm_desktop.model.cases.writes import event_fields
from krm_desktop.model.demo.course import Step
from krm_desktop.model.store.bulk import PreparedInsert, continue_ids
from krm_desktop.model.store.entities import Case, Concern, Event, Party, Statement
from krm_desktop.model.validation import format_ref

CASES_PER_WRITE = 5_000  # a large demo is written in parts, so its rows never fill the memory
NEW_CASE = model_to_dict(Case(), recurse=False)  # the fields of a new case that registration leaves at their default


@dataclass
class DemoCase:
    """A case as stored after its latest step: its fields, and its concerns' fields by position."""

    fields: Fields
    concerns: dict[int, Fields]

    def concern_facts(self) -> list[ConcernFacts]:
        return [ConcernFacts(c["position"], c["kind"], c["outcome"]) for c in self.concerns.values()]


class DemoRows:
    """Every row the demo adds, in the order the services would have written them."""

    def __init__(self, user: str) -> None:
        self.user = user
        self.last_party_id: int = Party.select(fn.MAX(Party.id)).scalar() or 0
        self.last_case_id: int = Case.select(fn.MAX(Case.id)).scalar() or 0
        last_seqs: Any = Case.select(Case.year, fn.MAX(Case.seq)).group_by(Case.year).tuples()
        self.last_seq: dict[int, int] = dict(last_seqs)
        self.parties: list[Fields] = []
        self.cases: list[Fields] = []
        self.concerns: list[Fields] = []
        self.statements: list[Fields] = []
        self.events: list[Fields] = []

    def _party(self, party: PartyRecord | None) -> int | None:
        if party is None:
            return None
        self.last_party_id += 1
        self.parties.append({"id": self.last_party_id, **party.stored_fields()})  # as `people` makes them
        return self.last_party_id

    def _log(self, case_id: int, entries: tuple[Entry, ...], day: date) -> None:
        self.events += [event_fields(case_id, e.action, e.text, day, self.user) for e in entries]

    def register(self, data: CaseInput, new: Registration, *, earlier_id: int | None) -> DemoCase:
        """What `services.register` stores (`services.follow_up` when the earlier case's id is given), on the day
        the case came in."""
        if len(self.cases) >= CASES_PER_WRITE:  # every case kept so far has had all its steps
            self.write()
        year, day = data.received.year, data.received
        seq = self.last_seq[year] = self.last_seq.get(year, 0) + 1
        self.last_case_id += 1
        case_id = self.last_case_id
        fields = {
            **NEW_CASE,
            **new.fields,
            "id": case_id,
            "ref": format_ref(year, seq),
            "seq": seq,
            "person": self._party(data.person),
            "represented": self._party(data.represented),
            "follows": earlier_id,
        }
        self.cases.append(fields)
        concerns = {c["position"]: {"case": case_id, **c} for c in new.concerns}
        self.concerns += concerns.values()
        self._log(case_id, new.entries, day)
        if earlier_id is not None:
            self._log(earlier_id, (follow_up_entry(fields["ref"], data.received),), day)
        return DemoCase(fields, concerns)

    def act(self, case: DemoCase, step: Step) -> None:
        """What the step's service stores: the transition's change to the case, saved as `writes.apply` saves it."""
        concerns = {"concerns": case.concern_facts()} if step.transition is transitions.close else {}
        change = step.transition(case.fields, today=step.day, **step.inputs, **concerns)
        for position, values in change.concerns.items():
            case.concerns[position].update(values)
        if change.statement is not None:
            self.statements.append({"case": case.fields["id"], **change.statement})
        case.fields.update(transitions.saved_fields(case.fields, change.fields))
        self._log(case.fields["id"], change.entries, step.day)

    def write(self) -> None:
        """Insert the rows kept so far, parents first, and let them go."""
        PreparedInsert(Party, with_ids=True).insert_many(self.parties)
        PreparedInsert(Case, with_ids=True).insert_many(self.cases)
        for model in (Party, Case):
            continue_ids(model)
        PreparedInsert(Concern).insert_many(self.concerns)
        PreparedInsert(Statement).insert_many(self.statements)
        PreparedInsert(Event).insert_many(self.events)
        for rows in (self.parties, self.cases, self.concerns, self.statements, self.events):
            rows.clear()
