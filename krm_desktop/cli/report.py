"""`krm-desktop --db X report --year Y [--half H | --quarter Q] --out F.pdf|F.csv [--recipient R]`.

Prints {"out", "format", "period", "recipient", "cases", "concerns"} as JSON on stdout; German messages on
stderr. Exit 0 when written, 1 when the period is refused (future, before the oldest record) or the store
or file cannot be used, 2 on bad usage (unknown extension, both --half and --quarter, a half other than 1–2 …).
It handles its own errors (a refused period, a store or file that cannot be used).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from krm_desktop.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, emit, opened_store, say


def _int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{value}“ ist keine ganze Zahl") from None


def add_report_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from krm_desktop.model.reports.texts import RECIPIENTS

    p = subparsers.add_parser(
        "report",
        help="Auswertung eines Zeitraums als PDF oder CSV (Jahr, Halbjahr oder Quartal)",
        description="Jahresbericht, Halbjahresbericht oder Quartalsauswertung schreiben; das Format folgt der "
        "Dateiendung (.pdf oder .csv).",
    )
    p.add_argument("--year", type=_int, required=True, help="Berichtsjahr, z. B. 2025")
    p.add_argument("--half", type=_int, help="Halbjahr 1 oder 2")
    p.add_argument("--quarter", type=_int, help="Quartal 1 bis 4")
    p.add_argument("--out", type=Path, required=True, help="Zieldatei, Endung .pdf oder .csv")
    p.add_argument(
        "--recipient",
        help=f"Empfänger ({', '.join(RECIPIENTS)}); ohne Angabe: Jahr → regionaldirektion, "
        "Halbjahr → traegerversammlung, Quartal → gf",
    )
    return p


def _usage_problem(args: argparse.Namespace) -> str | None:
    from krm_desktop.documents.reports.files import report_format
    from krm_desktop.model.reports.texts import recipient_problem

    if args.half is not None and args.quarter is not None:
        return "--half und --quarter schließen einander aus; bitte nur eines angeben."
    if args.half is not None and args.half not in (1, 2):
        return f"--half ist 1 oder 2, nicht {args.half}."
    if args.quarter is not None and args.quarter not in (1, 2, 3, 4):
        return f"--quarter ist 1, 2, 3 oder 4, nicht {args.quarter}."
    if report_format(args.out) is None:
        suffix = args.out.suffix or "(keine)"
        return f"Unbekannte Dateiendung {suffix}: --out muss auf .pdf oder .csv enden."
    if not args.out.parent.is_dir():
        return f"Den Ordner {args.out.parent} gibt es nicht."
    if args.recipient is not None:
        return recipient_problem(args.recipient)
    return None


def cmd_report(args: argparse.Namespace) -> int:
    from krm_desktop.documents.reports.files import save_report
    from krm_desktop.model.errors import KrmError, ValidationError
    from krm_desktop.model.reports.periods import make_period
    from krm_desktop.model.reports.texts import RECIPIENTS, default_recipient

    problem = _usage_problem(args)
    if problem:
        say(f"Falscher Aufruf: {problem}")
        return EXIT_USAGE
    period = make_period(args.year, args.half, args.quarter)
    recipient = args.recipient or default_recipient(period)
    try:
        with opened_store(getattr(args, "db", None)) as store:
            saved = save_report(args.out, period, today=date.today(), recipient=recipient, record=not store.read_only)
    except ValidationError as exc:
        for message in exc.errors.values():
            say(message)
        return EXIT_REFUSED
    except KrmError as exc:
        say(exc.message)
        return EXIT_REFUSED
    except OSError as exc:
        say(f"Die Datei {args.out} ließ sich nicht schreiben: {exc.strerror or exc}")
        return EXIT_REFUSED
    if store.read_only:
        say(
            "Hinweis: Die Datenbank ist schreibgeschützt; dass dieser Bericht erstellt wurde, ist darin nicht "
            "vermerkt (die Erinnerung an ihn bleibt)."
        )
    counted = (
        f"Im Zeitraum {period.span_text} wurden keine Kundenreaktionen erfasst; der Bericht sagt das."
        if saved.cases == 0
        else f"{saved.cases} Kundenreaktionen, {saved.concerns} Anliegen."
    )
    say(f"{period.title} für die {RECIPIENTS[recipient]} nach {saved.path} geschrieben. {counted}")
    emit(
        {
            "out": str(saved.path),
            "format": saved.format,
            "period": period.code,
            "recipient": recipient,
            "cases": saved.cases,
            "concerns": saved.concerns,
        }
    )
    return EXIT_OK
