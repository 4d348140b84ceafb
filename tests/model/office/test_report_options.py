"""The report options of the office profile (issue 19): the annual report to the Trägerversammlung too (Lübeck),
the qualitative part per category (Pankow); stored, in the profile file, refused in German when not yes/no."""

from __future__ import annotations

import dataclasses
import json

import pytest

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.exchange.profile_file import export_profile, read_profile_file
from krm_desktop.model.office.profiles import PRESETS, load_profile, profile_from_dict, profile_version, save_profile
from krm_desktop.model.office.report_options import ANNUAL_TO_TV, TEXTS_BY_CATEGORY


def test_presets_as_the_seeds_say() -> None:
    assert {code: (p.reports, p.annual_report_to_tv, p.report_texts_by_category) for code, p in PRESETS.items()} == {
        "luebeck": (("annual",), True, False),
        "osnabrueck": (("annual",), False, False),
        "schwaebisch-hall": (("annual",), False, False),
        "berlin-pankow": (("annual", "half_year", "quarter"), False, True),
        "braunschweig": (("annual",), False, False),
    }


@pytest.mark.parametrize("code", ["luebeck", "berlin-pankow", "braunschweig"])
def test_a_profile_or_file_from_before_takes_the_presets_options(code: str) -> None:
    data = PRESETS[code].to_dict()
    del data[ANNUAL_TO_TV], data[TEXTS_BY_CATEGORY]
    assert profile_from_dict(data) == PRESETS[code]
    file = json.loads(export_profile(PRESETS[code]))
    del file[ANNUAL_TO_TV], file[TEXTS_BY_CATEGORY]
    assert read_profile_file(json.dumps(file)) == PRESETS[code]


def test_a_profile_of_its_own_takes_no_options_when_it_lacks_them() -> None:
    data = {**PRESETS["luebeck"].to_dict(), "code": "eigenes"}
    del data[ANNUAL_TO_TV]
    assert not profile_from_dict(data).annual_report_to_tv


@pytest.mark.parametrize("key", [ANNUAL_TO_TV, TEXTS_BY_CATEGORY])
@pytest.mark.parametrize("value", ["ja", 1, None])
def test_not_yes_or_no_is_refused_naming_the_key(key: str, value: object) -> None:
    with pytest.raises(ValidationError) as info:
        profile_from_dict({**PRESETS["luebeck"].to_dict(), key: value})
    assert set(info.value.errors) == {key} and f"„{key}“" in info.value.errors[key]
    assert info.value.errors[key].startswith("Bitte „true“")


def test_the_office_changes_them_and_they_are_kept(store: object) -> None:
    changed = dataclasses.replace(load_profile(), annual_report_to_tv=False, report_texts_by_category=True)
    save_profile(changed, profile_version())
    assert load_profile() == changed
    assert read_profile_file(export_profile(changed)) == changed
