"""The flowing content of each document: letter text with signature, the routing sheet, the note, the waiver.

Everything a person typed enters the Paragraphs through `escape.markup`; the program's own labels are
fixed German text. A form whose text ends with a colon gets ruled lines to write on by hand.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from krm_desktop.documents.letters.draft import Draft
from krm_desktop.documents.letters.placeholders import concerned, d
from krm_desktop.documents.page.addressing import person_phrase
from krm_desktop.documents.page.escape import markup
from krm_desktop.documents.page.fonts import FONT, FONT_BOLD, register_fonts
from krm_desktop.model.cases.case_view import CaseView
from krm_desktop.model.cases.party import PartyRecord
from krm_desktop.model.codes import CHANNELS, KINDS, PARTY_ROLES, label

SIZE, LEADING = 10.0, 13.5
LINE_GREY = Color(0.4, 0.4, 0.4)
CHECKED, UNCHECKED = "☒", "☐"


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("krm-body", fontName=FONT, fontSize=SIZE, leading=LEADING, spaceAfter=LEADING)
    return {
        "body": body,
        "tight": ParagraphStyle("krm-tight", parent=body, spaceAfter=0),
        "subject": ParagraphStyle("krm-subject", parent=body, fontName=FONT_BOLD, spaceAfter=0),
        "title": ParagraphStyle("krm-title", parent=body, fontName=FONT_BOLD, fontSize=14, leading=18, spaceAfter=4),
        "heading": ParagraphStyle("krm-heading", parent=body, fontName=FONT_BOLD, fontSize=11, spaceAfter=4),
        "small": ParagraphStyle("krm-small", parent=body, fontSize=8.5, leading=11, spaceAfter=0),
        "cell": ParagraphStyle("krm-cell", parent=body, fontSize=9, leading=12, spaceAfter=0),
        "label": ParagraphStyle("krm-label", parent=body, fontName=FONT_BOLD, fontSize=9, leading=12, spaceAfter=0),
    }


class RuledLines(Flowable):
    """Lines to write on by hand."""

    def __init__(self, count: int, pitch: float = 9 * mm) -> None:
        super().__init__()
        self.count, self.pitch = count, pitch

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.count * self.pitch

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(LINE_GREY)
        canvas.setLineWidth(0.5)
        for index in range(self.count):
            canvas.line(0, index * self.pitch, self.width, index * self.pitch)


def paragraphs(text: str, style: ParagraphStyle) -> list[Paragraph]:
    """Blank lines separate paragraphs; a single line break stays a line break."""
    parts = [p.strip("\n") for p in re.split(r"\n[ \t]*\n", text.strip("\n"))]
    return [Paragraph(markup(p), style) for p in parts if p.strip()]


def _table(rows: list[tuple[str, str]], st: dict[str, ParagraphStyle], widths: tuple[float, float]) -> Table:
    cells = [[Paragraph(markup(k), st["label"]), Paragraph(markup(v), st["cell"])] for k, v in rows if v]
    table = Table(cells, colWidths=list(widths))
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, LINE_GREY),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _signature_lines(captions: list[str], st: dict[str, ParagraphStyle]) -> Table:
    table = Table([[Paragraph(markup(c), st["small"]) for c in captions]], colWidths=[75 * mm, 15 * mm, 75 * mm][:3])
    table.setStyle(
        TableStyle(
            [
                ("LINEABOVE", (0, 0), (0, 0), 0.6, LINE_GREY),
                ("LINEABOVE", (2, 0), (2, 0), 0.6, LINE_GREY),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _ruled_if_open(text: str, count: int) -> list[Flowable]:
    return [RuledLines(count)] if text.rstrip().endswith(":") else []


def letter_story(draft: Draft, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = []
    if draft.subject.strip():
        story += [Paragraph(markup(draft.subject.strip()), st["subject"]), Spacer(0, 2 * LEADING)]
    body = paragraphs(draft.body, st["body"])
    closing: list[Flowable] = []
    if draft.closing:
        closing.append(Paragraph(markup(draft.closing), st["tight"]))
    signer = draft.signer
    if signer is not None:
        if signer.on_behalf:
            closing.append(Paragraph("Im Auftrag", st["tight"]))
        closing.append(Spacer(0, 14 * mm))
        if signer.name:
            closing.append(Paragraph(markup(signer.name), st["tight"]))
        if signer.function:
            closing.append(Paragraph(markup(signer.function), st["tight"]))
    tail = body[-1:] if body else []
    return [*story, *body[:-1], KeepTogether([*tail, *closing])]


def _box(checked: bool, text: str) -> str:
    return f"{CHECKED if checked else UNCHECKED}\u00a0{text}"


def _named(party: PartyRecord | None) -> str:
    """Name with "Frau"/"Herr" in the nominative (table cells)."""
    if party is None:
        return "anonym"
    name = " ".join(party.name.split())
    if party.role in ("institution", "behoerde"):
        return name
    return {"frau": f"Frau {name}", "herr": f"Herr {name}"}.get(party.salutation or "", name)


def notice_boxes(case: CaseView) -> list[str]:
    """Item 5 of the Verfügungsblatt: who was informed (ticked, with the day), whom the office's rules propose, and
    the usual boxes for whoever else the GF decides on."""
    lines = [_box(True, f"{r.text()}, am {d(r.informed_on)}") for r in case.notices]
    lines += [_box(False, f"{r.text()} ({r.reason})" if r.reason else r.text()) for r in case.proposed_notices]
    usual = ["Bereichsleitung", "Teamleitung", "betroffene/r Beschäftigte/r"]
    return [*lines, "   ".join(_box(False, i) for i in usual)]


def routing_story(draft: Draft, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Verfügungsblatt: the facts for the Geschäftsführung and the boxes of its decision."""
    case = draft.case
    person = case.person
    sender = "anonym"
    if person is not None:
        sender = f"{_named(person)} ({label(PARTY_ROLES, person.role)})"
        if case.represented is not None:
            sender += f", für {person_phrase(case.represented)}"
    customer = concerned(case)
    deadlines = "; ".join(
        part
        for part in (
            f"Eingangsbestätigung bis {d(case.ack_due)}" if case.ack_due else "",
            f"abschließende Antwort bis {d(case.final_due)}" if case.final_due else "",
            f"Frist der einsendenden Stelle {d(case.body_due)}" if case.body_due else "",
        )
        if part
    )
    facts = [
        ("Unser Zeichen", case.ref),
        ("Aktenzeichen", case.file_no),
        ("Eingang", f"{d(case.received)} · {label(CHANNELS, case.channel)}"),
        ("Anliegen", ", ".join(label(KINDS, k) for k in case.kinds)),
        ("Einsender/in", sender),
        ("Kundennummer", customer.customer_no if customer else ""),
        ("BG-Nummer", customer.bg_no if customer else ""),
        ("Einsendende Stelle", " · ".join(s for s in (case.requesting_body, case.requesting_ref) if s)),
        ("Betroffene/r Beschäftigte/r", case.employee_concerned),
        ("Team", " · ".join(s for s in (case.team, case.area) if s) or "noch nicht zugeordnet"),
        ("Betreff", case.subject),
        ("Fristen", deadlines or "keine"),
        ("Eingangsbestätigung", f"versandt am {d(case.ack_sent)}" if case.ack_sent else ""),
    ]
    if case.gf_required_on:  # issue 19: Pankow's Anlage 2
        facts.append(("Vorlagepflichtig", f"seit {d(case.gf_required_on)} (Anlage 2), vorzulegen bis {d(case.gf_due)}"))
    facts += _several_teams_rows(case)  # several teams concerned (issue 19, item 1)
    reserved = case.sign_off_role == "GF"
    team = f" ({case.team})" if case.team else ""
    area = f" ({case.area})" if case.area else ""
    due = f"Frist der Antwort: {d(case.final_due)}" if case.final_due else ""
    if case.body_due:
        due += f"{'; ' if due else ''}Frist der Stelle: {d(case.body_due)}"
    handlers = [f"Teamleitung{team}", f"Bereichsleitung{area}", "Geschäftsführung"]
    ack = "   ".join([_box(False, "ja"), _box(False, "nein")])
    if case.ack_sent:
        ack += f"\n(bereits versandt am {d(case.ack_sent)})"
    informed = notice_boxes(case)  # issue 19: recorded (ticked) and proposed recipients, then the usual boxes
    decision = [
        ("1. Bearbeitung durch", "\n".join(_box(False, h) for h in handlers)),
        ("2. Erledigung bis", "________________" + (f"\n({due})" if due else "")),
        (
            "3. Schlusszeichnung",
            "\n".join(
                [_box(reserved, "Geschäftsführung (vorbehalten)"), _box(False, "Teamleitung oder KRM-Beauftragte/r")]
            ),
        ),
        ("4. Eingangsbestätigung durch KRM", ack),
        ("5. Zur Kenntnis an", "\n".join(informed)),
        ("6. Wiedervorlage KRM am", "________________"),
    ]
    return [
        Paragraph("Verfügungsblatt", st["title"]),
        Paragraph(markup(f"Vorlage an die Geschäftsführung · {case.ref} · {d(draft.today)}"), st["small"]),
        Spacer(0, 5 * mm),
        _table(facts, st, (45 * mm, 120 * mm)),
        Spacer(0, 5 * mm),
        *paragraphs(draft.body, st["body"]),
        KeepTogether(
            [
                Paragraph("Verfügung der Geschäftsführung", st["heading"]),
                _table(decision, st, (55 * mm, 110 * mm)),
                Spacer(0, 18 * mm),
                _signature_lines(["Datum", "", "Unterschrift Geschäftsführung"], st),
            ]
        ),
    ]


