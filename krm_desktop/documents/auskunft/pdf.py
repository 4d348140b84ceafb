"""The Auskunft (Art. 15 DSGVO with § 83 SGB X) as a PDF: a DIN 5008 cover letter, then the Anlage.

The cover letter uses the office's letterhead and page frame (`din5008`), names the request's receipt and
the one-month deadline (`model.auskunft.answer_due`), what the Anlage holds, the person's rights and
whether data of third parties were removed. The Anlage starts with the general information and a table
of contents (case, kind, role, receipt, page); each case then starts on a new page with every stored item
(`sections`), so a person with hundreds of cases gets a long but navigable document, and each
case's pages can be kept in that case alone (`case_copies`): a copy never holds another case's data.

The table of contents needs page numbers that are known only once the cases are laid out. The pages are held
back until the end anyway (for "Seite n von N", `din5008`): the contents' rows note where their number goes,
and the numbers are written there when the pages are finally put out. One layout pass, however long.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from io import BytesIO
from typing import Any

import pypdfium2 as pdfium
from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from krm_desktop.documents.auskunft.content import (
    WITHHELD_NOTE,
    AuskunftContent,
    CaseAuskunft,
    Section,
    blanked,
    shown,
)
from krm_desktop.documents.letters.bodies import LINE_GREY, paragraphs, styles
from krm_desktop.documents.page.addressing import Addressee, fit, party_addressee
from krm_desktop.documents.page.din5008 import TEXT_W, Letterhead, PageFrame, build_pdf
from krm_desktop.documents.page.escape import markup as _markup
from krm_desktop.documents.page.escape import replaced as _replaced
from krm_desktop.documents.page.fonts import FONT
from krm_desktop.model.office.settings import letterhead, letterhead_logo
from krm_desktop.model.persons.auskunft import TITLE, answer_due
from krm_desktop.model.persons.person import ROLE_LABELS
from krm_desktop.model.retention.rules import COMMON_RULES, de, rules_of

NOTE_GREY = Color(0.3, 0.3, 0.3)
markup = lru_cache(maxsize=8192)(_markup)  # labels and notes repeat on every page
replaced = lru_cache(maxsize=8192)(_replaced)
LABEL_W = 48 * mm
ENTRY_W = 30 * mm  # date (and who) beside a history entry or statement


@dataclass(frozen=True)
class RenderedAuskunft:
    pdf: bytes
    pages: int
    letter_pages: tuple[int, int]  # first and last page of the cover letter (1-based)
    case_pages: dict[int, tuple[int, int]]  # case id -> first and last page
    received: date
    due: date
    withheld: int  # items replaced by the note
    replaced: int  # characters the font cannot show (printed as �)

    def pages_note(self, case_id: int) -> str:
        """German: which pages of the whole document a case's copy holds."""
        first, last = self.case_pages[case_id]
        letter = _span(*self.letter_pages)
        return f"Seiten {letter} und {_span(first, last)} von {self.pages}"


def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


class _PageRef(Flowable):
    """A table-of-contents cell: notes where the case's page number goes (written when the pages go out)."""

    def __init__(self, key: int, refs: list[tuple[int, int, float, float]]) -> None:
        super().__init__()
        self.key, self.refs = key, refs

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, 12.0  # one line of the cell style (9 pt on 12 pt)

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 3.1)  # on the baseline of the row's other cells
        self.refs.append((self.canv.getPageNumber(), self.key, x, y))


@dataclass
class _Frame(PageFrame):
    """The letter's page frame, which also writes the table of contents' page numbers."""

    refs: list[tuple[int, int, float, float]] = field(default_factory=list)
    found: dict[int, int] = field(default_factory=dict)

    def draw_page_number(self, canvas: Canvas, number: int, total: int) -> None:
        super().draw_page_number(canvas, number, total)
        for page, key, x, y in self.refs:
            if page == number and key in self.found:
                canvas.saveState()
                canvas.setFont(FONT, 9)
                canvas.drawString(x, y, str(self.found[key]))
                canvas.restoreState()


