"""Office profiles: the five presets and the editable profile stored in the database."""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from krm_desktop.model.errors import ConflictError, RefusedError, ValidationError
from krm_desktop.model.store.entities import Setting
from krm_desktop.model.store.transactions import write_transaction

WORKING = "working"
CALENDAR = "calendar"
FROM_RECEIVED = "received"
FROM_ACK_SENT = "ack_sent"

RETENTION_BA = "ba"  # personal data 31.12. of year+2, rest 31.12. of year+8, petitions personal 31.12. year+5
RETENTION_WHOLE_TO_THE_DAY = "whole_to_the_day"  # everything N years after completion, to the day
RETENTION_WHOLE_YEAR_END = "whole_year_end"  # everything on 31.12. of the N-th year after completion

BUNDESLAND_NAMES = {
    "BB": "Brandenburg",
    "BE": "Berlin",
    "BW": "Baden-Württemberg",
    "BY": "Bayern",
    "HB": "Bremen",
    "HE": "Hessen",
    "HH": "Hamburg",
    "MV": "Mecklenburg-Vorpommern",
    "NI": "Niedersachsen",
    "NW": "Nordrhein-Westfalen",
    "RP": "Rheinland-Pfalz",
    "SH": "Schleswig-Holstein",
    "SL": "Saarland",
    "SN": "Sachsen",
    "ST": "Sachsen-Anhalt",
    "TH": "Thüringen",
}
# The subdivision codes of the `holidays` package (a test keeps them in step with it).
BUNDESLAENDER = tuple(sorted(BUNDESLAND_NAMES))
DEFAULT_CLOSING_DAYS = ("12-24", "12-31")
_CLOSING_DAY = re.compile(r"^(\d{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")


@dataclass(frozen=True)
class ClockRule:
    count: int
    unit: str = WORKING  # working | calendar
    start: str = FROM_RECEIVED  # received | ack_sent

    def describe(self) -> str:
        unit = "Arbeitstage" if self.unit == WORKING else "Kalendertage"
        start = "nach Eingang" if self.start == FROM_RECEIVED else "nach Versand der Eingangsbestätigung"
        return f"{self.count} {unit} {start}"


@dataclass(frozen=True)
class RetentionRule:
    method: str = RETENTION_BA
    personal_years: int = 2
    delete_years: int = 8
    petition_years: int = 5

    def describe(self) -> str:
        if self.method == RETENTION_BA:
            return (
                f"Personenbezogene Daten zum 31.12. des {self.personal_years}. Folgejahres nach Erledigung "
                f"(Petitionen/Eingaben: des {self.petition_years}. Folgejahres), anonymer Rest zum 31.12. "
                f"des {self.delete_years}. Folgejahres"
            )
        if self.method == RETENTION_WHOLE_TO_THE_DAY:
            return f"Vollständige Löschung {self.delete_years} Jahre nach Erledigung (taggenau)"
        return f"Vollständige Löschung zum 31.12. des {self.delete_years}. Folgejahres nach Erledigung"


@dataclass(frozen=True)
class OfficeProfile:
    code: str
    label: str
    bundesland: str
    ack: ClockRule
    final: ClockRule
    retention: RetentionRule = RetentionRule()
    shift_to_working_day: bool = True  # calendar-day deadlines ending on a non-working day move on
    closing_days: tuple[str, ...] = DEFAULT_CLOSING_DAYS  # "MM-DD" every year or "YYYY-MM-DD" once

    def closing_days_text(self) -> str:
        """German: "24.12., 31.12. (jährlich); 15.05.2026" """
        yearly = [f"{d[3:]}.{d[:2]}." for d in self.closing_days if len(d) == 5]
        once = [f"{d[8:]}.{d[5:7]}.{d[:4]}" for d in self.closing_days if len(d) == 10]
        parts = ([", ".join(yearly) + " (jährlich)"] if yearly else []) + ([", ".join(once)] if once else [])
        return "; ".join(parts) or "keine"

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["closing_days"] = list(self.closing_days)
        return data


PRESETS: dict[str, OfficeProfile] = {
    "luebeck": OfficeProfile("luebeck", "Jobcenter Lübeck", "SH", ClockRule(3, WORKING), ClockRule(14, CALENDAR)),
    "osnabrueck": OfficeProfile(
        "osnabrueck", "Jobcenter Osnabrück", "NI", ClockRule(3, WORKING), ClockRule(14, CALENDAR)
    ),
    "schwaebisch-hall": OfficeProfile(
        "schwaebisch-hall",
        "Jobcenter Landkreis Schwäbisch Hall",
        "BW",
        ClockRule(3, WORKING),
        ClockRule(14, CALENDAR),
    ),
    "berlin-pankow": OfficeProfile(
        "berlin-pankow",
        "Jobcenter Berlin Pankow",
        "BE",
        ClockRule(3, WORKING),
        ClockRule(10, WORKING),
        RetentionRule(RETENTION_WHOLE_YEAR_END, delete_years=10),
    ),
    "braunschweig": OfficeProfile(
        "braunschweig",
        "Jobcenter Braunschweig",
        "NI",
        ClockRule(7, CALENDAR),
        ClockRule(14, CALENDAR, FROM_ACK_SENT),
        RetentionRule(RETENTION_WHOLE_TO_THE_DAY, delete_years=2),
    ),
}

PROFILE_KEY = "profile"


