"""Pure checks of an office profile's data (as stored or read from a profile file): German problems by key.

A key names the field exactly: `bundesland`, `ack`, `final`, `ack_channels`, `kinds.petition.final`,
`kinds.petition.ack_channels`, `reports`, `retention.delete_years`, `closing_days`, `dab_outside_krm`,
`ack_waivable_channels`; a missing or unknown entry is named by its path (`final`, `ack.count`, `kinds.lob.ack`,
`retention.years`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.office.notice_rules import NOTICE_KEYS, notice_problems  # issue 19: Zur Kenntnis
from krm_desktop.model.office.profile_rules import (
    ACK_CHANNELS,
    BUNDESLAENDER,
    CALENDAR,
    FROM_ACK_SENT,
    FROM_RECEIVED,
    MAX_DAYS,
    MAX_YEARS,
    MIN_DAYS,
    MIN_YEARS,
    PETITIONER_ACK_KINDS,
    PETITIONER_ACKS,
    REPORTS,
    RETENTION_BA,
    RETENTION_METHODS,
    RULE_KINDS,
    WAIVER_FORMS,
    WORKING,
)
from krm_desktop.model.office.report_options import REPORT_OPTION_KEYS, report_option_problems  # issue 19 reports

Problems = dict[str, str]

# Entries every profile has; the others were added later and take their defaults when a stored profile lacks them.
REQUIRED_KEYS = ("code", "label", "bundesland", "ack", "final")
OPTIONAL_KEYS = ("ack_channels", "kinds", "reports", "retention", "shift_to_working_day", "closing_days")
# Entries a profile file may lack (added after the file format, issue 18): an older file still loads with their
# defaults.
DAB_OUTSIDE_KRM = "dab_outside_krm"
INTAKE_KEYS = (DAB_OUTSIDE_KRM,)
# Petition steps (issue 18, Pankow): the agreement with the Agentur für Arbeit and the Regionaldirektion where the
# BA is responsible under § 44b Abs. 3 SGB II, and the KRM's formal check of a Stellungnahme before the GF signs.
BA_AGREEMENT_STEP = "ba_agreement_step"
STATEMENT_CHECK_BY_KRM = "statement_check_by_krm"
PETITION_STEP_KEYS = (BA_AGREEMENT_STEP, STATEMENT_CHECK_BY_KRM)
# Issue 19 (deletion when it is due): whether the program purges by itself at the first start of a day.
AUTO_PURGE = "auto_purge"
AUTO_PURGE_KEYS = (AUTO_PURGE,)
# Issue 19: whether Meinungskarten may carry attachments (Pankow keeps no scans of the cards), and whether the office
# records the Aktenvermerk for the E-Akte/VerBIS (Lübeck, Schwäbisch Hall, Pankow).
CARD_ATTACHMENTS = "card_attachments"
FILE_NOTES = "file_notes"
RECORD_KEEPING_KEYS = (CARD_ATTACHMENTS, FILE_NOTES)
LATER_FILE_KEYS = (
    *INTAKE_KEYS,
    "ack_waivable_channels",
    "waiver_forms",
    *PETITION_STEP_KEYS,
    "petitioner_ack",
    *AUTO_PURGE_KEYS,
    *NOTICE_KEYS,  # issue 19: Zur Kenntnis and Pankow's "vorlagepflichtig"
    *REPORT_OPTION_KEYS,  # issue 19: reports per office
    *RECORD_KEEPING_KEYS,
)
FILE_KEYS = REQUIRED_KEYS + OPTIONAL_KEYS  # what a complete profile file must hold
PROFILE_KEYS = FILE_KEYS + LATER_FILE_KEYS
RULE_KEYS = ("count", "unit", "start")
KIND_RULE_KEYS = ("ack", "final", "ack_channels")
RETENTION_KEYS = ("method", "personal_years", "delete_years", "petition_years")

WHOLE_COUNT = "Die Frist muss eine ganze Zahl von Tagen sein."
COUNT_RANGE = f"Die Frist muss zwischen {MIN_DAYS} und {MAX_DAYS} Tagen liegen."
BAD_UNIT = "Die Frist zählt entweder Arbeitstage oder Kalendertage."
BAD_START = "Diese Frist kann nicht ab diesem Ereignis laufen."
YEARS_RANGE = f"Die Aufbewahrungsjahre müssen ganze Zahlen zwischen {MIN_YEARS} und {MAX_YEARS} sein."
YEARS_ORDER = (
    "Die vollständige Löschung darf nicht vor der Anonymisierung liegen: die Jahre bis zur Löschung "
    "müssen mindestens so groß sein wie die Jahre bis zur Anonymisierung (auch bei Petitionen)."
)
_CLOSING_DAY = re.compile(r"^(\d{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
_GERMAN_DAY = re.compile(r"^(\d{1,2})\.(\d{1,2})(?:\.(\d{4})?)?$")


def whole_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def missing(key: str) -> str:
    return f"Der Eintrag „{key}“ fehlt."


def unknown(key: str) -> str:
    return f"Unbekannter Eintrag „{key}“."


def entries_problems(data: Any, prefix: str, known: tuple[str, ...], required: tuple[str, ...]) -> Problems:
    """Missing and unknown entries of one object of the profile (`prefix` "" for the profile itself)."""
    where = prefix.rstrip(".") or "profile"
    if not isinstance(data, Mapping):
        return {where: f"„{where}“ muss ein Objekt mit den Einträgen {', '.join(known)} sein."}
    problems = {f"{prefix}{key}": unknown(f"{prefix}{key}") for key in data if key not in known}
    problems.update({f"{prefix}{key}": missing(f"{prefix}{key}") for key in required if key not in data})
    return problems


def count_problem(count: Any) -> str | None:
    """A day count: a whole number from 1 to 120 (0, -3 and 400 are refused)."""
    if not whole_number(count):
        return WHOLE_COUNT
    if not MIN_DAYS <= count <= MAX_DAYS:
        return COUNT_RANGE
    return None


def rule_problem(rule: Mapping[str, Any], *, is_ack: bool) -> str | None:
    """One clock rule's values: the day count, the unit, the event it starts from."""
    problem = count_problem(rule.get("count"))
    if problem:
        return problem
    if rule.get("unit", WORKING) not in (WORKING, CALENDAR):
        return BAD_UNIT
    start = rule.get("start", FROM_RECEIVED)
    if start not in (FROM_RECEIVED, FROM_ACK_SENT) or (is_ack and start != FROM_RECEIVED):
        return BAD_START
    return None


