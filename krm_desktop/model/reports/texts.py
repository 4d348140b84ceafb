"""The qualitative part of a report, its recipients, which reports were made, and the report reminder.

Stored as settings (JSON values), one key per period:
- `report_texts:<period code>`: {"focus": …, "actions": …, "remarks": …} (Schwerpunktthemen,
  Optimierungsansätze, Bemerkungen), written by the office in the report wizard;
- `reports_made`: {<period code>: {"recipient": …, "made": "YYYY-MM-DD"}}, the last report made per period,
  which silences the reminder.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from krm_desktop.model import validation as v
from krm_desktop.model.errors import ValidationError
from krm_desktop.model.office.profiles import OfficeProfile, load_profile
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
    "remarks": "Bemerkungen",
}


@dataclass(frozen=True)
class ReportTexts:
    focus: str = ""  # Schwerpunktthemen
    actions: str = ""  # Optimierungsansätze
    remarks: str = ""  # Bemerkungen

    def sections(self) -> list[tuple[str, str]]:
        """(German heading, text) of the sections that hold text."""
        return [(SECTIONS[name], text) for name, text in asdict(self).items() if text.strip()]


def default_recipient(period: Period) -> str:
    """Annual report: Regionaldirektion; half-year: Trägerversammlung; quarter: GF meeting."""
    return {"year": "regionaldirektion", "half": "traegerversammlung", "quarter": "gf"}[period.kind]


def recipient_problem(code: str) -> str | None:
    if code in RECIPIENTS:
        return None
    return f"Unbekannte Empfängerin „{code}“; möglich sind: {', '.join(RECIPIENTS.values())}."


def load_texts(period: Period) -> ReportTexts:
    stored = get_setting(TEXTS_KEY.format(code=period.code), {}) or {}
    return ReportTexts(**{name: str(stored.get(name, "")) for name in SECTIONS})


def check_texts(texts: ReportTexts) -> None:
    errors = {}
    for name, heading in SECTIONS.items():
        problem = v.text_problem(getattr(texts, name), heading, max_len=MAX_TEXT)
        if problem:
            errors[name] = problem
    if errors:
        raise ValidationError(errors)


def save_texts(period: Period, texts: ReportTexts) -> None:
    """Keep the texts of a period (checked: length, no control characters)."""
    check_texts(texts)
    put_setting(TEXTS_KEY.format(code=period.code), asdict(texts))


def mark_report_made(period: Period, recipient: str, today: date) -> None:
    made = dict(get_setting(MADE_KEY, {}) or {})
    made[period.code] = {"recipient": recipient, "made": today.isoformat()}
    put_setting(MADE_KEY, made)


def report_made(period: Period) -> bool:
    return period.code in (get_setting(MADE_KEY, {}) or {})


def report_reminders(today: date, profile: OfficeProfile) -> list[str]:
    """German reminders of the reports due now and not made yet, for the reports the office makes (its profile).

    January to March: the annual report of the past year (Trägerversammlung in January, Regionaldirektion by
    22 January; where the office makes half-year reports it serves as the one after Q4 as well, a half-year report
    alone does not silence it). July to September: the half-year report of the first half for the
    Trägerversammlung. In the month after each quarter: its quarterly evaluation for the GF's meeting. A report
    counts as made once it was saved (PDF or CSV).
    """
    lines: list[str] = []
    if today.month <= 3 and profile.makes_report("annual") and not report_made(Period(today.year - 1)):
        due = date(today.year, 1, RD_DUE_DAY)
        if today <= due:
            days = (due - today).days
            when = "heute" if days == 0 else "morgen" if days == 1 else f"in {days} Tagen"
            state = f"Frist {due:%d.%m.%Y} ({when})"
        else:
            state = f"Frist {due:%d.%m.%Y} überschritten"
        also = " Zugleich Halbjahresbericht nach dem 4. Quartal." if profile.makes_report("half_year") else ""
        lines.append(
            f"{Period(today.year - 1).title} fällig: an die Trägerversammlung im Januar, an die Regionaldirektion "
            f"bis {due:%d.%m.%Y} – {state}.{also}"
        )
    if 7 <= today.month <= 9 and profile.makes_report("half_year"):
        half = Period(today.year, half=1)
        if not report_made(half):
            lines.append(f"{half.title} für die Trägerversammlung steht an (nach dem 2. Quartal).")
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
