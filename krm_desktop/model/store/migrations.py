"""Step-by-step schema migrations: version N-1 -> N, each step in one transaction.

A fresh database is created at CURRENT_VERSION directly from the models; these steps only
upgrade older files. Add a step and a committed sample file (tests/model/store/schemas/vN.sqlite3)
with every schema change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from peewee import Database, SqliteDatabase

from krm_desktop.model.store.transactions import write_transaction

CURRENT_VERSION = 7

if TYPE_CHECKING:  # playhouse.migrate is imported only when a database is really upgraded
    from playhouse.migrate import SchemaMigrator

Step = Callable[["SchemaMigrator", Database], None]


V2_CLOCK_FIELDS = ("closed", "ack_due", "final_due", "ack_sent", "interim_sent", "interim_expected", "answer_sent")


def _v2_next_due(
    closed: date | None,
    ack_due: date | None,
    final_due: date | None,
    ack_sent: date | None,
    interim_sent: date | None,
    interim_expected: date | None,
    answer_sent: date | None,
) -> tuple[str | None, date | None]:
    """The earliest open clock item by the rule of version 2, kept here so that later changes to the deadline rules
    (model/time/deadlines.py) never change what this step wrote."""
    items: list[tuple[str, date]] = []
    if closed is None:
        if ack_due and not ack_sent and not answer_sent:
            items.append(("ack", ack_due))
        if final_due and not answer_sent:
            items.append(
                ("answer_after_interim", interim_expected or final_due) if interim_sent else ("answer", final_due)
            )
    return min(items, key=lambda item: item[1]) if items else (None, None)


def _v2_topic_and_next_due(migrator: Any, db: Database) -> None:
    """Version 2: a topic category (Themenkategorie) for the reports, and the stored next due item."""
    from peewee import CharField, DateField
    from playhouse.migrate import migrate

    migrate(
        migrator.add_column("krm_case", "topic", CharField(max_length=80, default="")),
        migrator.add_column("krm_case", "next_action", CharField(max_length=24, null=True)),
        migrator.add_column("krm_case", "next_due", DateField(null=True)),
        migrator.add_index("krm_case", ("next_due",), False),
    )
    columns = ", ".join(V2_CLOCK_FIELDS)
    rows = db.execute_sql(f"SELECT id, {columns} FROM krm_case WHERE status = 'offen'").fetchall()
    for row in rows:
        values = [date.fromisoformat(v) if isinstance(v, str) else v for v in row[1:]]
        action, due = _v2_next_due(*values)
        db.execute_sql(
            f"UPDATE krm_case SET next_action = {db.param}, next_due = {db.param} WHERE id = {db.param}",
            (action, due.isoformat() if due else None, row[0]),
        )


def _v3_purge(migrator: Any, db: Database) -> None:
    """Version 3: the anonymous reference of a follow-up to its earlier case, the Löschprotokoll, list indexes."""
    from peewee import BooleanField, CharField, DateField, IntegerField, Model, TextField
    from playhouse.migrate import migrate

    class PurgeLogV3(Model):  # the table as it is at version 3; later versions change it in their own step
        run_id = CharField(max_length=32)  # unique: the index below carries the name a fresh database has
        done_on = DateField()
        done_by = CharField(max_length=200)
        as_of = DateField()
        profile = CharField(max_length=32)
        method = CharField(max_length=24)
        rules = TextField()
        anonymised = IntegerField(default=0)
        deleted = IntegerField(default=0)
        backup = CharField(max_length=300, default="")
        vacuumed = BooleanField(default=False)
        backups_removed = TextField(default="[]")

        class Meta:
            database = db
            table_name = "purge_log"

    migrate(migrator.add_column("krm_case", "follows_ref", CharField(max_length=20, default="")))
    db.execute_sql(
        "UPDATE krm_case SET follows_ref = (SELECT e.ref FROM krm_case AS e WHERE e.id = krm_case.follows_id) "
        "WHERE follows_id IS NOT NULL"
    )
    PurgeLogV3.create_table()
    db.execute_sql('CREATE UNIQUE INDEX "purge_log_run_id" ON "purge_log" ("run_id")')
    # The case list's indexes, as entities.py declares them (IF NOT EXISTS: the list of older versions made them).
    for statement in (
        'CREATE INDEX IF NOT EXISTS "event_action_actor_case_id" ON "event" ("action", "actor", "case_id")',
        'CREATE INDEX IF NOT EXISTS "concern_kind_case_id" ON "concern" ("kind", "case_id")',
        'CREATE INDEX IF NOT EXISTS "krm_case_channel" ON "krm_case" ("channel")',
        'CREATE INDEX IF NOT EXISTS "krm_case_kind_received" ON "krm_case" ("kind", "received")',
    ):
        db.execute_sql(statement)


def _v4_people(migrator: Any, db: Database) -> None:
    """Version 4: the office keeps its own people: an optimistic version on teams and people, and the computer
    logins that act as a person."""
    from peewee import CharField, ForeignKeyField, IntegerField, Model
    from playhouse.migrate import migrate

    class StaffV4(Model):
        class Meta:
            database = db
            table_name = "staff"

    class StaffLoginV4(Model):  # the table as it is at version 4; its indexes below carry a fresh database's names
        login = CharField(max_length=200)
        staff = ForeignKeyField(StaffV4, backref="logins", on_delete="CASCADE", index=False)

        class Meta:
            database = db
            table_name = "staff_login"

    migrate(
        migrator.add_column("team", "version", IntegerField(default=1)),
        migrator.add_column("staff", "version", IntegerField(default=1)),
    )
    StaffLoginV4.create_table()
    db.execute_sql('CREATE UNIQUE INDEX "staff_login_login" ON "staff_login" ("login")')
    db.execute_sql('CREATE INDEX "staff_login_staff_id" ON "staff_login" ("staff_id")')


def _v5_ack_waived(migrator: Any, db: Database) -> None:
    """Version 5: "Eingangsbestätigung entfällt" — the day the KRM decided that no acknowledgement is sent, and why.
    No stored case has it yet, so no stored next due item changes."""
    from peewee import DateField, TextField
    from playhouse.migrate import migrate

    migrate(
        migrator.add_column("krm_case", "ack_waived", DateField(null=True)),
        migrator.add_column("krm_case", "ack_waived_reason", TextField(default="")),
    )


def _v6_petitions(migrator: Any, db: Database) -> None:
    """Version 6: petitions, Eingaben and DABs — the requesting body's postal address; Pankow's petition steps (BA
    responsibility and the agreement with Agentur für Arbeit and Regionaldirektion, the KRM's check); the day of
    the Vorlage an GF."""
    from peewee import BooleanField, CharField, DateField
    from playhouse.migrate import migrate

    migrate(
        # i18-body: the requesting body's postal address
        migrator.add_column("krm_case", "body_street", CharField(max_length=300, default="")),
        migrator.add_column("krm_case", "body_postcode", CharField(max_length=10, default="")),
        migrator.add_column("krm_case", "body_city", CharField(max_length=120, default="")),
        migrator.add_column("krm_case", "ba_responsible", BooleanField(default=False)),
        migrator.add_column("krm_case", "ba_agreed", DateField(null=True)),
        migrator.add_column("krm_case", "statement_checked", DateField(null=True)),
        migrator.add_column("krm_case", "statement_checked_by", CharField(max_length=200, default="")),
        # The Vorlage an GF is a deadline like the others: the day it was done ("vorgelegt an GF am").
        migrator.add_column("krm_case", "gf_presented", DateField(null=True)),
    )
    # No stored case has that day, so an open case whose gf_due comes before (or on) its stored next item now shows
    # the Vorlage (the rule of version 6, written out here so later rules never change what this step wrote).
    db.execute_sql(
        "UPDATE krm_case SET next_action = 'gf', next_due = gf_due "
        "WHERE status = 'offen' AND gf_due IS NOT NULL AND answer_sent IS NULL "
        "AND (next_due IS NULL OR gf_due <= next_due)"
    )


def _v7_waived_next_due(db: Database) -> None:
    """Open cases whose acknowledgement was waived (or whose customer waived the written answer) under version 5 or 6
    could keep "ack" as their next item; the next item by the rule of version 7 (written out here, so later
    rules never change what this step writes): the Vorlage an GF, else the answer."""
    rows = db.execute_sql(
        "SELECT id, gf_due, gf_presented, final_due, interim_sent, interim_expected FROM krm_case "
        "WHERE status = 'offen' AND closed IS NULL AND answer_sent IS NULL AND next_action = 'ack' "
        f"AND (ack_waived IS NOT NULL OR waiver = {db.param})",
        (True,),
    ).fetchall()
    for case_id, *values in rows:
        gf_due, gf_presented, final_due, interim_sent, interim_expected = (
            date.fromisoformat(v) if isinstance(v, str) else v for v in values
        )
        items: list[tuple[str, date]] = []
        if gf_due and not gf_presented:
            items.append(("gf", gf_due))
        if final_due:
            items.append(
                ("answer_after_interim", interim_expected or final_due) if interim_sent else ("answer", final_due)
            )
        action, due = min(items, key=lambda item: item[1]) if items else (None, None)
        db.execute_sql(
            f"UPDATE krm_case SET next_action = {db.param}, next_due = {db.param} WHERE id = {db.param}",
            (action, due.isoformat() if due else None, case_id),
        )


def _v7_office_instructions(migrator: Any, db: Database) -> None:
    """Version 7: what the offices' instructions ask — a team per Anliegen and the Beitrag of each team concerned,
    who was informed (Zur Kenntnis), Pankow's "vorlagepflichtig" mark, the Meinungskarte's tenor as a field of its
    own, and the Aktenvermerk for the E-Akte/VerBIS."""
    from peewee import AutoField, BooleanField, CharField, DateField, ForeignKeyField, Model
    from playhouse.migrate import migrate

    class TeamV7(Model):
        id = AutoField()

        class Meta:
            database = db
            table_name = "team"

    class CaseV7(Model):
        class Meta:
            database = db
            table_name = "krm_case"

    class StaffV7(Model):
        class Meta:
            database = db
            table_name = "staff"

    class NoticeV7(Model):  # the table as it is at version 7; its indexes below carry a fresh database's names
        case = ForeignKeyField(CaseV7, on_delete="CASCADE", index=False)
        name = CharField(max_length=200)
        role = CharField(max_length=8, default="")
        staff = ForeignKeyField(StaffV7, null=True, on_delete="SET NULL", index=False)
        informed_on = DateField()
        copy = BooleanField(default=False)
        reason = CharField(max_length=300, default="")

        class Meta:
            database = db
            table_name = "notice"

    migrate(
        migrator.add_column("krm_case", "gf_required_on", DateField(null=True)),
        migrator.add_column("krm_case", "card_tenor", CharField(max_length=16, default="")),
        migrator.add_column("krm_case", "file_note_on", DateField(null=True)),
        migrator.add_column("krm_case", "file_note_by", CharField(max_length=200, default="")),
        migrator.add_column(
            "concern", "team_id", ForeignKeyField(TeamV7, field=TeamV7.id, null=True, on_delete="SET NULL", index=False)
        ),
        migrator.add_index("concern", ("team_id",), False),
        migrator.add_column(
            "statement",
            "team_id",
            ForeignKeyField(TeamV7, field=TeamV7.id, null=True, on_delete="SET NULL", index=False),
        ),
        migrator.add_index("statement", ("team_id",), False),
    )
    NoticeV7.create_table()
    db.execute_sql('CREATE INDEX "notice_case_id" ON "notice" ("case_id")')
    db.execute_sql('CREATE INDEX "notice_staff_id" ON "notice" ("staff_id")')
    # Every Anliegen was the case's team's until now.
    db.execute_sql("UPDATE concern SET team_id = (SELECT c.team_id FROM krm_case AS c WHERE c.id = concern.case_id)")
    _v7_waived_next_due(db)
    # A card's tenor stood at the head of its subject ("Lob: …", as opinion_cards wrote it up to version 6).
    for label, code in (("Lob", "lob"), ("Anregung", "anregung"), ("Kritik", "kritik")):
        db.execute_sql(
            f"UPDATE krm_case SET card_tenor = {db.param} WHERE kind = 'meinungskarte' AND subject LIKE {db.param}",
            (code, f"{label}:%"),
        )


STEPS: dict[int, Step] = {
    2: _v2_topic_and_next_due,
    3: _v3_purge,
    4: _v4_people,
    5: _v5_ack_waived,
    6: _v6_petitions,
    7: _v7_office_instructions,
}


def upgrade(db: Database, from_version: int, write_version: Callable[[int], None]) -> None:
    from playhouse.migrate import SchemaMigrator

    migrator = SchemaMigrator.from_database(db)
    sqlite = isinstance(db, SqliteDatabase)
    if sqlite:
        # Table rebuilds (ALTER via copy) must not cascade; the pragma only works outside a transaction.
        db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        for version in range(from_version + 1, CURRENT_VERSION + 1):
            with write_transaction(db):
                STEPS[version](migrator, db)
                write_version(version)
        if sqlite and db.execute_sql("PRAGMA foreign_key_check").fetchall():
            raise RuntimeError("foreign_key_check failed after migration")
    finally:
        if sqlite:
            db.execute_sql("PRAGMA foreign_keys = ON")
