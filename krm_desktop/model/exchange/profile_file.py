"""The office profile as a file (DESIGN.md §2): IT rolls the same rules out to several desks, or keeps them.

A JSON object: "format" ("krm-desktop-profil"), "format_version" (the file format, an integer), "program_version"
(the KRM Desktop that wrote it) and every rule of the profile under the keys the database stores
(`OfficeProfile.to_dict`): code, label, bundesland, ack, final, ack_channels, kinds, reports, retention,
shift_to_working_day, closing_days, and the settings added later (dab_outside_krm, ack_waivable_channels,
waiver_forms, petitioner_ack, auto_purge, notice_rules, gf_required_mark, annual_report_to_tv,
report_texts_by_category; optional, as files written before them lack them: they load with the defaults, the waiver
forms, the notice rules and the report options with the preset's). Reading refuses, in German and naming the key:
text that is no JSON, unknown
or missing keys, a file from a newer program version, every invalid value. Importing replaces the stored profile
(with the version check of `save_profile`); a refused file changes nothing.
"""

from __future__ import annotations

import json
from typing import Any

from krm_desktop import __version__
from krm_desktop.model.errors import ValidationError
from krm_desktop.model.office.profile_checks import profile_problems
from krm_desktop.model.office.profiles import OfficeProfile, profile_from_dict, save_profile

FORMAT = "krm-desktop-profil"
FORMAT_VERSION = 1
HEADER_KEYS = ("format", "format_version", "program_version")
MAX_CHARS = 1_000_000  # a profile is a few kilobytes; anything this big is another file


def export_profile(profile: OfficeProfile) -> str:
    """The profile file's text (UTF-8 when written; keys sorted, indented, so IT can read and compare it)."""
    data = {"format": FORMAT, "format_version": FORMAT_VERSION, "program_version": __version__, **profile.to_dict()}
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _refuse(problems: dict[str, str]) -> ValidationError:
    """Every message names its key, also where the check's own words do not (the file's reader needs it)."""
    return ValidationError(
        {key: message if f"„{key}“" in message else f"„{key}“: {message}" for key, message in problems.items()}
    )


def _header_problems(data: dict[str, Any]) -> dict[str, str]:
    problems = {key: f"Der Eintrag „{key}“ fehlt." for key in HEADER_KEYS if key not in data}
    if "format" in data and data["format"] != FORMAT:
        problems["format"] = f"Die Datei ist keine Profildatei von KRM Desktop („format“ ist nicht „{FORMAT}“)."
    version = data.get("format_version")
    if "format_version" in data:
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            problems["format_version"] = "„format_version“ muss eine ganze Zahl ab 1 sein."
        elif version > FORMAT_VERSION:
            written_by = data.get("program_version")
            by = f" (KRM Desktop {written_by})" if isinstance(written_by, str) and written_by else ""
            problems["format_version"] = (
                f"Die Profildatei stammt von einer neueren Programmversion{by}: „format_version“ {version}, diese "
                f"Version ({__version__}) liest Format {FORMAT_VERSION}. Bitte KRM Desktop aktualisieren."
            )
    if "program_version" in data and not isinstance(data["program_version"], str):
        problems["program_version"] = "„program_version“ muss ein Text sein."
    return problems


def read_profile_file(text: str) -> OfficeProfile:
    """The profile a file holds, checked whole; ValidationError({key: German message naming the key}) else."""
    if len(text) > MAX_CHARS:
        raise ValidationError({"file": "Die Datei ist viel zu groß für eine Profildatei (mehr als 1 MB)."})
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            {"file": f"Die Datei ist kein gültiges JSON (Zeile {exc.lineno}, Spalte {exc.colno}): keine Profildatei."}
        ) from None
    if not isinstance(data, dict):
        raise ValidationError({"file": "Die Profildatei muss ein JSON-Objekt ({…}) enthalten."})
    header = _header_problems(data)
    if "format" in header or "format_version" in header:  # another file, or one this version cannot read
        raise _refuse(header)
    rules = {key: value for key, value in data.items() if key not in HEADER_KEYS}
    problems = {**header, **profile_problems(rules, complete=True)}
    if problems:
        raise _refuse(problems)
    return profile_from_dict(rules)


def import_profile(text: str, expected_version: int) -> OfficeProfile:
    """Replace the database's profile by the file's; nothing changes when the file is refused or the stored profile
    changed since `expected_version` was read (ConflictError). Stored deadlines do not move."""
    return save_profile(read_profile_file(text), expected_version)
