"""Copy a KRM database into an empty PostgreSQL database (`krm-desktop --db SRC copy-to URL`).

Everything happens in one transaction on the target: the tables of the current schema are created, every row of
every table is copied (the PDFs of letters and attachments included), the id sequences are set past the highest
id, and the copy is read back and compared with the source table by table: the row count and a SHA-256 over the
rows in id order, each value in its Python form (so the text '2026-11-20' of SQLite and the DATE of PostgreSQL
agree). Only when every table agrees is the transaction committed; otherwise nothing stays behind in the target.
The source is read in one transaction of its own, so it cannot change half-way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from peewee import AutoField, BlobField, BooleanField, Database, DateField, DateTimeField, Field, ForeignKeyField, Model
from peewee import DatabaseError as PeeweeDatabaseError

from krm_desktop.model.errors import KrmError, RefusedError, StoreError
from krm_desktop.model.store.bulk import continue_ids
from krm_desktop.model.store.connection import Store, explain_open_error, server_database
from krm_desktop.model.store.entities import ALL_MODELS
from krm_desktop.model.store.targets import describe_target, is_server_url
from krm_desktop.model.store.transactions import write_transaction

PAGE = 2000  # rows per read and per INSERT


@dataclass(frozen=True)
class TableCopy:
    table: str
    rows: int
    sha256: str
    target_rows: int
    target_sha256: str

    @property
    def ok(self) -> bool:
        return self.rows == self.target_rows and self.sha256 == self.target_sha256

    def as_json(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "rows": self.rows,
            "target_rows": self.target_rows,
            "sha256": self.sha256,
            "target_sha256": self.target_sha256,
            "ok": self.ok,
        }


@dataclass(frozen=True)
class CopyResult:
    source: str
    target: str
    tables: tuple[TableCopy, ...]

    @property
    def ok(self) -> bool:
        return all(t.ok for t in self.tables)

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "ok": self.ok,
            "rows": self.rows,
            "tables": [t.as_json() for t in self.tables],
        }


class CopyMismatch(KrmError):
    """The copy read back differs from the source; it was rolled back. `result` names the tables."""

    def __init__(self, result: CopyResult) -> None:
        bad = ", ".join(t.table for t in result.tables if not t.ok)
        super().__init__(
            f"Die Kopie stimmt nicht mit der Quelle überein (Tabellen: {bad}); sie wurde verworfen, die "
            "Zieldatenbank ist leer geblieben."
        )
        self.result = result


Progress = Callable[[str, int], None]


def copy_store(source: Store, target: str, progress: Progress | None = None) -> CopyResult:
    """Copy the open store into the empty PostgreSQL database `target` (a URL); see the module text.

    Refuses (RefusedError/StoreError) a target that is no PostgreSQL URL, cannot be reached or is not empty, and a
    source with tables this program does not know (they would be lost). CopyMismatch when the check fails."""
    if not is_server_url(target):
        raise RefusedError("Das Ziel der Kopie muss eine PostgreSQL-Adresse sein (postgresql://…).")
    if not source.is_sqlite:
        raise RefusedError("Kopiert wird eine SQLite-Datei; die Quelle ist schon eine Serverdatenbank.")
    models = _models_of(source)
    target_db = server_database(target)
    try:
        target_db.connect()
    except PeeweeDatabaseError as exc:
        raise StoreError(explain_open_error(Store(target, target_db, None), exc)) from exc
    try:
        tables = target_db.get_tables()
        if tables:
            raise RefusedError(
                f"Die Zieldatenbank {describe_target(target)} ist nicht leer ({len(tables)} Tabellen, z. B. "
                f"„{tables[0]}“). Kopiert wird nur in eine leere Datenbank."
            )
        with source.db.transaction("DEFERRED"), write_transaction(target_db), target_db.bind_ctx(models):
            target_db.create_tables(models)
            copies = tuple(_copy_table(source.db, target_db, model, progress) for model in models)
            result = CopyResult(source.describe(), describe_target(target), copies)
            if not result.ok:
                raise CopyMismatch(result)  # rolls the target back
        return result
    finally:
        target_db.close()


def _models_of(source: Store) -> list[type[Model]]:
    known = {model._meta.table_name: model for model in ALL_MODELS}
    present = [t for t in source.db.get_tables() if not t.startswith("sqlite_")]
    unknown = sorted(set(present) - set(known))
    if unknown:
        raise RefusedError(
            f"{source.describe()} enthält Tabellen, die dieses Programm nicht kennt ({', '.join(unknown)}); "
            "damit nichts verloren geht, wird nicht kopiert."
        )
    return list(ALL_MODELS)  # in the order of their foreign keys


def _converter(field: Field) -> Callable[[Any], Any]:
    """Dates, times, truth values and bytes in their Python form (SQLite keeps ISO texts and 0/1, psycopg2 gives
    a memoryview of a bytea); every other value as the database has it, so that a value the server changes on
    the way in (a fraction in an integer column, say) shows as a difference."""
    if isinstance(field, DateTimeField):
        return lambda v: datetime.fromisoformat(v) if isinstance(v, str) else field.python_value(v)
    if isinstance(field, DateField):
        return lambda v: date.fromisoformat(v) if isinstance(v, str) and len(v) == 10 else field.python_value(v)
    if isinstance(field, BooleanField):
        return field.python_value
    if isinstance(field, BlobField):
        return lambda v: bytes(v) if isinstance(v, memoryview) else v
    return lambda v: v


def _rows(db: Database, model: type[Model]) -> Iterator[list[tuple[Any, ...]]]:
    """The table's rows in pages, converted; by id in keyset pages (no cursor stays open), else all at once."""
    fields = model._meta.sorted_fields
    convert = [_converter(f) for f in fields]
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    table = f'"{model._meta.table_name}"'
    key = model._meta.primary_key
    if not isinstance(key, AutoField):
        raw = db.execute_sql(f"SELECT {columns} FROM {table}").fetchall()
        # sorted here, not by the database: text collations differ between SQLite and a server
        yield sorted((tuple(c(v) for c, v in zip(convert, row, strict=True)) for row in raw), key=repr)
        return
    position = fields.index(key)
    last = 0
    while True:
        name = f'"{key.column_name}"'
        sql = f"SELECT {columns} FROM {table} WHERE {name} > {db.param} ORDER BY {name} LIMIT {PAGE}"
        raw = db.execute_sql(sql, (last,)).fetchall()
        if not raw:
            return
        yield [tuple(c(v) for c, v in zip(convert, row, strict=True)) for row in raw]
        last = raw[-1][position]


