"""The petition steps as profile settings (Pankow): presets, the pure check, the profile file."""

from __future__ import annotations

import json

import pytest

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.exchange.profile_file import export_profile, read_profile_file
from krm_desktop.model.office.profile_checks import profile_problems
from krm_desktop.model.office.profiles import PRESETS, profile_from_dict

STEPS = ("ba_agreement_step", "statement_check_by_krm")


@pytest.mark.parametrize("code", list(PRESETS))
def test_presets_have_the_steps_only_in_pankow(code) -> None:
    profile = PRESETS[code]
    expected = code == "berlin-pankow"  # Konzept 4.5; the other instructions name neither step
    assert (profile.ba_agreement_step, profile.statement_check_by_krm) == (expected, expected)


@pytest.mark.parametrize("key", STEPS)
@pytest.mark.parametrize("value", ["ja", 1, None])
def test_a_step_that_is_no_yes_or_no_is_refused_naming_its_key(key, value) -> None:
    problems = profile_problems({**PRESETS["luebeck"].to_dict(), key: value})
    assert key in problems and "true" in problems[key]


def test_a_stored_profile_without_the_keys_takes_its_presets_steps() -> None:
    for code in ("berlin-pankow", "luebeck"):
        data = {k: v for k, v in PRESETS[code].to_dict().items() if k not in STEPS}
        profile = profile_from_dict(data)
        assert profile.ba_agreement_step == profile.statement_check_by_krm == (code == "berlin-pankow")
    custom = {k: v for k, v in PRESETS["luebeck"].to_dict().items() if k not in STEPS} | {"code": "eigenes"}
    assert not profile_from_dict(custom).ba_agreement_step


def test_the_profile_file_carries_the_steps_and_older_files_still_load() -> None:
    pankow = PRESETS["berlin-pankow"]
    assert read_profile_file(export_profile(pankow)) == pankow
    older = json.loads(export_profile(PRESETS["luebeck"]))
    for key in STEPS:
        del older[key]
    assert read_profile_file(json.dumps(older)) == PRESETS["luebeck"]
    bad = json.loads(export_profile(pankow)) | {"ba_agreement_step": "ja"}
    with pytest.raises(ValidationError) as info:
        read_profile_file(json.dumps(bad))
    assert "ba_agreement_step" in info.value.errors
