"""Opening, creating, checking, migrating and backing up the KRM store."""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from peewee import Database, PostgresqlDatabase, SqliteDatabase
from peewee import DatabaseError as PeeweeDatabaseError

from krm_desktop.model import migrations
from krm_desktop.model.entities import ALL_MODELS, Meta, database
from krm_desktop.model.errors import StoreError

APPLICATION_ID = 0x4B524D44  # "KRMD" in the SQLite header: marks the file as ours
APPLICATION_MARK = "krm-desktop"
SCHEMA_VERSION = migrations.CURRENT_VERSION
BUSY_TIMEOUT_MS = 8000
SQLITE_PRAGMAS = {
    "foreign_keys": 1,
    "secure_delete": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
    "journal_mode": "delete",  # rollback journal: WAL does not work across machines on a shared drive
}
_SQLITE_HEADER = b"SQLite format 3\x00"


def default_database_path() -> Path:
    return platformdirs.user_data_path("krm-desktop", appauthor=False) / "krm.sqlite3"


def resolve_target(cli_value: str | None, environ: dict[str, str] | None = None) -> str:
    """--db beats KRM_DB beats the user data directory."""
    env = os.environ if environ is None else environ
    if cli_value:
        return cli_value
    if env.get("KRM_DB"):
        return env["KRM_DB"]
    return str(default_database_path())


def is_url(target: str) -> bool:
    return "://" in target


@dataclass
class Store:
    target: str
    db: Database
    path: Path | None  # the SQLite file, None for a server database
    read_only: bool = False
    migrated_from: int | None = None
    backup_before_migration: Path | None = None

    @property
    def is_sqlite(self) -> bool:
        return isinstance(self.db, SqliteDatabase)

    def describe(self) -> str:
        if self.path is not None:
            return str(self.path)
        if isinstance(self.db, PostgresqlDatabase):
            return f"PostgreSQL {self.db.database}"
        return self.target

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()


def _connect(target: str, read_only: bool | None) -> tuple[Database, Path | None, bool]:
    if is_url(target) and not target.startswith("sqlite:///"):
        from playhouse.db_url import connect as connect_url  # only for server URLs: keeps the start light

        try:
            db = connect_url(target)
        except Exception as exc:  # unknown scheme, missing driver
            raise StoreError(f"Die Datenbankadresse „{target}“ wird nicht unterstützt: {exc}") from exc
        return db, None, bool(read_only)
    path = Path(target[len("sqlite:///") :] if is_url(target) else target).expanduser()
    if read_only is None:
        read_only = path.exists() and not writable(path)
    return _connect_sqlite(path, read_only), path, read_only


def writable(path: Path) -> bool:
    """Whether this account may change the file (the rollback journal also needs its folder)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _connect_sqlite(path: Path, read_only: bool = False) -> SqliteDatabase:
    pragmas = dict(SQLITE_PRAGMAS, busy_timeout=BUSY_TIMEOUT_MS)
    if read_only:
        del pragmas["journal_mode"]
        uri = f"{path.resolve().as_uri()}?mode=ro"
        return SqliteDatabase(uri, uri=True, pragmas=pragmas, timeout=BUSY_TIMEOUT_MS / 1000)
    return SqliteDatabase(str(path), pragmas=pragmas, lock_type="IMMEDIATE", timeout=BUSY_TIMEOUT_MS / 1000)


def _check_sqlite_file(path: Path, create: bool) -> None:
    if not path.exists():
        if not create:
            raise StoreError(
                f"Die Datenbank {path} gibt es nicht. Legen Sie sie mit „init --profile …“ an "
                "oder wählen Sie eine vorhandene Datei."
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    if path.is_dir():
        raise StoreError(f"{path} ist ein Ordner, keine Datenbankdatei.")
    size = path.stat().st_size
    if size == 0:
        raise StoreError(f"Die Datei {path} ist leer und keine KRM-Datenbank. Wählen Sie eine andere Datei.")
    with path.open("rb") as handle:
        header = handle.read(len(_SQLITE_HEADER))
    if header != _SQLITE_HEADER:
        raise StoreError(f"Die Datei {path} ist keine SQLite-Datenbank und damit keine KRM-Datenbank.")


def _stored_version(db: Database) -> int | None:
    """The schema version, or None when the database holds no KRM marker."""
    if isinstance(db, SqliteDatabase):
        app_id = db.execute_sql("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            return None
        return int(db.execute_sql("PRAGMA user_version").fetchone()[0])
    if not db.table_exists("meta"):
        return None
    mark = Meta.get_or_none(Meta.key == "application")
    row = Meta.get_or_none(Meta.key == "schema_version")
    if mark is None or mark.value != APPLICATION_MARK or row is None:
        return None
    return int(row.value)


def _write_version(db: Database, version: int) -> None:
    Meta.insert(key="application", value=APPLICATION_MARK).on_conflict_replace().execute()
    Meta.insert(key="schema_version", value=str(version)).on_conflict_replace().execute()
    if isinstance(db, SqliteDatabase):
        db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute_sql(f"PRAGMA user_version = {int(version)}")


def open_store(target: str, *, create: bool = False, read_only: bool | None = None) -> Store:
    """Open (or with create=True, make) a KRM database and bring it to the current schema.

    read_only None: a file this account may not change opens read-only (Store.read_only).
    """
    db, path, read_only = _connect(target, read_only)
    if path is not None:
        _check_sqlite_file(path, create and not read_only)
    database.initialize(db)
    store = Store(target=target, db=db, path=path, read_only=read_only)
    try:
        db.connect(reuse_if_open=True)
        _prepare_schema(store, create)
    except StoreError:
        store.close()
        raise
    except (PeeweeDatabaseError, sqlite3.Error) as exc:
        store.close()
        raise StoreError(_explain(store, exc)) from exc
    except BaseException:
        store.close()
        raise
    return store


def _explain(store: Store, exc: Exception) -> str:
    """A German message for what SQLite or the server said while opening."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return (
            f"Die Datenbank {store.describe()} ist gesperrt: ein anderer Arbeitsplatz schreibt gerade hinein. "
            "Bitte in einigen Minuten erneut versuchen; hält die Sperre an, die IT fragen."
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return (
            f"Die Datei {store.describe()} ist beschädigt oder keine Datenbank. Bitte eine Sicherung wiederherstellen "
            "oder die IT fragen."
        )
    if "readonly" in text or "read-only" in text or "permission" in text or "unable to open" in text:
        return (
            f"Auf {store.describe()} fehlen die nötigen Rechte (Lesen bzw. Schreiben der Datei und ihres Ordners). "
            "Bitte die IT fragen."
        )
    return f"Die Datenbank {store.describe()} lässt sich nicht öffnen: {exc}"


