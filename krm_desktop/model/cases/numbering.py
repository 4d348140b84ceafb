"""The references a new case may get: the next number of its year, never one the purge deleted or one a
Folgereaktion still names, never one the format cannot hold.

The Löschprotokoll (`PurgeLog`) is read here directly: `retention` sits above `cases`, and its
`purge_log.deleted_refs` is this module's `deleted_refs`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from peewee import fn

from krm_desktop.model import validation as v
from krm_desktop.model.errors import RefusedError
from krm_desktop.model.store.entities import Case, PurgeLog

DELETED_WHOLE = "delete"  # the action of a Löschprotokoll rule that deleted cases whole (retention.rules.DELETE)


def _deleted_by_rule() -> Iterable[list[str]]:
    rows: Any = PurgeLog.select(PurgeLog.rules).where(PurgeLog.deleted > 0).tuples()
    for (text,) in rows:
        for rule in json.loads(text):
            if rule["action"] == DELETED_WHOLE:
                yield rule["refs"]


def deleted_refs(refs: Iterable[str]) -> set[str]:
    """Which of these references the Löschprotokoll names as deleted whole (for anonymous references)."""
    wanted, found = set(refs), set[str]()
    if wanted:
        for deleted in _deleted_by_rule():
            found |= wanted.intersection(deleted)
    return found


def _numbers_of(refs: Iterable[str], year: int) -> set[int]:
    return {parsed[1] for ref in refs if (parsed := v.parse_ref(ref)) is not None and parsed[0] == year}


def _gone(year: int) -> set[int]:
    """The numbers of the year whose case is gone but whose reference lives on: deleted by the purge, or named
    by a Folgereaktion (a stored `follows_ref`) without a stored case."""
    numbers = set[int]()
    for deleted in _deleted_by_rule():
        numbers |= _numbers_of(deleted, year)
    named: Any = (
        Case.select(Case.follows_ref)
        .where(Case.follows.is_null() & Case.follows_ref.startswith(f"KRM-{year}-"))
        .tuples()
    )
    return numbers | _numbers_of((ref for (ref,) in named), year)


def free_seqs(year: int, count: int, taken: Iterable[int] = ()) -> list[int]:
    """`count` free numbers of the year: after the highest used, gone or `taken` one; when the format's last
    number is reached, the lowest never used. Refused (German) when the year has no more."""
    if count <= 0:
        return []
    reserved = set(taken) | _gone(year)
    last = max(Case.select(fn.MAX(Case.seq)).where(Case.year == year).scalar() or 0, max(reserved, default=0))
    if last + count <= v.MAX_SEQ:
        return list(range(last + 1, last + count + 1))
    stored: Any = Case.select(Case.seq).where(Case.year == year).tuples()
    used = reserved | {seq for (seq,) in stored}
    free: list[int] = []
    for seq in range(1, v.MAX_SEQ + 1):
        if seq not in used:
            free.append(seq)
            if len(free) == count:
                return free
    raise RefusedError(
        f"Für das Jahr {year} sind keine Aktenzeichen mehr frei (das Format reicht bis "
        f"{v.format_ref(year, v.MAX_SEQ)}). Bitte wenden Sie sich an die Betreuung des Programms."
    )


def next_ref(year: int) -> tuple[str, int]:
    """The reference and number the next case of the year gets."""
    seq = free_seqs(year, 1)[0]
    return v.format_ref(year, seq), seq
