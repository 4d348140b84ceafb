"""Many rows of one model at once: one prepared INSERT, run with the driver's `executemany`.

Peewee's `insert_many` writes the SQL text of every value anew; at the sizes of the demo and of an import
(100,000 cases are some 5 million values) that costs many times the writing itself. Values still pass through
each field's `db_value`, and a field a row leaves out gets the model's default, as with `Model.insert`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from peewee import Database, Model, PostgresqlDatabase, chunked

from krm_desktop.model.store.entities import BaseModel, database

ROWS_PER_EXECUTE = 1_000


class PreparedInsert:
    """INSERT of every column of `model`; with `with_ids` the rows bring their own primary key."""

    def __init__(self, model: type[BaseModel], *, with_ids: bool = False) -> None:
        key: Any = model._meta.primary_key
        fields = [f for f in model._meta.sorted_fields if with_ids or f is not key]
        # (name, conversion, default) of each column
        self.columns = [(f.name, f.db_value, f.default) for f in fields]
        quote: str = database.quote

        def name(text: str) -> str:
            return quote[0] + text + quote[1]

        columns = ", ".join(name(f.column_name) for f in fields)
        params = ", ".join([database.param] * len(fields))
        self.sql = f"INSERT INTO {name(model._meta.table_name)} ({columns}) VALUES ({params})"
        self.returning = bool(database.returning_clause)  # PostgreSQL: RETURNING id; SQLite: lastrowid
        self.sql_returning = self.sql + f" RETURNING {name(key.column_name)}"

    def params(self, row: dict[str, Any]) -> list[Any]:
        return [db_value(row[name] if name in row else _default(default)) for name, db_value, default in self.columns]

    def insert(self, row: dict[str, Any]) -> int:
        """Insert one row; its id."""
        if self.returning:
            return int(database.execute_sql(self.sql_returning, self.params(row)).fetchone()[0])
        return int(database.execute_sql(self.sql, self.params(row)).lastrowid)

    def insert_many(self, rows: Iterable[dict[str, Any]]) -> None:
        for batch in chunked(rows, ROWS_PER_EXECUTE):
            database.cursor().executemany(self.sql, [self.params(row) for row in batch])


def _default(default: Any) -> Any:
    return default() if callable(default) else default


def continue_ids(model: type[Model], db: Database | None = None) -> None:
    """After rows came with their own ids: PostgreSQL's id sequence, which they did not move, continues after
    the highest (SQLite's rowid always does). `db`: another database than the store's (the copy's target)."""
    db = db if db is not None else database.obj
    if isinstance(db, PostgresqlDatabase):
        primary_key: Any = model._meta.primary_key
        table, key = model._meta.table_name, primary_key.column_name
        db.execute_sql(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{key}'), "
            f'COALESCE((SELECT MAX("{key}") FROM "{table}"), 0) + 1, false)'
        )