def _prepare_schema(store: Store, create: bool) -> None:
    db = store.db
    version = _stored_version(db)
    if version is None:
        if db.get_tables():
            raise StoreError(
                f"{store.describe()} ist keine KRM-Datenbank (fremde Tabellen, keine KRM-Kennung). "
                "Wählen Sie eine KRM-Datenbank oder eine neue, leere Datei."
            )
        if not create or store.read_only:
            raise StoreError(f"{store.describe()} ist leer. Legen Sie die Datenbank mit „init“ an.")
        with db.atomic():
            db.create_tables(ALL_MODELS)
            _write_version(db, SCHEMA_VERSION)
        return
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"Die Datenbank hat Schema-Version {version}; dieses Programm kennt nur bis Version "
            f"{SCHEMA_VERSION}. Bitte installieren Sie die neuere Programmversion."
        )
    if version < SCHEMA_VERSION:
        if store.read_only:
            raise StoreError(
                f"Die Datenbank {store.describe()} hat Schema-Version {version} und muss auf Version "
                f"{SCHEMA_VERSION} aktualisiert werden. Dafür sind Schreibrechte nötig; bitte einmal mit "
                "Schreibrechten öffnen oder die IT fragen."
            )
        if store.path is not None:
            store.backup_before_migration = backup_sqlite(db, _free_name(store.path, f".vor-v{SCHEMA_VERSION}"))
        migrations.upgrade(db, version, lambda v: _write_version(db, v))
        store.migrated_from = version


def _free_name(path: Path, tag: str) -> Path:
    """krm.vor-v2.sqlite3, then krm.vor-v2-2.sqlite3 … : never overwrite an earlier copy."""
    candidate = path.with_name(f"{path.stem}{tag}{path.suffix}")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}{tag}-{number}{path.suffix}")
        number += 1
    return candidate


def backup_sqlite(db: Database, destination: Path) -> Path:
    """Copy the open SQLite database with the backup API and verify the copy."""
    if not isinstance(db, SqliteDatabase):
        raise StoreError("Eine Dateisicherung ist nur für SQLite-Datenbanken möglich.")
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".part")
    target = sqlite3.connect(str(partial))
    try:
        db.connection().backup(target)
        result = target.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        target.close()
    if result != "ok":
        partial.unlink(missing_ok=True)
        raise StoreError(f"Die Sicherung {destination} ist fehlerhaft ({result}); sie wurde verworfen.")
    shutil.move(str(partial), str(destination))
    return destination


def check_store(store: Store) -> list[str]:
    """Integrity and schema problems in German; an empty list means the store is sound."""
    db = store.db
    problems: list[str] = []
    if store.is_sqlite:
        for (row,) in db.execute_sql("PRAGMA integrity_check").fetchall():
            if row != "ok":
                problems.append(f"Integritätsprüfung: {row}")
        for table, rowid, parent, _ in db.execute_sql("PRAGMA foreign_key_check").fetchall():
            problems.append(f"Verweis ins Leere: Tabelle {table}, Zeile {rowid} → {parent}")
    version = _stored_version(db)
    if version != SCHEMA_VERSION:
        problems.append(f"Schema-Version {version} statt {SCHEMA_VERSION}")
    expected = {m._meta.table_name for m in ALL_MODELS}
    missing = expected - set(db.get_tables())
    problems.extend(f"Tabelle fehlt: {name}" for name in sorted(missing))
    if not missing:
        from krm_desktop.model.consistency import case_problems

        problems.extend(case_problems())
    return problems
