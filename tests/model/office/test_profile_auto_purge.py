"""The automatic purge setting of the office profile (issue 19): per preset as the seeds say, stored, in the profile
file (older files load without it), and a nonsense value refused with its key."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.exchange.profile_file import export_profile, read_profile_file
from krm_desktop.model.office.profile_checks import LATER_FILE_KEYS, profile_problems
from krm_desktop.model.office.profiles import PRESETS, load_profile, profile_from_dict, profile_version, save_profile


@pytest.mark.parametrize(
    ("code", "automatic"),
    [
        ("luebeck", True),  # "… zum 31.12. des zweiten Folgejahres automatisch entfernt."
        ("osnabrueck", False),  # no word on deletion: the annual wizard with the reminder
        ("schwaebisch-hall", False),
        ("berlin-pankow", False),
        ("braunschweig", False),  # "… wird dann durch den/die Kundenbeauftragte/n vollständig gelöscht."
    ],
)
def test_the_presets_follow_their_instruction(code: str, automatic: bool) -> None:
    assert PRESETS[code].auto_purge is automatic


def test_a_profile_stored_before_the_setting_loads_without_automatic_purge() -> None:
    data = PRESETS["luebeck"].to_dict()
    del data["auto_purge"]
    assert profile_from_dict(data).auto_purge is False
    assert "auto_purge" in LATER_FILE_KEYS


def test_the_setting_is_stored_and_read_back(store: object) -> None:
    save_profile(dataclasses.replace(load_profile(), auto_purge=False), profile_version())
    assert load_profile().auto_purge is False
    save_profile(dataclasses.replace(load_profile(), auto_purge=True), profile_version())
    assert load_profile().auto_purge is True


@pytest.mark.parametrize("value", ["ja", 1, None, [True]])
def test_a_value_that_is_no_yes_or_no_is_refused_with_its_key(value: Any) -> None:
    problems = profile_problems({**PRESETS["luebeck"].to_dict(), "auto_purge": value})
    assert list(problems) == ["auto_purge"]
    assert "„true“ (automatisch löschen)" in problems["auto_purge"]
    with pytest.raises(ValidationError):
        profile_from_dict({**PRESETS["luebeck"].to_dict(), "auto_purge": value})


def test_the_profile_file_carries_the_setting_and_older_files_still_load() -> None:
    text = export_profile(PRESETS["luebeck"])
    data = json.loads(text)
    assert data["auto_purge"] is True
    assert read_profile_file(text).auto_purge is True
    del data["auto_purge"]  # a file written before the setting existed
    assert read_profile_file(json.dumps(data)).auto_purge is False


def test_a_profile_file_with_a_bad_value_names_the_key() -> None:
    data = {**json.loads(export_profile(PRESETS["luebeck"])), "auto_purge": "ja"}
    with pytest.raises(ValidationError) as caught:
        read_profile_file(json.dumps(data))
    assert list(caught.value.errors) == ["auto_purge"]
