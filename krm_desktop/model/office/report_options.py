"""The office profile's report options beside the list of reports it makes (issue 19, DOMAIN.md §6).

- `annual_report_to_tv`: the annual report also goes to the Trägerversammlung in January (Lübeck: "wird von der
  Geschäftsführung jeweils im Januar an die Mitglieder der Trägerversammlung übersandt"); elsewhere the
  Trägerversammlung hears of the reports only where the office makes half-year reports for it (Pankow), or as far
  as unavoidable (Braunschweig: no reminder).
- `report_texts_by_category`: the qualitative part is written per kind category as well (Pankow: "qualitative und
  quantitative Auswertung jeweils von Meinungskarten, Loben und Beschwerden, Eingaben und Petitionen").

Both are yes/no values; a profile stored or written before they existed takes its preset's value.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

ANNUAL_TO_TV = "annual_report_to_tv"
TEXTS_BY_CATEGORY = "report_texts_by_category"
REPORT_OPTION_KEYS = (ANNUAL_TO_TV, TEXTS_BY_CATEGORY)

REPORT_OPTION_CHOICES = {
    ANNUAL_TO_TV: "„true“ (Jahresbericht auch an die Trägerversammlung im Januar) oder „false“",
    TEXTS_BY_CATEGORY: "„true“ (qualitativer Teil auch je Kategorie) oder „false“",
}


def report_option_problems(data: Mapping[str, Any]) -> dict[str, str]:
    """Each report option present in the data must be a yes/no value."""
    return {
        key: f"Bitte {REPORT_OPTION_CHOICES[key]} für „{key}“ angeben."
        for key in REPORT_OPTION_KEYS
        if key in data and not isinstance(data[key], bool)
    }
