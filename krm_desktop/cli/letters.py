"""`krm-desktop --db X letter --case REF --type T --out F.pdf`: one document of a case as PDF.

The PDF is written to F.pdf and kept in the case (exact bytes, with an event in the history), like a
document printed from the program. JSON on stdout ({"case", "type", "out", "pages", "bytes"}), German
messages on stderr; exit 0 on success, 1 when the case refuses (unknown case, a document that does not
apply, an address too long for the window, missing data), 2 on bad usage.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from krm_desktop.cli.common import (
    EXIT_OK,
    UsageError,
    acting_user,
    check_pdf_target,
    emit,
    iso_date,
    keep_and_write,
    run_on_store,
    say,
    say_replaced,
)


def add_letter_parser(subparsers: Any) -> argparse.ArgumentParser:
    from krm_desktop.model.cases.letters import DOC_TYPES

    parser: argparse.ArgumentParser = subparsers.add_parser(
        "letter", help="ein Schreiben eines Falls als PDF ausgeben und im Fall ablegen"
    )
    parser.add_argument(
        "--case", required=True, dest="case_ref", help="Zeichen der Kundenreaktion, z. B. KRM-2026-0042"
    )
    parser.add_argument("--type", required=True, dest="doc_type", help=", ".join(DOC_TYPES))
    parser.add_argument("--out", required=True, type=Path, help="Zieldatei (PDF)")
    parser.add_argument("--date", dest="letter_date", type=iso_date, help="Datum des Schreibens (Standard: heute)")
    return parser


def cmd_letter(args: argparse.Namespace) -> int:
    from krm_desktop.model import validation as v
    from krm_desktop.model.cases.letters import DOC_TYPES

    if args.doc_type not in DOC_TYPES:
        raise UsageError(f"unbekannte Schreibenart „{args.doc_type}“. Möglich sind: {', '.join(DOC_TYPES)}.")
    if v.parse_ref(args.case_ref) is None:
        raise UsageError(f"„{args.case_ref}“ ist kein Zeichen einer Kundenreaktion (Format KRM-JJJJ-NNNN).")
    check_pdf_target(args.out)
    return run_on_store(args, lambda _store: _letter(args), write=True)  # the letter is kept in its case


def _letter(args: argparse.Namespace) -> int:
    from krm_desktop.documents.letters.compose import letter_for_case
    from krm_desktop.model.cases.letters import DOC_TYPES, store_letter
    from krm_desktop.model.errors import RefusedError
    from krm_desktop.model.store.entities import Case

    case = Case.get_or_none(Case.ref == args.case_ref)
    if case is None:
        raise RefusedError(f"Die Kundenreaktion {args.case_ref} gibt es nicht.")
    out: Path = args.out
    today = args.letter_date or date.today()
    user = acting_user()
    draft, rendered = letter_for_case(case.id, args.doc_type, today, author=user)
    for warning in [*draft.warnings, *rendered.warnings]:
        say(f"Hinweis: {warning}")
    say_replaced(rendered.replaced)
    keep_and_write(
        out,
        rendered.pdf,
        lambda: store_letter(case.id, args.doc_type, rendered.pdf, today=today, user=user, how="als PDF gespeichert"),
    )
    say(f"{DOC_TYPES[args.doc_type]} für {case.ref} nach {out} geschrieben ({rendered.pages} Seite(n)).")
    emit(
        {"case": case.ref, "type": args.doc_type, "out": str(out), "pages": rendered.pages, "bytes": len(rendered.pdf)}
    )
    return EXIT_OK
