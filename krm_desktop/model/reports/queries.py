"""The counting queries of a report: aggregates in SQL (GROUP BY) over the cases received in a period.

The counting rules they follow are written down in `figures`. `aggregate_queries` hands out the very queries
`compute_figures` runs, so a benchmark can time them bare (`report_queries`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from peewee import JOIN, SQL, Cast, Expression, NodeList, Select, SqliteDatabase, fn
from peewee import Case as SqlCase

from krm_desktop.model.codes import OUTCOME_KINDS
from krm_desktop.model.reports.periods import Period, oldest_received
from krm_desktop.model.store.entities import Case, Concern, Team, database

DAB = "dienstaufsichtsbeschwerde"
CARD = "meinungskarte"
TOP_TOPICS = 10


def _sqlite() -> bool:
    return isinstance(database.obj, SqliteDatabase)


def _plain(column: Any) -> Any:
    """SQLite: `+column`, an expression no index serves, so that the planner walks the received-date range
    and does not scan a whole index on a grouped column (e.g. one on channel for the case list) instead."""
    return NodeList((SQL("+"), column), glue="") if _sqlite() else column


def _in(period: Period) -> Expression:
    return (Case.received >= period.start) & (Case.received <= period.end)


def _month() -> Any:
    if _sqlite():
        return Cast(fn.strftime("%m", Case.received), "INTEGER")
    return Cast(fn.date_part("month", Case.received), "INTEGER")


def _days() -> Any:
    if _sqlite():
        return Cast(fn.julianday(Case.closed) - fn.julianday(Case.received), "INTEGER")
    return Case.closed - Case.received


def _count_if(condition: Any) -> Any:
    return fn.SUM(SqlCase(None, [(condition, 1)], 0))


def _card() -> Expression:
    return (Case.kind == CARD) | (Case.channel == CARD)


def _by_case_column(period: Period, column: Any) -> Select:
    """(group, cases, concerns) of the period's cases grouped by a case column or expression.

    Grouped by position (GROUP BY 1): PostgreSQL does not see a parametrised expression in SELECT and in
    GROUP BY as the same one.
    """
    return (
        Case.select(_plain(column), fn.COUNT(fn.DISTINCT(Case.id)), fn.COUNT(Concern.id))
        .join(Concern, JOIN.LEFT_OUTER, on=(Concern.case == Case.id))
        .where(_in(period))
        .group_by(SQL("1"))
    )


def _summary_query(period: Period, today: date) -> Select:
    ack_clock = Case.ack_due.is_null(False) & Case.ack_waived.is_null()  # "entfällt": counted apart
    ack_on_time = (Case.ack_sent <= Case.ack_due) | (Case.answer_sent <= Case.ack_due) | (Case.closed <= Case.ack_due)
    ack_counted = ack_clock & (
        Case.ack_sent.is_null(False)
        | Case.answer_sent.is_null(False)
        | Case.closed.is_null(False)
        | (Case.ack_due < today)
    )
    answer_on_time = (Case.answer_sent <= Case.final_due) | (Case.closed <= Case.final_due)
    answer_counted = Case.final_due.is_null(False) & (
        Case.answer_sent.is_null(False) | Case.closed.is_null(False) | (Case.final_due < today)
    )
    dab_origin = (Case.kind == DAB) | (Case.reclassified_from == DAB)
    reclassified = Case.reclassified_from == DAB
    return Case.select(
        fn.COUNT(Case.id),
        _count_if(Case.closed.is_null(False)),
        _count_if(Case.anonymised),
        _count_if(Case.kind == "folgereaktion"),
        _count_if(_card()),
        _count_if(dab_origin),
        _count_if((Case.kind == DAB) & Case.decided_on.is_null(False)),
        _count_if(reclassified & (Case.kind == "fachaufsichtsbeschwerde")),
        _count_if(reclassified & (Case.kind == "beschwerde")),
        _count_if((Case.kind == DAB) & Case.decided_on.is_null(True)),
        _count_if(ack_clock),
        _count_if(ack_counted),
        _count_if(ack_counted & ack_on_time),
        _count_if(Case.final_due.is_null(False)),
        _count_if(answer_counted),
        _count_if(answer_counted & answer_on_time),
        _count_if(answer_counted & (answer_on_time | (Case.interim_sent <= Case.final_due))),
        _count_if(Case.interim_sent.is_null(False)),
        _count_if(Case.interim_sent <= Case.final_due),
        _count_if(Case.topic == ""),
        _count_if(Case.ack_due.is_null(False) & Case.ack_waived.is_null(False)),
    ).where(_in(period))


KEY_QUERIES = ("summary", "kind", "outcome", "processing_days")  # enough for the comparison figures


def aggregate_queries(period: Period, today: date, *, full: bool = True) -> dict[str, Select]:
    """The queries behind the figures of one period, by name; `full=False`: only those of the key figures."""
    queries: dict[str, Select] = {
        "summary": _summary_query(period, today),
        "kind": (
            Concern.select(_plain(Concern.kind), fn.COUNT(fn.DISTINCT(Concern.case)), fn.COUNT(Concern.id))
            .join(Case, on=(Concern.case == Case.id))
            .where(_in(period))
            .group_by(SQL("1"))
        ),
        "channel": _by_case_column(period, Case.channel),
        "via": _by_case_column(period, Case.via),
        "team": (
            Case.select(Team.name, Team.area, fn.COUNT(fn.DISTINCT(Case.id)), fn.COUNT(Concern.id))
            .join(Concern, JOIN.LEFT_OUTER, on=(Concern.case == Case.id))
            .switch(Case)
            .join(Team, JOIN.LEFT_OUTER, on=(Case.team == Team.id))
            .where(_in(period))
            .group_by(_plain(Case.team), Team.name, Team.area)
        ),
        "month": _by_case_column(period, _month()),
        "outcome": (
            Concern.select(Concern.outcome, fn.COUNT(fn.DISTINCT(Concern.case)), fn.COUNT(Concern.id))
            .join(Case, on=(Concern.case == Case.id))
            .where(_in(period) & _plain(Concern.kind).in_(sorted(OUTCOME_KINDS)))
            .group_by(Concern.outcome)
        ),
        "topic": (
            Case.select(_plain(Case.topic), fn.COUNT(fn.DISTINCT(Case.id)), fn.COUNT(Concern.id))
            .join(Concern, JOIN.LEFT_OUTER, on=(Concern.case == Case.id))
            .where(_in(period) & (Case.topic != ""))
            .group_by(SQL("1"))
            .order_by(SQL("2 DESC, 1"))
            .limit(TOP_TOPICS)
        ),
        # Issue 19: the Meinungskarten by Lob/Anregung/Kritik, from their own column (kept by the purge).
        "card_tenor": (
            Case.select(_plain(Case.card_tenor), fn.COUNT(Case.id), fn.COUNT(Case.id))
            .where(_in(period) & ((_plain(Case.kind) == CARD) | (_plain(Case.channel) == CARD)))
            .group_by(SQL("1"))
        ),
        "processing_days": (
            Case.select(_days()).where(_in(period) & Case.closed.is_null(False) & ~_card()).order_by(_days())
        ),
    }
    return queries if full else {name: queries[name] for name in KEY_QUERIES}


def previous_period(period: Period) -> Period | None:
    """The previous period of the same length, unless it lies wholly before the oldest record."""
    before, oldest = period.previous(), oldest_received()
    return before if oldest is not None and before.end >= oldest else None


def report_queries(period: Period, today: date) -> list[tuple[str, Select]]:
    """Every aggregate query `compute_figures` runs for a period (with its comparison), in order."""
    planned = [(f"{period.code} {name}", q) for name, q in aggregate_queries(period, today).items()]
    before = previous_period(period)
    if before is not None:
        planned += [(f"{before.code} {name}", q) for name, q in aggregate_queries(before, today, full=False).items()]
    return planned