class _Mark(Flowable):
    """Zero-size: notes the page it lands on (for the table of contents and the per-case copies)."""

    def __init__(self, key: int, found: dict[int, int]) -> None:
        super().__init__()
        self.key, self.found = key, found

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.found[self.key] = self.canv.getPageNumber()


@dataclass
class _Styles:
    cell: ParagraphStyle
    label: ParagraphStyle
    note: ParagraphStyle
    heading: ParagraphStyle
    section: ParagraphStyle
    small: ParagraphStyle


def _styles() -> _Styles:
    st = styles()
    return _Styles(
        cell=st["cell"],
        label=st["label"],
        note=ParagraphStyle("krm-auskunft-note", parent=st["cell"], textColor=NOTE_GREY),
        heading=ParagraphStyle("krm-auskunft-case", parent=st["heading"], fontSize=12, leading=15, spaceAfter=2),
        section=ParagraphStyle("krm-auskunft-section", parent=st["label"], fontSize=9.5, spaceBefore=7, spaceAfter=3),
        small=st["small"],
    )


def _grid(rows: list[list[Any]], widths: list[float], header: bool = False) -> Table:
    table = Table(rows, colWidths=widths, splitInRow=1, repeatRows=1 if header else 0)
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, LINE_GREY),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header:
        style.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, LINE_GREY))
    table.setStyle(TableStyle(style))
    return table


@dataclass
class _Counter:
    withheld: int = 0
    replaced: int = 0


def _section(case: CaseAuskunft, section: Section, withheld: frozenset[str], st: _Styles, n: _Counter) -> list[Any]:
    rows = []
    for item in section.items:
        text = shown(case, item, withheld)
        caption = blanked(case, item.label, withheld)
        heading = blanked(case, item.heading, withheld)
        is_note = text == WITHHELD_NOTE
        n.withheld += is_note
        n.replaced += replaced(text) + replaced(caption) + replaced(heading)
        body = markup(text)
        if heading:
            body = f"<b>{markup(heading)}</b><br/>{body}"
        left = Paragraph(markup(caption), st.label if section.layout == "table" else st.cell)
        rows.append([left, Paragraph(body, st.note if is_note else st.cell)])
    width = LABEL_W if section.layout == "table" else ENTRY_W
    return [
        CondPageBreak(30 * mm),
        Paragraph(markup(section.title), st.section),
        _grid(rows, [width, TEXT_W - width]),
    ]


def _case_story(number: int, case: CaseAuskunft, withheld: frozenset[str], st: _Styles, n: _Counter) -> list[Any]:
    state = f"abgeschlossen am {de(case.closed)}" if case.closed else "offen"
    head = [
        Paragraph(markup(f"{number}. {case.ref} · {case.kind}"), st.heading),
        Paragraph(markup(f"Ihre Rolle: {', '.join(case.roles)} · Eingang {de(case.received)} · {state}"), st.small),
        Spacer(0, 2 * mm),
    ]
    story: list[Any] = []
    for section in case.sections:
        story += _section(case, section, withheld, st, n)
    return [KeepTogether([*head, *story[:3]]), *story[3:]]


def _toc(content: AuskunftContent, refs: list[tuple[int, int, float, float]], st: _Styles) -> Table:
    rows: list[list[Any]] = [
        [Paragraph(x, st.label) for x in ("Nr.", "Zeichen", "Anliegen", "Ihre Rolle", "Eingang", "Seite")]
    ]
    for number, case in enumerate(content.cases, start=1):
        rows.append(
            [
                Paragraph(str(number), st.cell),
                Paragraph(markup(case.ref), st.cell),
                Paragraph(markup(case.kind), st.cell),
                Paragraph(markup(", ".join(case.roles)), st.cell),
                Paragraph(de(case.received), st.cell),
                _PageRef(case.case_id, refs),
            ]
        )
    widths = [9 * mm, 29 * mm, 52 * mm, 41 * mm, 21 * mm, 13 * mm]
    return _grid(rows, widths, header=True)


