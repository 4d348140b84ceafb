"""A changed copy of an office profile, as the tests make them, each keeping the profile's own order of kinds and
channels (the settings page builds its profile from what is typed: `ui/settings/rules_page`)."""

from __future__ import annotations

import dataclasses

from krm_desktop.model.office.profile_rules import ACK_CHANNELS, PETITIONER_ACK_KINDS, RULE_KINDS, KindRule, in_order
from krm_desktop.model.office.profiles import OfficeProfile, kind_rules_of


def with_kind_rule(profile: OfficeProfile, kind: str, rule: KindRule | None) -> OfficeProfile:
    """The profile with `kind` given its own rule (None: the kind follows the profile's defaults again)."""
    rules = profile.own_rules()
    if rule is None:
        rules.pop(kind, None)
    else:
        rules[kind] = dataclasses.replace(rule, ack_channels=in_order(rule.ack_channels, ACK_CHANNELS))
    return dataclasses.replace(profile, kind_rules=kind_rules_of(rules))


def with_closing_days(profile: OfficeProfile, days: list[str]) -> OfficeProfile:
    return dataclasses.replace(profile, closing_days=tuple(sorted(set(days))))


def with_waiver_form(profile: OfficeProfile, kind: str, form: str) -> OfficeProfile:
    """The profile with `form` (a WAIVER_FORMS code) for a kind's waiver of a written answer."""
    forms = {**dict(profile.waiver_forms), kind: form}
    return dataclasses.replace(profile, waiver_forms=tuple((k, forms[k]) for k in RULE_KINDS if k in forms))


def with_petitioner_ack(profile: OfficeProfile, kind: str, value: str) -> OfficeProfile:
    """The profile with `value` (a PETITIONER_ACKS code) for a petition's or Eingabe's petitioner."""
    values = {**dict(profile.petitioner_ack), kind: value}
    return dataclasses.replace(
        profile, petitioner_ack=tuple((k, values[k]) for k in PETITIONER_ACK_KINDS if k in values)
    )
