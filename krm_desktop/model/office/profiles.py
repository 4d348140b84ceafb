"""The office's profile as stored in the database: read (a profile stored before a later setting existed takes
that setting from its preset), checked and saved; the profile itself is `office_profile.OfficeProfile`, the five
presets are in `presets` (both named here too, where most callers import them)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from krm_desktop.model.errors import ConflictError, RefusedError, ValidationError
from krm_desktop.model.office import notice_rules as nr  # issue 19: Zur Kenntnis, Pankow's "vorlagepflichtig"
from krm_desktop.model.office.office_profile import OfficeProfile
from krm_desktop.model.office.presets import PRESETS, preset
from krm_desktop.model.office.profile_checks import (
    AUTO_PURGE,
    BA_AGREEMENT_STEP,
    CARD_ATTACHMENTS,
    DAB_OUTSIDE_KRM,
    FILE_NOTES,
    STATEMENT_CHECK_BY_KRM,
    profile_problems,
)
from krm_desktop.model.office.profile_rules import (  # the petitioner's acknowledgement (issue 18 item 3)
    ACK_CHANNELS,
    BUNDESLAENDER,
    BUNDESLAND_NAMES,
    CALENDAR,
    DEFAULT_CLOSING_DAYS,
    DEFAULT_PETITIONER_ACK,
    DEFAULT_REPORTS,
    DEFAULT_WAIVER_FORMS,
    FROM_ACK_SENT,
    FROM_RECEIVED,
    PETITIONER_ACK_KINDS,
    PETITIONER_ACK_LETTER,
    PETITIONER_ACK_NONE,
    PETITIONER_ACKS,
    REPORTS,
    RETENTION_BA,
    RETENTION_WHOLE_TO_THE_DAY,
    RETENTION_WHOLE_YEAR_END,
    RULE_KINDS,
    WAIVER_FORMS,
    WAIVER_NONE,
    WAIVER_NOTE,
    WAIVER_SIGNED,
    WORKING,
    WRITTEN_CHANNELS,
    ClockRule,
    KindRule,
    RetentionRule,
    in_order,
)
from krm_desktop.model.office.report_options import REPORT_OPTION_KEYS
from krm_desktop.model.store.entities import Setting
from krm_desktop.model.store.transactions import write_transaction

__all__ = [
    "ACK_CHANNELS",
    "BUNDESLAENDER",
    "BUNDESLAND_NAMES",
    "CALENDAR",
    "DEFAULT_CLOSING_DAYS",
    "DEFAULT_REPORTS",
    "FROM_ACK_SENT",
    "FROM_RECEIVED",
    "PETITIONER_ACKS",
    "PETITIONER_ACK_KINDS",
    "PETITIONER_ACK_LETTER",
    "PETITIONER_ACK_NONE",
    "PRESETS",
    "REPORTS",
    "RETENTION_BA",
    "RETENTION_WHOLE_TO_THE_DAY",
    "RETENTION_WHOLE_YEAR_END",
    "RULE_KINDS",
    "WAIVER_FORMS",
    "WAIVER_NONE",
    "WAIVER_NOTE",
    "WAIVER_SIGNED",
    "WORKING",
    "WRITTEN_CHANNELS",
    "ClockRule",
    "KindRule",
    "OfficeProfile",
    "RetentionRule",
    "has_profile",
    "load_profile",
    "preset",
    "profile_errors",
    "profile_from_dict",
    "profile_version",
    "save_profile",
]


PROFILE_KEY = "profile"


def profile_from_dict(data: Mapping[str, Any]) -> OfficeProfile:
    """Build and validate a profile from stored or edited data. Entries added in later versions take their
    defaults when missing (a profile stored by an earlier version loads); every problem is raised at once as
    ValidationError({key: German message}) with the keys of `profile_checks`."""
    problems = profile_problems(data)
    if problems:
        raise ValidationError(problems)
    return OfficeProfile(
        code=data["code"],
        label=data["label"],
        bundesland=data["bundesland"],
        ack=_clock_rule(data["ack"]),
        final=_clock_rule(data["final"]),
        retention=RetentionRule(**data.get("retention", {})),
        shift_to_working_day=data.get("shift_to_working_day", True),
        closing_days=tuple(data.get("closing_days", DEFAULT_CLOSING_DAYS)),
        ack_channels=in_order(data.get("ack_channels", ACK_CHANNELS), ACK_CHANNELS),
        kind_rules=kind_rules_of(
            {
                kind: KindRule(
                    _clock_rule(rule["ack"]), _clock_rule(rule["final"]), in_order(rule["ack_channels"], ACK_CHANNELS)
                )
                for kind, rule in data.get("kinds", {}).items()
            }
        ),
        reports=in_order(data.get("reports", DEFAULT_REPORTS), REPORTS),
        dab_outside_krm=data.get(DAB_OUTSIDE_KRM, False),
        ack_waivable_channels=in_order(data.get("ack_waivable_channels", ()), ACK_CHANNELS),
        waiver_forms=_waiver_forms(data),
        **_petition_steps(data),
        petitioner_ack=_petitioner_ack(data),
        auto_purge=data.get(AUTO_PURGE, False),
        notice_rules=nr.rules_from(data, PRESETS.get(data["code"])),
        gf_required_mark=nr.mark_from(data, PRESETS.get(data["code"])),
        **_report_options(data),
        **_record_keeping(data),
    )


def _report_options(data: Mapping[str, Any]) -> dict[str, bool]:
    """The report options (issue 19); a profile stored before they existed takes its preset's."""
    known = PRESETS.get(data["code"])  # the keys are the field names
    return {key: data.get(key, getattr(known, key) if known else False) for key in REPORT_OPTION_KEYS}


