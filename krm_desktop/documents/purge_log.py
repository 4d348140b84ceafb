"""The purge's documents: the preview list as CSV and the Löschprotokoll as PDF (ReportLab platypus).

Neither holds personal data: references, kinds, dates, rules and counts only (routing notes are counted, not
named). The Löschprotokoll is made
from the stored `PurgeLog` row, so it can be printed again at any time.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from krm_desktop.documents.page.a4 import a4_document
from krm_desktop.model.codes import KINDS, label
from krm_desktop.model.office.profiles import PRESETS
from krm_desktop.model.office.settings import letterhead
from krm_desktop.model.retention.purge_log import log_rules
from krm_desktop.model.retention.purge_plan import PurgePlan
from krm_desktop.model.retention.rules import ANONYMISE, RULE_ROUTING_NOTES
from krm_desktop.model.store.entities import PurgeLog

CSV_HEADER = ("Aktenzeichen", "Anliegensart", "Erledigt am", "Regel", "Maßnahme", "Fällig seit")
REFS_PER_PARAGRAPH = 120  # long reference lists in slices: ReportLab splits small paragraphs fast
ACTION_WORDS = {ANONYMISE: "anonymisieren", "delete": "vollständig löschen"}
DONE_WORDS = {ANONYMISE: "anonymisiert", "delete": "vollständig gelöscht"}


def _d(value: date | str | None) -> str:
    if value is None:
        return "–"
    day = value if isinstance(value, date) else date.fromisoformat(str(value))
    return f"{day:%d.%m.%Y}"


def _cases(count: int) -> str:
    return f"{count} Kundenreaktion" if count == 1 else f"{count} Kundenreaktionen"


def _routing_notes(rules: list[dict[str, Any]]) -> str:
    """The count of routing notes (non-KRM matters) the run deleted; runs before that rule did not count them."""
    counts = [r["count"] for r in rules if r["code"] == RULE_ROUTING_NOTES]
    if not counts:
        return "nicht erfasst (Löschlauf vor Einführung der Regel)"
    return f"{counts[0]} Weiterleitungsvermerk" if counts[0] == 1 else f"{counts[0]} Weiterleitungsvermerke"


def preview_csv(plan: PurgePlan) -> bytes:
    """The preview list: semicolon-separated, UTF-8 with BOM (opens in German Excel), CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for case in plan.cases:
        rule = plan.rule(case.rule)
        writer.writerow(
            (case.ref, label(KINDS, case.kind), _d(case.closed), rule.label, ACTION_WORDS[rule.action], _d(case.due))
        )
    return out.getvalue().encode("utf-8-sig")


def _styles() -> dict[str, ParagraphStyle]:
    sheet = getSampleStyleSheet()
    small = ParagraphStyle("small", parent=sheet["Normal"], fontSize=8, leading=10)
    refs = ParagraphStyle("refs", parent=sheet["Normal"], fontName="Courier", fontSize=7.5, leading=9.5)
    return {"title": sheet["Title"], "h2": sheet["Heading2"], "body": sheet["BodyText"], "small": small, "refs": refs}


def _facts_table(rows: list[tuple[str, str]], style: ParagraphStyle) -> Table:
    table = Table(
        [[Paragraph(f"<b>{escape(k)}</b>", style), Paragraph(escape(v), style)] for k, v in rows],
        colWidths=[50 * mm, 115 * mm],
    )
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey)])
    )
    return table


def render_purge_log(log_id: int, *, invariant: bool = False) -> bytes:
    """The Löschprotokoll of one purge run as PDF bytes."""
    log = PurgeLog.get_by_id(log_id)
    st = _styles()
    out = io.BytesIO()
    doc = a4_document(out, title=f"Löschprotokoll zum {_d(log.as_of)}", invariant=invariant)
    rules = log_rules(log)
    removed = json.loads(log.backups_removed or "[]")
    profile = PRESETS.get(log.profile)
    facts = [
        ("Dienststelle", letterhead()["office_name"] or (profile.label if profile else log.profile)),
        ("Löschlauf am", _d(log.done_on)),
        ("Stichtag", _d(log.as_of)),
        ("Durchgeführt von", log.done_by),
        ("Dienststellenprofil", f"{profile.label} ({log.profile})" if profile else log.profile),
        ("Anonymisiert", _cases(log.anonymised)),
        ("Vollständig gelöscht", _cases(log.deleted)),
        ("Weiterleitungsvermerke gelöscht", _routing_notes(rules)),
        ("Sicherung vor dem Lauf", log.backup or "keine Dateisicherung"),
        ("Datenbank bereinigt", "ja (VACUUM, secure_delete)" if log.vacuumed else "nein"),
        ("Ältere Sicherungen entfernt", ", ".join(removed) if removed else "keine"),
    ]
    counts = Table(
        [["Regel", "Maßnahme", "Anzahl"]]
        + [[Paragraph(escape(r["label"]), st["small"]), DONE_WORDS[r["action"]], str(r["count"])] for r in rules],
        colWidths=[95 * mm, 45 * mm, 25 * mm],
        repeatRows=1,
    )
    counts.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("ALIGN", (2, 0), (2, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey),
            ]
        )
    )
    story = [
        Paragraph("Löschprotokoll", st["title"]),
        Paragraph(
            "Jährliche Löschung personenbezogener Daten im Kundenreaktionsmanagement. Das Protokoll nennt "
            "Regeln, Anzahlen und Aktenzeichen, aber keine personenbezogenen Daten.",
            st["body"],
        ),
        Spacer(1, 4 * mm),
        _facts_table(facts, st["small"]),
        Spacer(1, 5 * mm),
        Paragraph("Anzahl je Regel", st["h2"]),
        counts,
    ]
    for rule in rules:
        refs = rule["refs"]
        if not refs:
            continue
        story += [Spacer(1, 4 * mm), Paragraph(escape(f"{rule['label']}: {len(refs)} Aktenzeichen"), st["h2"])]
        for start in range(0, len(refs), REFS_PER_PARAGRAPH):
            story.append(Paragraph(escape(", ".join(refs[start : start + REFS_PER_PARAGRAPH])), st["refs"]))
    story += [
        Spacer(1, 12 * mm),
        Paragraph("Kenntnis genommen: ____________________________  Datum: ______________", st["body"]),
    ]
    doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return out.getvalue()


def _footer(canvas: Any, doc: Any) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 7.5)
    canvas.drawRightString(190 * mm, 12 * mm, f"Löschprotokoll – Seite {doc.page}")
    canvas.restoreState()
