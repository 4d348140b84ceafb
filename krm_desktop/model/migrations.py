"""Step-by-step schema migrations: version N-1 -> N, each step in one transaction.

A fresh database is created at CURRENT_VERSION directly from the models; these steps only
upgrade older files. Add a step and a committed sample file (tests/model/schemas/vN.sqlite3)
with every schema change.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import Database, SqliteDatabase
from playhouse.migrate import SchemaMigrator, migrate

CURRENT_VERSION = 2

Step = Callable[[SchemaMigrator, Database], None]


def _v2_case_topic(migrator: SchemaMigrator, db: Database) -> None:
    """Version 2: every case gets a topic category (Themenkategorie) for the reports."""
    from peewee import CharField

    migrate(migrator.add_column("krm_case", "topic", CharField(max_length=80, default="")))


STEPS: dict[int, Step] = {2: _v2_case_topic}


def upgrade(db: Database, from_version: int, write_version: Callable[[int], None]) -> None:
    migrator = SchemaMigrator.from_database(db)
    sqlite = isinstance(db, SqliteDatabase)
    if sqlite:
        # Table rebuilds (ALTER via copy) must not cascade; the pragma only works outside a transaction.
        db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        for version in range(from_version + 1, CURRENT_VERSION + 1):
            with db.atomic():
                STEPS[version](migrator, db)
                write_version(version)
        if sqlite and db.execute_sql("PRAGMA foreign_key_check").fetchall():
            raise RuntimeError("foreign_key_check failed after migration")
    finally:
        if sqlite:
            db.execute_sql("PRAGMA foreign_keys = ON")
