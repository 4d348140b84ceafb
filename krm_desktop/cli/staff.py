"""`krm-desktop --db X staff import --in F.csv [--dry-run]` and `staff export --out F.csv`: the staff list
(Personalliste, DESIGN.md §2).

import prints {"teams_created": n, "teams_changed": n, "people_created": n, "people_changed": n,
"people_deactivated": n}; with --dry-run the same counts and what would change, without writing. A refused file
is said in German naming its line, exit 1, nothing changed. export writes the active people (UTF-8 with BOM, `;`)
and prints {"exported": n}.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from krm_desktop.cli.common import EXIT_OK, UsageError, emit, opened_store, say
from krm_desktop.model.errors import RefusedError

if TYPE_CHECKING:
    from krm_desktop.model.exchange.staff_import import StaffPlan


def add_staff_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "staff", help="Personalliste (CSV mit Semikolon) einlesen oder ausgeben"
    )
    actions = parser.add_subparsers(dest="staff_command", required=True, parser_class=type(parser))
    p = actions.add_parser("import", help="Teams und Personen aus einer Personalliste übernehmen (alles oder nichts)")
    p.add_argument("--in", dest="infile", required=True, type=Path, help="die Personalliste (.csv)")
    p.add_argument("--dry-run", action="store_true", help="nur anzeigen, was sich ändern würde; nichts ändern")
    p = actions.add_parser("export", help="die aktiven Personen als Personalliste ausgeben")
    p.add_argument("--out", required=True, type=Path, help="die Zieldatei (.csv)")
    return parser


def cmd_staff(args: argparse.Namespace) -> int:
    if args.staff_command == "import":
        return _import(args)
    return _export(args)


def _import(args: argparse.Namespace) -> int:
    from krm_desktop.model.exchange.staff_import import apply_staff_import, plan_staff_import
    from krm_desktop.model.exchange.staff_list import read_staff_file

    if not args.infile.is_file():
        raise UsageError(f"Die Datei {args.infile} gibt es nicht.")
    staff_list = read_staff_file(args.infile)  # a bad file is refused before the database is opened
    with opened_store(args.db, write=not args.dry_run):
        plan = plan_staff_import(staff_list)
        for warning in plan.warnings:
            say(f"Achtung: {warning}")
        if args.dry_run:
            say(f"Probelauf: {_summary(plan.counts())} Es wurde nichts geändert.")
            emit({**plan.counts(), "changes": _changes(plan)})
            return EXIT_OK
        counts = apply_staff_import(plan).as_dict()
    say(f"Personalliste übernommen: {_summary(counts)}")
    emit(counts)
    return EXIT_OK


def _summary(counts: dict[str, int]) -> str:
    return (
        f"{counts['teams_created']} Team(s) neu, {counts['teams_changed']} geändert; "
        f"{counts['people_created']} Person(en) neu, {counts['people_changed']} geändert, "
        f"{counts['people_deactivated']} deaktiviert."
    )


def _changes(plan: StaffPlan) -> dict[str, Any]:
    """What the dry run shows one by one: names, and per changed person the fields old -> new."""
    return {
        "new_teams": [{"team": t.name, "area": t.area} for t in plan.new_teams],
        "changed_teams": [
            {"team": c.listed.name, "fields": {ch.field: [ch.old, ch.new] for ch in c.changes}}
            for c in plan.changed_teams
        ],
        "new_people": [p.name for p in plan.new_people],
        "changed_people": [
            {"name": c.listed.name, "fields": {ch.field: [ch.old, ch.new] for ch in c.changes}}
            for c in plan.changed_people
        ],
        "deactivated_people": [p.name for p in plan.deactivated],
    }


def _export(args: argparse.Namespace) -> int:
    from krm_desktop.model.exchange.staff_list import export_staff_list
    from krm_desktop.model.store.files import write_file

    if args.out.is_dir():
        raise UsageError(f"{args.out} ist ein Ordner; --out nennt die Datei, z. B. {args.out / 'personal.csv'}.")
    if not args.out.parent.is_dir():
        raise UsageError(f"den Ordner {args.out.parent} gibt es nicht.")
    from krm_desktop.model.office.staff import people

    with opened_store(args.db):
        data = export_staff_list()
        count = len(people(active_only=True))
    try:
        write_file(args.out, data)
    except OSError as exc:
        raise RefusedError(f"Die Datei {args.out} lässt sich nicht schreiben: {exc.strerror or exc}.") from exc
    say(f"{count} Person(en) nach {args.out} ausgegeben.")
    emit({"exported": count})
    return EXIT_OK
