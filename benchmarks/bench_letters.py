"""Benchmark: one Eingangsbestätigung (read the case, fill the text blocks, lay out DIN 5008, write the PDF).

Goal (issue 5): one letter takes at most 2× the time of a bare ReportLab page with the same text.
Floor, measured in the same run: a SimpleDocTemplate A4 page with the letter's very text (subject, body,
closing, signature) as Paragraphs in the same embedded font, without letterhead, address field,
information block, marks, footer, page numbering or database. Each run times a batch of letter/bare-page
pairs, one after the other, and reports the time per document; the ratio letter/floor is the price of
everything that makes it a letter (reading the case and the text blocks included).

run.py reads "higher is better": the RESULT line's metric is the bare page's share of the letter's time
in per cent (100 × floor/letter); the goal "≤ 2×" is the same as "≥ 50 %".

Prints figures; exits 0 whether the goal is met or not, unless --strict.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from datetime import date
from io import BytesIO
from pathlib import Path

from common import finish, spread
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from krm_desktop.documents.letters.bodies import styles
from krm_desktop.documents.letters.compose import letter_for_case
from krm_desktop.documents.letters.draft import Draft
from krm_desktop.documents.page.escape import markup
from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.intake import CaseInput
from krm_desktop.model.cases.party import PartyRecord
from krm_desktop.model.office.new_office import initialise_office
from krm_desktop.model.office.settings import save_letterhead, setting_version
from krm_desktop.model.store.connection import open_store
from krm_desktop.model.store.entities import Staff, Team

GOAL_RATIO = 2.0
GOAL_SHARE = 100 / GOAL_RATIO  # per cent
TODAY = date(2026, 11, 4)


def setup(folder: Path) -> int:
    """A fresh office database with letterhead, staff and one registered complaint; returns the case id."""
    open_store(str(folder / "bench.sqlite3"), create=True)
    initialise_office("luebeck", "Jobcenter Musterstadt")
    save_letterhead(
        {
            "street": "Hafenstraße 12",
            "postcode": "23552",
            "city": "Musterstadt",
            "phone": "0451 1234-0",
            "email": "post@jobcenter-musterstadt.example",
            "opening_hours": "Mo–Fr 8:00–12:30\nDo 14:00–18:00",
            "footer": "Bankverbindung: Musterbank, IBAN DE02 1203 0000 0000 2020 51",
            "contact_name": "Petra Krause",
        },
        expected_version=setting_version("letterhead"),
    )
    team = Team.create(name="Team 411 Leistungsgewährung", area="Bereich 41 Leistung")
    Staff.create(name="Thomas Lehmann", role="TL", team=team)
    Staff.create(name="Petra Krause", role="KRM")
    person = PartyRecord(
        name="Erika Mustermann", salutation="frau", street="Breite Straße 12", postcode="23552", city="Lübeck"
    )
    data = CaseInput(
        kind="beschwerde",
        channel="brief",
        via="direkt",
        received=date(2026, 11, 2),
        subject="Wartezeit bei der Antragsbearbeitung",
        description="Der Weiterbewilligungsantrag ist seit sechs Wochen unbearbeitet.",
        team_id=team.id,
        person=person,
    )
    return cases.register(data, today=TODAY, user="bench").id


def letter(case_id: int) -> tuple[bytes, Draft]:
    draft, rendered = letter_for_case(case_id, "eingangsbestaetigung", TODAY)
    return rendered.pdf, draft


def bare_page(draft: Draft) -> bytes:
    """The same text on a plain ReportLab page: same font and styles, nothing else."""
    st = styles()
    story = [Paragraph(markup(draft.subject), st["subject"]), Spacer(0, 27)]
    story += [Paragraph(markup(p), st["body"]) for p in re.split(r"\n\s*\n", draft.body) if p.strip()]
    story += [Paragraph(markup(draft.closing), st["tight"]), Paragraph("Im Auftrag", st["tight"]), Spacer(0, 40)]
    if draft.signer:
        story += [
            Paragraph(markup(draft.signer.name), st["tight"]),
            Paragraph(markup(draft.signer.function), st["tight"]),
        ]
    out = BytesIO()
    SimpleDocTemplate(out, pagesize=A4, leftMargin=25 * mm, rightMargin=20 * mm).build(story)
    return out.getvalue()


def paired(case_id: int, draft: Draft, batch: int) -> tuple[float, float]:
    """Seconds per letter and per bare page, timed alternately so that both see the same machine load."""
    letters = floors = 0.0
    for _ in range(batch):
        start = time.perf_counter()
        letter(case_id)
        middle = time.perf_counter()
        bare_page(draft)
        letters += middle - start
        floors += time.perf_counter() - middle
    return letters / batch, floors / batch


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed runs (at least 5)")
    parser.add_argument("--batch", type=int, default=20, help="documents per timed batch")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the goal is missed")
    args = parser.parse_args(argv)
    repeat = max(args.repeat, 5)

    print(f"bench_letters: one Eingangsbestätigung vs. a bare ReportLab page with the same text, {repeat} runs "
          f"of {args.batch} documents each")  # fmt: skip
    print(f"goal: letter ≤ {GOAL_RATIO:.0f}× bare page (median of the runs)")
    letter_times: list[float] = []
    floor_times: list[float] = []
    ratios: list[float] = []
    with tempfile.TemporaryDirectory(prefix="krm-bench-") as tmp:
        case_id = setup(Path(tmp))
        pdf, draft = letter(case_id)
        assert pdf.startswith(b"%PDF") and bare_page(draft).startswith(b"%PDF")
        for _ in range(5):  # warm-up: fonts, styles, imports
            letter(case_id)
            bare_page(draft)
        for run in range(1, repeat + 1):
            letter_time, floor_time = paired(case_id, draft, args.batch)
            letter_times.append(letter_time)
            floor_times.append(floor_time)
            ratios.append(letter_time / floor_time)
            print(
                f"  run {run}: letter {letter_time * 1000:.2f} ms | bare page {floor_time * 1000:.2f} ms | "
                f"ratio {ratios[-1]:.2f}"
            )
    shares = [100 / r for r in ratios]
    print(f"letter ms:      {spread([t * 1000 for t in letter_times], '.2f')}")
    print(f"bare page ms:   {spread([t * 1000 for t in floor_times], '.2f')}")
    print(f"ratio:          {spread(ratios, '.2f')} (goal ≤ {GOAL_RATIO:.1f})")
    verdict = statistics.median(ratios) <= GOAL_RATIO
    print(f"{'PASS' if verdict else 'FAIL'}: median ratio {statistics.median(ratios):.2f} vs. goal ≤ {GOAL_RATIO:.1f}")
    return finish(
        "letters",
        "% of bare-page speed",
        shares,
        GOAL_SHARE,
        ratios,
        "SimpleDocTemplate page with the same text and font, no letterhead or database",
        args.strict,
    )


if __name__ == "__main__":
    sys.exit(main())
