"""The profile's per-kind rules, channels and reports: validation by key, older stored profiles, closing-day input."""

from __future__ import annotations

import json
from typing import Any

import pytest

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.office.profile_checks import closing_day_text, parse_closing_day, profile_problems
from krm_desktop.model.office.profiles import (
    ACK_CHANNELS,
    CALENDAR,
    FROM_ACK_SENT,
    PRESETS,
    WORKING,
    ClockRule,
    KindRule,
    OfficeProfile,
    load_profile,
    profile_errors,
    profile_from_dict,
    profile_version,
)
from krm_desktop.model.store.entities import Setting
from tests.profile_edits import with_kind_rule

PETITION_RULE = {"ack": {"count": 5, "unit": WORKING, "start": "received"}, "final": {"count": 30, "unit": CALENDAR,
                 "start": "received"}, "ack_channels": ["brief"]}  # fmt: skip


def luebeck(**changes: Any) -> dict[str, Any]:
    return {**PRESETS["luebeck"].to_dict(), **changes}


def with_petition(**rule_changes: Any) -> dict[str, Any]:
    rule = {**PETITION_RULE}
    for key, value in rule_changes.items():
        rule[key] = {**rule[key], **value} if isinstance(value, dict) else value
    return luebeck(kinds={"petition": rule})


COUNT_RANGE = "Die Frist muss zwischen 1 und 120 Tagen liegen."
YEARS_RANGE = "Die Aufbewahrungsjahre müssen ganze Zahlen zwischen 1 und 30 sein."

BAD = [
    ("ack-0", luebeck(ack={"count": 0, "unit": WORKING, "start": "received"}), "ack", COUNT_RANGE),
    ("ack-minus-3", luebeck(ack={"count": -3, "unit": WORKING, "start": "received"}), "ack", COUNT_RANGE),
    ("final-400", luebeck(final={"count": 400, "unit": CALENDAR, "start": "received"}), "final", COUNT_RANGE),
    ("kind-final-0", with_petition(final={"count": 0}), "kinds.petition.final", COUNT_RANGE),
    ("kind-ack-minus-3", with_petition(ack={"count": -3}), "kinds.petition.ack", COUNT_RANGE),
    ("kind-final-400", with_petition(final={"count": 400}), "kinds.petition.final", COUNT_RANGE),
    (
        "kind-ack-from-sending",
        with_petition(ack={"start": "ack_sent"}),
        "kinds.petition.ack",
        "Diese Frist kann nicht ab diesem Ereignis laufen.",
    ),
    (
        "kind-final-unit",
        with_petition(final={"unit": "Wochen"}),
        "kinds.petition.final",
        "Die Frist zählt entweder Arbeitstage oder Kalendertage.",
    ),
    (
        "kind-unknown-channel",
        with_petition(ack_channels=["brief", "fax"]),
        "kinds.petition.ack_channels",
        "Unbekanntes Kürzel „fax“ bei den Eingangswegen, die die Eingangsbestätigung auslösen. Möglich sind: brief, "
        "email, online, telefon, persoenlich.",
    ),
    (
        "channel-meinungskarte",
        luebeck(ack_channels=["brief", "meinungskarte"]),
        "ack_channels",
        "Unbekanntes Kürzel „meinungskarte“ bei den Eingangswegen, die die Eingangsbestätigung auslösen. Möglich "
        "sind: brief, email, online, telefon, persoenlich.",
    ),
    (
        "unknown-kind",
        luebeck(kinds={"anfrage": PETITION_RULE}),
        "kinds.anfrage",
        "Unbekannte Anliegensart „anfrage“. Möglich sind: beschwerde, lob, idee, petition, eingabe, "
        "dienstaufsichtsbeschwerde, fachaufsichtsbeschwerde, folgereaktion.",
    ),
    (
        "kind-meinungskarte",
        luebeck(kinds={"meinungskarte": PETITION_RULE}),
        "kinds.meinungskarte",
        "Meinungskarten haben keine Fristen; für sie gibt es keine Regeln.",
    ),
    (
        "unknown-report",
        luebeck(reports=["annual", "monthly"]),
        "reports",
        "Unbekanntes Kürzel „monthly“ bei den Berichten. Möglich sind: annual, half_year, quarter.",
    ),
    (
        "reports-not-a-list",
        luebeck(reports="annual"),
        "reports",
        "den Berichten: bitte eine Liste von Kürzeln angeben.",
    ),
    ("retention-0", luebeck(retention={"method": "ba", "personal_years": 0}), "retention.personal_years", YEARS_RANGE),
    ("retention-200", luebeck(retention={"method": "ba", "delete_years": 200}), "retention.delete_years", YEARS_RANGE),
    (
        "bundesland",
        luebeck(bundesland="Hamburg"),
        "bundesland",
        "Unbekanntes Bundesland „Hamburg“. Erwartet wird ein Kürzel wie BB, BE, BW, BY, HB …",
    ),
    (
        "closing-30-02",
        luebeck(closing_days=["02-30"]),
        "closing_days",
        "Schließtage als „MM-TT“ (jedes Jahr) oder „JJJJ-MM-TT“ (einmalig) angeben, nicht „02-30“.",
    ),
    (
        "closing-31-04",
        luebeck(closing_days=["12-24", "2026-04-31"]),
        "closing_days",
        "Schließtage als „MM-TT“ (jedes Jahr) oder „JJJJ-MM-TT“ (einmalig) angeben, nicht „2026-04-31“.",
    ),
    (
        "shift-text",
        luebeck(shift_to_working_day="ja"),
        "shift_to_working_day",
        "Bitte „true“ (verschieben) oder „false“ (nicht verschieben) angeben.",
    ),
]