def preset(code: str) -> OfficeProfile:
    try:
        return PRESETS[code]
    except KeyError:
        known = ", ".join(PRESETS)
        raise ValidationError({"profile": f"Unbekanntes Office-Profil „{code}“. Möglich sind: {known}."}) from None


def profile_from_dict(data: dict[str, Any]) -> OfficeProfile:
    """Build and validate a profile from stored or edited data."""
    errors: dict[str, str] = {}
    try:
        profile = OfficeProfile(
            code=str(data["code"]),
            label=str(data["label"]),
            bundesland=str(data["bundesland"]),
            ack=ClockRule(**data["ack"]),
            final=ClockRule(**data["final"]),
            retention=RetentionRule(**data.get("retention", {})),
            shift_to_working_day=bool(data.get("shift_to_working_day", True)),
            closing_days=tuple(data.get("closing_days", DEFAULT_CLOSING_DAYS)),
        )
    except (KeyError, TypeError) as exc:
        raise ValidationError({"profile": f"Das Office-Profil ist unvollständig ({exc})."}) from exc
    if not profile.label.strip():
        errors["label"] = "Bitte geben Sie den Namen der Dienststelle an."
    if profile.bundesland not in BUNDESLAENDER:
        errors["bundesland"] = (
            f"Unbekanntes Bundesland „{profile.bundesland}“. Erwartet wird ein Kürzel wie "
            f"{', '.join(BUNDESLAENDER[:5])} …"
        )
    for name, rule in (("ack", profile.ack), ("final", profile.final)):
        if not _whole_number(rule.count):
            errors[name] = "Die Frist muss eine ganze Zahl von Tagen sein."
        elif not 0 <= rule.count <= 120:
            errors[name] = "Die Frist muss zwischen 0 und 120 Tagen liegen."
        elif rule.unit not in (WORKING, CALENDAR):
            errors[name] = "Die Frist zählt entweder Arbeitstage oder Kalendertage."
        elif rule.start not in (FROM_RECEIVED, FROM_ACK_SENT) or (name == "ack" and rule.start != FROM_RECEIVED):
            errors[name] = "Diese Frist kann nicht ab diesem Ereignis laufen."
    ret = profile.retention
    if ret.method not in (RETENTION_BA, RETENTION_WHOLE_TO_THE_DAY, RETENTION_WHOLE_YEAR_END):
        errors["retention"] = "Unbekannte Löschregel."
    elif not all(_whole_number(y) and 1 <= y <= 30 for y in (ret.personal_years, ret.delete_years, ret.petition_years)):
        errors["retention"] = "Die Aufbewahrungsjahre müssen ganze Zahlen zwischen 1 und 30 sein."
    elif ret.method == RETENTION_BA and max(ret.personal_years, ret.petition_years) > ret.delete_years:
        # Only the BA rule anonymises first; the "whole" methods delete everything at once
        # and use delete_years alone.
        errors["retention"] = (
            "Die vollständige Löschung darf nicht vor der Anonymisierung liegen: die Jahre bis zur Löschung "
            "müssen mindestens so groß sein wie die Jahre bis zur Anonymisierung (auch bei Petitionen)."
        )
    bad = [d for d in profile.closing_days if not _closing_day_ok(d)]
    if bad:
        errors["closing_days"] = (
            f"Schließtage als „MM-TT“ (jedes Jahr) oder „JJJJ-MM-TT“ (einmalig) angeben, nicht „{bad[0]}“."
        )
    if errors:
        raise ValidationError(errors)
    return profile


def _whole_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _closing_day_ok(value: Any) -> bool:
    """True for "MM-DD" that exists in some year (02-29 included) or a "YYYY-MM-DD" that exists."""
    if not isinstance(value, str) or not _CLOSING_DAY.match(value):
        return False
    year = int(value[:4]) if len(value) == 10 else 2000  # 2000 is a leap year: 02-29 is a valid recurring day
    try:
        date(year, int(value[-5:-3]), int(value[-2:]))
    except ValueError:
        return False
    return True


def load_profile() -> OfficeProfile:
    row = Setting.get_or_none(Setting.key == PROFILE_KEY)
    if row is None:
        raise RefusedError("Für diese Datenbank ist noch kein Office-Profil gewählt.")
    return profile_from_dict(json.loads(row.value))


def has_profile() -> bool:
    return Setting.get_or_none(Setting.key == PROFILE_KEY) is not None


def profile_version() -> int:
    row = Setting.get_or_none(Setting.key == PROFILE_KEY)
    return 0 if row is None else row.version


def save_profile(profile: OfficeProfile, expected_version: int) -> OfficeProfile:
    """Store an edited profile. Stored deadlines of existing cases do not move."""
    profile = profile_from_dict(profile.to_dict())
    value = json.dumps(profile.to_dict(), ensure_ascii=False, sort_keys=True)
    with write_transaction():
        if expected_version == 0:
            if has_profile():
                raise ConflictError("Das Office-Profil wurde inzwischen an einem anderen Platz angelegt.")
            Setting.create(key=PROFILE_KEY, value=value, version=1)
            return profile
        updated = (
            Setting.update(value=value, version=Setting.version + 1)
            .where((Setting.key == PROFILE_KEY) & (Setting.version == expected_version))
            .execute()
        )
        if updated != 1:
            raise ConflictError("Das Office-Profil wurde inzwischen an einem anderen Platz geändert. Bitte neu laden.")
    return profile


def with_closing_days(profile: OfficeProfile, days: list[str]) -> OfficeProfile:
    return dataclasses.replace(profile, closing_days=tuple(sorted(set(days))))
