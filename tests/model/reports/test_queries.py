"""The report's counting queries: aggregates in SQL that walk the received-date range (tests/report_data.py)."""

from __future__ import annotations

import pytest

from krm_desktop.model.reports.figures import compute_figures
from krm_desktop.model.reports.periods import Period
from krm_desktop.model.reports.queries import KEY_QUERIES, aggregate_queries, report_queries
from krm_desktop.model.store.entities import database
from tests.report_data import TODAY, report_cases, report_db_path, report_template  # noqa: F401

Y2025 = Period(2025)


@pytest.fixture
def data(report_cases):  # noqa: F811
    return report_cases


def test_aggregates_run_in_sql(data) -> None:
    planned = report_queries(Y2025, TODAY)
    names = [name for name, _ in planned]
    current = [f"2025 {n}" for n in aggregate_queries(Y2025, TODAY)]
    assert names[: len(current)] == current
    assert names[len(current) :] == [f"2024 {n}" for n in KEY_QUERIES]
    for name, query in planned:
        sql = query.sql()[0]
        assert "GROUP BY" in sql or "COUNT" in sql or name.endswith("processing_days"), name


@pytest.mark.sqlite_only
def test_queries_walk_the_received_range_even_where_other_indexes_exist(data) -> None:
    for sql in (
        "CREATE INDEX probe_channel ON krm_case(channel)",
        "CREATE INDEX probe_via ON krm_case(via)",
        "CREATE INDEX probe_topic ON krm_case(topic)",
        "CREATE INDEX probe_concern_kind ON concern(kind, case_id)",
    ):
        database.execute_sql(sql)
    for name, query in aggregate_queries(Y2025, TODAY).items():
        sql, params = query.sql()
        plan = " | ".join(row[3] for row in database.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall())
        assert "krm_case_received" in plan, (name, plan)
    assert compute_figures(Y2025, today=TODAY).by_channel[0].concerns == 6