def _addressee(content: AuskunftContent) -> Addressee:
    latest = content.person.latest
    if content.employee_only:
        name = " ".join(re.sub(r"\([^)]*\)", " ", latest.name).split())
        greeting = f"Guten Tag {name},"
        if name.startswith("Frau "):
            greeting = f"Sehr geehrte {name},"
        elif name.startswith("Herr "):
            greeting = f"Sehr geehrter {name},"
        return Addressee(fit([latest.name, "– im Hause –"]), greeting)
    # the newest row with an address (or an e-mail) is where the answer goes
    latest = next((c.data for c in content.person.cases if c.data.city.strip() or c.data.email.strip()), latest)
    return party_addressee(latest)


def _letter(
    content: AuskunftContent, addressee: Addressee, received: date, due: date, withheld: int, st: dict[str, Any]
) -> list[Any]:
    count = len(content.cases)
    which = "der Kundenreaktion, in der" if count == 1 else f"jeder der {count} Kundenreaktionen, in denen"
    lh = letterhead()
    body = [
        addressee.salutation,
        f"vielen Dank für Ihr Auskunftsersuchen, das am {de(received)} bei uns eingegangen ist. Nach Art. 12 Abs. 3 "
        f"DSGVO beantworten wir es innerhalb eines Monats, also bis zum {de(due)}.",
        f"In der Anlage finden Sie zu {which} Sie genannt sind, alle Angaben zu Ihrer Person, die wir im "
        "Kundenreaktionsmanagement (KRM) gespeichert haben: die Daten der Kundenreaktion mit Anliegen und Ergebnis, "
        "den Verlauf, Stellungnahmen, Schreiben (Datum und Art) und Anlagen (als Liste), dazu Zweck, Empfänger, "
        "Speicherdauer und Herkunft der Daten. Die Übersicht am Anfang der Anlage nennt die Seiten.",
    ]
    if withheld:
        body.append(
            "Angaben zu anderen Personen haben wir zu deren Schutz entfernt (Art. 15 Abs. 4 DSGVO); die Stellen "
            "sind gekennzeichnet."
        )
    body += [
        "Sie können die Berichtigung unrichtiger Daten (Art. 16 DSGVO) und unter den gesetzlichen Voraussetzungen "
        "ihre Löschung (Art. 17 DSGVO) oder die Einschränkung der Verarbeitung (Art. 18 DSGVO) verlangen, der "
        "Verarbeitung widersprechen (Art. 21 DSGVO) und sich bei einer Datenschutz-Aufsichtsbehörde beschweren "
        "(Art. 77 DSGVO). Eine automatisierte Entscheidung (Art. 22 DSGVO) findet nicht statt. Bei Fragen "
        "wenden Sie sich gern an uns.",
    ]
    signer = [Paragraph("Mit freundlichen Grüßen", st["tight"]), Paragraph("Im Auftrag", st["tight"])]
    signer.append(Spacer(0, 14 * mm))
    if lh.get("contact_name"):
        signer.append(Paragraph(markup(lh["contact_name"]), st["tight"]))
    signer.append(Paragraph("Kundenreaktionsmanagement", st["tight"]))
    paras = [p for text in body for p in paragraphs(text, st["body"])]
    return [
        Paragraph(markup("Auskunft über Ihre gespeicherten Daten (Art. 15 DSGVO, § 83 SGB X)"), st["subject"]),
        Spacer(0, 2 * st["body"].leading),
        *paras[:-1],
        KeepTogether([paras[-1], *signer, Spacer(0, 6 * mm), Paragraph("Anlage: Auskunft", st["tight"])]),
    ]


