"""The profile file: every rule out and in again; every bad file refused naming the key, nothing changed."""

from __future__ import annotations

import json
from typing import Any

import pytest

from krm_desktop import __version__
from krm_desktop.model.errors import ConflictError, ValidationError
from krm_desktop.model.exchange.profile_file import FORMAT_VERSION, export_profile, import_profile, read_profile_file
from krm_desktop.model.office.profiles import CALENDAR, PRESETS, ClockRule, KindRule, load_profile, profile_version
from tests.profile_edits import with_kind_rule, with_petitioner_ack


def exported(code: str = "luebeck") -> dict[str, Any]:
    return json.loads(export_profile(PRESETS[code]))


def refusal(data: dict[str, Any] | str) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        read_profile_file(data if isinstance(data, str) else json.dumps(data))
    return info.value.errors


def test_the_file_holds_every_rule() -> None:
    profile = with_kind_rule(
        PRESETS["braunschweig"], "petition", KindRule(ClockRule(5), ClockRule(30, CALENDAR), ("brief",))
    )
    data = json.loads(export_profile(profile))
    assert data == {
        "format": "krm-desktop-profil",
        "format_version": 1,
        "program_version": __version__,
        "code": "braunschweig",
        "label": "Jobcenter Braunschweig",
        "bundesland": "NI",
        "ack": {"count": 7, "unit": "calendar", "start": "received"},
        "final": {"count": 14, "unit": "calendar", "start": "ack_sent"},
        "ack_channels": ["brief", "email", "online"],
        "kinds": {
            "petition": {
                "ack": {"count": 5, "unit": "working", "start": "received"},
                "final": {"count": 30, "unit": "calendar", "start": "received"},
                "ack_channels": ["brief"],
            }
        },
        "reports": ["annual"],
        "retention": {"method": "whole_to_the_day", "personal_years": 2, "delete_years": 2, "petition_years": 5},
        "shift_to_working_day": True,
        "closing_days": ["12-24", "12-31"],
        "dab_outside_krm": False,
        "ack_waivable_channels": [],
        "waiver_forms": {
            "beschwerde": "note",
            "lob": "note",
            "idee": "note",
            "petition": "none",
            "eingabe": "none",
            "dienstaufsichtsbeschwerde": "none",
            "fachaufsichtsbeschwerde": "note",
            "folgereaktion": "note",
        },
        "ba_agreement_step": False,
        "statement_check_by_krm": False,
        "petitioner_ack": {"petition": "letter", "eingabe": "letter"},
        "auto_purge": False,
        "notice_rules": ["manager_of_signed_answer", "krm_each_answer"],
        "gf_required_mark": False,
        "annual_report_to_tv": False,
        "report_texts_by_category": False,
        "card_attachments": True,
        "file_notes": False,
    }
    assert read_profile_file(export_profile(profile)) == profile


def test_a_file_written_before_the_petitioner_ack_existed_takes_the_presets_values() -> None:
    data = exported("berlin-pankow")
    del data["petitioner_ack"]
    profile = read_profile_file(json.dumps(data))
    assert profile.petitioner_ack == (("petition", "none"), ("eingabe", "none"))
    data = exported("luebeck")
    del data["petitioner_ack"]
    assert read_profile_file(json.dumps(data)).acknowledges_petitioner("petition")


def test_the_petitioner_ack_round_trips_and_bad_values_are_named() -> None:
    profile = with_petitioner_ack(PRESETS["luebeck"], "eingabe", "none")
    again = read_profile_file(export_profile(profile))
    assert again.petitioner_ack == (("petition", "letter"), ("eingabe", "none"))
    assert not again.acknowledges_petitioner("eingabe") and again.acknowledges_petitioner("beschwerde")
    data = exported("luebeck")
    data["petitioner_ack"] = {"petition": "brief", "lob": "none"}
    with pytest.raises(ValidationError) as info:
        read_profile_file(json.dumps(data))
    assert "Unbekannte Angabe „brief“" in info.value.errors["petitioner_ack.petition"]
    assert "Nur für Petition und Eingabe einstellbar" in info.value.errors["petitioner_ack.lob"]
    data["petitioner_ack"] = ["none"]
    with pytest.raises(ValidationError) as info:
        read_profile_file(json.dumps(data))
    assert "muss ein Objekt sein" in info.value.errors["petitioner_ack"]


def test_a_file_written_before_the_waiver_forms_existed_takes_the_presets_forms() -> None:
    data = exported("berlin-pankow")
    del data["waiver_forms"]
    profile = read_profile_file(json.dumps(data))
    assert profile.waiver_form("petition") == "signed" and profile.waiver_form("beschwerde") == "note"
    assert profile == PRESETS["berlin-pankow"]


def test_bad_waiver_forms_are_refused_naming_the_key() -> None:
    data = exported("osnabrueck")
    data["waiver_forms"] = {"petition": "mündlich", "meinungskarte": "note", "widerspruch": "none"}
    problems = refusal(data)
    assert set(problems) == {"waiver_forms.petition", "waiver_forms.meinungskarte", "waiver_forms.widerspruch"}
    assert "Unbekannte Form des Verzichts „mündlich“" in problems["waiver_forms.petition"]
    assert "Meinungskarten sind anonym" in problems["waiver_forms.meinungskarte"]
    data["waiver_forms"] = ["note"]
    assert list(refusal(data)) == ["waiver_forms"]


