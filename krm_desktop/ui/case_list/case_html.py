"""The read-only summary and history (Fallhistorie) of a case as HTML, for the detail pane: every step with who
and on which day, the free texts of the steps (statements, decision, reasons) under the reminder that the
customer may read all of it (Art. 15 DSGVO). It renders the case's read model (`case_view`).

Every stored text is HTML-escaped.
"""

from __future__ import annotations

from datetime import date
from html import escape

from krm_desktop.model.case_list.query import due_words
from krm_desktop.model.cases.action_checks import FREE_TEXT_NOTICE
from krm_desktop.model.cases.case_view import CaseView, case_view
from krm_desktop.model.cases.closing_checks import signers_label
from krm_desktop.model.cases.contributions import missing_teams
from krm_desktop.model.cases.file_notes import file_note_text
from krm_desktop.model.cases.notice_checks import recorded_lines  # issue 19: Zur Kenntnis
from krm_desktop.model.cases.party import PartyRecord
from krm_desktop.model.codes import (
    CARD_TENORS,
    CHANNELS,
    ESCALATION_ROLES,
    KINDS,
    OUTCOMES,
    PARTY_ROLES,
    STAFF_ROLES,
    STATUSES,
    VIAS,
    label,
)
from krm_desktop.model.time.working_days import WorkingCalendar

NOTICE_STYLE = "color:#7a4a00; font-size:small"


