"""Export of every case in the exchange format of DESIGN.md §2: one JSON object a line (JSONL).

Every case is written, ordered by received date and reference, in keyset pages (no long-open cursor).
Texts and person fields that are empty are written as null (`case_import` reads them back as empty).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Any, TextIO

from peewee import JOIN, fn

from krm_desktop.model.exchange.case_details import EXPORT_COLUMNS, exported_details
from krm_desktop.model.exchange.line_checks import PERSON_KEYS
from krm_desktop.model.exchange.notice_lines import KEY as NOTICES_KEY
from krm_desktop.model.exchange.notice_lines import exported_notices
from krm_desktop.model.store.entities import Case, Concern, Party, Team

PAGE = 1000  # cases per export page

Earlier = Case.alias("earlier")
_EXPORT_COLUMNS = (
    Case.id,
    Case.ref,
    Case.year,
    Case.seq,
    Case.kind,
    Case.channel,
    Case.via,
    Case.received,
    Team.name.alias("team_name"),
    Case.subject,
    Case.description,
    Case.person.alias("person_id"),
    *(getattr(Party, key).alias(f"p_{key}") for key in PERSON_KEYS),
    Case.ack_sent,
    Case.interim_sent,
    Case.answer_sent,
    Case.closed,
    Case.outcome,
    Case.waiver,
    # the earlier case's reference, also when the purge deleted that case and only the reference stayed
    fn.COALESCE(Earlier.ref, fn.NULLIF(Case.follows_ref, "")).alias("follows_ref"),
    Case.anonymised,
    Case.card_tenor,
    *EXPORT_COLUMNS,
)


def _after(received: date, year: int, seq: int) -> Any:
    """Cases after the given one in export order (received, year, number): the keyset condition."""
    return (Case.received > received) | (
        (Case.received == received) & ((Case.year > year) | ((Case.year == year) & (Case.seq > seq)))
    )


def _page(last: tuple[date, int, int] | None) -> list[dict[str, Any]]:
    query = (
        Case.select(*_EXPORT_COLUMNS)
        .join(Team, JOIN.LEFT_OUTER, on=(Case.team == Team.id))
        .switch(Case)
        .join(Party, JOIN.LEFT_OUTER, on=(Case.person == Party.id))
        .switch(Case)
        .join(Earlier, JOIN.LEFT_OUTER, on=(Case.follows == Earlier.id))
    )
    if last is not None:
        query = query.where(_after(*last))
    rows: Any = query.order_by(Case.received, Case.year, Case.seq).limit(PAGE).dicts()
    return list(rows)


def _iso(value: date | str | None) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def _line(row: dict[str, Any], concerns: list[tuple[str, str | None, str | None]]) -> dict[str, Any]:
    person = None
    if row["person_id"] is not None:
        person = {key: row[f"p_{key}"] or None for key in PERSON_KEYS}
    return {
        "ref": row["ref"],
        "kind": row["kind"],
        "concerns": [{"kind": kind, "outcome": outcome, "team": team} for kind, outcome, team in concerns],
        "channel": row["channel"],
        "via": row["via"],
        "received": _iso(row["received"]),
        "team": row["team_name"],
        "subject": row["subject"] or None,
        "description": row["description"] or None,
        "tenor": row["card_tenor"] or None,
        "person": person,
        "ack_sent": _iso(row["ack_sent"]),
        "interim_sent": _iso(row["interim_sent"]),
        "answer_sent": _iso(row["answer_sent"]),
        "closed": _iso(row["closed"]),
        "outcome": row["outcome"],
        "waiver": bool(row["waiver"]),
        "follows": row["follows_ref"],
        "anonymised": bool(row["anonymised"]),
    }


def export_lines() -> Iterator[dict[str, Any]]:
    """Every case as the exchange format's object, in export order, a page of cases at a time."""
    last: tuple[date, int, int] | None = None
    while True:
        rows = _page(last)
        if not rows:
            return
        concerns: dict[int, list[tuple[str, str | None, str | None]]] = defaultdict(list)
        query: Any = (
            Concern.select(Concern.case, Concern.kind, Concern.outcome, Team.name)
            .join(Team, JOIN.LEFT_OUTER, on=(Concern.team == Team.id))
            .where(Concern.case.in_([row["id"] for row in rows]))
            .order_by(Concern.case, Concern.position)
            .tuples()
        )
        for case_id, kind, outcome, team in query:
            concerns[case_id].append((kind, outcome, team))
        notices = exported_notices([row["id"] for row in rows])  # issue 19: null where a case has none
        for row in rows:
            yield {**_line(row, concerns[row["id"]]), NOTICES_KEY: notices.get(row["id"]), **exported_details(row)}
        end = rows[-1]
        last = (end["received"], end["year"], end["seq"])


def export_cases(out: TextIO) -> int:
    """Write every case as one JSON line; return how many."""
    count = 0
    for line in export_lines():
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
        count += 1
    return count
