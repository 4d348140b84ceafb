"""Issue 19's record-keeping settings of the office profile: attachments on Meinungskarten (Pankow keeps no scans of
the cards) and the Aktenvermerk for the E-Akte/VerBIS (Lübeck, Schwäbisch Hall, Pankow) — presets, the pure check,
profiles stored before the settings existed, the profile file."""

from __future__ import annotations

import json

import pytest

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.exchange.profile_file import export_profile, read_profile_file
from krm_desktop.model.office.profile_checks import LATER_FILE_KEYS, profile_problems
from krm_desktop.model.office.profiles import PRESETS, profile_from_dict

KEYS = ("card_attachments", "file_notes")
# Pankow, Konzept 4.3: "Eine Archivierung der Meinungskarten erfolgt nicht." Lübeck's GA (Aktenvermerk in die E-AKTE
# oder VerBIS), Schwäbisch Hall's GA VII (Erledigungsvermerk in VerBIS), Pankow's Konzept 4.4.1 (Vermerk in E-Akte
# oder Verbis); Osnabrück and Braunschweig name no such note.
EXPECTED = {
    "luebeck": (True, True),
    "osnabrueck": (True, False),
    "schwaebisch-hall": (True, True),
    "berlin-pankow": (False, True),
    "braunschweig": (True, False),
}


@pytest.mark.parametrize("code", list(PRESETS))
def test_presets_as_the_instructions_say(code) -> None:
    profile = PRESETS[code]
    assert (profile.card_attachments, profile.file_notes) == EXPECTED[code]


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("value", ["ja", 0, None])
def test_a_value_that_is_no_yes_or_no_is_refused_naming_its_key(key, value) -> None:
    problems = profile_problems({**PRESETS["luebeck"].to_dict(), key: value})
    assert set(problems) == {key} and "„true“ (ja) oder „false“ (nein)" in problems[key]


def test_a_profile_stored_without_the_keys_takes_its_presets_values() -> None:
    for code, expected in EXPECTED.items():
        data = {k: v for k, v in PRESETS[code].to_dict().items() if k not in KEYS}
        profile = profile_from_dict(data)
        assert (profile.card_attachments, profile.file_notes) == expected
    custom = {k: v for k, v in PRESETS["berlin-pankow"].to_dict().items() if k not in KEYS} | {"code": "eigenes"}
    assert (profile_from_dict(custom).card_attachments, profile_from_dict(custom).file_notes) == (True, False)


def test_the_profile_file_carries_them_and_older_files_still_load() -> None:
    assert set(KEYS) <= set(LATER_FILE_KEYS)
    pankow = PRESETS["berlin-pankow"]
    assert read_profile_file(export_profile(pankow)) == pankow
    older = json.loads(export_profile(pankow))
    for key in KEYS:
        del older[key]
    assert read_profile_file(json.dumps(older)) == pankow
    switched = json.loads(export_profile(pankow)) | {"card_attachments": True, "file_notes": False}
    assert (
        read_profile_file(json.dumps(switched)).card_attachments,
        read_profile_file(json.dumps(switched)).file_notes,
    ) == (
        True,
        False,
    )
    with pytest.raises(ValidationError) as info:
        read_profile_file(json.dumps(switched | {"file_notes": "nein"}))
    assert "file_notes" in info.value.errors
