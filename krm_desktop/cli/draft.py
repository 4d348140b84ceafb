"""`krm-desktop draft --from F.eml|F.msg|F.pdf`: the case a saved mail or a scanned letter proposes, as JSON
(DESIGN.md §2). Touches no database: --db is accepted like everywhere and ignored."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from krm_desktop.cli.common import EXIT_OK, emit, say


def add_draft_parser(sub: Any) -> None:
    p = sub.add_parser(
        "draft", help="eine gespeicherte E-Mail (.eml, .msg) oder einen Brief-Scan (.pdf) als Vorschlag lesen"
    )
    p.add_argument(
        "--from", dest="source", required=True, type=Path, metavar="DATEI", help="die Datei (.eml, .msg oder .pdf)"
    )
    p.add_argument(
        "--own-address",
        dest="own_addresses",
        action="append",
        default=[],
        metavar="ADRESSE",
        help="eigene Adresse der Dienststelle (mehrfach möglich): kommt die E-Mail von dort, gelten Absender und "
        "Datum der weitergeleiteten Original-Nachricht",
    )


def cmd_draft(args: argparse.Namespace) -> int:
    from krm_desktop.model.exchange.mail import draft_json, read_draft_file

    draft = read_draft_file(args.source, today=date.today(), own_addresses=args.own_addresses)
    emit(draft_json(draft))
    for line in draft.refused:
        say(line)
    return EXIT_OK