@pytest.mark.parametrize("code", list(PRESETS))
def test_every_preset_round_trips(code: str) -> None:
    assert read_profile_file(export_profile(PRESETS[code])) == PRESETS[code]


def test_not_json() -> None:
    assert refusal("Fristen: 3 Tage") == {
        "file": "Die Datei ist kein gültiges JSON (Zeile 1, Spalte 1): keine Profildatei."
    }
    assert list(refusal("[1, 2]")) == ["file"]
    assert list(refusal("")) == ["file"]


def test_another_json_file() -> None:
    errors = refusal({"ref": "KRM-2026-0001", "kind": "beschwerde"})
    assert errors == {
        "format": "Der Eintrag „format“ fehlt.",
        "format_version": "Der Eintrag „format_version“ fehlt.",
        "program_version": "Der Eintrag „program_version“ fehlt.",
    }
    assert "keine Profildatei von KRM Desktop" in refusal({**exported(), "format": "krm-desktop-faelle"})["format"]


def test_a_file_from_a_newer_program_version() -> None:
    errors = refusal({**exported(), "format_version": FORMAT_VERSION + 1, "program_version": "9.0.0", "neu": 1})
    assert errors == {
        "format_version": f"Die Profildatei stammt von einer neueren Programmversion (KRM Desktop 9.0.0): „format_version“ 2, "
        f"diese Version ({__version__}) liest Format 1. Bitte KRM Desktop aktualisieren."
    }


@pytest.mark.parametrize("version", [0, "1", 1.5, True, None])
def test_a_bad_format_version(version: Any) -> None:
    assert refusal({**exported(), "format_version": version}) == {
        "format_version": "„format_version“ muss eine ganze Zahl ab 1 sein."
    }


def test_unknown_keys_are_named() -> None:
    data = exported()
    data["fristen"] = {"ack": 3}
    data["ack"]["tage"] = 3
    data["kinds"] = {"petition": {**data["kinds"].get("petition", {}), "extra": 1}}
    errors = refusal(data)
    assert errors["fristen"] == "Unbekannter Eintrag „fristen“."
    assert errors["ack.tage"] == "Unbekannter Eintrag „ack.tage“."
    assert errors["kinds.petition.extra"] == "Unbekannter Eintrag „kinds.petition.extra“."


def test_missing_keys_are_named() -> None:
    data = exported()
    del data["closing_days"], data["retention"]["delete_years"], data["final"]["unit"]
    assert refusal(data) == {
        "closing_days": "Der Eintrag „closing_days“ fehlt.",
        "retention.delete_years": "Der Eintrag „retention.delete_years“ fehlt.",
        "final.unit": "Der Eintrag „final.unit“ fehlt.",
    }


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("ack", {"count": 0, "unit": "working", "start": "received"}, "„ack“: Die Frist muss zwischen 1 und 120"),
        (
            "final",
            {"count": 400, "unit": "calendar", "start": "received"},
            "„final“: Die Frist muss zwischen 1 und 120",
        ),
        ("bundesland", "Schleswig-Holstein", "Unbekanntes Bundesland „Schleswig-Holstein“"),
        ("closing_days", ["2026-02-30"], "„closing_days“: Schließtage als „MM-TT“"),
        ("reports", ["jahresbericht"], "„reports“: Unbekanntes Kürzel „jahresbericht“ bei den Berichten"),
        ("ack_channels", ["fax"], "„ack_channels“: Unbekanntes Kürzel „fax“"),
    ],
)
def test_every_invalid_value_is_refused_with_its_key(key: str, value: Any, words: str) -> None:
    errors = refusal({**exported(), key: value})
    assert list(errors) == [key]
    assert errors[key].startswith(words) or words in errors[key]


def test_invalid_retention_years_are_named_by_field() -> None:
    data = exported()
    data["retention"]["personal_years"] = 0
    data["retention"]["delete_years"] = 200
    assert refusal(data) == {
        "retention.personal_years": "„retention.personal_years“: Die Aufbewahrungsjahre müssen ganze Zahlen "
        "zwischen 1 und 30 sein.",
        "retention.delete_years": "„retention.delete_years“: Die Aufbewahrungsjahre müssen ganze Zahlen "
        "zwischen 1 und 30 sein.",
    }


def test_import_replaces_the_stored_profile(store: object) -> None:
    data = exported("berlin-pankow")
    data["kinds"] = {"eingabe": {"ack": data["ack"], "final": {**data["final"], "count": 20}, "ack_channels": []}}
    imported = import_profile(json.dumps(data), profile_version())
    assert load_profile() == imported
    assert imported.rule_for("eingabe").final == ClockRule(20)
    assert profile_version() == 2


def test_a_refused_file_changes_nothing(store: object) -> None:
    with pytest.raises(ValidationError):
        import_profile(json.dumps({**exported("braunschweig"), "bundesland": "XX"}), profile_version())
    with pytest.raises(ConflictError):  # the profile was changed at another desk since the version was read
        import_profile(export_profile(PRESETS["braunschweig"]), 0)
    assert (load_profile(), profile_version()) == (PRESETS["luebeck"], 1)
