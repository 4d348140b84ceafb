"""Office profiles: the five presets, validation with German messages, storing with a version."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from krm_desktop.model.errors import ConflictError, RefusedError, ValidationError
from krm_desktop.model.office.profiles import (
    BUNDESLAENDER,
    DEFAULT_CLOSING_DAYS,
    PRESETS,
    ClockRule,
    OfficeProfile,
    RetentionRule,
    has_profile,
    load_profile,
    preset,
    profile_from_dict,
    profile_version,
    save_profile,
)
from krm_desktop.model.store.connection import open_store
from krm_desktop.model.store.entities import Case
from krm_desktop.model.time.deadlines import compute_deadlines
from tests.factories import register
from tests.profile_edits import with_closing_days

# --- the presets, value by value ----------------------------------------------------------------

EXPECTED_PRESETS = {
    "luebeck": ("Jobcenter Lübeck", "SH", (3, "working", "received"), (14, "calendar", "received"), ("ba", 2, 8, 5)),
    "osnabrueck": (
        "Jobcenter Osnabrück",
        "NI",
        (3, "working", "received"),
        (14, "calendar", "received"),
        ("ba", 2, 8, 5),
    ),
    "schwaebisch-hall": (
        "Jobcenter Landkreis Schwäbisch Hall",
        "BW",
        (3, "working", "received"),
        (14, "calendar", "received"),
        ("ba", 2, 8, 5),
    ),
    "berlin-pankow": (
        "Jobcenter Berlin Pankow",
        "BE",
        (3, "working", "received"),
        (10, "working", "received"),
        ("whole_year_end", 2, 10, 5),
    ),
    "braunschweig": (
        "Jobcenter Braunschweig",
        "NI",
        (7, "calendar", "received"),
        (14, "calendar", "ack_sent"),
        ("whole_to_the_day", 2, 2, 5),
    ),
}


def test_exactly_five_presets() -> None:
    assert list(PRESETS) == ["luebeck", "osnabrueck", "schwaebisch-hall", "berlin-pankow", "braunschweig"]


@pytest.mark.parametrize("code", list(EXPECTED_PRESETS))
def test_preset_values(code: str) -> None:
    label, land, ack, final, retention = EXPECTED_PRESETS[code]
    p = PRESETS[code]
    assert (p.code, p.label, p.bundesland) == (code, label, land)
    assert (p.ack.count, p.ack.unit, p.ack.start) == ack
    assert (p.final.count, p.final.unit, p.final.start) == final
    r = p.retention
    assert (r.method, r.personal_years, r.delete_years, r.petition_years) == retention
    assert p.shift_to_working_day is True
    assert p.closing_days == ("12-24", "12-31") == DEFAULT_CLOSING_DAYS
    assert preset(code) is p


def test_describe_texts() -> None:
    assert PRESETS["luebeck"].ack.describe() == "3 Arbeitstage nach Eingang"
    assert PRESETS["luebeck"].final.describe() == "14 Kalendertage nach Eingang"
    assert PRESETS["berlin-pankow"].final.describe() == "10 Arbeitstage nach Eingang"
    assert PRESETS["braunschweig"].ack.describe() == "7 Kalendertage nach Eingang"
    assert PRESETS["braunschweig"].final.describe() == "14 Kalendertage nach Versand der Eingangsbestätigung"
    assert PRESETS["luebeck"].retention.describe() == (
        "Personenbezogene Daten zum 31.12. des 2. Folgejahres nach Erledigung (Petitionen/Eingaben: des "
        "5. Folgejahres), anonymer Rest zum 31.12. des 8. Folgejahres"
    )
    assert PRESETS["braunschweig"].retention.describe() == "Vollständige Löschung 2 Jahre nach Erledigung (taggenau)"
    assert PRESETS["berlin-pankow"].retention.describe() == (
        "Vollständige Löschung zum 31.12. des 10. Folgejahres nach Erledigung"
    )


def test_unknown_preset() -> None:
    with pytest.raises(ValidationError) as info:
        preset("hamburg")
    assert list(info.value.errors) == ["profile"]
    assert info.value.errors["profile"].startswith("Unbekanntes Dienststellenprofil „hamburg“. Möglich sind: luebeck,")


def test_the_sixteen_states_are_known() -> None:
    states = ("BB", "BE", "BW", "BY", "HB", "HE", "HH", "MV", "NI", "NW", "RP", "SH", "SL", "SN", "ST", "TH")
    assert states == BUNDESLAENDER


@pytest.mark.parametrize("code", list(PRESETS))
def test_round_trip_through_a_dict(code: str) -> None:
    data = PRESETS[code].to_dict()
    assert data["closing_days"] == ["12-24", "12-31"]
    assert profile_from_dict(data) == PRESETS[code]


# --- validation -----------------------------------------------------------------------------------

COUNT_RANGE = "Die Frist muss zwischen 1 und 120 Tagen liegen."
WHOLE_COUNT = "Die Frist muss eine ganze Zahl von Tagen sein."
YEARS_RANGE = "Die Aufbewahrungsjahre müssen ganze Zahlen zwischen 1 und 30 sein."
YEARS_ORDER = (
    "Die vollständige Löschung darf nicht vor der Anonymisierung liegen: die Jahre bis zur Löschung "
    "müssen mindestens so groß sein wie die Jahre bis zur Anonymisierung (auch bei Petitionen)."
)


def edited(**changes: Any) -> dict[str, Any]:
    data = PRESETS["luebeck"].to_dict()
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    return data


def closing(value: str) -> str:
    return f"Schließtage als „MM-TT“ (jedes Jahr) oder „JJJJ-MM-TT“ (einmalig) angeben, nicht „{value}“."


BAD_INPUTS = [
    # (id, changes, field, German message)
    ("land-xx", {"bundesland": "XX"}, "bundesland", None),
    ("land-lower", {"bundesland": "sh"}, "bundesland", None),
    ("land-name", {"bundesland": "Schleswig-Holstein"}, "bundesland", None),
    ("land-city", {"bundesland": "Augsburg"}, "bundesland", None),  # a holidays subdivision, but no Land
    ("ack-negative", {"ack": {"count": -1}}, "ack", COUNT_RANGE),
    ("final-negative", {"final": {"count": -14}}, "final", COUNT_RANGE),
    ("ack-121", {"ack": {"count": 121}}, "ack", COUNT_RANGE),
    ("final-huge", {"final": {"count": 10**9}}, "final", COUNT_RANGE),
    ("ack-text", {"ack": {"count": "3"}}, "ack", WHOLE_COUNT),
    ("final-fraction", {"final": {"count": 3.5}}, "final", WHOLE_COUNT),
    ("ack-bool", {"ack": {"count": True}}, "ack", WHOLE_COUNT),
    ("ack-unit", {"ack": {"unit": "hours"}}, "ack", "Die Frist zählt entweder Arbeitstage oder Kalendertage."),
    (
        "final-unit",
        {"final": {"unit": "Kalendertage"}},
        "final",
        "Die Frist zählt entweder Arbeitstage oder Kalendertage.",
    ),
    ("ack-from-ack", {"ack": {"start": "ack_sent"}}, "ack", "Diese Frist kann nicht ab diesem Ereignis laufen."),
    ("final-from-closed", {"final": {"start": "closed"}}, "final", "Diese Frist kann nicht ab diesem Ereignis laufen."),
    ("closing-german", {"closing_days": ["24.12."]}, "closing_days", closing("24.12.")),
    ("closing-month-13", {"closing_days": ["12-24", "13-01"]}, "closing_days", closing("13-01")),
    ("closing-30-feb", {"closing_days": ["2026-02-30"]}, "closing_days", closing("2026-02-30")),
    ("closing-29-feb-common", {"closing_days": ["2027-02-29"]}, "closing_days", closing("2027-02-29")),
    ("closing-recurring-30-feb", {"closing_days": ["02-30"]}, "closing_days", closing("02-30")),
    ("closing-31-apr", {"closing_days": ["04-31"]}, "closing_days", closing("04-31")),
    ("closing-empty", {"closing_days": [""]}, "closing_days", closing("")),
    ("closing-no-zero", {"closing_days": ["12-4"]}, "closing_days", closing("12-4")),
    ("closing-number", {"closing_days": [1224]}, "closing_days", closing("1224")),
    ("retention-method", {"retention": {"method": "forever"}}, "retention.method", "Unbekannte Löschregel."),
    ("retention-personal-after-delete", {"retention": {"personal_years": 9}}, "retention.delete_years", YEARS_ORDER),
    ("retention-petition-after-delete", {"retention": {"delete_years": 4}}, "retention.delete_years", YEARS_ORDER),
    ("retention-zero", {"retention": {"personal_years": 0}}, "retention.personal_years", YEARS_RANGE),
    ("retention-31", {"retention": {"delete_years": 31}}, "retention.delete_years", YEARS_RANGE),
    (
        "retention-whole-31",
        {"retention": {"method": "whole_year_end", "delete_years": 31}},
        "retention.delete_years",
        YEARS_RANGE,
    ),
    ("retention-text", {"retention": {"petition_years": "5"}}, "retention.petition_years", YEARS_RANGE),
    ("label-blank", {"label": "   "}, "label", "Bitte geben Sie den Namen der Dienststelle an."),
]


@pytest.mark.parametrize(("changes", "field", "message"), [r[1:] for r in BAD_INPUTS], ids=[r[0] for r in BAD_INPUTS])
def test_bad_input_is_refused_in_german(changes: dict[str, Any], field: str, message: str | None) -> None:
    with pytest.raises(ValidationError) as info:
        profile_from_dict(edited(**changes))
    assert list(info.value.errors) == [field]
    if message is not None:
        assert info.value.errors[field] == message
    else:
        land = changes["bundesland"]
        assert info.value.errors[field] == (
            f"Unbekanntes Bundesland „{land}“. Erwartet wird ein Kürzel wie BB, BE, BW, BY, HB …"
        )
    assert info.value.field == field


def test_several_problems_are_reported_at_once() -> None:
    with pytest.raises(ValidationError) as info:
        profile_from_dict(edited(bundesland="XX", ack={"count": -1}, closing_days=["24.12."], label=""))
    assert set(info.value.errors) == {"bundesland", "ack", "closing_days", "label"}


@pytest.mark.parametrize(
    ("data", "key", "message"),
    [
        (
            {"code": "x", "label": "X", "bundesland": "SH", "ack": {"count": 3}},
            "final",
            "Der Eintrag „final“ fehlt.",
        ),
        (
            {"code": "x", "label": "X", "ack": {"count": 3}, "final": {"count": 14}},
            "bundesland",
            "Der Eintrag „bundesland“ fehlt.",
        ),
        (edited(ack={"days": 3}), "ack.days", "Unbekannter Eintrag „ack.days“."),
        (edited(fristen=3), "fristen", "Unbekannter Eintrag „fristen“."),
        (edited(retention=None), "retention", None),
        (edited(kinds={"lob": {"ack": {"count": 3}}}), "kinds.lob.final", "Der Eintrag „kinds.lob.final“ fehlt."),
    ],
)
def test_incomplete_or_unknown_entries_are_named(data: dict[str, Any], key: str, message: str | None) -> None:
    with pytest.raises(ValidationError) as info:
        profile_from_dict(data)
    assert key in info.value.errors
    if message is not None:
        assert info.value.errors[key] == message
    else:
        assert info.value.errors[key].startswith(f"„{key}“ muss ein Objekt")


@pytest.mark.parametrize(
    "changes",
    [
        {"ack": {"count": 1}, "final": {"count": 120}},
        {"closing_days": []},
        {"closing_days": ["02-29", "2028-02-29", "2026-05-15", "12-31"]},
        {"retention": {"personal_years": 8, "delete_years": 8, "petition_years": 8}},
        {"retention": {"personal_years": 1, "delete_years": 30, "petition_years": 30}},
        # whole-deletion rules use delete_years alone: one year is allowed (was refused before)
        {"retention": {"method": "whole_to_the_day", "delete_years": 1}},
        {"retention": {"method": "whole_year_end", "delete_years": 1, "petition_years": 5}},
        {"bundesland": "BY", "shift_to_working_day": False},
    ],
)
def test_good_edits_are_accepted(changes: dict[str, Any]) -> None:
    profile = profile_from_dict(edited(**changes))
    assert isinstance(profile, OfficeProfile)
    assert profile.to_dict() == edited(**changes)


def test_defaults_for_missing_optional_fields() -> None:
    data = {"code": "x", "label": "Jobcenter X", "bundesland": "BE", "ack": {"count": 3}, "final": {"count": 10}}
    profile = profile_from_dict(data)
    assert profile == OfficeProfile("x", "Jobcenter X", "BE", ClockRule(3), ClockRule(10), RetentionRule())
    assert profile.closing_days == ("12-24", "12-31")
    assert profile.shift_to_working_day is True


def test_with_closing_days_sorts_and_removes_duplicates() -> None:
    p = with_closing_days(PRESETS["luebeck"], ["12-31", "2026-05-15", "12-24", "12-31"])
    assert p.closing_days == ("12-24", "12-31", "2026-05-15")


# --- stored in the database with an optimistic version -------------------------------------------


def test_new_database_has_the_chosen_preset(store: object) -> None:
    assert has_profile()
    assert profile_version() == 1
    assert load_profile() == PRESETS["luebeck"]


@pytest.mark.parametrize("store", ["braunschweig"], indirect=True)
def test_database_with_braunschweig(store: object) -> None:
    assert load_profile() == PRESETS["braunschweig"]


def test_save_and_load_an_edited_profile(store: object) -> None:
    edited_profile = dataclasses.replace(
        PRESETS["luebeck"], closing_days=("12-24", "12-31", "2026-05-15"), shift_to_working_day=False
    )
    saved = save_profile(edited_profile, expected_version=1)
    assert saved == edited_profile
    assert profile_version() == 2
    assert load_profile() == edited_profile
    save_profile(dataclasses.replace(edited_profile, label="Jobcenter Hansestadt Lübeck"), expected_version=2)
    assert profile_version() == 3
    assert load_profile().label == "Jobcenter Hansestadt Lübeck"


def test_stale_version_is_refused_and_nothing_overwritten(store: object) -> None:
    first = dataclasses.replace(PRESETS["luebeck"], closing_days=("12-31",))
    save_profile(first, expected_version=1)
    with pytest.raises(ConflictError) as info:
        save_profile(dataclasses.replace(PRESETS["luebeck"], bundesland="HH"), expected_version=1)
    assert "inzwischen an einem anderen Platz geändert" in info.value.message
    assert profile_version() == 2
    assert load_profile() == first


def test_creating_twice_is_a_conflict(store: object) -> None:
    with pytest.raises(ConflictError):
        save_profile(PRESETS["osnabrueck"], expected_version=0)
    assert load_profile() == PRESETS["luebeck"]


def test_invalid_profile_is_not_stored(store: object) -> None:
    with pytest.raises(ValidationError) as info:
        save_profile(dataclasses.replace(PRESETS["luebeck"], closing_days=("2026-02-30",)), expected_version=1)
    assert list(info.value.errors) == ["closing_days"]
    assert profile_version() == 1
    assert load_profile() == PRESETS["luebeck"]


def test_database_without_profile(db_path: Path) -> None:
    store = open_store(str(db_path), create=True)
    try:
        assert not has_profile()
        assert profile_version() == 0
        with pytest.raises(RefusedError) as info:
            load_profile()
        assert info.value.message == "Für diese Datenbank ist noch kein Dienststellenprofil gewählt."
        save_profile(PRESETS["berlin-pankow"], expected_version=0)
        assert (profile_version(), load_profile()) == (1, PRESETS["berlin-pankow"])
    finally:
        store.close()


def test_profile_change_does_not_move_stored_deadlines(store: object) -> None:
    # Lübeck: received Tue 22.12.2026 -> ack 29.12. (24.12. closed), final 14 KT = Tue 5.1.2027
    case = register(received=date(2026, 12, 22), today=date(2026, 12, 23))
    assert (case.ack_due, case.final_due) == (date(2026, 12, 29), date(2027, 1, 5))
    changed = dataclasses.replace(PRESETS["luebeck"], closing_days=("12-31", "2027-01-05"))
    save_profile(changed, expected_version=1)
    # the new profile would give other dates: 24.12. now open, 5.1.2027 now closed ...
    assert compute_deadlines(load_profile(), "beschwerde", "brief", date(2026, 12, 22)).ack_due == date(2026, 12, 28)
    assert compute_deadlines(load_profile(), "beschwerde", "brief", date(2026, 12, 22)).final_due == date(2027, 1, 6)
    # ... but the case keeps what was computed when it was registered
    stored = Case.get_by_id(case.id)
    assert (stored.ack_due, stored.final_due) == (date(2026, 12, 29), date(2027, 1, 5))
    # and a case registered now gets the new dates
    later = register(received=date(2026, 12, 22), today=date(2026, 12, 23))
    assert (later.ack_due, later.final_due) == (date(2026, 12, 28), date(2027, 1, 6))


def test_bundeslaender_match_the_holidays_package() -> None:
    import holidays

    from krm_desktop.model.office.profiles import BUNDESLAENDER

    codes = {c for c in holidays.country_holidays("DE").subdivisions if len(c) == 2}
    assert set(BUNDESLAENDER) == codes
