"""The qualitative part of a report, its recipients, which reports were made, and the report reminder.

Stored as settings (JSON values), one key per period:
- `report_texts:<period code>`: {"focus": …, "actions": …, "notable": …, "remarks": …, "categories": {<category
  code>: …}} (Schwerpunktthemen, Optimierungsansätze, Auffälligkeiten, Bemerkungen, and where the office writes per
  category (`categories.CATEGORIES`) one text each), written by the office in the report wizard; texts stored
  before "notable" and "categories" existed load with them empty;
- `reports_made`: {<period code>: {"recipient": …, "made": "YYYY-MM-DD"}}, the last report made per period,
  which silences the reminder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from krm_desktop.model import validation as v
from krm_desktop.model.errors import ValidationError
from krm_desktop.model.office.profiles import OfficeProfile, load_profile
from krm_desktop.model.reports.categories import CATEGORY_CODES, CATEGORY_LABELS
from krm_desktop.model.reports.periods import Period
from krm_desktop.model.store.settings import get_setting, put_setting

TEXTS_KEY = "report_texts:{code}"
MADE_KEY = "reports_made"
MAX_TEXT = 20_000  # characters per section: a few pages

RECIPIENTS: dict[str, str] = {
    "traegerversammlung": "Trägerversammlung",
    "regionaldirektion": "Regionaldirektion",
    "gf": "Dienstbesprechung der Geschäftsführung",
}
RD_DUE_DAY = 22  # the annual report reaches the Regionaldirektion by 22 January

SECTIONS: dict[str, str] = {
    "focus": "Schwerpunktthemen",
    "actions": "Optimierungsansätze",
    "notable": "Auffälligkeiten",
    "remarks": "Bemerkungen",
}


@dataclass(frozen=True)
class ReportTexts:
    focus: str = ""  # Schwerpunktthemen
    actions: str = ""  # Optimierungsansätze
    remarks: str = ""  # Bemerkungen
    notable: str = ""  # Auffälligkeiten (taken over from the list the report computes, and commented)
    categories: dict[str, str] = field(default_factory=dict)  # category code -> text (Pankow)

    def sections(self) -> list[tuple[str, str]]:
        """(German heading, text) of the general sections that hold text."""
        return [(heading, getattr(self, name)) for name, heading in SECTIONS.items() if getattr(self, name).strip()]

    def category_sections(self) -> list[tuple[str, str, str]]:
        """(category code, German heading, text) of the categories that hold text, in the categories' order."""
        return [
            (code, CATEGORY_LABELS[code], self.categories[code])
            for code in CATEGORY_CODES
            if self.categories.get(code, "").strip()
        ]

    def stored(self) -> dict[str, object]:
        """The JSON value of the setting."""
        value: dict[str, object] = {name: getattr(self, name) for name in SECTIONS}
        value["categories"] = {code: text for code, text in self.categories.items() if text}
        return value


def default_recipient(period: Period) -> str:
    """Annual report: Regionaldirektion; half-year: Trägerversammlung; quarter: GF meeting."""
    return {"year": "regionaldirektion", "half": "traegerversammlung", "quarter": "gf"}[period.kind]


def recipient_problem(code: str) -> str | None:
    if code in RECIPIENTS:
        return None
    return f"Unbekannte Empfängerin „{code}“; möglich sind: {', '.join(RECIPIENTS.values())}."


def load_texts(period: Period) -> ReportTexts:
    stored = get_setting(TEXTS_KEY.format(code=period.code), {}) or {}
    categories = stored.get("categories") or {}
    return ReportTexts(
        **{name: str(stored.get(name, "")) for name in SECTIONS},
        categories={code: str(categories[code]) for code in CATEGORY_CODES if categories.get(code)},
    )


