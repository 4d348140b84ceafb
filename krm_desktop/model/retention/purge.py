"""Retention (DOMAIN.md §4): which closed cases are due as of a day, and the purge that removes them.

A plan (`plan_purge`) lists every due case with its rule and changes nothing. `execute_purge` runs the plan
in ONE transaction: it plans again under the write lock and refuses when the result differs from what the
user confirmed, anonymises and deletes, removes parties no longer referenced, writes the Löschprotokoll
(`PurgeLog`: counts, rules, case references, no personal data) and rebuilds any full-text index. Every
connection runs with `secure_delete`; `vacuum_store` afterwards rewrites the file. The model never reads
the clock: `today` and the acting user come from the caller.

What anonymisation removes (the personal data of DOMAIN §4) and what stays is listed in
`PERSONAL_CASE_TEXT`, `PERSONAL_CASE_LINKS` and `_anonymise`: names, addresses, identifiers and contact
data (the parties), employee names (employee concerned, signer, deciding GF, statement authors, the
history's actors), free text (subject, description, interim reason, waiver reasons, GF decision, the
requesting body's file number, the history's texts), statements, letters and attachments. Kind, concerns
and outcomes, channel, via, team, every date, the deadline figures, responsibility figures, topic, file
plan number and the requesting body (an institution) stay for the statistics.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from dateutil.relativedelta import relativedelta
from peewee import SqliteDatabase, fn

from krm_desktop.model.codes import PETITION_KINDS, STATUS_CLOSED
from krm_desktop.model.errors import RefusedError
from krm_desktop.model.office.profiles import RETENTION_BA, RETENTION_WHOLE_TO_THE_DAY, RetentionRule, load_profile
from krm_desktop.model.retention.rules import (
    ANONYMISE,
    COMMON_RULES,
    DELETE,
    RULE_DELETE,
    RULE_PERSONAL,
    RULE_PETITION,
    RULE_WHOLE_TO_THE_DAY,
    RULE_WHOLE_YEAR_END,
    Rule,
    de,
    due_dates,
    last_year_end,
    rules_of,
)
from krm_desktop.model.store.entities import (
    Attachment,
    Case,
    Concern,
    Event,
    Letter,
    Party,
    PurgeLog,
    Statement,
    database,
)
from krm_desktop.model.store.transactions import write_transaction

__all__ = [  # the rules are re-exported: callers need one module for plan, run and rules
    "ANONYMISE",
    "COMMON_RULES",
    "DELETE",
    "EVENT_LABELS",
    "PERSONAL_CASE_LINKS",
    "PERSONAL_CASE_TEXT",
    "DueCase",
    "PurgePlan",
    "PurgeResult",
    "RetentionRule",
    "Rule",
    "deleted_refs",
    "due_dates",
    "execute_purge",
    "finish_purge",
    "last_purge",
    "log_rules",
    "plan_purge",
    "purge_logs",
    "purge_reminder_due",
    "rules_of",
    "vacuum_store",
]

_LOG_ID: Any = PurgeLog._meta.primary_key  # a column (the model annotates `id` as int for the type checker)
CHUNK = 900  # ids per statement: below SQLite's oldest limit of 999 variables

# Case columns that hold personal free text or identifiers: emptied on anonymisation.
PERSONAL_CASE_TEXT = (
    "subject",
    "description",
    "interim_reason",
    "waiver_reasons",
    "requesting_ref",
    "employee_concerned",
    "gf_decision",
)
# Links to people (parties, staff): cut on anonymisation.
PERSONAL_CASE_LINKS = ("person", "represented", "signed_by", "decided_by")

# The history keeps what happened and when; its texts (names, reasons, decisions) give way to these.
EVENT_LABELS = {
    "registered": "Kundenreaktion erfasst",
    "gf_lead": "Federführung bei der Geschäftsführung",
    "acknowledged": "Eingangsbestätigung versandt",
    "interim": "Zwischennachricht versandt",
    "assigned": "Zuständigkeit geändert",
    "escalated": "Eskaliert",
    "sign_off_reserved": "Schlusszeichnung der Geschäftsführung vorbehalten",
    "statement": "Stellungnahme eingegangen",
    "dab_decided": "Entscheidung der Geschäftsführung",
    "reclassified": "Umgedeutet",
    "employee_informed": "Beschäftigte/r informiert",
    "waiver": "Verzicht auf schriftliche Antwort erklärt",
    "answered": "Antwortschreiben versandt",
    "closed": "Abgeschlossen",
    "follow_up": "Folgereaktion eingegangen",
    "edited": "Erfassungsdaten geändert",
    "letter": "Schreiben erstellt",
    "imported": "Aus Austauschdatei übernommen",
    "auskunft_requested": "Auskunftsersuchen eingegangen",
    "auskunft_answered": "Auskunft erteilt",
    "corrected": "Personendaten berichtigt",
    "attachment_added": "Anlage beigefügt",
    "attachment_removed": "Anlage entfernt",
}
OTHER_EVENT = "Bearbeitungsschritt"


class DueCase(NamedTuple):  # a tuple: a plan holds tens of thousands, made in a fraction of a second
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


@dataclass(frozen=True)
class PurgeResult:
    log_id: int
    run_id: str
    anonymised: int
    deleted: int
    refs_anonymised: list[str]
    refs_deleted: list[str]


Progress = Callable[[int, int], None]
# The hot statements of the run are plain SQL with bound parameters: building 900-element IN lists through
# the query builder costs more than the database work itself. Names come from the models.
_CASE, _EVENT, _PARTY = Case._meta.table_name, Event._meta.table_name, Party._meta.table_name
_CONCERN = Concern._meta.table_name
_CHILDREN = tuple(m._meta.table_name for m in (Concern, Statement, Event, Letter, Attachment))
_PERSONAL_CHILDREN = tuple(m._meta.table_name for m in (Statement, Letter, Attachment))
# Person and signer are set on most cases; the representative and the deciding GF on few.
_LINK_COLUMNS = tuple(
    Case._meta.fields[name].column_name for name in ("person", "signed_by", "represented", "decided_by")
)
assert set(_LINK_COLUMNS) == {Case._meta.fields[name].column_name for name in PERSONAL_CASE_LINKS}


def _sql(statement: str, params: Iterable[Any] = ()) -> Any:
    return database.execute_sql(statement, tuple(params))


def _marks(count: int) -> str:
    return ", ".join([database.param] * count)


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


def _facts(retention: RetentionRule, as_of: date) -> tuple[list[Any], set[int], str]:
    """The candidate rows (raw), the cases with a petition concern, and a digest of both."""
    query = _candidates(retention, as_of).order_by(Case.year, Case.seq)
    rows = database.execute(query).fetchall()  # raw rows: the few fields are converted only as needed
    petitions: set[int] = set()
    if retention.method == RETENTION_BA and rows:
        kinds = sorted(PETITION_KINDS)
        found = _sql(f"SELECT DISTINCT case_id FROM {_CONCERN} WHERE kind IN ({_marks(len(kinds))})", kinds)
        petitions = {case_id for (case_id,) in found.fetchall()}
    # Compared within this process only (plan and run happen in the same program), so Python's hash will do.
    return rows, petitions, str(hash((tuple(rows), frozenset(petitions))))


def plan_purge(as_of: date, retention: RetentionRule | None = None, profile_code: str | None = None) -> PurgePlan:
    """Every closed case due as of `as_of` under the office's retention rules. Changes nothing."""
    if retention is None:
        profile = load_profile()
        retention, profile_code = profile.retention, profile.code
    rows, petitions, digest = _facts(retention, as_of)
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
    return PurgePlan(as_of, profile_code or "", retention, rules_of(retention), tuple(due), digest)


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _parties_of(ids: list[int]) -> set[int]:
    rows = _sql(f"SELECT person_id, represented_id FROM {_CASE} WHERE id IN ({_marks(len(ids))})", ids).fetchall()
    return {party for pair in rows for party in pair if party is not None}


