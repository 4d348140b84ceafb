"""The profile setting `ack_waivable_channels`: for which channels the KRM may decide that no acknowledgement is sent
(„Eingangsbestätigung entfällt"). Pankow's instruction: „Die per E-Mail … eingehenden Kundenreaktionen … Darüber
hinaus entscheidet er/sie, ob dem Kunden/der Kundin eine Eingangsbestätigung zugesandt wird." No other instruction
lets the KRM decide so."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from krm_desktop.model.errors import ValidationError
from krm_desktop.model.exchange.profile_file import export_profile, read_profile_file
from krm_desktop.model.office.profiles import (
    PRESETS,
    load_profile,
    profile_from_dict,
    profile_version,
    save_profile,
)


@pytest.mark.parametrize(
    ("code", "channels"),
    [
        ("berlin-pankow", ("email",)),
        ("luebeck", ()),
        ("osnabrueck", ()),
        ("schwaebisch-hall", ()),
        ("braunschweig", ()),
    ],
)
def test_presets(code: str, channels: tuple[str, ...]) -> None:
    assert PRESETS[code].ack_waivable_channels == channels
    assert profile_from_dict(PRESETS[code].to_dict()) == PRESETS[code]


def test_a_profile_stored_without_the_setting_allows_none() -> None:
    data = PRESETS["berlin-pankow"].to_dict()
    del data["ack_waivable_channels"]
    assert profile_from_dict(data).ack_waivable_channels == ()


def test_channels_are_kept_in_vocabulary_order() -> None:
    data = {**PRESETS["luebeck"].to_dict(), "ack_waivable_channels": ["online", "brief", "email"]}
    assert profile_from_dict(data).ack_waivable_channels == ("brief", "email", "online")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (["fax"], "Unbekanntes Kürzel „fax“"),
        (["meinungskarte"], "Unbekanntes Kürzel „meinungskarte“"),
        ("email", "bitte eine Liste von Kürzeln angeben"),
        ([1], "bitte eine Liste von Kürzeln angeben"),
    ],
)
def test_bad_value_is_refused_naming_its_key(value: Any, words: str) -> None:
    data = {**PRESETS["luebeck"].to_dict(), "ack_waivable_channels": value}
    with pytest.raises(ValidationError) as info:
        profile_from_dict(data)
    assert set(info.value.errors) == {"ack_waivable_channels"}
    assert words in info.value.errors["ack_waivable_channels"]
    assert "über die Eingangsbestätigung entscheidet" in info.value.errors["ack_waivable_channels"]


def test_the_profile_file_carries_it_and_an_older_file_without_it_loads() -> None:
    text = export_profile(PRESETS["berlin-pankow"])
    assert json.loads(text)["ack_waivable_channels"] == ["email"]
    assert read_profile_file(text) == PRESETS["berlin-pankow"]
    older = json.loads(text)
    del older["ack_waivable_channels"]
    assert read_profile_file(json.dumps(older)).ack_waivable_channels == ()


def test_a_bad_file_value_is_refused_naming_the_key() -> None:
    data = json.loads(export_profile(PRESETS["berlin-pankow"]))
    data["ack_waivable_channels"] = ["E-Mail"]
    with pytest.raises(ValidationError) as info:
        read_profile_file(json.dumps(data))
    assert "ack_waivable_channels" in info.value.errors


def test_stored_and_loaded(store: object) -> None:
    edited = dataclasses.replace(load_profile(), ack_waivable_channels=("brief", "email"))
    save_profile(edited, profile_version())
    assert load_profile().ack_waivable_channels == ("brief", "email")
