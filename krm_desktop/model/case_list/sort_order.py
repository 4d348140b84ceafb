"""The case list's order: a column and a direction as SQL ORDER BY, the case id breaking ties.

Codes sort by their German label, names with umlauts folded (DIN 5007-1), teams by name; "Frist" puts the
cases without a due item last, and is written in parts that each walk an index (`fill_parts`).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from peewee import SQL, Expression, fn
from peewee import Case as SqlCase

from krm_desktop.model.codes import CHANNELS, KINDS
from krm_desktop.model.store.entities import Case, Party, Team


class SortOrder(NamedTuple):
    column: str = "due"
    descending: bool = False


def _rank(vocabulary: dict[str, str], column: Any) -> Any:
    """Sort codes by their German label, not by the code."""
    ordered = sorted(vocabulary, key=lambda code: vocabulary[code].casefold())
    return SqlCase(column, [(code, index) for index, code in enumerate(ordered)], len(ordered))


def _folded(column: Any) -> Any:
    """Lower case with umlauts folded (DIN 5007-1: ä = a), so Özdemir sorts with the O."""
    expr = column
    for old, new in (("Ä", "a"), ("ä", "a"), ("Ö", "o"), ("ö", "o"), ("Ü", "u"), ("ü", "u"), ("ß", "ss")):
        expr = fn.REPLACE(expr, old, new)
    return fn.LOWER(expr)


def _team_rank() -> Any:
    rows: Any = Team.select(Team.id, Team.name).tuples()
    teams = sorted(rows, key=lambda row: row[1].casefold())
    if not teams:
        return SQL("0")
    return SqlCase(Case.team, [(team_id, index) for index, (team_id, _) in enumerate(teams)], len(teams))


def _sort_keys(column: str) -> list[tuple[Any, bool]]:
    """(expression, descending) pairs for an ascending sort by the column; the case id breaks ties."""
    if column == "ref":
        return [(Case.year, False), (Case.seq, False)]
    if column == "received":
        return [(Case.received, False)]
    if column == "kinds":
        return [(_rank(KINDS, Case.kind), False)]
    if column == "channel":
        return [(_rank(CHANNELS, Case.channel), False)]
    if column == "person":
        return [(Case.person.is_null(), False), (_folded(Party.name), False)]
    if column == "team":
        return [(_team_rank(), False)]
    if column == "due":
        return [(Case.next_due.is_null(), False), (Case.next_due, False)]
    if column == "status":  # offen before abgeschlossen, then by Frist
        return [(Case.status, True), (Case.next_due.is_null(), False), (Case.next_due, False)]
    raise ValueError(f"unknown column {column!r}")


def order_by(order: SortOrder) -> list[Any]:
    keys = [*_sort_keys(order.column), (Case.id, False)]
    return [expr.desc() if descending != order.descending else expr.asc() for expr, descending in keys]


WITH_DUE = Case.next_due.is_null(False)


def fill_parts(order: SortOrder, *, cheap: bool, filtered: bool) -> list[tuple[Expression | None, list[Any]]]:
    """The statements that fill the position table, in order: (extra condition, ORDER BY).

    Sorting by Frist puts the cases without a due item last (ascending). Written as one ORDER BY, SQLite
    sorts every row; as two parts (first the few open cases with a due item, by date; then the rest, by
    id) each part walks an index in the order wanted. With a text search the scan dominates and one
    statement (one scan) is cheaper."""
    if order.column != "due" or not cheap:
        return [(None, order_by(order))]
    direction = (lambda e: e.desc()) if order.descending else (lambda e: e.asc())
    # Filtered, "the rest" is simply what is not in the list yet (CaseList._fill): SQLite then walks the
    # filter's own index (id order, often covering) instead of the next_due index, where nearly every
    # closed case sits as NULL.
    rest: Expression | None = None if filtered else Case.next_due.is_null()
    parts: list[tuple[Expression | None, list[Any]]] = [
        (WITH_DUE, [direction(Case.next_due), direction(Case.id)]),
        (rest, [direction(Case.id)]),
    ]
    return parts[::-1] if order.descending else parts


def needs_party(order: SortOrder) -> bool:
    return order.column == "person"  # (the search looks the persons up by itself: search.py)