def _remove_unreferenced_parties(candidates: set[int]) -> None:
    for chunk in _chunks(sorted(candidates)):
        marks = _marks(len(chunk))
        used = _sql(
            f"SELECT person_id, represented_id FROM {_CASE} WHERE person_id IN ({marks}) OR represented_id IN ({marks})",
            chunk + chunk,
        ).fetchall()
        still = {party for pair in used for party in pair}
        gone = [party for party in chunk if party not in still]
        if gone:
            _sql(f"DELETE FROM {_PARTY} WHERE id IN ({_marks(len(gone))})", gone)


def _keep_follow_up_references(ids: list[int]) -> None:
    """Follow-ups of purged cases keep the earlier case's reference as text (the link itself may go)."""
    _sql(
        f"UPDATE {_CASE} SET follows_ref = (SELECT e.ref FROM {_CASE} AS e WHERE e.id = {_CASE}.follows_id) "
        f"WHERE follows_id IN ({_marks(len(ids))}) AND follows_ref = ''",
        ids,
    )


def _anonymise(ids: list[int]) -> set[int]:
    """Remove the personal data of these cases; return the parties they referenced.

    The history keeps its entries (what happened, when) with neutral texts and no actor; that and when the
    case was anonymised is in the Löschprotokoll, so no history entry is added (60,000 fewer rows to write).
    """
    parties = _parties_of(ids)
    p, marks = database.param, _marks(len(ids))
    blank = ", ".join([f"{name} = ''" for name in PERSONAL_CASE_TEXT] + [f"{c} = NULL" for c in _LINK_COLUMNS[:2]])
    _sql(f"UPDATE {_CASE} SET {blank}, anonymised = {p}, version = version + 1 WHERE id IN ({marks})", [True, *ids])
    for column in _LINK_COLUMNS[2:]:  # mostly empty already: an indexed column is only written where it is set
        _sql(f"UPDATE {_CASE} SET {column} = NULL WHERE id IN ({marks}) AND {column} IS NOT NULL", ids)
    labels = " ".join(f"WHEN {p} THEN {p}" for _ in EVENT_LABELS)
    _sql(
        f"UPDATE {_EVENT} SET actor = '', text = CASE action {labels} ELSE {p} END WHERE case_id IN ({marks})",
        [*(v for pair in EVENT_LABELS.items() for v in pair), OTHER_EVENT, *ids],
    )
    for table in _PERSONAL_CHILDREN:
        _sql(f"DELETE FROM {table} WHERE case_id IN ({marks})", ids)
    return parties


