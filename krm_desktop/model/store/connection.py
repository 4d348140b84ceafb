"""Opening, creating, checking, migrating and backing up the KRM store."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import platformdirs
from peewee import Database, ImproperlyConfigured, PostgresqlDatabase, SqliteDatabase
from peewee import DatabaseError as PeeweeDatabaseError

from krm_desktop.model.errors import StoreError
from krm_desktop.model.store import migrations
from krm_desktop.model.store.entities import ALL_MODELS, Meta, database
from krm_desktop.model.store.targets import describe_target, is_server_url, parse_server_url
from krm_desktop.model.store.transactions import write_transaction

APPLICATION_ID = 0x4B524D44  # "KRMD" in the SQLite header: marks the file as ours
APPLICATION_MARK = "krm-desktop"
SCHEMA_VERSION = migrations.CURRENT_VERSION
BUSY_TIMEOUT_MS = 8000  # SQLite's busy timeout; on PostgreSQL the lock_timeout
SERVER_CONNECT_TIMEOUT_S = 10  # an unreachable server is reported after this, not after the system's minutes
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


class Store:
    """An open database: the target it was opened from, the Peewee database, and how it was opened."""

    def __init__(
        self,
        target: str,
        db: Database,
        path: Path | None,  # the SQLite file, None for a server database
        read_only: bool = False,
        migrated_from: int | None = None,
        backup_before_migration: Path | None = None,
    ) -> None:
        self.target, self.db, self.path, self.read_only = target, db, path, read_only
        self.migrated_from, self.backup_before_migration = migrated_from, backup_before_migration

    def __repr__(self) -> str:
        return f"Store({self.describe()!r}, read_only={self.read_only})"

    @property
    def is_sqlite(self) -> bool:
        return isinstance(self.db, SqliteDatabase)

    def describe(self) -> str:
        """The file, or `PostgreSQL user@host:port/name`: never the password (the status bar shows it)."""
        if self.path is not None:
            return str(self.path)
        return describe_target(self.target)

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()


def _connect(target: str, read_only: bool | None) -> tuple[Database, Path | None, bool]:
    if is_url(target) and not target.startswith("sqlite:///"):
        return server_database(target, bool(read_only)), None, bool(read_only)
    path = Path(target[len("sqlite:///") :] if is_url(target) else target).expanduser()
    if read_only is None:
        read_only = path.exists() and not writable(path)
    return _connect_sqlite(path, read_only), path, read_only


def server_database(target: str, read_only: bool = False) -> Database:
    """A PostgreSQL database (not connected yet). Row locks wait as long as SQLite's busy timeout, not forever."""
    if not is_server_url(target):
        raise StoreError(
            f"Die Datenbankadresse „{describe_target(target)}“ wird nicht unterstützt. Möglich sind der Pfad einer "
            "SQLite-Datei und eine Adresse postgresql://benutzer@server:5432/datenbank."
        )
    try:
        import psycopg2  # noqa: F401  (peewee's driver for PostgresqlDatabase; the optional extra "postgres")
    except ImportError:
        raise StoreError(
            f"Für {describe_target(target)} fehlt diesem Programm der PostgreSQL-Treiber (Paket psycopg2-binary): es "
            "öffnet hier nur SQLite-Dateien. Bitte die IT um das Programmpaket mit PostgreSQL-Treiber bitten."
        ) from None
    from playhouse.db_url import parse

    params = parse(target, unquote_password=True, unquote_user=True)
    name = params.pop("database", "")
    if not name:
        raise StoreError(f"In der Adresse {describe_target(target)} fehlt der Name der Datenbank (…:5432/krm).")
    options = [str(params["options"])] if params.get("options") else []
    options.append(f"-c lock_timeout={BUSY_TIMEOUT_MS}")
    if read_only:
        options.append("-c default_transaction_read_only=on")
    params["options"] = " ".join(options)
    params.setdefault("connect_timeout", SERVER_CONNECT_TIMEOUT_S)
    params.setdefault("application_name", "KRM Desktop")
    return PostgresqlDatabase(name, **params)


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
    for key, value in (("application", APPLICATION_MARK), ("schema_version", str(version))):
        # an upsert both SQLite and PostgreSQL know (INSERT … ON CONFLICT DO UPDATE)
        Meta.insert(key=key, value=value).on_conflict(conflict_target=[Meta.key], update={Meta.value: value}).execute()
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
        raise StoreError(explain_open_error(store, exc)) from exc
    except ImproperlyConfigured as exc:  # peewee without psycopg2
        raise StoreError(
            f"Für {store.describe()} fehlt dem Programm der PostgreSQL-Treiber (Paket psycopg2-binary). "
            "Bitte die IT fragen."
        ) from exc
    except BaseException:
        store.close()
        raise
    return store