def _record_keeping(data: Mapping[str, Any]) -> dict[str, bool]:
    """Cards' attachments and the E-Akte/VerBIS note; a profile stored before they existed takes its preset's."""
    known, defaults = PRESETS.get(data["code"]), {CARD_ATTACHMENTS: True, FILE_NOTES: False}
    return {key: data.get(key, getattr(known, key) if known else off) for key, off in defaults.items()}


def _petition_steps(data: Mapping[str, Any]) -> dict[str, bool]:
    """The petition steps; a profile stored before they existed takes its preset's (as the waiver forms do)."""
    known = PRESETS.get(data["code"])
    return {
        key: data.get(key, getattr(known, key) if known else False)
        for key in (BA_AGREEMENT_STEP, STATEMENT_CHECK_BY_KRM)
    }


def _waiver_forms(data: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """A profile stored before the setting existed takes its preset's forms (or the defaults); a kind missing
    from the stored forms takes them likewise."""
    known = PRESETS[data["code"]].waiver_forms if data["code"] in PRESETS else DEFAULT_WAIVER_FORMS
    forms = {**dict(known), **data.get("waiver_forms", {})}
    return tuple((kind, forms[kind]) for kind in RULE_KINDS)


def _petitioner_ack(data: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """Like the waiver forms: a profile stored before the setting existed takes its preset's values."""
    known = PRESETS[data["code"]].petitioner_ack if data["code"] in PRESETS else DEFAULT_PETITIONER_ACK
    values = {**dict(known), **data.get("petitioner_ack", {})}
    return tuple((kind, values[kind]) for kind in PETITIONER_ACK_KINDS)


def _clock_rule(data: Mapping[str, Any]) -> ClockRule:
    return ClockRule(data["count"], data.get("unit", WORKING), data.get("start", FROM_RECEIVED))


def kind_rules_of(rules: Mapping[str, KindRule]) -> tuple[tuple[str, KindRule], ...]:
    return tuple((kind, rules[kind]) for kind in in_order(list(rules), RULE_KINDS))


def profile_errors(profile: OfficeProfile) -> dict[str, str]:
    """Every problem of an edited profile by key (those `save_profile` would refuse it with); {} when it is fine."""
    return profile_problems(profile.to_dict())


def load_profile() -> OfficeProfile:
    row = Setting.get_or_none(Setting.key == PROFILE_KEY)
    if row is None:
        raise RefusedError("Für diese Datenbank ist noch kein Dienststellenprofil gewählt.")
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
                raise ConflictError("Das Dienststellenprofil wurde inzwischen an einem anderen Platz angelegt.")
            Setting.create(key=PROFILE_KEY, value=value, version=1)
            return profile
        updated = (
            Setting.update(value=value, version=Setting.version + 1)
            .where((Setting.key == PROFILE_KEY) & (Setting.version == expected_version))
            .execute()
        )
        if updated != 1:
            raise ConflictError(
                "Das Dienststellenprofil wurde inzwischen an einem anderen Platz geändert. Bitte neu laden."
            )
    return profile
