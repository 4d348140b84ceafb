"""The report reminders of every preset at their boundary days: the day before a reminder starts or ends, and the
day itself (DOMAIN.md §6; seeds: Lübeck GA 5., Pankow Konzept 5.2–5.4, Braunschweig Verfügung 2016 4.)."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.model.office.profiles import PRESETS
from krm_desktop.model.reports.texts import report_reminders

d = date
TV_AND_RD = "Jahresbericht 2025 fällig: an die Trägerversammlung im Januar, an die Regionaldirektion bis 22.01.2026 – "
RD = "Jahresbericht 2025 fällig: an die Regionaldirektion bis 22.01.2026 – "
H2 = "Halbjahresbericht 2. Halbjahr 2025 für die Trägerversammlung steht an (nach dem 4. Quartal)."
H1 = "Halbjahresbericht 1. Halbjahr 2026 für die Trägerversammlung steht an (nach dem 2. Quartal)."
GF = " für die Dienstbesprechung der Geschäftsführung steht an."
Q4, Q1, Q2, Q3 = (f"Quartalsauswertung {q}{GF}" for q in ("4. Quartal 2025", "1. Quartal 2026", "2. Quartal 2026",
                                                           "3. Quartal 2026"))  # fmt: skip

# An office with the annual report only: from 01.01. to 31.03. of the following year; nothing in July.
ANNUAL_ONLY = [
    (d(2025, 12, 31), []),
    (d(2026, 1, 1), ["{annual}Frist 22.01.2026 (in 21 Tagen)."]),
    (d(2026, 1, 21), ["{annual}Frist 22.01.2026 (morgen)."]),
    (d(2026, 1, 22), ["{annual}Frist 22.01.2026 (heute)."]),
    (d(2026, 1, 23), ["{annual}Frist 22.01.2026 überschritten."]),
    (d(2026, 3, 31), ["{annual}Frist 22.01.2026 überschritten."]),
    (d(2026, 4, 1), []),
    (d(2026, 6, 30), []),
    (d(2026, 7, 1), []),
    (d(2026, 9, 30), []),
    (d(2026, 10, 1), []),
]
# Pankow: annual report for the RD, half-year reports for the Trägerversammlung after Q2 and Q4, quarterly
# evaluations for the GF's meeting in the month after each quarter.
PANKOW = [
    (d(2025, 12, 31), []),
    (d(2026, 1, 1), [RD + "Frist 22.01.2026 (in 21 Tagen).", H2, Q4]),
    (d(2026, 1, 22), [RD + "Frist 22.01.2026 (heute).", H2, Q4]),
    (d(2026, 1, 23), [RD + "Frist 22.01.2026 überschritten.", H2, Q4]),
    (d(2026, 1, 31), [RD + "Frist 22.01.2026 überschritten.", H2, Q4]),
    (d(2026, 2, 1), [RD + "Frist 22.01.2026 überschritten.", H2]),
    (d(2026, 3, 31), [RD + "Frist 22.01.2026 überschritten.", H2]),
    (d(2026, 4, 1), [Q1]),
    (d(2026, 4, 30), [Q1]),
    (d(2026, 5, 1), []),
    (d(2026, 6, 30), []),
    (d(2026, 7, 1), [H1, Q2]),
    (d(2026, 7, 31), [H1, Q2]),
    (d(2026, 8, 1), [H1]),
    (d(2026, 9, 30), [H1]),
    (d(2026, 10, 1), [Q3]),
    (d(2026, 10, 31), [Q3]),
    (d(2026, 11, 1), []),
]


def cases_of(code: str) -> list[tuple[str, date, list[str]]]:
    if code == "berlin-pankow":
        return [(code, day, lines) for day, lines in PANKOW]
    annual = TV_AND_RD if code == "luebeck" else RD
    return [(code, day, [line.format(annual=annual) for line in lines]) for day, lines in ANNUAL_ONLY]


@pytest.mark.parametrize(("code", "today", "lines"), [case for code in PRESETS for case in cases_of(code)])
def test_reminders_of_every_preset_at_their_boundary_days(store, code: str, today: date, lines: list[str]) -> None:
    assert report_reminders(today, PRESETS[code]) == lines


def test_braunschweig_informs_the_traegerversammlung_only_as_far_as_unavoidable() -> None:
    profile = PRESETS["braunschweig"]
    assert profile.reports == ("annual",) and not profile.annual_report_to_tv
