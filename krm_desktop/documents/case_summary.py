"""A one-page summary of a case as PDF (ReportLab platypus), from the case's read model (`case_view`).

The self-test renders this page to measure document output. User text is escaped before it enters Paragraph
markup.
"""

from __future__ import annotations

from datetime import date
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from krm_desktop.documents.page.a4 import a4_document
from krm_desktop.model.case_list.query import due_words
from krm_desktop.model.cases.case_view import case_view
from krm_desktop.model.cases.notice_checks import recorded_lines
from krm_desktop.model.codes import CHANNELS, KINDS, STATUSES, VIAS, label
from krm_desktop.model.time.working_days import WorkingCalendar

MAX_DESCRIPTION = 1500  # characters: the page stays one page
MAX_EVENTS = 12


def _d(value: date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else "–"


def render_case_summary(
    case_id: int | None, today: date, calendar: WorkingCalendar, *, invariant: bool = False
) -> bytes:
    """The PDF bytes of the summary page; a page saying so when there is no case."""
    styles = getSampleStyleSheet()
    body, small = styles["BodyText"], styles["Normal"]
    out = BytesIO()
    doc = a4_document(out, title="Kurzübersicht Kundenreaktion", invariant=invariant)
    case = case_view(case_id) if case_id is not None else None
    if case is None:
        doc.build([Paragraph("Kurzübersicht", styles["Title"]), Paragraph("Keine Kundenreaktion vorhanden.", body)])
        return out.getvalue()
    fields = [
        ("Status", label(STATUSES, case.status)),
        ("Nächste Frist", due_words(case.due_status(today, calendar))),
        ("Anliegen", ", ".join(label(KINDS, k) for k in case.kinds)),
        ("Eingang", f"{_d(case.received)}, {label(CHANNELS, case.channel)}, über {label(VIAS, case.via)}"),
        ("Team", _teams(case.teams_concerned)),
        ("Kunde/Einsender", "anonymisiert" if case.anonymised else case.person.name if case.person else "anonym"),
        ("Betreff", case.subject or "–"),
    ]
    # Issue 19: who was informed (Zur Kenntnis) and when; Pankow's "vorlagepflichtig" mark.
    if case.gf_required_on:
        fields.append(
            ("Vorlagepflichtig", f"seit {_d(case.gf_required_on)} (Anlage 2), vorzulegen bis {_d(case.gf_due)}")
        )
    fields.append(("Zur Kenntnis", "\n".join(recorded_lines(case.notices)) or "–"))
    table = Table(
        [
            [Paragraph(f"<b>{escape(k)}</b>", small), Paragraph(escape(v).replace("\n", "<br/>"), small)]
            for k, v in fields
        ],
        colWidths=[40 * mm, 125 * mm],
    )
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey)])
    )
    description = case.description[:MAX_DESCRIPTION] + ("…" if len(case.description) > MAX_DESCRIPTION else "")
    events = case.history[-MAX_EVENTS:]
    story = [
        Paragraph(f"Kurzübersicht {escape(case.ref)}", styles["Title"]),
        Paragraph(f"Stand {today:%d.%m.%Y}", small),
        Spacer(1, 4 * mm),
        table,
        Spacer(1, 4 * mm),
        Paragraph("<b>Beschreibung</b>", body),
        Paragraph(escape(description).replace("\n", "<br/>") or "–", body),
        Spacer(1, 3 * mm),
        Paragraph(f"<b>Fallhistorie</b> (die letzten {len(events)} Einträge)", body),
        *[Paragraph(escape(f"{_d(e.on_day)} – {e.actor}: {e.label}"), small) for e in events],
    ]
    doc.build(story)
    return out.getvalue()


def _teams(teams: tuple[str, ...]) -> str:
    """Every team concerned; with several, that the Geschäftsführung leads (issue 19, item 1)."""
    if len(teams) > 1:
        return f"{', '.join(teams)} (mehrere Teams betroffen: Federführung bei der Geschäftsführung)"
    return teams[0] if teams else "ohne Team"
