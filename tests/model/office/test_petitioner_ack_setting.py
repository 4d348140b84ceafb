"""The profile setting `petitioner_ack`: per petition and Eingabe, whether the petitioner is acknowledged. Presets as
the instructions say, its pure checks, saving it, and "none" running no acknowledgement clock for that kind only."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.office.profile_checks import petitioner_ack_problems
from krm_desktop.model.office.profiles import PRESETS, load_profile, profile_version, save_profile
from krm_desktop.model.time.deadlines import compute_deadlines
from tests.profile_edits import with_petitioner_ack

RECEIVED = date(2026, 11, 16)  # a Monday


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("luebeck", "letter"),
        ("osnabrueck", "letter"),
        ("schwaebisch-hall", "letter"),
        ("berlin-pankow", "none"),
        ("braunschweig", "letter"),
    ],
)
def test_presets(code, expected) -> None:
    profile = PRESETS[code]
    assert profile.petitioner_ack == (("petition", expected), ("eingabe", expected))
    ack = compute_deadlines(profile, "petition", "brief", RECEIVED).ack_due
    assert (ack is not None) == (expected == "letter")
    assert compute_deadlines(profile, "beschwerde", "brief", RECEIVED).ack_due is not None  # other kinds untouched


@pytest.mark.parametrize(
    ("data", "key", "words"),
    [
        ("letter", "petitioner_ack", "muss ein Objekt sein"),
        ({"petition": "brief"}, "petitioner_ack.petition", "Unbekannte Angabe „brief“"),
        ({"eingabe": None}, "petitioner_ack.eingabe", "Unbekannte Angabe"),
        ({"beschwerde": "none"}, "petitioner_ack.beschwerde", "Nur für Petition und Eingabe"),
    ],
)
def test_bad_values_are_named_by_key(data, key, words) -> None:
    problems = petitioner_ack_problems(data)
    assert set(problems) == {key} and words in problems[key]


def test_good_values_pass() -> None:
    assert petitioner_ack_problems({"petition": "none", "eingabe": "letter"}) == {}
    assert petitioner_ack_problems({}) == {}  # a kind left out takes its default


def test_saved_and_loaded_and_a_bad_one_is_refused_without_change(store) -> None:
    version = profile_version()
    saved = save_profile(with_petitioner_ack(load_profile(), "petition", "none"), version)
    assert load_profile().petitioner_ack == (("petition", "none"), ("eingabe", "letter"))
    assert compute_deadlines(saved, "petition", "email", RECEIVED).ack_due is None
    assert compute_deadlines(saved, "eingabe", "email", RECEIVED).ack_due is not None
    with pytest.raises(ValidationError) as info:
        save_profile(with_petitioner_ack(saved, "eingabe", "fax"), profile_version())
    assert "petitioner_ack.eingabe" in info.value.errors
    assert load_profile() == saved