def check_texts(texts: ReportTexts) -> None:
    errors = {}
    for name, heading in SECTIONS.items():
        problem = v.text_problem(getattr(texts, name), heading, max_len=MAX_TEXT)
        if problem:
            errors[name] = problem
    for code, text in texts.categories.items():
        if code not in CATEGORY_LABELS:
            errors[f"category.{code}"] = f"Unbekannte Kategorie „{code}“."
        elif problem := v.text_problem(text, CATEGORY_LABELS[code], max_len=MAX_TEXT):
            errors[f"category.{code}"] = problem
    if errors:
        raise ValidationError(errors)


def save_texts(period: Period, texts: ReportTexts) -> None:
    """Keep the texts of a period (checked: length, no control characters)."""
    check_texts(texts)
    put_setting(TEXTS_KEY.format(code=period.code), texts.stored())


def mark_report_made(period: Period, recipient: str, today: date) -> None:
    made = dict(get_setting(MADE_KEY, {}) or {})
    made[period.code] = {"recipient": recipient, "made": today.isoformat()}
    put_setting(MADE_KEY, made)


def report_made(period: Period) -> bool:
    return period.code in (get_setting(MADE_KEY, {}) or {})


def _annual_reminder(today: date, profile: OfficeProfile) -> str:
    due = date(today.year, 1, RD_DUE_DAY)
    if today <= due:
        days = (due - today).days
        when = "heute" if days == 0 else "morgen" if days == 1 else f"in {days} Tagen"
        state = f"Frist {due:%d.%m.%Y} ({when})"
    else:
        state = f"Frist {due:%d.%m.%Y} überschritten"
    to_tv = "an die Trägerversammlung im Januar, " if profile.annual_report_to_tv else ""
    return f"{Period(today.year - 1).title} fällig: {to_tv}an die Regionaldirektion bis {due:%d.%m.%Y} – {state}."


def _annual_went_to_tv(year: int) -> bool:
    made = (get_setting(MADE_KEY, {}) or {}).get(str(year)) or {}
    return made.get("recipient") == "traegerversammlung"


def report_reminders(today: date, profile: OfficeProfile) -> list[str]:
    """German reminders of the reports due now and not made yet, for the reports the office makes (its profile).

    January to March: the annual report of the past year for the Regionaldirektion by 22 January (and for the
    Trägerversammlung in January where the profile says so, Lübeck); where the office makes half-year reports,
    the one after Q4 for the Trägerversammlung (the second half-year's report, or the annual report made for the
    Trägerversammlung). July to September: the half-year report after Q2. In the month after each quarter: its
    quarterly evaluation for the GF's meeting. A report counts as made once it was saved (PDF or CSV). An office
    that informs the Trägerversammlung only as far as unavoidable (Braunschweig) makes no half-year reports and
    gets no reminder of them.
    """
    lines: list[str] = []
    if today.month <= 3 and profile.makes_report("annual") and not report_made(Period(today.year - 1)):
        lines.append(_annual_reminder(today, profile))
    half: Period | None = None
    if today.month <= 3:
        half = Period(today.year - 1, half=2)
    elif 7 <= today.month <= 9:
        half = Period(today.year, half=1)
    served = half is not None and (report_made(half) or (half.half == 2 and _annual_went_to_tv(half.year)))
    if half is not None and profile.makes_report("half_year") and not served:
        after = "2." if half.half == 1 else "4."
        lines.append(f"{half.title} für die Trägerversammlung steht an (nach dem {after} Quartal).")
    if today.month in (1, 4, 7, 10) and profile.makes_report("quarter"):
        quarter = (
            Period(today.year - 1, quarter=4) if today.month == 1 else Period(today.year, quarter=today.month // 3)
        )
        if not report_made(quarter):
            lines.append(f"{quarter.title} für die Dienstbesprechung der Geschäftsführung steht an.")
    return lines


def report_reminder_due(today: date, profile: OfficeProfile | None = None) -> str | None:
    """The reminders of `report_reminders` as one German text (a line each), else None; the profile is the
    database's own unless given."""
    lines = report_reminders(today, profile or load_profile())
    return "\n".join(lines) or None