def _general(content: AuskunftContent, st: dict[str, Any], sty: _Styles) -> list[Any]:
    person = content.person
    roles = ", ".join(dict.fromkeys(ROLE_LABELS.get(c.role, c.role) for c in person.cases))
    rules = [r.text for r in rules_of(content.profile.retention)] + [COMMON_RULES[0]]
    rows = [
        ("Person", person.name),
        ("Stand", de(content.today)),
        ("Umfang", f"{len(content.cases)} Kundenreaktion(en); Ihre Rolle: {roles}."),
        (
            "Nicht enthalten",
            "Anonymisierte Kundenreaktionen: sie enthalten keine Angaben zu Ihrer Person mehr.",
        ),
        (
            "Kategorien der Daten",
            "Name, Anrede, Anschrift, E-Mail, Telefon, Kunden- und BG-Nummer; Inhalt Ihrer Kundenreaktion; "
            "Bearbeitungsvermerke, Stellungnahmen, Schreiben und Anlagen.",
        ),
        ("Löschregeln der Dienststelle", "\n".join(rules)),
        (
            "Statistik",
            "Jahres- und Halbjahresberichte an die Trägerversammlung und die Regionaldirektion enthalten nur "
            "Zahlen, keine Angaben zu Personen.",
        ),
    ]
    table = [[Paragraph(markup(k), sty.label), Paragraph(markup(x), sty.cell)] for k, x in rows]
    return [
        Paragraph("Anlage: Auskunft über Ihre im Kundenreaktionsmanagement gespeicherten Daten", st["title"]),
        Paragraph(markup("Art. 15 DSGVO in Verbindung mit § 83 SGB X"), st["small"]),
        Spacer(0, 4 * mm),
        _grid(table, [LABEL_W, TEXT_W - LABEL_W]),
        Spacer(0, 6 * mm),
        Paragraph("Übersicht", st["heading"]),
    ]


def render_auskunft(
    content: AuskunftContent,
    *,
    received: date,
    withheld: frozenset[str] | None = None,
    number: str = "",
    invariant: bool = False,
) -> RenderedAuskunft:
    """The PDF. `withheld`: item keys replaced by the note (default: the third parties' items of the policy)."""
    chosen = content.default_withheld() if withheld is None else frozenset(withheld)
    due = answer_due(received, content.profile)
    st, sty, n = styles(), _styles(), _Counter()
    lh = letterhead()
    frame = _Frame(
        layout="letter",
        letterhead=Letterhead.from_settings(lh, letterhead_logo()),
        addressee=_addressee(content),
        info=[
            ("Ihr Ersuchen vom", de(received)),
            ("Unser Zeichen", number or "Auskunft Art. 15 DSGVO"),
            ("Kundennummer", "" if content.employee_only else content.person.latest.customer_no),
            ("Ansprechpartner/in", lh.get("contact_name", "")),
            ("Telefon", lh.get("contact_phone", "")),
            ("E-Mail", lh.get("contact_email", "")),
            ("Datum", de(content.today)),
        ],
        running_head=f"{TITLE} · {content.person.name} · {de(content.today)}",
    )
    cases: list[Any] = []
    for index, case in enumerate(content.cases, start=1):
        cases += [PageBreak(), _Mark(case.case_id, frame.found), *_case_story(index, case, chosen, sty, n)]
    assert frame.addressee is not None
    story = [
        *_letter(content, frame.addressee, received, due, n.withheld, st),
        PageBreak(),
        _Mark(0, frame.found),
        *_general(content, st, sty),
        _toc(content, frame.refs, sty),
        *cases,
    ]
    author = lh.get("office_name") or "KRM Desktop"
    title = f"{TITLE} – {content.person.name}"
    pdf, pages = build_pdf(frame, story, title=title, author=author, invariant=invariant)
    found = frame.found
    case_ids = [c.case_id for c in content.cases]
    case_pages: dict[int, tuple[int, int]] = {}
    for index, case_id in enumerate(case_ids):
        first = found[case_id]
        last = found[case_ids[index + 1]] - 1 if index + 1 < len(case_ids) else pages
        case_pages[case_id] = (first, max(first, last))
    letter_last = found.get(0, pages + 1) - 1
    return RenderedAuskunft(pdf, pages, (1, letter_last), case_pages, received, due, n.withheld, n.replaced)


def case_copies(rendered: RenderedAuskunft) -> dict[int, bytes]:
    """Each case's copy: the cover letter's pages and that case's pages, exactly as printed."""
    source = pdfium.PdfDocument(rendered.pdf)
    copies: dict[int, bytes] = {}
    try:
        letter = list(range(rendered.letter_pages[0] - 1, rendered.letter_pages[1]))
        for case_id, (first, last) in rendered.case_pages.items():
            copy = pdfium.PdfDocument.new()
            try:
                copy.import_pages(source, letter + list(range(first - 1, last)))
                out = BytesIO()
                copy.save(out)
                copies[case_id] = out.getvalue()
            finally:
                copy.close()
    finally:
        source.close()
    return copies