def _rule_problems(data: Any, key: str, *, is_ack: bool, complete: bool) -> Problems:
    problems = entries_problems(data, f"{key}.", RULE_KEYS, RULE_KEYS if complete else ("count",))
    if problems:
        return problems
    problem = rule_problem(data, is_ack=is_ack)
    return {key: problem} if problem else {}


def codes_problem(values: Any, vocabulary: Mapping[str, str] | tuple[str, ...], what: str) -> str | None:
    """A list of codes from a vocabulary (each at most once)."""
    if not isinstance(values, list | tuple) or not all(isinstance(v, str) for v in values):
        return f"{what}: bitte eine Liste von Kürzeln angeben."
    for value in values:
        if value not in vocabulary:
            return f"Unbekanntes Kürzel „{value}“ bei {what}. Möglich sind: {', '.join(vocabulary)}."
    return None


def channels_problem(values: Any) -> str | None:
    return codes_problem(values, ACK_CHANNELS, "den Eingangswegen, die die Eingangsbestätigung auslösen")


def reports_problem(values: Any) -> str | None:
    return codes_problem(values, REPORTS, "den Berichten")


def _kinds_problems(data: Any, *, complete: bool) -> Problems:
    if not isinstance(data, Mapping):
        return {"kinds": "„kinds“ muss ein Objekt sein: je Anliegensart ihre Regeln."}
    problems: Problems = {}
    for kind, rule in data.items():
        key = f"kinds.{kind}"
        if kind == "meinungskarte":
            problems[key] = "Meinungskarten haben keine Fristen; für sie gibt es keine Regeln."
            continue
        if kind not in RULE_KINDS:
            problems[key] = f"Unbekannte Anliegensart „{kind}“. Möglich sind: {', '.join(RULE_KINDS)}."
            continue
        found = entries_problems(rule, f"{key}.", KIND_RULE_KEYS, KIND_RULE_KEYS)
        if found:
            problems.update(found)
            continue
        problems.update(_rule_problems(rule["ack"], f"{key}.ack", is_ack=True, complete=complete))
        problems.update(_rule_problems(rule["final"], f"{key}.final", is_ack=False, complete=complete))
        channels = channels_problem(rule["ack_channels"])
        if channels:
            problems[f"{key}.ack_channels"] = channels
    return problems


