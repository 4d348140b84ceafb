"""The purge plan (DOMAIN.md §4): which closed cases are due as of a day, each with its rule, and which routing
notes (matters that went elsewhere) are due by `rules.routing_note_due`. Changes nothing.

The plan also carries a digest of the stored facts it was made from (`plan_facts`): the run (`purge`) makes
it again under the write lock and refuses when the facts changed since the user confirmed the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from dateutil.relativedelta import relativedelta

from krm_desktop.model.codes import PETITION_KINDS, STATUS_CLOSED
from krm_desktop.model.office.profiles import RETENTION_BA, RETENTION_WHOLE_TO_THE_DAY, RetentionRule, load_profile
from krm_desktop.model.retention.rules import (
    RULE_DELETE,
    RULE_PERSONAL,
    RULE_PETITION,
    RULE_WHOLE_TO_THE_DAY,
    RULE_WHOLE_YEAR_END,
    Rule,
    last_year_end,
    routing_note_due,
    routing_note_rule,
    rules_of,
)
from krm_desktop.model.store.entities import Case, Concern, RoutingNote, database

_CONCERN = Concern._meta.table_name


class DueCase(NamedTuple):  # one row of the plan's query
    case_id: int
    ref: str
    kind: str
    closed: date
    rule: str
    due: date  # the day the rule made the case due


@dataclass(frozen=True)
class PurgePlan:
    as_of: date
    profile: str
    retention: RetentionRule
    rules: tuple[Rule, ...]
    cases: tuple[DueCase, ...]  # in reference order
    source: str = ""  # digest of the stored facts the plan was made from: the run checks they still hold
    routing_notes: tuple[int, ...] = ()  # ids of the routing notes due, deleted whole by the run

    @property
    def routing_rule(self) -> Rule:
        return routing_note_rule(self.retention)

    @property
    def method(self) -> str:
        return self.retention.method

    @property
    def total(self) -> int:
        return len(self.cases)

    def rule(self, code: str) -> Rule:
        return next(r for r in self.rules if r.code == code)

    def counts(self) -> dict[str, int]:
        counts = {r.code: 0 for r in self.rules}
        for case in self.cases:
            counts[case.rule] += 1
        return counts

    def of_action(self, action: str) -> list[DueCase]:
        codes = {r.code for r in self.rules if r.action == action}
        return [c for c in self.cases if c.rule in codes]


def _candidates(retention: RetentionRule, as_of: date) -> Any:
    """Closed cases that may be due (a cheap superset in SQL); the exact rule is decided in Python."""
    query = Case.select(Case.id, Case.ref, Case.kind, Case.closed, Case.anonymised).where(
        (Case.status == STATUS_CLOSED) & Case.closed.is_null(False)
    )
    year = last_year_end(as_of)
    if retention.method == RETENTION_BA:
        first = min(retention.personal_years, retention.petition_years, retention.delete_years)
        delete_cutoff = date(year - retention.delete_years, 12, 31)
        return query.where(
            (Case.closed <= date(year - first, 12, 31)) & ((Case.anonymised == False) | (Case.closed <= delete_cutoff))  # noqa: E712
        )
    if retention.method == RETENTION_WHOLE_TO_THE_DAY:
        return query.where(Case.closed <= as_of - relativedelta(years=retention.delete_years) + relativedelta(days=1))
    return query.where(Case.closed <= date(year - retention.delete_years, 12, 31))


def due_routing_notes(retention: RetentionRule, as_of: date) -> tuple[int, ...]:
    """The ids of the routing notes due as of `as_of` (a superset by date in SQL, the exact day in Python)."""
    latest = as_of - relativedelta(years=min(retention.personal_years, retention.delete_years)) + relativedelta(days=1)
    rows: Any = (
        RoutingNote.select(RoutingNote.id, RoutingNote.received)
        .where(RoutingNote.received <= latest)
        .order_by(RoutingNote.id)
        .tuples()
    )
    due = []
    for note_id, received in rows:
        received = received if isinstance(received, date) else date.fromisoformat(str(received))
        if routing_note_due(retention, received) <= as_of:
            due.append(note_id)
    return tuple(due)


def plan_facts(retention: RetentionRule, as_of: date) -> tuple[list[Any], set[int], tuple[int, ...], str]:
    """The candidate rows (raw), the cases with a petition concern, the routing notes due, and a digest."""
    query = _candidates(retention, as_of).order_by(Case.year, Case.seq)
    rows = database.execute(query).fetchall()  # raw rows: the few fields are converted only as needed
    petitions: set[int] = set()
    if retention.method == RETENTION_BA and rows:
        kinds = sorted(PETITION_KINDS)
        marks = ", ".join([database.param] * len(kinds))
        found = database.execute_sql(f"SELECT DISTINCT case_id FROM {_CONCERN} WHERE kind IN ({marks})", tuple(kinds))
        petitions = {case_id for (case_id,) in found.fetchall()}
    notes = due_routing_notes(retention, as_of)
    # Compared within this process only (plan and run happen in the same program), so Python's hash will do.
    return rows, petitions, notes, str(hash((tuple(rows), frozenset(petitions), notes)))


def plan_purge(as_of: date, retention: RetentionRule | None = None, profile_code: str | None = None) -> PurgePlan:
    """Every closed case due as of `as_of` under the office's retention rules. Changes nothing."""
    if retention is None:
        profile = load_profile()
        retention, profile_code = profile.retention, profile.code
    rows, petitions, notes, digest = plan_facts(retention, as_of)
    due: list[DueCase] = []
    last = last_year_end(as_of)
    ba, to_the_day = retention.method == RETENTION_BA, retention.method == RETENTION_WHOLE_TO_THE_DAY
    for case_id, ref, kind, closed, anonymised in rows:
        closed = closed if isinstance(closed, date) else date.fromisoformat(closed)
        if ba:  # year-end rules: due when 31.12. of that year is not after as_of
            if closed.year + retention.delete_years <= last:
                rule, day = RULE_DELETE, date(closed.year + retention.delete_years, 12, 31)
            elif anonymised:
                continue
            elif kind in PETITION_KINDS or case_id in petitions:
                rule, day = RULE_PETITION, date(closed.year + retention.petition_years, 12, 31)
            else:
                rule, day = RULE_PERSONAL, date(closed.year + retention.personal_years, 12, 31)
        elif to_the_day:
            rule, day = RULE_WHOLE_TO_THE_DAY, closed + relativedelta(years=retention.delete_years)
        else:
            rule, day = RULE_WHOLE_YEAR_END, date(closed.year + retention.delete_years, 12, 31)
        if day <= as_of:
            due.append(DueCase(case_id, ref, kind, closed, rule, day))
    return PurgePlan(as_of, profile_code or "", retention, rules_of(retention), tuple(due), digest, notes)