def _delete(ids: list[int]) -> set[int]:
    """Delete these cases with everything that belongs to them; return the parties they referenced."""
    parties = _parties_of(ids)
    marks = _marks(len(ids))
    _sql(f"UPDATE {_CASE} SET follows_id = NULL WHERE follows_id IN ({marks})", ids)
    for table in _CHILDREN:
        _sql(f"DELETE FROM {table} WHERE case_id IN ({marks})", ids)
    _sql(f"DELETE FROM {_CASE} WHERE id IN ({marks})", ids)
    return parties


_FTS = re.compile(r"\busing\s+fts[345]\s*\(", re.IGNORECASE)  # not fts5vocab: a read-only view of an index


def fts_tables() -> list[tuple[str, str]]:
    """(name, create statement) of every full-text table (FTS3/4/5) of the SQLite store."""
    if not isinstance(database.obj, SqliteDatabase):
        return []
    rows = database.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")
    return [(name, sql) for name, sql in rows.fetchall() if _FTS.search(sql)]


def _refresh_full_text() -> None:
    """FTS shadow tables keep deleted text until their segments are merged: rebuild, then merge all."""
    for name, sql in fts_tables():
        quoted = '"' + name.replace('"', '""') + '"'
        lowered = sql.lower().replace(" ", "")
        if "content=" in lowered and "content=''" not in lowered and 'content=""' not in lowered:
            database.execute_sql(f"INSERT INTO {quoted}({quoted}) VALUES ('rebuild')")
        database.execute_sql(f"INSERT INTO {quoted}({quoted}) VALUES ('optimize')")


