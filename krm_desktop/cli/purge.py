"""`krm-desktop --db X purge --as-of D (--dry-run | --yes)`: the annual purge from the command line.

Prints {"anonymised": n, "deleted": m, "refs_anonymised": [...], "refs_deleted": [...], "backup": path|null,
"routing_notes_deleted": k} (DESIGN.md §2; k: routing notes of non-KRM matters due by their rule). --dry-run changes nothing and makes no backup. --yes makes a verified backup first (SQLite),
runs the purge in one transaction, then VACUUM, removes backups past their retention and stores the
Löschprotokoll. Exit 0 on success, 1 on a refusal or failure (nothing changed), 2 on bad usage.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from krm_desktop.cli.common import EXIT_OK, EXIT_REFUSED, acting_user, emit, iso_date, run_on_store, say
from krm_desktop.model.store.connection import Store


def add_purge_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "purge", help="fällige Kundenreaktionen anonymisieren und löschen (jährliche Löschung)"
    )
    parser.add_argument("--as-of", dest="as_of", required=True, type=iso_date, help="Stichtag JJJJ-MM-TT")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--dry-run", action="store_true", help="nur anzeigen, was fällig ist; nichts ändern")
    mode.add_argument("--yes", action="store_true", help="wirklich löschen (nach einer geprüften Sicherung)")
    return parser


def cmd_purge(args: argparse.Namespace) -> int:
    return run_on_store(args, lambda store: _purge(args, store), write=args.yes)


def _purge(args: argparse.Namespace, store: Store) -> int:
    from krm_desktop.model.errors import KrmError
    from krm_desktop.model.retention.purge import execute_purge, finish_purge, vacuum_store
    from krm_desktop.model.retention.purge_plan import plan_purge
    from krm_desktop.model.store.backups import make_backup, remove_expired_backups
    from krm_desktop.model.store.transactions import SaveFailed

    today = date.today()
    plan = plan_purge(args.as_of)
    anonymise = [c.ref for c in plan.cases if plan.rule(c.rule).action == "anonymise"]
    delete = [c.ref for c in plan.cases if plan.rule(c.rule).action == "delete"]
    payload: dict[str, Any] = {
        "anonymised": len(anonymise),
        "deleted": len(delete),
        "refs_anonymised": anonymise,
        "refs_deleted": delete,
        "backup": None,
        "routing_notes_deleted": len(plan.routing_notes),
    }
    if args.as_of > today:
        say(
            f"Achtung: Der Stichtag {args.as_of:%d.%m.%Y} liegt nach dem heutigen Tag; es werden Fälle erfasst, "
            "deren Löschtag noch nicht erreicht ist."
        )
    if args.dry_run:
        say(
            f"Probelauf zum {args.as_of:%d.%m.%Y}: {len(anonymise)} Kundenreaktionen würden anonymisiert, "
            f"{len(delete)} vollständig gelöscht, {len(plan.routing_notes)} Weiterleitungsvermerke gelöscht. "
            "Es wurde nichts geändert."
        )
    else:
        backup = make_backup(store, today) if store.is_sqlite else None
        payload["backup"] = str(backup) if backup else None
        try:
            result = execute_purge(plan, today=today, user=acting_user(), backup=backup.name if backup else "")
        except SaveFailed as exc:  # the database refused: the transaction was rolled back
            say(f"Die Löschung ist fehlgeschlagen und wurde vollständig zurückgenommen: {exc.message}")
            return EXIT_REFUSED
        except KrmError:
            raise
        except Exception as exc:  # a database error outside the transaction's words: rolled back as well
            say(f"Die Löschung ist fehlgeschlagen und wurde vollständig zurückgenommen ({exc}).")
            return EXIT_REFUSED
        say(
            f"Löschlauf zum {args.as_of:%d.%m.%Y}: {result.anonymised} anonymisiert, {result.deleted} vollständig "
            f"gelöscht, {result.routing_notes_deleted} Weiterleitungsvermerke gelöscht. "
            f"Sicherung: {backup or 'keine (Server-Datenbank)'}. Löschprotokoll Nr. {result.log_id}."
        )
        try:
            vacuumed = vacuum_store()
            removed = remove_expired_backups(store, today) if store.is_sqlite else []
            finish_purge(result.log_id, vacuumed=vacuumed, backups_removed=[p.name for p in removed])
        except Exception as exc:
            emit(payload)
            say(f"Die Löschung ist gespeichert, die Nacharbeit (VACUUM, alte Sicherungen) aber nicht: {exc}")
            return EXIT_REFUSED
        say(f"Datenbank bereinigt (VACUUM); ältere Sicherungen entfernt: {len(removed)}.")
    emit(payload)
    return EXIT_OK