def retention_problems(data: Any, *, complete: bool = False) -> Problems:
    problems = entries_problems(data, "retention.", RETENTION_KEYS, RETENTION_KEYS if complete else ())
    if problems:
        return problems
    if data.get("method", RETENTION_BA) not in RETENTION_METHODS:
        return {"retention.method": "Unbekannte Löschregel."}
    years = {key: data.get(key, default) for key, default in zip(RETENTION_KEYS[1:], (2, 8, 5), strict=True)}
    for key, value in years.items():
        if not (whole_number(value) and MIN_YEARS <= value <= MAX_YEARS):
            problems[f"retention.{key}"] = YEARS_RANGE
    if problems:
        return problems
    # Only the BA rule anonymises first; the "whole" methods delete everything at once and use delete_years alone.
    if (
        data.get("method", RETENTION_BA) == RETENTION_BA
        and max(years["personal_years"], years["petition_years"]) > years["delete_years"]
    ):
        return {"retention.delete_years": YEARS_ORDER}
    return {}


def closing_day_ok(value: Any) -> bool:
    """True for "MM-DD" that exists in some year (02-29 included) or a "YYYY-MM-DD" that exists."""
    if not isinstance(value, str) or not _CLOSING_DAY.match(value):
        return False
    year = int(value[:4]) if len(value) == 10 else 2000  # 2000 is a leap year: 02-29 is a valid recurring day
    try:
        date(year, int(value[-5:-3]), int(value[-2:]))
    except ValueError:
        return False
    return True


def closing_days_problem(values: Any) -> str | None:
    if not isinstance(values, list | tuple):
        return "Schließtage als Liste angeben."
    bad = [d for d in values if not closing_day_ok(d)]
    if bad:
        return f"Schließtage als „MM-TT“ (jedes Jahr) oder „JJJJ-MM-TT“ (einmalig) angeben, nicht „{bad[0]}“."
    return None


def bundesland_problem(value: Any) -> str | None:
    if value in BUNDESLAENDER:
        return None
    return f"Unbekanntes Bundesland „{value}“. Erwartet wird ein Kürzel wie {', '.join(BUNDESLAENDER[:5])} …"