def execute_purge(
    plan: PurgePlan,
    *,
    today: date,
    user: str,
    backup: str = "",
    progress: Progress | None = None,
) -> PurgeResult:
    """Run the plan in one transaction; on any error nothing is changed (the error propagates)."""
    report = progress or (lambda done, total: None)
    with write_transaction():
        # Under the write lock: the facts the plan was made from must still hold (the plan is a function of them).
        if _facts(plan.retention, plan.as_of)[2] != plan.source:
            raise RefusedError(
                "Der Datenbestand hat sich seit der Vorschau geändert (ein anderer Arbeitsplatz hat Fälle "
                "bearbeitet). Es wurde nichts gelöscht; bitte die Vorschau neu erstellen und erneut bestätigen."
            )
        anonymise = [c.case_id for c in plan.of_action(ANONYMISE)]
        delete = [c.case_id for c in plan.of_action(DELETE)]
        total, done = plan.total, 0
        report(0, total)
        parties: set[int] = set()
        for ids, work in ((anonymise, _anonymise), (delete, _delete)):
            for chunk in _chunks(ids):
                _keep_follow_up_references(chunk)
                parties |= work(chunk)
                done += len(chunk)
                report(done, total)
        _remove_unreferenced_parties(parties)
        _refresh_full_text()
        rules = [
            {
                "code": rule.code,
                "label": rule.label,
                "action": rule.action,
                "count": count,
                "refs": [c.ref for c in plan.cases if c.rule == rule.code],
            }
            for rule, count in zip(plan.rules, plan.counts().values(), strict=True)
        ]
        run_id = uuid.uuid4().hex
        log = PurgeLog.create(
            run_id=run_id,
            done_on=today,
            done_by=user,
            as_of=plan.as_of,
            profile=plan.profile,
            method=plan.method,
            rules=json.dumps(rules, ensure_ascii=False),
            anonymised=len(anonymise),
            deleted=len(delete),
            backup=backup,
        )
        report(total, total)
    return PurgeResult(
        log.id,
        run_id,
        len(anonymise),
        len(delete),
        [c.ref for c in plan.of_action(ANONYMISE)],
        [c.ref for c in plan.of_action(DELETE)],
    )


def vacuum_store() -> bool:
    """Rewrite the SQLite file so that no freed page survives; False for a server database."""
    if not isinstance(database.obj, SqliteDatabase):
        return False
    if database.in_transaction():
        raise RefusedError("VACUUM ist nur außerhalb einer Transaktion möglich.")
    database.execute_sql("VACUUM")
    return True


def finish_purge(log_id: int, *, vacuumed: bool, backups_removed: Iterable[str]) -> None:
    """Note the aftermath (VACUUM, removed backups) in the Löschprotokoll."""
    names = json.dumps(sorted(backups_removed), ensure_ascii=False)
    PurgeLog.update(vacuumed=vacuumed, backups_removed=names).where(PurgeLog.id == log_id).execute()


def purge_logs() -> list[PurgeLog]:
    """Every Löschprotokoll, newest first."""
    return list(PurgeLog.select().order_by(_LOG_ID.desc()))


def last_purge() -> PurgeLog | None:
    return PurgeLog.select().order_by(_LOG_ID.desc()).first()


def log_rules(log: PurgeLog) -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = json.loads(log.rules)
    return rules


def deleted_refs(refs: Iterable[str]) -> set[str]:
    """Which of these references the Löschprotokoll names as deleted whole (for anonymous references)."""
    wanted, found = set(refs), set[str]()
    if not wanted:
        return found
    rows: Any = PurgeLog.select(PurgeLog.rules).where(PurgeLog.deleted > 0).tuples()
    for (text,) in rows:
        for rule in json.loads(text):
            if rule["action"] == DELETE:
                found |= wanted.intersection(rule["refs"])
    return found


def purge_reminder_due(today: date) -> str | None:
    """In January: a German reminder when no purge has run as of the last 31.12. (or later)."""
    if today.month != 1:
        return None
    year_end = date(today.year - 1, 12, 31)
    latest = PurgeLog.select(fn.MAX(PurgeLog.as_of)).scalar()
    if isinstance(latest, str):
        latest = date.fromisoformat(latest)
    if latest is not None and latest >= year_end:
        return None
    before = f"Der letzte Löschlauf war zum {de(latest)}." if latest else "Es wurde noch kein Löschlauf durchgeführt."
    return (
        f"Die jährliche Löschung für {year_end.year} steht noch aus. {before} Bitte starten Sie den "
        "Löschassistenten: er zeigt, welche Kundenreaktionen anonymisiert oder gelöscht werden, sichert die "
        "Datenbank vorher und schreibt das Löschprotokoll."
    )
