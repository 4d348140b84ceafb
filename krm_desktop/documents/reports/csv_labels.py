"""What each row of the report's CSV is, in German: the column „Kennzahl (deutsch)“ beside the machine key
`Kennzahl` (which stays as it is, so tools reading the file keep working)."""

from __future__ import annotations

_BY = {
    "kind": "Art",
    "channel": "Eingangsweg",
    "via": "Eingang über",
    "area": "Bereich",
    "team": "Team",
    "month": "Monat",
}
KENNZAHL_DE: dict[str, str] = {
    "period": "Berichtszeitraum",
    "note": "Hinweis",
    "cases": "Kundenreaktionen (Fälle)",
    "concerns": "Anliegen",
    **{code: f"Anliegen nach {by}" for code, by in _BY.items()},
    **{f"{code}_cases": f"Fälle nach {by}" for code, by in _BY.items()},
    "outcome": "Ergebnisse der Beschwerden (Anliegen)",
    "outcome_pct": "Ergebnisse der Beschwerden (Anteil in %)",
    "folgereaktion": "Folgereaktionen",
    "meinungskarte": "Meinungskarten",
    "card_tenor": "Meinungskarten nach Lob/Anregung/Kritik (Karten)",
    "card_tenor_pct": "Meinungskarten nach Lob/Anregung/Kritik (Anteil in %)",
    "petition_cases": "Eingaben und Petitionen nach Art und Eingang über (Fälle)",
    "petition_direct": "Eingaben und Petitionen, direkt eingegangen",
    "petition_other": "Eingaben und Petitionen über andere Stellen",
    "petition_total": "Eingaben und Petitionen zusammen",
    "dab": "Dienstaufsichtsbeschwerden",
    "deadline": "Fristen",
    "processing_days": "Bearbeitungsdauer",
    "topic": "Themen (Fälle)",
    "topic_concerns": "Themen (Anliegen)",
    "previous": "Vorzeitraum",
    "notable": "Auffälligkeiten gegenüber dem Vorzeitraum (Wert: jetzt)",
}


def kennzahl_de(code: str) -> str:
    return KENNZAHL_DE.get(code, code)
