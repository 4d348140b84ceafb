"""The holiday cache gives the same dates as the holidays package and survives a new process."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import holidays
import platformdirs
import pytest

from krm_desktop.model.time import holidays as holiday_cache


@pytest.fixture
def cache_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cache" / "feiertage.json"
    monkeypatch.setenv(holiday_cache.CACHE_ENV, str(path))
    holiday_cache.forget()
    yield path
    holiday_cache.forget()


@pytest.mark.parametrize("bundesland", ["SH", "NI", "BW", "BE", "BY"])
def test_cached_dates_equal_the_package(cache_file: Path, bundesland: str) -> None:
    expected = dict(holidays.country_holidays("DE", subdiv=bundesland, years=2027, language="de"))
    assert holiday_cache.holiday_names(bundesland, 2027) == expected
    holiday_cache.forget()
    assert holiday_cache.holiday_names(bundesland, 2027) == expected  # now read from the file
    stored = json.loads(cache_file.read_text(encoding="utf-8"))
    assert f"{bundesland}:2027" in stored["entries"] and f"{bundesland}:2029" in stored["entries"]


def test_a_new_process_reads_the_cache_without_importing_holidays(cache_file: Path) -> None:
    holiday_cache.holiday_names("BE", 2026)
    code = (
        "import sys; from datetime import date; from krm_desktop.model.time import holidays as h\n"
        "names = h.holiday_names('BE', 2026)\n"
        "print(names[date(2026, 3, 8)], 'holidays' in sys.modules)\n"
    )
    env = {"KRM_HOLIDAY_CACHE": str(cache_file), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.split() == ["Frauentag", "False"]


def test_a_stale_or_broken_cache_is_ignored(cache_file: Path) -> None:
    cache_file.parent.mkdir(parents=True)
    cache_file.write_text(json.dumps({"stamp": "alt", "entries": {"BE:2026": {"2026-07-01": "erfunden"}}}))
    assert date(2026, 7, 1) not in holiday_cache.holiday_names("BE", 2026)
    holiday_cache.forget()
    cache_file.write_text("{kaputt")
    assert holiday_cache.holiday_names("BE", 2026)[date(2026, 10, 3)] == "Tag der Deutschen Einheit"


def test_cache_can_be_switched_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(holiday_cache.CACHE_ENV, "off")
    holiday_cache.forget()
    assert holiday_cache.holiday_names("SH", 2026)[date(2026, 10, 31)] == "Reformationstag"
    assert not list(tmp_path.iterdir())


def test_a_cache_that_cannot_be_written_only_costs_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(holiday_cache.CACHE_ENV, str(blocker / "feiertage.json"))  # its folder is a file
    holiday_cache.forget()
    assert holiday_cache.holiday_names("NI", 2026)[date(2026, 10, 31)] == "Reformationstag"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a-file"]
    holiday_cache.forget()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG_CACHE_HOME names the folder on Linux")
def test_without_a_setting_the_cache_lives_in_the_users_cache_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(holiday_cache.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    holiday_cache.forget()
    holiday_cache.holiday_names("HH", 2026)
    expected = platformdirs.user_cache_path("krm-desktop", appauthor=False) / "feiertage.json"
    assert expected.is_file() and [p.name for p in expected.parent.iterdir()] == ["feiertage.json"]
    holiday_cache.forget()
