"""The purge (DOMAIN.md §4): the run that removes what a plan (`purge_plan`) found due.

`execute_purge` runs the plan in ONE transaction: it plans again under the write lock and refuses when the
result differs from what the user confirmed, anonymises and deletes, removes parties no longer referenced and the routing notes due,
writes the Löschprotokoll (`PurgeLog`: counts, rules, case references, no personal data; read back by
`purge_log`) and rebuilds any full-text index. Every connection runs with `secure_delete`; `vacuum_store`
afterwards rewrites the file. The model never reads the clock: `today` and the acting user come from the caller.

What anonymisation removes (the personal data of DOMAIN §4) and what stays is listed in
`PERSONAL_CASE_TEXT`, `PERSONAL_CASE_LINKS` and `_anonymise`: names, addresses, identifiers and contact
data (the parties), employee names (employee concerned, signer, deciding GF, statement authors, the
history's actors), free text (subject, description, interim reason, waiver reasons, GF decision, the
requesting body's file number, the history's texts), statements, letters and attachments. Kind, concerns
and outcomes, channel, via, team, every date, the deadline figures, responsibility figures, topic, a
Meinungskarte's Lob/Anregung/Kritik (`card_tenor`), file plan number and the requesting body (an institution)
stay for the statistics.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from peewee import SqliteDatabase

from krm_desktop.model.errors import RefusedError
from krm_desktop.model.retention.purge_plan import PurgePlan, plan_facts
from krm_desktop.model.retention.rules import ANONYMISE, DELETE
from krm_desktop.model.store.entities import (
    Attachment,
    Case,
    Concern,
    Event,
    Letter,
    Notice,
    Party,
    PurgeLog,
    RoutingNote,
    Statement,
    database,
)
from krm_desktop.model.store.transactions import write_transaction

CHUNK = 900  # ids per statement: below SQLite's oldest limit of 999 variables

# Case columns that hold personal free text or identifiers: emptied on anonymisation.
PERSONAL_CASE_TEXT = (
    "subject",
    "description",
    "interim_reason",
    "ack_waived_reason",
    "waiver_reasons",
    "requesting_ref",
    "statement_checked_by",
    "employee_concerned",
    "gf_decision",
    "file_note_by",  # issue 19: who wrote the Aktenvermerk for the E-Akte/VerBIS (an employee's name)
)
# Links to people (parties, staff): cut on anonymisation.
PERSONAL_CASE_LINKS = ("person", "represented", "signed_by", "decided_by")

# The history keeps what happened and when; its texts (names, reasons, decisions) give way to these.
EVENT_LABELS = {
    "registered": "Kundenreaktion erfasst",
    "gf_lead": "Federführung bei der Geschäftsführung",
    "acknowledged": "Eingangsbestätigung versandt",
    "ack_waived": "Eingangsbestätigung entfällt",
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
    "deadlines_recomputed": "Fristen neu berechnet",
    "ba_agreed": "Abgestimmt mit Agentur für Arbeit und Regionaldirektion",
    "statement_checked": "Stellungnahme vom KRM geprüft",
    # issue 19: Zur Kenntnis and Pankow's "vorlagepflichtig"
    "notice": "Zur Kenntnis gegeben",
    "notice_removed": "Kenntnisnahme gestrichen",
    "gf_required": "Als vorlagepflichtig markiert",
    # several teams concerned (issue 19, item 1)
    "several_teams": "Mehrere Teams betroffen: Federführung bei der Geschäftsführung",
    "contribution": "Beitrag eines Teams eingegangen",
    "file_note": "Vermerk für E-Akte/VerBIS erstellt",
}
OTHER_EVENT = "Bearbeitungsschritt"


@dataclass(frozen=True)
class PurgeResult:
    log_id: int
    run_id: str
    anonymised: int
    deleted: int
    refs_anonymised: list[str]
    refs_deleted: list[str]
    routing_notes_deleted: int = 0


Progress = Callable[[int, int], None]
# The hot statements of the run are plain SQL with bound parameters: building 900-element IN lists through
# the query builder costs more than the database work itself. Names come from the models.
_CASE, _EVENT, _PARTY = Case._meta.table_name, Event._meta.table_name, Party._meta.table_name
_ROUTING_NOTE = RoutingNote._meta.table_name
_CHILDREN = tuple(m._meta.table_name for m in (Concern, Statement, Event, Letter, Attachment, Notice))
# Zur Kenntnis (Notice) names employees and managers: personal data, removed with the statements.
_PERSONAL_CHILDREN = tuple(m._meta.table_name for m in (Statement, Letter, Attachment, Notice))
# Person and signer are set on most cases; the representative and the deciding GF on few.
_LINK_COLUMNS = tuple(
    Case._meta.fields[name].column_name for name in ("person", "signed_by", "represented", "decided_by")
)
assert set(_LINK_COLUMNS) == {Case._meta.fields[name].column_name for name in PERSONAL_CASE_LINKS}


def _sql(statement: str, params: Iterable[Any] = ()) -> Any:
    return database.execute_sql(statement, tuple(params))


def _marks(count: int) -> str:
    return ", ".join([database.param] * count)


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
        if plan_facts(plan.retention, plan.as_of)[3] != plan.source:
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
        for chunk in _chunks(list(plan.routing_notes)):
            _sql(f"DELETE FROM {_ROUTING_NOTE} WHERE id IN ({_marks(len(chunk))})", chunk)
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
        notes = plan.routing_rule  # counted, never named: the notes are no cases and have no reference
        rules.append(
            {
                "code": notes.code,
                "label": notes.label,
                "action": notes.action,
                "count": len(plan.routing_notes),
                "refs": [],
            }
        )
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
        len(plan.routing_notes),
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