def _d(value: date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else "–"


# Where the long words of a narrow pane may break: with a hyphen between their parts, never mid-syllable.
SOFT_HYPHENS = {
    "Dienstaufsichtsbeschwerde": "Dienstaufsichts\u00adbeschwerde",
    "Fachaufsichtsbeschwerde": "Fachaufsichts\u00adbeschwerde",
    "Eingangsbestätigung": "Eingangs\u00adbestätigung",
    "Zwischennachricht": "Zwischen\u00adnachricht",
    "Antwortschreiben": "Antwort\u00adschreiben",
    "Geschäftsführung": "Geschäfts\u00adführung",
}


def breakable(text: str) -> str:
    for word, parts in SOFT_HYPHENS.items():
        text = text.replace(word, parts)
    return text


def _kind(code: str) -> str:
    return breakable(escape(label(KINDS, code)))


def _row(caption: str, value: str) -> str:
    return f"<tr><th align='left' valign='top' style='padding-right:10px'>{escape(caption)}</th><td>{value}</td></tr>"


def _petition_steps(case: CaseView) -> list[str]:
    """Pankow's petition steps as recorded: the KRM's check of the Stellungnahme, the BA's responsibility and the
    agreement with Agentur für Arbeit and Regionaldirektion."""
    rows = []
    if case.statement_checked:
        checked = f"am {_d(case.statement_checked)} von {case.statement_checked_by}"
        rows.append(_row("Stellungnahme geprüft (KRM)", escape(checked)))
    if case.ba_responsible:
        agreed = f"abgestimmt am {_d(case.ba_agreed)}" if case.ba_agreed else "Abstimmung ausstehend"
        rows.append(
            _row(
                "BA zuständig (§ 44b Abs. 3 SGB II)", escape(f"ja; Agentur für Arbeit und Regionaldirektion: {agreed}")
            )
        )
    return rows


def _issue19_rows(case: CaseView) -> list[str]:
    """A Meinungskarte's Lob/Anregung/Kritik; the Aktenvermerk for the E-Akte/VerBIS, once made."""
    rows = []
    if case.card_tenor:
        rows.append(_row("Art der Rückmeldung", escape(label(CARD_TENORS, case.card_tenor))))
    if case.file_note_on:
        rows.append(_row("Aktenvermerk", escape(file_note_text(case.file_note_on, case.file_note_by))))
    return rows


def _ack_waived(case: CaseView) -> str:
    """ "Eingangsbestätigung entfällt": who decided (the history's entry), when and why."""
    by = next((e.actor for e in reversed(case.history) if e.action == "ack_waived"), "")
    who = f" von {by}" if by else ""
    return f"Eingangsbestätigung entfällt (entschieden am {_d(case.ack_waived)}{who}). Begründung: {case.ack_waived_reason}"


def _party(party: PartyRecord | None) -> str:
    if party is None:
        return "anonym (keine Anschrift, keine Fristen)"
    lines = [escape(" ".join(p for p in (label({"frau": "Frau", "herr": "Herr"}, party.salutation), party.name) if p))]
    if party.role and party.role != "kunde":
        lines[0] += f" ({escape(label(PARTY_ROLES, party.role))})"
    address = ", ".join(p for p in (party.street, f"{party.postcode} {party.city}".strip()) if p)
    if address:
        lines.append(escape(address))
    numbers = [
        f"Kundennr. {party.customer_no}" if party.customer_no else "",
        f"BG-Nr. {party.bg_no}" if party.bg_no else "",
    ]
    if any(numbers):
        lines.append(escape(", ".join(n for n in numbers if n)))
    contact = ", ".join(p for p in (party.email, party.phone) if p)
    if contact:
        lines.append(escape(contact))
    return "<br>".join(lines)


def case_html(case_id: int, today: date, calendar: WorkingCalendar) -> str | None:
    """The summary and history of a case as HTML, or None when the case is gone."""
    case = case_view(case_id)
    return view_html(case, today, calendar) if case is not None else None


def view_html(case: CaseView, today: date, calendar: WorkingCalendar) -> str:
    """The summary and history of the case as HTML."""
    signer = case.signed_by
    several = len(case.teams_concerned) > 1
    kinds = [
        _kind(c.kind)
        + (f" – {escape(label(OUTCOMES, c.outcome))}" if c.outcome else "")
        + (f" · {escape(c.team or 'ohne Team')}" if several else "")
        for c in case.concerns
    ] or [_kind(case.kind)]
    rows = [
        _row("Status", escape(label(STATUSES, case.status)) + (" (anonymisiert)" if case.anonymised else "")),
        _row("Nächste Frist", breakable(escape(due_words(case.due_status(today, calendar))))),
        _row("Anliegen", "<br>".join(kinds)),
        _row(
            "Eingang",
            f"{_d(case.received)} · {escape(label(CHANNELS, case.channel))} · über {escape(label(VIAS, case.via))}",
        ),
        _row("Team", _teams(case) if several else escape(case.team) if case.team else "ohne Team"),
        _row(
            "Kunde/Einsender",
            "anonymisiert (bei der Löschung entfernt)" if case.anonymised else _party(case.person),
        ),
    ]
    if case.represented is not None:
        rows.append(_row("vertreten", _party(case.represented)))
    if case.file_no:
        rows.append(_row("Aktenzeichen", escape(case.file_no)))
    if case.topic:
        rows.append(_row("Thema", escape(case.topic)))
    rows += _issue19_rows(case)
    if case.requesting_body:
        rows.append(_row("Einsendende Stelle", escape(f"{case.requesting_body} {case.requesting_ref}".strip())))
        town = f"{case.body_postcode} {case.body_city}".strip()
        address = ", ".join(p for p in (case.body_street, town) if p)
        rows.append(
            _row("Anschrift der Stelle", escape(address) if address else "<i>fehlt (für die Stellungnahme nötig)</i>")
        )
        rows += _petition_steps(case)
    if case.employee_concerned:
        rows.append(_row("Betroffene/r Beschäftigte/r", escape(case.employee_concerned)))
    # Issue 19: Pankow's "vorlagepflichtig" mark, and who was informed of the case (Zur Kenntnis) and when.
    if case.gf_required_on:
        rows.append(_row("Vorlagepflichtig", f"seit {_d(case.gf_required_on)} (Anlage 2)"))
    rows.append(_row("Zur Kenntnis", "<br>".join(escape(line) for line in recorded_lines(case.notices)) or "–"))
    clocks = []
    if case.gf_due or case.gf_presented:
        clocks.append(f"Vorlage an GF fällig {_d(case.gf_due)}, vorgelegt {_d(case.gf_presented)}")
    if case.ack_waived:
        clocks.append(_ack_waived(case))
    elif case.ack_due or case.ack_sent:
        clocks.append(f"Eingangsbestätigung fällig {_d(case.ack_due)}, versandt {_d(case.ack_sent)}")
    if case.final_due or case.answer_sent:
        clocks.append(f"Antwort fällig {_d(case.final_due)}, versandt {_d(case.answer_sent)}")
    if case.interim_sent:
        clocks.append(
            f"Zwischennachricht {_d(case.interim_sent)}, Erledigung voraussichtlich {_d(case.interim_expected)}"
        )
    if case.closed:
        clocks.append(f"abgeschlossen {_d(case.closed)}")
    if not clocks:
        clocks.append("keine (ohne Adressat: keine Eingangsbestätigung und keine Antwort)")
    rows.append(_row("Fristen", "<br>".join(escape(c) for c in clocks)))
    rows.append(_row("Federführung", escape(_lead(case))))
    rows.append(
        _row(
            "Schlusszeichnung",
            escape(
                f"gezeichnet von {signer.name} ({label(STAFF_ROLES, signer.role)})"
                if signer
                else f"zeichnungsbefugt: {signers_label(case.sign_off_role, case.escalation_level)}"
            ),
        )
    )
    history = "".join(
        f"<tr><td valign='top' style='padding-right:8px'>{_d(e.on_day)}</td>"
        f"<td valign='top' style='padding-right:8px'>{escape(e.actor)}</td><td>{_text(e.label)}</td></tr>"
        for e in case.history
    )
    description = _text(case.description) or "–"
    return (
        f"<h2 style='margin-bottom:2px'>{escape(case.ref)}</h2>"
        f"<p style='margin-top:0'><b>{escape(case.subject) or '(ohne Betreff)'}</b></p>"
        f"<table cellspacing='0' cellpadding='2'>{''.join(rows)}</table>"
        f"<h3>Beschreibung</h3><p>{description}</p>"
        + _steps_html(case)
        + f"<h3>Fallhistorie ({len(case.history)})</h3>"
        f"<p style='{NOTICE_STYLE}'>{escape(FREE_TEXT_NOTICE)}</p>"
        f"<table cellspacing='0' cellpadding='2'><tr><th align='left'>Tag</th><th align='left'>Wer</th>"
        f"<th align='left'>Was</th></tr>{history}</table>"
    )


def _lead(case: CaseView) -> str:
    """Who leads at which escalation level, e.g. "Team, Eskalationsstufe 1 (Teamleitung)"."""
    level = label(STAFF_ROLES, ESCALATION_ROLES.get(case.escalation_level, ""))
    if case.lead == "gf" and len(case.teams_concerned) > 1:
        return f"Geschäftsführung (mehrere Teams betroffen; Eskalationsstufe {case.escalation_level})"
    if case.lead == "gf":
        return f"Geschäftsführung (Eskalationsstufe {case.escalation_level})"
    return f"Team, Eskalationsstufe {case.escalation_level} ({level})"


def _text(value: str) -> str:
    return breakable(escape(value)).replace("\n", "<br>")


def _steps_html(case: CaseView) -> str:
    """The free texts of the workflow steps: interim reason, statements, the GF's decision, the waiver."""
    parts: list[str] = []
    if case.interim_reason.strip():
        parts.append(f"<p><b>Grund der Zwischennachricht:</b> {_text(case.interim_reason)}</p>")
    parts += _contributions(case)
    for s in (s for s in case.statements if not s.team):
        parts.append(
            f"<p><b>Stellungnahme {escape(s.author)} ({escape(label(STAFF_ROLES, s.author_role))}), "
            f"eingegangen {_d(s.received_on)}:</b><br>{_text(s.text)}</p>"
        )
    if case.reclassified_from:
        parts.append(
            f"<p><b>Umgedeutet</b> aus {_kind(case.reclassified_from)} in "
            f"{_kind(case.kind)} (Begründung in der Fallhistorie).</p>"
        )
    if case.gf_decision.strip():
        who = f" ({escape(case.decided_by.name)})" if case.decided_by else ""
        parts.append(
            f"<p><b>Entscheidung der Geschäftsführung{who} vom {_d(case.decided_on)}:</b><br>"
            f"{_text(case.gf_decision)}</p>"
        )
    if case.employee_informed:
        parts.append(f"<p>Beschäftigte/r informiert am {_d(case.employee_informed)}.</p>")
    if case.waiver:
        parts.append(f"<p><b>Verzicht auf schriftliche Antwort.</b> Gründe: {_text(case.waiver_reasons) or '–'}</p>")
    if not parts:
        return ""
    return "<h3>Bearbeitung</h3>" + "".join(parts)


# --- several teams concerned (issue 19, item 1) -------------------------------------------------------------------


def _teams(case: CaseView) -> str:
    """Every team concerned, and that the Geschäftsführung leads."""
    names = ", ".join(escape(t) for t in case.teams_concerned)
    return f"{names}<br><i>mehrere Teams betroffen: Federführung bei der Geschäftsführung</i>"


def _contributions(case: CaseView) -> list[str]:
    """The Beiträge of the teams concerned, and which teams have not yet sent theirs."""
    parts = [
        f"<p><b>Beitrag {escape(s.team)} – {escape(s.author)} ({escape(label(STAFF_ROLES, s.author_role))}), "
        f"eingegangen {_d(s.received_on)}:</b><br>{_text(s.text)}</p>"
        for s in case.statements
        if s.team
    ]
    missing = missing_teams(case.teams_concerned, [s.team for s in case.statements if s.team])
    if missing and len(case.teams_concerned) > 1:
        parts.append(f"<p><b>Beitrag ausstehend:</b> {escape(', '.join(missing))}</p>")
    return parts