def explain_open_error(store: Store, exc: Exception) -> str:
    """A German message for what SQLite or the server said while opening."""
    text = str(exc).lower()
    if not store.is_sqlite:
        return _explain_server(store, text) or f"Die Datenbank {store.describe()} lässt sich nicht öffnen: {exc}"
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


def probe_server(target: str) -> str:
    """Whether the server database of `target` can be used, in German; StoreError when not.

    Its own connection, no models: the store the program has open stays untouched."""
    db = server_database(target, read_only=True)
    probe = Store(target, db, None, read_only=True)
    try:
        db.connect()
    except ImproperlyConfigured as exc:
        raise StoreError("Dem Programm fehlt der PostgreSQL-Treiber (Paket psycopg2-binary).") from exc
    except PeeweeDatabaseError as exc:
        raise StoreError(explain_open_error(probe, exc)) from exc
    try:
        tables = db.get_tables()
        if not tables:
            return (
                f"Verbindung zu {probe.describe()} in Ordnung. Die Datenbank ist noch leer: einrichten mit "
                "„init --profile …“ oder aus einer SQLite-Datei füllen mit „copy-to“."
            )
        marks = dict(db.execute_sql("SELECT key, value FROM meta").fetchall()) if "meta" in tables else {}
        if marks.get("application") != APPLICATION_MARK:
            raise StoreError(f"{probe.describe()} ist keine KRM-Datenbank (fremde Tabellen, keine KRM-Kennung).")
        version = int(marks.get("schema_version", 0))
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{probe.describe()} hat Schema-Version {version}; dieses Programm kennt nur bis Version "
                f"{SCHEMA_VERSION}. Bitte die neuere Programmversion installieren."
            )
        return f"Verbindung zu {probe.describe()} in Ordnung: KRM-Datenbank, Schema-Version {version}."
    except PeeweeDatabaseError as exc:
        raise StoreError(explain_open_error(probe, exc)) from exc
    finally:
        db.close()


def _explain_server(store: Store, text: str) -> str | None:
    address = parse_server_url(store.target)
    if "password authentication failed" in text or "no password supplied" in text or "no pg_hba.conf" in text:
        return (
            f"Der Datenbankserver {address.host} hat die Anmeldung als „{address.user}“ abgelehnt: Benutzername "
            "oder Kennwort stimmen nicht, oder dieser Arbeitsplatz ist dort nicht zugelassen. Bitte die IT fragen."
        )
    if "does not exist" in text and "database" in text:
        return (
            f"Auf dem Server {address.host} gibt es die Datenbank „{address.database}“ nicht. Die IT legt sie an; "
            "danach einmal „init --profile …“ aufrufen."
        )
    if "could not translate host name" in text or "name or service not known" in text:
        return f"Den Datenbankserver „{address.host}“ gibt es nicht (Name unbekannt). Bitte die Adresse prüfen."
    if "connection refused" in text or "timeout expired" in text or "could not connect" in text:
        return (
            f"Der Datenbankserver {address.host}:{address.port} antwortet nicht. Läuft er, und ist das Netz "
            "verbunden? Bitte erneut versuchen oder die IT fragen."
        )
    if "permission denied" in text:
        return f"Dem Benutzer „{address.user}“ fehlen Rechte in der Datenbank {store.describe()}. Bitte die IT fragen."
    return None


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
        with write_transaction(db):
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
    try:
        target = sqlite3.connect(str(partial))
        try:
            db.connection().backup(target)
            result = target.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            target.close()
        if result != "ok":
            raise StoreError(f"Die Sicherung {destination} ist fehlerhaft ({result}); sie wurde verworfen.")
        shutil.move(str(partial), str(destination))
    except BaseException:
        partial.unlink(missing_ok=True)  # an unfinished copy is not left beside the database
        raise
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
    problems.extend(f"Tabelle fehlt: {name}" for name in missing_tables(store))
    return problems


def missing_tables(store: Store) -> list[str]:
    expected = {m._meta.table_name for m in ALL_MODELS}
    return sorted(expected - set(store.db.get_tables()))