def profile_problems(data: Any, *, complete: bool = False) -> Problems:
    """Every problem of a profile's data, by key. `complete`: every entry must be there (a profile file);
    otherwise the entries added in later versions may be missing (a profile stored by an earlier version)."""
    problems = entries_problems(data, "", PROFILE_KEYS, FILE_KEYS if complete else REQUIRED_KEYS)
    if "profile" in problems:
        return problems
    if "code" in data and not (isinstance(data["code"], str) and data["code"].strip()):
        problems["code"] = "Das Profil braucht ein Kürzel."
    if "label" in data and not (isinstance(data["label"], str) and data["label"].strip()):
        problems["label"] = "Bitte geben Sie den Namen der Dienststelle an."
    if "bundesland" in data and (problem := bundesland_problem(data["bundesland"])):
        problems["bundesland"] = problem
    for key in ("ack", "final"):
        if key in data:
            problems.update(_rule_problems(data[key], key, is_ack=key == "ack", complete=complete))
    if "ack_channels" in data and (problem := channels_problem(data["ack_channels"])):
        problems["ack_channels"] = problem
    if "kinds" in data:
        problems.update(_kinds_problems(data["kinds"], complete=complete))
    if "reports" in data and (problem := reports_problem(data["reports"])):
        problems["reports"] = problem
    if "retention" in data:
        problems.update(retention_problems(data["retention"], complete=complete))
    if "shift_to_working_day" in data and not isinstance(data["shift_to_working_day"], bool):
        problems["shift_to_working_day"] = "Bitte „true“ (verschieben) oder „false“ (nicht verschieben) angeben."
    if "closing_days" in data and (problem := closing_days_problem(data["closing_days"])):
        problems["closing_days"] = problem
    problems.update(intake_problems(data))
    # Issue 18: for which channels the KRM may decide that no acknowledgement is sent.
    if "ack_waivable_channels" in data and (problem := waivable_channels_problem(data["ack_waivable_channels"])):
        problems["ack_waivable_channels"] = problem
    if "waiver_forms" in data:
        problems.update(waiver_forms_problems(data["waiver_forms"]))
    problems.update(petition_step_problems(data))
    if "petitioner_ack" in data:
        problems.update(petitioner_ack_problems(data["petitioner_ack"]))
    problems.update(auto_purge_problems(data))
    problems.update(notice_problems(data))  # issue 19: Zur Kenntnis and Pankow's "vorlagepflichtig"
    problems.update(report_option_problems(data))  # issue 19: reports per office
    problems.update(record_keeping_problems(data))
    return problems


def record_keeping_problems(data: Mapping[str, Any]) -> Problems:
    """Issue 19: attachments on Meinungskarten, the Aktenvermerk for the E-Akte/VerBIS: each a yes/no value."""
    meaning = {CARD_ATTACHMENTS: "Anlagen an Meinungskarten", FILE_NOTES: "Vermerk für E-Akte/VerBIS"}
    return {
        key: f"Bitte „true“ (ja) oder „false“ (nein) für „{key}“ ({meaning[key]}) angeben."
        for key in RECORD_KEEPING_KEYS
        if key in data and not isinstance(data[key], bool)
    }


def petition_step_problems(data: Mapping[str, Any]) -> Problems:
    """The petition steps (Pankow): each a yes/no value."""
    return {
        key: f"Bitte „true“ (Schritt erfassen) oder „false“ (kein solcher Schritt) für „{key}“ angeben."
        for key in PETITION_STEP_KEYS
        if key in data and not isinstance(data[key], bool)
    }


# --- automatic purge (issue 19) --------------------------------------------------------------------------------


def auto_purge_problems(data: Mapping[str, Any]) -> Problems:
    """`auto_purge`: a yes/no value (the program purges what is due at the first start of a day)."""
    if AUTO_PURGE in data and not isinstance(data[AUTO_PURGE], bool):
        return {AUTO_PURGE: "Bitte „true“ (automatisch löschen) oder „false“ (jährlicher Löschassistent) angeben."}
    return {}


# --- Verzicht auf schriftliche Antwort per kind ---------------------------------------------------------------


