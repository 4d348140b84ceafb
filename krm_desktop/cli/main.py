"""Command line: the contract of DESIGN.md §2. No subcommand starts the GUI.

JSON on stdout where a command reports something, German messages on stderr; exit 0 on success,
1 on a domain refusal, 2 on bad usage.
"""

# ruff: noqa: E402  (the self-test's clock starts before the imports below)
from __future__ import annotations

import time

STARTED = time.perf_counter()  # the self-test counts from here (the program's own code starts)

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from krm_desktop import __version__
from krm_desktop.cli.auskunft import add_auskunft_parser, cmd_auskunft
from krm_desktop.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    UsageError,
    acting_user,
    emit,
    iso_date,
    opened_store,
    say,
)
from krm_desktop.cli.copy_to import add_copy_parser, cmd_copy
from krm_desktop.cli.draft import add_draft_parser, cmd_draft
from krm_desktop.cli.faults import NOT_UTF8, NOTHING_CHANGED, file_fault, is_db_fault, is_utf8, store_fault
from krm_desktop.cli.letters import add_letter_parser, cmd_letter
from krm_desktop.cli.profile import add_profile_parser, cmd_profile
from krm_desktop.cli.purge import add_purge_parser, cmd_purge
from krm_desktop.cli.report import add_report_parser, cmd_report
from krm_desktop.cli.staff import add_staff_parser, cmd_staff
from krm_desktop.model.cases.consistency import database_problems
from krm_desktop.model.codes import CHANNELS, KINDS
from krm_desktop.model.errors import KrmError, RefusedError, ValidationError
from krm_desktop.model.office.profiles import PRESETS
from krm_desktop.model.store.connection import is_url, resolve_target
from krm_desktop.model.store.files import replacing


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Falscher Aufruf: {message}\n")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{value}“ ist keine ganze Zahl") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"„{value}“ darf nicht negativ sein")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="krm-desktop", description="KRM Desktop – Kundenreaktionsmanagement für Jobcenter")
    parser.add_argument("--db", help="Datenbank: Pfad einer SQLite-Datei oder postgresql://-Adresse")
    parser.add_argument("--version", action="version", version=f"KRM Desktop {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="Hauptfenster unsichtbar öffnen, Liste laden, ein Dokument erzeugen; Zeiten als JSON ausgeben",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("init", help="neue Datenbank für ein Dienststellenprofil anlegen")
    p.add_argument("--profile", required=True, help=", ".join(PRESETS))
    p.add_argument("--office-name", help="Name der Dienststelle für den Briefkopf")

    p = sub.add_parser("demo", help="erfundene Beispielfälle hinzufügen")
    p.add_argument("--cases", type=_positive, required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--years", type=_positive, default=9)

    p = sub.add_parser("deadlines", help="Fristen eines Eingangs berechnen")
    p.add_argument("--profile", help=f"{', '.join(PRESETS)}; ohne: die Regeln der Datenbank von --db")
    p.add_argument("--kind", required=True)
    p.add_argument("--channel", required=True)
    p.add_argument("--received", required=True, type=iso_date)
    p.add_argument("--ack-sent", type=iso_date)

    p = sub.add_parser("import", help="Fälle aus einer JSONL-Datei übernehmen (alles oder nichts)")
    p.add_argument("--in", dest="infile", required=True, type=Path)
    p = sub.add_parser("export", help="alle Fälle als JSONL-Datei ausgeben")
    p.add_argument("--out", required=True, type=Path)

    sub.add_parser("check", help="Datenbank und Schema prüfen")
    add_letter_parser(sub)
    add_report_parser(sub)
    add_purge_parser(sub)
    add_auskunft_parser(sub)
    add_copy_parser(sub)
    add_profile_parser(sub)
    add_staff_parser(sub)
    add_draft_parser(sub)
    return parser


def cmd_init(args: argparse.Namespace) -> int:
    from krm_desktop.model.office.new_office import initialise_office

    if args.profile not in PRESETS:
        raise UsageError(f"Unbekanntes Dienststellenprofil „{args.profile}“. Möglich sind: {', '.join(PRESETS)}.")
    if args.office_name is not None and not is_utf8(args.office_name):
        raise UsageError(f"--office-name: Name der Dienststelle {NOT_UTF8}")
    target = resolve_target(args.db)
    new_file = None if is_url(target) or Path(target).exists() else Path(target)
    try:
        with opened_store(args.db, create=True, write=True) as store:
            profile = initialise_office(args.profile, args.office_name)
    except BaseException:
        if new_file is not None:  # nothing half-made stays behind: no database without its office
            for leftover in (new_file, new_file.with_name(new_file.name + "-journal")):
                leftover.unlink(missing_ok=True)
        raise
    say(f"Datenbank {store.describe()} für {profile.label} angelegt.")
    emit({"database": store.describe(), "profile": profile.code})
    return EXIT_OK


def cmd_deadlines(args: argparse.Namespace) -> int:
    """With --profile the preset's rules; else the rules the database of --db (or KRM_DB) keeps, as edited."""
    import os

    from krm_desktop.model.office.profiles import OfficeProfile, load_profile
    from krm_desktop.model.time.deadlines import compute_deadlines

    if args.profile is not None and args.profile not in PRESETS:
        raise UsageError(f"Unbekanntes Dienststellenprofil „{args.profile}“. Möglich sind: {', '.join(PRESETS)}.")
    if args.profile is None and args.db is None and not os.environ.get("KRM_DB"):
        raise UsageError(
            "bitte --profile P (ein Dienststellenprofil) oder --db X (die Regeln dieser Datenbank) angeben."
        )
    if args.kind not in KINDS:
        raise UsageError(f"Unbekannte Anliegensart „{args.kind}“. Möglich sind: {', '.join(KINDS)}.")
    if args.channel not in CHANNELS:
        raise UsageError(f"Unbekannter Eingangsweg „{args.channel}“. Möglich sind: {', '.join(CHANNELS)}.")
    if args.ack_sent is not None and args.ack_sent < args.received:
        raise UsageError("--ack-sent liegt vor --received.")
    profile: OfficeProfile
    if args.profile is not None:
        profile = PRESETS[args.profile]
    else:
        with opened_store(args.db):
            profile = load_profile()
    d = compute_deadlines(profile, args.kind, args.channel, args.received, ack_sent=args.ack_sent)
    due = {"ack_due": d.ack_due, "final_due": d.final_due, "gf_due": d.gf_due}
    emit({name: day.isoformat() if day else None for name, day in due.items()})
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from krm_desktop.model.demo.generator import generate

    with opened_store(args.db, write=True):
        count = generate(args.cases, seed=args.seed, years=args.years, today=date.today(), user=acting_user())
    say(f"{count} Beispielfälle angelegt.")
    emit({"created": count})
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from krm_desktop.model.exchange.case_import import import_cases

    if not args.infile.is_file():
        raise UsageError(f"Die Datei {args.infile} gibt es nicht.")
    # Bytes that are not UTF-8 arrive as lone surrogates; the line that holds them is refused by its number.
    with opened_store(args.db, write=True), args.infile.open(encoding="utf-8-sig", errors="surrogateescape") as handle:
        count = import_cases(handle, today=date.today(), user=acting_user())
    say(f"{count} Fälle übernommen.")
    emit({"imported": count})
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from krm_desktop.model.exchange.case_export import export_cases

    if args.out.is_dir():
        raise UsageError(f"{args.out} ist ein Ordner; --out nennt die Datei, z. B. {args.out / 'faelle.jsonl'}.")
    if not args.out.parent.is_dir():
        raise UsageError(f"den Ordner {args.out.parent} gibt es nicht.")
    try:  # whole or not at all: a failed export leaves an earlier file of that name as it was
        with opened_store(args.db), replacing(args.out, text=True, newline="\n") as handle:
            count = export_cases(handle)
    except OSError as exc:
        raise RefusedError(f"Die Datei {args.out} lässt sich nicht schreiben: {exc.strerror or exc}.") from exc
    say(f"{count} Fälle nach {args.out} ausgegeben.")
    emit({"exported": count})
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from krm_desktop.model.store.file_check import check_database_file

    target = resolve_target(args.db)
    found = None if is_url(target) else check_database_file(Path(target))
    if found is not None and not found.ok:  # damaged, foreign, locked …: the file's own check says what
        problems, described = [found.message], target
    else:
        with opened_store(args.db) as store:
            problems = database_problems(store)
        described = store.describe()
    emit({"ok": not problems, "problems": problems, "database": described})
    for problem in problems:
        say(problem)
    if problems:
        say(f"{len(problems)} Problem(e) gefunden.")
        return EXIT_REFUSED
    say("Datenbank in Ordnung.")
    return EXIT_OK


def cmd_self_test(args: argparse.Namespace) -> int:
    import os

    if args.command is not None:
        raise UsageError("--self-test steht allein, ohne Unterbefehl.")
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # off screen, also on a desktop session
    from krm_desktop.ui.self_test import run_self_test

    emit(run_self_test(resolve_target(args.db), STARTED))
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from krm_desktop.ui.app import run_gui

    return run_gui(resolve_target(args.db))


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: cmd_gui,
    "init": cmd_init,
    "demo": cmd_demo,
    "deadlines": cmd_deadlines,
    "import": cmd_import,
    "export": cmd_export,
    "check": cmd_check,
    "letter": cmd_letter,
    "report": cmd_report,
    "purge": cmd_purge,
    "auskunft": cmd_auskunft,
    "copy-to": cmd_copy,
    "profile": cmd_profile,
    "staff": cmd_staff,
    "draft": cmd_draft,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.self_test:
            return cmd_self_test(args)
        return COMMANDS[args.command](args)
    except UsageError as exc:
        say(f"Falscher Aufruf: {exc}")
        return EXIT_USAGE
    except ValidationError as exc:
        for message in exc.errors.values():  # each names its field in German; the code names are no one's business
            say(message)
        return EXIT_REFUSED
    except KrmError as exc:
        say(exc.message)
        return EXIT_REFUSED
    except OSError as exc:  # a file named on the command line that cannot be read or written
        say(f"{file_fault(exc)} {NOTHING_CHANGED}")
        return EXIT_REFUSED
    except UnicodeError:  # a value with bytes that are not UTF-8 (a shell in another encoding)
        say(f"Ein Wert des Aufrufs {NOT_UTF8}")
        return EXIT_USAGE
    except Exception as exc:
        if not is_db_fault(exc):
            raise
        say(store_fault(exc))
        return EXIT_REFUSED


if __name__ == "__main__":
    sys.exit(main())