@pytest.mark.parametrize(("data", "key", "message"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_value_is_refused_naming_its_key(data: dict[str, Any], key: str, message: str) -> None:
    assert profile_problems(data) == {key: message}
    with pytest.raises(ValidationError) as info:
        profile_from_dict(data)
    assert info.value.errors == {key: message}


def test_several_kinds_are_named_each() -> None:
    bad = {**PETITION_RULE, "final": {"count": 0, "unit": WORKING, "start": "received"}}
    problems = profile_problems(luebeck(kinds={"petition": bad, "eingabe": bad, "lob": PETITION_RULE}))
    assert problems == {"kinds.petition.final": COUNT_RANGE, "kinds.eingabe.final": COUNT_RANGE}


def test_a_profile_file_must_name_every_entry() -> None:
    data = PRESETS["luebeck"].to_dict()
    assert profile_problems(data, complete=True) == {}
    del data["reports"]
    del data["ack"]["unit"]
    assert profile_problems(data, complete=True) == {
        "reports": "Der Eintrag „reports“ fehlt.",
        "ack.unit": "Der Eintrag „ack.unit“ fehlt.",
    }
    assert profile_problems(data) == {}  # as stored by an earlier version: defaults


# --- the rule a kind runs by -------------------------------------------------------------------------


def test_kinds_without_own_rule_follow_the_defaults() -> None:
    profile = PRESETS["berlin-pankow"]
    assert profile.rule_for("beschwerde") == KindRule(ClockRule(3), ClockRule(10), ("brief", "email", "online"))
    assert profile.rule_for("petition") == profile.rule_for("lob")


def test_preset_channels_that_start_the_acknowledgement_clock() -> None:
    # DOMAIN.md §3: written reactions; Lübeck acknowledges oral and written ones
    assert {code: p.ack_channels for code, p in PRESETS.items()} == {
        "luebeck": ("brief", "email", "online", "telefon", "persoenlich"),
        "osnabrueck": ("brief", "email", "online"),
        "schwaebisch-hall": ("brief", "email", "online"),
        "berlin-pankow": ("brief", "email", "online"),
        "braunschweig": ("brief", "email", "online"),
    }
    assert all(p.kind_rules == () for p in PRESETS.values())


def test_own_rule_of_a_kind_round_trips() -> None:
    own = KindRule(ClockRule(5), ClockRule(30, CALENDAR, FROM_ACK_SENT), ("brief",))
    profile = with_kind_rule(PRESETS["luebeck"], "petition", own)
    profile = with_kind_rule(profile, "beschwerde", KindRule(ClockRule(2), ClockRule(14, CALENDAR), ()))
    assert [kind for kind, _ in profile.kind_rules] == ["beschwerde", "petition"]  # KINDS order
    assert profile.rule_for("petition") == own
    assert profile.rule_for("lob") == KindRule(ClockRule(3), ClockRule(14, CALENDAR), ACK_CHANNELS)
    assert profile_from_dict(profile.to_dict()) == profile
    hash(profile)  # a frozen, hashable value (calendars and caches key on it)
    assert with_kind_rule(profile, "beschwerde", None).own_rules() == {"petition": own}


def test_channels_and_reports_are_kept_in_vocabulary_order() -> None:
    profile = profile_from_dict(luebeck(ack_channels=["online", "brief", "brief"], reports=["quarter", "annual"]))
    assert profile.ack_channels == ("brief", "online")
    assert profile.reports == ("annual", "quarter")


def test_preset_reports() -> None:
    assert {code: p.reports for code, p in PRESETS.items()} == {
        "luebeck": ("annual",),
        "osnabrueck": ("annual",),
        "schwaebisch-hall": ("annual",),
        "berlin-pankow": ("annual", "half_year", "quarter"),
        "braunschweig": ("annual",),
    }


# --- a profile stored by the previous version ------------------------------------------------------------

PREVIOUS_VERSION = {
    "code": "braunschweig",
    "label": "Jobcenter Braunschweig",
    "bundesland": "NI",
    "ack": {"count": 7, "unit": "calendar", "start": "received"},
    "final": {"count": 14, "unit": "calendar", "start": "ack_sent"},
    "retention": {"method": "whole_to_the_day", "personal_years": 2, "delete_years": 2, "petition_years": 5},
    "shift_to_working_day": True,
    "closing_days": ["12-24", "12-31", "2026-05-15"],
}


def test_a_profile_stored_by_the_previous_version_loads(store: object) -> None:
    Setting.update(value=json.dumps(PREVIOUS_VERSION)).where(Setting.key == "profile").execute()
    profile = load_profile()
    assert profile == OfficeProfile(
        "braunschweig",
        "Jobcenter Braunschweig",
        "NI",
        ClockRule(7, CALENDAR),
        ClockRule(14, CALENDAR, FROM_ACK_SENT),
        PRESETS["braunschweig"].retention,
        closing_days=("12-24", "12-31", "2026-05-15"),
        # Issue 19: who is informed zur Kenntnis follows the office's instruction, as its preset says.
        notice_rules=PRESETS["braunschweig"].notice_rules,
    )
    # The defaults of the new entries: every channel starts the clock, no own rules, today's two reports.
    assert (profile.ack_channels, profile.kind_rules, profile.reports) == (ACK_CHANNELS, (), ("annual", "half_year"))
    assert profile_version() == 1


# --- closing days as typed ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("24.12.", "12-24"),
        ("1.5.", "05-01"),
        (" 29.02. ", "02-29"),
        ("15.05.2026", "2026-05-15"),
        ("29.2.2028", "2028-02-29"),
        ("24.12", "12-24"),
    ],
)
def test_closing_day_input(typed: str, stored: str) -> None:
    assert parse_closing_day(typed) == stored
    assert parse_closing_day(closing_day_text(stored)) == stored


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("30.02.", "Den 30.02. gibt es nicht."),
        ("31.04.", "Den 31.04. gibt es nicht."),
        ("29.02.2027", "Den 29.02.2027 gibt es nicht."),
        ("31.04.2026", "Den 31.04.2026 gibt es nicht."),
        ("0.1.", "Den 00.01. gibt es nicht."),
        (
            "2026-05-15",
            "Schließtag „2026-05-15“ bitte als „TT.MM.“ (jedes Jahr) oder „TT.MM.JJJJ“ (einmalig) angeben, "
            "z. B. 24.12. oder 15.05.2026.",
        ),
        (
            "",
            "Schließtag „“ bitte als „TT.MM.“ (jedes Jahr) oder „TT.MM.JJJJ“ (einmalig) angeben, z. B. 24.12. oder 15.05.2026.",
        ),
        ("24.12.26", None),
        ("24-12", None),
    ],
)
def test_bad_closing_day_input(typed: str, message: str | None) -> None:
    with pytest.raises(ValidationError) as info:
        parse_closing_day(typed)
    assert list(info.value.errors) == ["closing_days"]
    if message is not None:
        assert info.value.errors["closing_days"] == message


