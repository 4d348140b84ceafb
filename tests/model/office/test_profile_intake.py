"""The intake settings of the office profile (issue 18): Dienstaufsicht outside the KRM, per preset, stored, in the
profile file, and a nonsense value refused with its key."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.exchange.profile_file import export_profile, read_profile_file
from krm_desktop.model.office.profile_checks import profile_problems
from krm_desktop.model.office.profiles import PRESETS, load_profile, profile_from_dict, profile_version, save_profile


@pytest.mark.parametrize(
    ("code", "outside"),
    [
        ("luebeck", False),  # DAB are Beschwerden (GA 11/2005 Nr. 1), handled by the KRM
        ("osnabrueck", True),  # GA 3/2016 Nr. 3 (3): "Nicht zuständig ist das KRM … für … Dienstaufsicht"
        ("schwaebisch-hall", False),
        ("berlin-pankow", False),  # 2.4: handled by the Führungskraft, result to the GF
        ("braunschweig", False),  # 5.1: the GF decides whether it is a DAB
    ],
)
def test_the_presets_follow_their_instruction(code: str, outside: bool) -> None:
    assert PRESETS[code].dab_outside_krm is outside


def test_a_profile_stored_before_the_setting_loads_with_dab_in_the_krm() -> None:
    data = PRESETS["osnabrueck"].to_dict()
    del data["dab_outside_krm"]
    assert profile_from_dict(data).dab_outside_krm is False


def test_the_setting_is_stored_and_read_back(store: object) -> None:
    profile = dataclasses.replace(load_profile(), dab_outside_krm=True)
    save_profile(profile, profile_version())
    assert load_profile().dab_outside_krm is True


@pytest.mark.parametrize("value", ["ja", 1, None, [True]])
def test_a_value_that_is_no_yes_or_no_is_refused_with_its_key(value: Any) -> None:
    problems = profile_problems({**PRESETS["luebeck"].to_dict(), "dab_outside_krm": value})
    assert list(problems) == ["dab_outside_krm"]
    assert "„true“" in problems["dab_outside_krm"] and "außerhalb des KRM" in problems["dab_outside_krm"]
    with pytest.raises(ValidationError):
        profile_from_dict({**PRESETS["luebeck"].to_dict(), "dab_outside_krm": value})


def test_the_profile_file_carries_the_setting_and_older_files_still_load() -> None:
    text = export_profile(PRESETS["osnabrueck"])
    data = json.loads(text)
    assert data["dab_outside_krm"] is True
    assert read_profile_file(text).dab_outside_krm is True
    del data["dab_outside_krm"]  # a file written before the setting existed
    assert read_profile_file(json.dumps(data)).dab_outside_krm is False


def test_a_profile_file_with_a_bad_value_names_the_key() -> None:
    data = {**json.loads(export_profile(PRESETS["osnabrueck"])), "dab_outside_krm": "ja"}
    with pytest.raises(ValidationError) as caught:
        read_profile_file(json.dumps(data))
    assert list(caught.value.errors) == ["dab_outside_krm"]
    assert "„true“" in caught.value.errors["dab_outside_krm"]
