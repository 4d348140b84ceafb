"""`krm-desktop --db X auskunft --person "NAME" --out F.pdf`: the Auskunft (Art. 15 DSGVO) of one person as PDF.

The person is found as the person view finds them (name, Kundennummer, BG-Nummer, address or e-mail;
spelling variants such as "Mueller"/"Müller", "Strasse"/"Straße", extra spaces are the same). When the
name matches exactly, only exact matches count. Several different persons are refused with a list (exit 1):
narrow with --customer-no, --bg-no, --email or --postcode, or take all matches as one person with --merge.

Only names equal after folding case, umlauts (ü = ue), ß = ss, the dotless ı and spaces are the person
(`model.persons.matching`). Cases found only by similarity (another form of the name, Kölner Phonetik, edit
distance, the same household) are listed as "candidates" and go into the PDF only when named with
--include REF; a REF that is neither the person's nor a candidate is refused (exit 1, nothing written). When
no name matches exactly, the candidates are printed and nothing is made (exit 1) unless some are included.

The PDF is written to F.pdf; each case keeps its copy (cover letter and the case's own pages) with a history
entry, as a printed letter does. The request's receipt date is the recorded open request's, else --received,
else the document's date. --mark-answered marks the open request answered. Third parties' data are withheld
as the person view proposes them (nothing of other persons is printed).

JSON on stdout: {"person", "cases", "pages", "out", "bytes", "received", "due", "withheld", "withheld_passages",
"withheld_by_kind", "request", "answered", "candidates": [{"ref", "name", "why"}]}: "withheld" counts the items left
out whole, "withheld_passages" lists each item and passage left out as {"ref", "item" (the item's key), "kind"
("Angabe" for a whole item, else "Name", "Kundennummer", "BG-Nummer", "Anschrift", "Telefon", "E-Mail")}, never the
values; "candidates" are the cases found only by similarity and not included. German messages on stderr; exit 0 on
success, 1 when no person or several persons match, a --include is refused or the Auskunft cannot be made, 2 on bad
usage.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from krm_desktop.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
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


def add_auskunft_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "auskunft", help="Auskunft nach Art. 15 DSGVO über eine Person als PDF ausgeben und in ihren Fällen ablegen"
    )
    parser.add_argument("--person", required=True, help="Name, Kundennummer, BG-Nummer, Anschrift oder E-Mail")
    parser.add_argument("--out", required=True, type=Path, help="Zieldatei (PDF)")
    parser.add_argument("--customer-no", default="", help="nur die Person mit dieser Kundennummer")
    parser.add_argument("--bg-no", default="", help="nur die Person mit dieser BG-Nummer")
    parser.add_argument("--email", default="", help="nur die Person mit dieser E-Mail-Adresse")
    parser.add_argument("--postcode", default="", help="nur die Person mit dieser Postleitzahl")
    parser.add_argument("--merge", action="store_true", help="alle Treffer als eine Person behandeln")
    parser.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="REF",
        help='einen nur ähnlichen Treffer (siehe "candidates") in die Auskunft aufnehmen; mehrfach möglich',
    )
    parser.add_argument("--received", type=iso_date, help="Eingang des Auskunftsersuchens (JJJJ-MM-TT)")
    parser.add_argument("--date", dest="doc_date", type=iso_date, help="Datum der Auskunft (Standard: heute)")
    parser.add_argument(
        "--mark-answered", action="store_true", help="das offene Auskunftsersuchen als beantwortet vermerken"
    )
    return parser


def cmd_auskunft(args: argparse.Namespace) -> int:
    check_pdf_target(args.out)
    if not args.person.strip():
        raise UsageError("--person ist leer; bitte einen Namen, eine Kunden- oder BG-Nummer angeben.")
    today = args.doc_date or date.today()
    if args.received is not None and args.received > today:
        raise UsageError("--received liegt nach dem Datum der Auskunft.")
    return run_on_store(args, lambda _store: _auskunft(args, today), write=True)  # copies are kept in the cases


def _auskunft(args: argparse.Namespace, today: date) -> int:
    from krm_desktop.documents.auskunft.content import withheld_passages
    from krm_desktop.documents.auskunft.pdf import case_copies, render_auskunft
    from krm_desktop.documents.auskunft.sections import gather
    from krm_desktop.model.errors import RefusedError
    from krm_desktop.model.persons.auskunft import mark_answered, requests_of, store_copies
    from krm_desktop.model.persons.matching import identifier_of, match_person
    from krm_desktop.model.persons.person import merge
    from krm_desktop.model.persons.search import PersonQuery, find_persons

    query = PersonQuery(args.person, args.customer_no, args.bg_no, args.email, args.postcode)
    result = find_persons(query)
    persons = [p for p in result.persons if p.exact] or result.persons
    several = len(persons) > 1 and not args.merge
    if several and (any(p.exact for p in persons) or identifier_of(args.person) is not None):
        say(f"Mehrere Personen passen zu „{args.person}“:")
        for number, person in enumerate(persons, start=1):
            say(f"  {number}. {person.describe()}")
        say(
            "Bitte eingrenzen, z. B. mit --customer-no, --bg-no, --email oder --postcode, oder mit --merge alle "
            "Treffer als eine Person behandeln."
        )
        return EXIT_REFUSED
    found = (persons[0] if len(persons) == 1 else merge(persons)) if persons else None
    match = match_person(found, args.person)
    listed = [{"ref": c.ref, "name": c.name, "why": c.why} for c in match.candidates]
    chosen = match.person_with(args.include)
    _say_candidates(match.candidates, args.include)
    if chosen is None:
        if not match.candidates:
            say(result.message or f"Keine Person gefunden für „{args.person}“.")
            return EXIT_REFUSED
        say(f"Kein Name passt genau zu „{args.person}“; ohne --include REF wird keine Auskunft erstellt.")
        emit({"person": None, "cases": [], "candidates": listed})
        return EXIT_REFUSED
    person = chosen
    request = next((r for r in requests_of(person) if r.answered is None), None)
    received = request.received if request is not None else (args.received or today)
    content = gather(person, today)
    if not content.cases:
        raise RefusedError(f"Zu {person.name} ist keine Kundenreaktion mehr gespeichert (Negativauskunft).")
    rendered = render_auskunft(content, received=received, number=request.number if request else "")
    say_replaced(rendered.replaced)
    user = acting_user()
    pages = {case_id: rendered.pages_note(case_id) for case_id in rendered.case_pages}

    def keep() -> None:
        store_copies(case_copies(rendered), today=today, user=user, how="als PDF gespeichert", pages=pages)
        if request is not None and args.mark_answered:
            mark_answered(request.number, answered_on=today, today=today, user=user)

    out: Path = args.out
    keep_and_write(out, rendered.pdf, keep)
    answered = request is not None and args.mark_answered
    say(
        f"Auskunft für {person.name} nach {out} geschrieben: {len(content.cases)} Kundenreaktion(en), "
        f"{rendered.pages} Seite(n), Frist {rendered.due:%d.%m.%Y}."
        + (f" Auskunftsersuchen {request.number} als beantwortet vermerkt." if answered and request else "")
    )
    passages = withheld_passages(content, content.default_withheld())
    by_kind: dict[str, int] = {}
    for passage in passages:
        by_kind[passage.kind] = by_kind.get(passage.kind, 0) + 1
    payload = {
        "person": person.name,
        "cases": [c.ref for c in content.cases],
        "pages": rendered.pages,
        "out": str(out),
        "bytes": len(rendered.pdf),
        "received": received.isoformat(),
        "due": rendered.due.isoformat(),
        "withheld": rendered.withheld,
        "withheld_passages": [{"ref": p.ref, "item": p.item, "kind": p.kind} for p in passages],
        "withheld_by_kind": by_kind,
        "request": request.number if request else None,
        "answered": answered,
        "candidates": [c for c in listed if c["ref"].casefold() not in {r.strip().casefold() for r in args.include}],
    }
    emit(payload)
    return EXIT_OK


def _say_candidates(candidates: tuple[Any, ...], included: list[str]) -> None:
    """The similar cases on stderr: which were named with --include, and how to name the others."""
    named = {r.strip().casefold() for r in included}
    left = [c for c in candidates if c.ref.casefold() not in named]
    for candidate in candidates:
        if candidate.ref.casefold() in named:
            say(f"Aufgenommen (mit --include): {candidate.ref} {candidate.name} – {candidate.why}.")
    if left:
        say(f"Nur ähnliche Treffer, nicht in der Auskunft ({len(left)}); aufnehmen mit --include REF:")
        for candidate in left:
            say(f"  {candidate.ref} {candidate.name} – {candidate.why}")