def note_story(draft: Draft, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Aktenvermerk: a short, factual note of an oral settlement."""
    case = draft.case
    facts = [
        ("Unser Zeichen", case.ref),
        ("Aktenzeichen", case.file_no),
        ("Datum", d(draft.today)),
        ("Betreff", case.subject),
        ("Gesprächspartner/in", _named(case.person)),
        ("Verfasst von", draft.author),
    ]
    return [
        Paragraph("Aktenvermerk", st["title"]),
        Spacer(0, 3 * mm),
        _table(facts, st, (45 * mm, 120 * mm)),
        Spacer(0, 6 * mm),
        *paragraphs(draft.body, st["body"]),
        *_ruled_if_open(draft.body, 8),
        KeepTogether([Spacer(0, 16 * mm), _signature_lines(["Datum", "", "Unterschrift"], st)]),
    ]


def file_note_story(draft: Draft, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Issue 19: the note for the customer's E-Akte or VerBIS record, of the benefit- or placement-relevant facts
    of a reaction (the reaction itself stays in the KRM)."""
    case = draft.case
    customer = concerned(case)
    facts = [
        ("Kundin/Kunde", _named(customer)),
        ("Kundennummer", customer.customer_no if customer else ""),
        ("BG-Nummer", customer.bg_no if customer else ""),
        ("Kundenreaktion", f"{case.ref} vom {d(case.received)} ({label(CHANNELS, case.channel)})"),
        ("Datum", d(draft.today)),
        ("Verfasst von", draft.author),
    ]
    return [
        Paragraph("Vermerk für die E-Akte/VerBIS", st["title"]),
        Spacer(0, 3 * mm),
        _table(facts, st, (45 * mm, 120 * mm)),
        Spacer(0, 6 * mm),
        *paragraphs(draft.body, st["body"]),
        *_ruled_if_open(draft.body, 6),
        KeepTogether([Spacer(0, 16 * mm), _signature_lines(["Datum", "", "Unterschrift"], st)]),
    ]


def waiver_story(draft: Draft, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Verzicht: the customer's own declaration on blank paper; nothing of the office's letterhead."""
    case = draft.case
    person = case.person
    sender: list[str] = []
    if person is not None:
        town = " ".join(f"{person.postcode} {person.city}".split())
        sender = [" ".join(person.name.split()), person.street.strip(), town]
    customer = concerned(case)
    numbers = []
    if customer is not None and customer.customer_no:
        numbers.append(f"Kundennummer: {customer.customer_no}")
    if customer is not None and customer.bg_no:
        numbers.append(f"BG-Nummer: {customer.bg_no}")
    numbers.append(f"Zeichen: {case.ref}")
    story: list[Flowable] = [
        Paragraph(markup("\n".join(s for s in sender if s)), st["tight"]),
        Spacer(0, 3 * mm),
        Paragraph(markup("\n".join(numbers)), st["small"]),
        Spacer(0, 22 * mm),
        Paragraph("Verzicht auf eine schriftliche Antwort", st["title"]),
        Spacer(0, 4 * mm),
        *paragraphs(draft.body, st["body"]),
        *_ruled_if_open(draft.body, 5),
    ]
    name = " ".join(person.name.split()) if person else ""
    story.append(
        KeepTogether(
            [
                Spacer(0, 20 * mm),
                _signature_lines(["Ort, Datum", "", f"Unterschrift ({name})" if name else "Unterschrift"], st),
            ]
        )
    )
    return story


def story(draft: Draft, layout: str) -> list[Any]:
    st = styles()
    if draft.doc_type == "verfuegungsblatt":
        return routing_story(draft, st)
    if draft.doc_type == "aktenvermerk":
        return note_story(draft, st)
    if draft.doc_type == "verzicht":
        return waiver_story(draft, st)
    if draft.doc_type == "vermerk-everbis":  # issue 19
        return file_note_story(draft, st)
    return letter_story(draft, st)


# --- several teams concerned (issue 19, item 1) -------------------------------------------------------------------


def _several_teams_rows(case: CaseView) -> list[tuple[str, str]]:
    """Where the Anliegen concern several teams: every team, that the Geschäftsführung leads, and each team's
    Beitrag (received on, by whom) or that it is still missing."""
    teams = case.teams_concerned
    if len(teams) < 2:
        return []
    sent = {s.team: f"{s.team}: eingegangen am {d(s.received_on)} ({s.author})" for s in case.statements if s.team}
    return [
        ("Betroffene Teams", f"{', '.join(teams)} – Federführung bei der Geschäftsführung"),
        ("Beiträge der Teams", "\n".join(sent.get(team, f"{team}: ausstehend") for team in teams)),
    ]
