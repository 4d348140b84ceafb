"""`krm-desktop --db X letter --case REF --type T --out F.pdf`: one document of a case as PDF.

The PDF is written to F.pdf and kept in the case (exact bytes, with an event in the history), like a
document printed from the program. JSON on stdout ({"case", "type", "out", "pages", "bytes"}), German
messages on stderr; exit 0 on success, 1 when the case refuses (unknown case, a document that does not
apply, an address too long for the window, missing data), 2 on bad usage.

Wiring in cli.py: ``add_letter_parser(sub)`` in build_parser() and ``"letter": cmd_letter`` in COMMANDS.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from krm_desktop.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE
from krm_desktop.cli.common import acting_user as _user
from krm_desktop.cli.common import iso_date as _date
from krm_desktop.cli.common import say as _say
from krm_desktop.model.store.transactions import write_transaction


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
    parser.add_argument("--date", dest="letter_date", type=_date, help="Datum des Schreibens (Standard: heute)")
    return parser


def cmd_letter(args: argparse.Namespace) -> int:
    from krm_desktop.model import validation as v
    from krm_desktop.model.cases.letters import DOC_TYPES

    if args.doc_type not in DOC_TYPES:
        _say(f"Falscher Aufruf: unbekannte Schreibenart „{args.doc_type}“. Möglich sind: {', '.join(DOC_TYPES)}.")
        return EXIT_USAGE
    if v.parse_ref(args.case_ref) is None:
        _say(f"Falscher Aufruf: „{args.case_ref}“ ist kein Zeichen einer Kundenreaktion (Format KRM-JJJJ-NNNN).")
        return EXIT_USAGE
    out: Path = args.out
    if out.suffix.lower() != ".pdf":
        _say(f"Falscher Aufruf: die Zieldatei {out} muss auf .pdf enden.")
        return EXIT_USAGE
    if not out.parent.is_dir():
        _say(f"Falscher Aufruf: den Ordner {out.parent} gibt es nicht.")
        return EXIT_USAGE
    from krm_desktop.model.errors import KrmError
    from krm_desktop.model.store.connection import open_store, resolve_target

    try:
        store = open_store(resolve_target(getattr(args, "db", None)))
    except KrmError as exc:
        _say(exc.message)
        return EXIT_REFUSED
    try:
        return _letter(args, out)
    except KrmError as exc:
        _say(exc.message)
        return EXIT_REFUSED
    finally:
        store.close()


def _letter(args: argparse.Namespace, out: Path) -> int:
    from krm_desktop.documents.letters.compose import letter_for_case
    from krm_desktop.model.cases.letters import DOC_TYPES, store_letter
    from krm_desktop.model.errors import RefusedError
    from krm_desktop.model.store.entities import Case

    case = Case.get_or_none(Case.ref == args.case_ref)
    if case is None:
        raise RefusedError(f"Die Kundenreaktion {args.case_ref} gibt es nicht.")
    today = args.letter_date or date.today()
    user = _user()
    draft, rendered = letter_for_case(case.id, args.doc_type, today, author=user)
    for warning in [*draft.warnings, *rendered.warnings]:
        _say(f"Hinweis: {warning}")
    if rendered.replaced:
        _say(f"Hinweis: {rendered.replaced} Zeichen kann die Schrift nicht darstellen; sie erscheinen als „�“.")
    try:
        with write_transaction():
            store_letter(case.id, args.doc_type, rendered.pdf, today=today, user=user, how="als PDF gespeichert")
            out.write_bytes(rendered.pdf)
    except OSError as exc:
        raise RefusedError(f"Die Datei {out} lässt sich nicht schreiben: {exc.strerror or exc}.") from exc
    _say(f"{DOC_TYPES[args.doc_type]} für {case.ref} nach {out} geschrieben ({rendered.pages} Seite(n)).")
    payload = {
        "case": case.ref,
        "type": args.doc_type,
        "out": str(out),
        "pages": rendered.pages,
        "bytes": len(rendered.pdf),
    }
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n")
    return EXIT_OK
