"""`krm-desktop --db SRC.sqlite3 copy-to postgresql://…`: move the office from a SQLite file to a PostgreSQL server.

The target must be an empty database on the server (the IT creates it). Every table is copied in one
transaction and checked (row count and SHA-256 per table, see model/store/server_copy.py); the source file is only read.
JSON on stdout ({"source", "target", "ok", "rows", "tables": [{table, rows, target_rows, sha256, target_sha256,
ok}], "check", "seconds"}; never the password), German messages on stderr; exit 0 when copied and checked, 1 when
refused (target not empty or unreachable, copy differs — then nothing stays behind), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from krm_desktop.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, emit, say


def add_copy_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "copy-to", help="die Datenbank in eine leere PostgreSQL-Datenbank kopieren und die Kopie prüfen"
    )
    parser.add_argument("target", metavar="ZIEL", help="postgresql://benutzer:kennwort@server:5432/datenbank")
    return parser


def cmd_copy(args: argparse.Namespace) -> int:
    from krm_desktop.model.cases.consistency import database_problems
    from krm_desktop.model.errors import KrmError
    from krm_desktop.model.store.connection import is_url, open_store, resolve_target
    from krm_desktop.model.store.server_copy import CopyMismatch, copy_store
    from krm_desktop.model.store.targets import describe_target, is_server_url, parse_server_url

    if not is_server_url(args.target):
        say(f"Falscher Aufruf: das Ziel „{describe_target(args.target)}“ ist keine Adresse postgresql://….")
        return EXIT_USAGE
    try:
        address = parse_server_url(args.target)
    except ValueError:  # e.g. an IPv6 address without its closing bracket
        address = None
    if address is None or not address.host or not address.port or not address.database:
        say(  # the target itself is not repeated: it may hold the password
            "Falscher Aufruf: das Ziel ist keine vollständige Adresse der Form "
            "postgresql://benutzer:kennwort@server:5432/datenbank (Server, Port 1–65535 und Datenbank prüfen)."
        )
        return EXIT_USAGE
    source = resolve_target(getattr(args, "db", None))
    if is_url(source) and not source.startswith("sqlite:///"):
        say("Falscher Aufruf: --db nennt die SQLite-Datei, die kopiert wird.")
        return EXIT_USAGE
    started = time.perf_counter()
    try:
        store = open_store(source)
    except KrmError as exc:
        say(exc.message)
        return EXIT_REFUSED
    say(f"Kopiere {store.describe()} nach {describe_target(args.target)} …")
    shown: set[str] = set()

    def progress(table: str, rows: int) -> None:
        if table not in shown:
            shown.add(table)
            say(f"  Tabelle {table} …")

    try:
        result = copy_store(store, args.target, progress)
    except CopyMismatch as exc:
        emit({**exc.result.as_json(), "seconds": round(time.perf_counter() - started, 1)})
        say(exc.message)
        return EXIT_REFUSED
    except KrmError as exc:
        say(exc.message)
        return EXIT_REFUSED
    finally:
        store.close()
    # The copy opened as the program will open it: KRM marker, schema version, consistency of the cases.
    try:
        copied = open_store(args.target)
        try:
            problems = database_problems(copied)
        finally:
            copied.close()
    except KrmError as exc:
        problems = [exc.message]
    for table in result.tables:
        say(f"{table.table}: {table.rows} Zeilen, Prüfsumme {'gleich' if table.ok else 'VERSCHIEDEN'}")
    emit({**result.as_json(), "check": problems, "seconds": round(time.perf_counter() - started, 1)})
    if problems:
        say("Die Kopie ist vollständig, aber die Prüfung der Zieldatenbank meldet: " + "; ".join(problems))
        return EXIT_REFUSED
    say(f"{result.rows} Zeilen in {len(result.tables)} Tabellen kopiert und geprüft.")
    return EXIT_OK
