"""The kind categories of a report's qualitative part, where the office writes it per category (Pankow, profile
`report_texts_by_category`): "qualitative und quantitative Auswertung jeweils von Meinungskarten, Loben und
Beschwerden, Eingaben und Petitionen". Each category names the kinds whose concerns it speaks of."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    code: str
    label: str
    kinds: tuple[str, ...]


CATEGORIES: tuple[Category, ...] = (
    Category("beschwerden", "Beschwerden", ("beschwerde", "fachaufsichtsbeschwerde", "folgereaktion")),
    Category("lob", "Lob", ("lob",)),
    Category("ideen", "Ideen und Anregungen", ("idee",)),
    Category("petitionen", "Petitionen und Eingaben", ("petition", "eingabe")),
    Category("dab", "Dienstaufsichtsbeschwerden", ("dienstaufsichtsbeschwerde",)),
    Category("meinungskarten", "Meinungskarten", ("meinungskarte",)),
)
CATEGORY_CODES = tuple(category.code for category in CATEGORIES)
CATEGORY_LABELS = {category.code: category.label for category in CATEGORIES}