def test_an_edited_profile_is_checked_as_a_whole() -> None:
    profile = with_kind_rule(PRESETS["luebeck"], "petition", KindRule(ClockRule(0), ClockRule(14), ("fax", "brief")))
    assert profile.rule_for("petition").ack_channels == ("brief", "fax")  # unknown codes kept for the check
    assert profile_errors(profile) == {
        "kinds.petition.ack": COUNT_RANGE,
        "kinds.petition.ack_channels": "Unbekanntes Kürzel „fax“ bei den Eingangswegen, die die "
        "Eingangsbestätigung auslösen. Möglich sind: brief, email, online, telefon, persoenlich.",
    }
    assert profile_errors(with_kind_rule(profile, "wunsch", KindRule(ClockRule(3), ClockRule(14)))).keys() >= {
        "kinds.wunsch"
    }
    assert profile_errors(PRESETS["luebeck"]) == {}


def test_channels_are_described_in_german() -> None:
    assert PRESETS["osnabrueck"].default_rule().describe_channels() == "Eingangswege Brief, E-Mail und Online"
    assert KindRule(ClockRule(3), ClockRule(14), ("telefon",)).describe_channels() == "Eingangsweg telefonisch"
    assert KindRule(ClockRule(3), ClockRule(14), ()).describe_channels() == "kein Eingangsweg"