def waiver_forms_problems(data: Any) -> Problems:
    """`waiver_forms`: {kind: "none" | "note" | "signed"}; a kind left out takes its default."""
    if not isinstance(data, Mapping):
        return {"waiver_forms": "„waiver_forms“ muss ein Objekt sein: je Anliegensart die Form des Verzichts."}
    problems: Problems = {}
    for kind, form in data.items():
        key = f"waiver_forms.{kind}"
        if kind not in RULE_KINDS:
            problems[key] = (
                "Meinungskarten sind anonym: für sie gibt es keinen Verzicht."
                if kind == "meinungskarte"
                else f"Unbekannte Anliegensart „{kind}“. Möglich sind: {', '.join(RULE_KINDS)}."
            )
        elif form not in WAIVER_FORMS:
            problems[key] = (
                f"Unbekannte Form des Verzichts „{form}“. Möglich sind: none (kein Verzicht), note (Vermerk), "
                "signed (unterschriebene Erklärung)."
            )
    return problems


def intake_problems(data: Mapping[str, Any]) -> Problems:
    """The intake settings: whether Dienstaufsichtsbeschwerden are routed out of the KRM (a yes/no value)."""
    if DAB_OUTSIDE_KRM in data and not isinstance(data[DAB_OUTSIDE_KRM], bool):
        return {DAB_OUTSIDE_KRM: "Bitte „true“ (Dienstaufsicht außerhalb des KRM) oder „false“ (im KRM) angeben."}
    return {}


def waivable_channels_problem(values: Any) -> str | None:
    return codes_problem(
        values, ACK_CHANNELS, "den Eingangswegen, bei denen das KRM über die Eingangsbestätigung entscheidet"
    )


# --- closing days as a person types them ----------------------------------------------------------------------


def parse_closing_day(text: str) -> str:
    """German input "24.12." (every year) or "15.05.2026" (once) as stored ("12-24", "2026-05-15");
    a bad input raises ValidationError({"closing_days": German message})."""
    value = text.strip()
    match = _GERMAN_DAY.match(value)
    if match is None:
        raise ValidationError(
            {
                "closing_days": f"Schließtag „{value}“ bitte als „TT.MM.“ (jedes Jahr) oder „TT.MM.JJJJ“ (einmalig) "
                "angeben, z. B. 24.12. oder 15.05.2026."
            }
        )
    day, month, year = int(match[1]), int(match[2]), match[3]
    try:
        date(int(year) if year else 2000, month, day)  # 2000 is a leap year: 29.02. may close every year
    except ValueError:
        shown = f"{day:02d}.{month:02d}." + (year or "")
        raise ValidationError({"closing_days": f"Den {shown} gibt es nicht."}) from None
    return f"{year}-{month:02d}-{day:02d}" if year else f"{month:02d}-{day:02d}"


def closing_day_text(stored: str) -> str:
    """A stored closing day in German: "12-24" -> "24.12.", "2026-05-15" -> "15.05.2026"."""
    if len(stored) == 5:
        return f"{stored[3:]}.{stored[:2]}."
    return f"{stored[8:]}.{stored[5:7]}.{stored[:4]}"


# --- The petitioner's acknowledgement per kind (petition, Eingabe) -------------------------------------------


def petitioner_ack_problems(data: Any) -> Problems:
    """`petitioner_ack`: {"petition" | "eingabe": "none" | "letter"}; a kind left out takes its default."""
    if not isinstance(data, Mapping):
        return {
            "petitioner_ack": "„petitioner_ack“ muss ein Objekt sein: je Petition und Eingabe, ob die Petentin/der "
            "Petent eine Eingangsbestätigung erhält."
        }
    problems: Problems = {}
    for kind, value in data.items():
        key = f"petitioner_ack.{kind}"
        if kind not in PETITIONER_ACK_KINDS:
            problems[key] = f"Nur für Petition und Eingabe einstellbar (petition, eingabe), nicht für „{kind}“."
        elif value not in PETITIONER_ACKS:
            problems[key] = (
                f"Unbekannte Angabe „{value}“. Möglich sind: none (keine Eingangsbestätigung), letter "
                "(Eingangsbestätigung ohne Datum)."
            )
    return problems
