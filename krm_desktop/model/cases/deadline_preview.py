"""The deadlines a case being typed will get, in German lines for the entry form (shown while typing)."""

from __future__ import annotations

from datetime import date

from krm_desktop.model.codes import CHANNELS, GF_KINDS, KINDS, PETITION_KINDS
from krm_desktop.model.office.profile_rules import FROM_ACK_SENT, UNITS
from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.model.time.deadlines import compute_deadlines

_WEEKDAYS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")


def day_text(value: date) -> str:
    return f"{_WEEKDAYS[value.weekday()]} {value:%d.%m.%Y}"


def deadline_preview(
    profile: OfficeProfile,
    kind: str,
    channel: str,
    received: date | None,
    *,
    has_addressee: bool,
    body_due: date | None = None,
) -> list[str]:
    """The deadlines a case with these data gets, as German lines for the form (shown while typing)."""
    if received is None or channel not in CHANNELS or kind not in KINDS:
        return ["Die Fristen erscheinen, sobald ein gültiges Eingangsdatum eingegeben ist."]
    due = compute_deadlines(profile, kind, channel, received, has_addressee=has_addressee, body_due=body_due)
    rule = profile.rule_for(kind)
    lines = []
    if due.gf_due is not None:
        what = "Sofortsache: Vorlage an die Geschäftsführung" if kind in PETITION_KINDS else "GF informieren"
        lines.append(f"{what} bis {day_text(due.gf_due)} (Federführung und Schlusszeichnung: GF)")
    if due.ack_due is not None:
        lines.append(f"Eingangsbestätigung bis {day_text(due.ack_due)} ({rule.ack.describe()})")
    if due.final_due is not None:
        if kind in PETITION_KINDS and body_due is not None:
            source = "Frist der einsendenden Stelle"
        elif rule.final.start == FROM_ACK_SENT and due.ack_due is not None:
            source = f"{rule.final.describe()}; bis zum Versand ab deren Fälligkeit gerechnet"
        elif rule.final.start == FROM_ACK_SENT:
            source = f"{rule.final.count} {UNITS[rule.final.unit]} nach Eingang, da keine Eingangsbestätigung"
        else:
            source = rule.final.describe()
        lines.append(f"Abschließende Antwort bis {day_text(due.final_due)} ({source})")
    if due.ack_due is None and due.final_due is None:
        lines.append("Keine Eingangsbestätigung und keine Antwortfrist: ohne Anschrift (anonym).")
    elif due.ack_due is None:
        lines.append(
            "Keine Eingangsbestätigung: Die Regeln der Dienststelle sehen sie für diese Anliegensart auf dem "
            f"Eingangsweg „{CHANNELS[channel]}“ nicht vor."
        )
    if kind in GF_KINDS and kind not in PETITION_KINDS:
        lines.append("Stellungnahme der/des Beschäftigten bzw. der Teamleitung einholen; die GF entscheidet.")
    return lines
