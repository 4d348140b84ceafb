"""Which reports the office makes and how (issue 19), on the tab „Aufbewahrung und Berichte“ of the page „Fristen
und Regeln“: the reports (Jahresbericht, Halbjahresbericht, Quartalsauswertung), whether the annual report also
goes to the Trägerversammlung in January (Lübeck), and whether the qualitative part is written per category
(Pankow)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from krm_desktop.model.office.profiles import REPORTS, OfficeProfile
from krm_desktop.model.office.report_options import ANNUAL_TO_TV, TEXTS_BY_CATEGORY
from krm_desktop.ui.widgets.fields import FieldErrors, hint

REPORT_TEXTS = {
    "annual": "&Jahresbericht (an die Regionaldirektion bis 22.01.)",
    "half_year": "&Halbjahresbericht (an die Trägerversammlung nach dem 2. und 4. Quartal)",
    "quarter": "&Quartalsauswertung (für die Dienstbesprechung der Geschäftsführung)",
}
ANNUAL_TO_TV_TEXT = "Jahresbericht auch an die Trä&gerversammlung (im Januar)"
BY_CATEGORY_TEXT = "Qualitativen Teil auch je &Kategorie schreiben (Beschwerden, Lob, Ideen, Petitionen …)"
REPORTS_HINT = (
    "Die Startseite erinnert an die Berichte, die hier angehakt sind, bis sie erstellt sind. Ohne Halbjahresbericht "
    "und ohne Jahresbericht an die Trägerversammlung erinnert das Programm nicht an Berichte für sie."
)


class ReportOptionsBox(QGroupBox):
    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__("Berichte, die die Dienststelle erstellt", parent)
        self.reports = {code: QCheckBox(REPORT_TEXTS.get(code, text)) for code, text in REPORTS.items()}
        self.annual_to_tv = QCheckBox(ANNUAL_TO_TV_TEXT)
        self.by_category = QCheckBox(BY_CATEGORY_TEXT)
        for check in (*self.reports.values(), self.annual_to_tv, self.by_category):
            check.setAccessibleName(check.text().replace("&", ""))
        layout = QVBoxLayout(self)
        for check in self.reports.values():
            layout.addWidget(check)
        layout.addWidget(errors.add("reports", next(iter(self.reports.values()))))
        layout.addWidget(self.annual_to_tv)
        layout.addWidget(errors.add(ANNUAL_TO_TV, self.annual_to_tv))
        layout.addWidget(self.by_category)
        layout.addWidget(errors.add(TEXTS_BY_CATEGORY, self.by_category))
        layout.addWidget(hint(REPORTS_HINT))
        self.reports["annual"].toggled.connect(self.annual_to_tv.setEnabled)

    def show_profile(self, profile: OfficeProfile) -> None:
        for code, check in self.reports.items():
            check.setChecked(profile.makes_report(code))
        self.annual_to_tv.setChecked(profile.annual_report_to_tv)
        self.annual_to_tv.setEnabled(self.reports["annual"].isEnabled() and profile.makes_report("annual"))
        self.by_category.setChecked(profile.report_texts_by_category)

    def data(self) -> dict[str, Any]:
        return {
            "reports": [code for code, check in self.reports.items() if check.isChecked()],
            ANNUAL_TO_TV: self.annual_to_tv.isChecked(),
            TEXTS_BY_CATEGORY: self.by_category.isChecked(),
        }

    def state(self) -> tuple[bool, ...]:
        return (*(check.isChecked() for check in self.reports.values()), self.annual_to_tv.isChecked(),
                self.by_category.isChecked())  # fmt: skip

    def set_editable(self, editable: bool) -> None:
        for check in (*self.reports.values(), self.by_category):
            check.setEnabled(editable)
        self.annual_to_tv.setEnabled(editable and self.reports["annual"].isChecked())