def _copy_table(source: Database, target: Database, model: type[Model], progress: Progress | None) -> TableCopy:
    from psycopg2.extras import execute_values

    fields = model._meta.sorted_fields
    table = model._meta.table_name
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    # A reference to a row of the same table (Case.follows) may point forward: written in a second step.
    own = [i for i, f in enumerate(fields) if isinstance(f, ForeignKeyField) and f.rel_model is model]
    later: list[tuple[Any, ...]] = []
    digest, count = hashlib.sha256(), 0
    cursor = target.cursor()
    for page in _rows(source, model):
        _hash(digest, page)
        count += len(page)
        if own:
            later += [(row[0], *(row[i] for i in own)) for row in page if any(row[i] is not None for i in own)]
            # (row[0]: the id; sorted_fields begin with the primary key)
            page = [tuple(None if i in own else v for i, v in enumerate(row)) for row in page]
        # (psycopg2's own errors here: write_transaction tells them in German like peewee's)
        execute_values(cursor, f'INSERT INTO "{table}" ({columns}) VALUES %s', page, page_size=PAGE)
        if progress:
            progress(table, count)
    if later:
        names = [fields[i].column_name for i in own]
        assignments = ", ".join(f'"{n}" = v."{n}"' for n in names)
        values = ", ".join(f'"{n}"' for n in names)
        execute_values(
            cursor,
            f'UPDATE "{table}" SET {assignments} FROM (VALUES %s) AS v(krm_key, {values}) '
            f'WHERE "{table}"."{fields[0].column_name}" = v.krm_key',
            later,
            page_size=PAGE,
        )
    if isinstance(model._meta.primary_key, AutoField):
        continue_ids(model, target)
    copied, copied_count = hashlib.sha256(), 0
    for page in _rows(target, model):
        _hash(copied, page)
        copied_count += len(page)
    return TableCopy(table, count, digest.hexdigest(), copied_count, copied.hexdigest())


def _hash(digest: Any, rows: Sequence[tuple[Any, ...]]) -> None:
    for row in rows:
        digest.update(repr(row).encode("utf-8", "surrogatepass"))
        digest.update(b"\n")
