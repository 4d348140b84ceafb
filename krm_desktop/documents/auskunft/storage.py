"""How long one case of an Auskunft is kept: the storage period with the concrete dates of the office's rules."""

from __future__ import annotations

from datetime import date

from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.model.retention.rules import ANONYMISE, RULE_WHOLE_TO_THE_DAY, de, due_dates, rules_of


def storage_text(profile: OfficeProfile, closed: date | None, petition: bool, today: date) -> str:
    """The storage period of one case with the concrete dates of the profile's rules (German)."""
    retention = profile.retention
    if closed is None:
        return (
            "Die Kundenreaktion ist noch nicht abgeschlossen; offene Kundenreaktionen werden nicht gelöscht. Nach "
            f"dem Abschluss gilt: {retention.describe()}."
        )
    rules = {r.code: r for r in rules_of(retention)}
    dates = due_dates(retention, closed, petition)
    sentences = []
    for code, day in dates.items():
        rule = rules[code]
        when = f"ab dem {de(day)}" if code == RULE_WHOLE_TO_THE_DAY else f"zum {de(day)}"
        if rule.action == ANONYMISE:
            sentences.append(f"Ihre personenbezogenen Daten werden {when} entfernt ({rule.label}).")
        elif len(dates) > 1:
            sentences.append(f"Der anonyme Rest für die Statistik wird {when} gelöscht ({rule.label}).")
        else:
            sentences.append(f"Die Kundenreaktion wird {when} vollständig gelöscht ({rule.label}).")
    sentences.append(f"Gerechnet wird ab der Erledigung am {de(closed)}.")
    if min(dates.values()) <= today:
        sentences.append("Dieser Tag ist erreicht; die Daten werden mit dem nächsten Löschlauf entfernt.")
    return " ".join(sentences)
