"""Public holidays of a Bundesland and year, from the `holidays` package, kept in a small cache file.

Importing `holidays` loads some 300 country modules (about a quarter of a second), which would
delay every start of the program. The dates are therefore cached per Bundesland and year in the
user cache folder (platformdirs); the cache is keyed by the installed `holidays` package, so an
update of the package (a new holiday by law) refreshes it.
"""

from __future__ import annotations

import json
import os
from datetime import date
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import platformdirs

CACHE_ENV = "KRM_HOLIDAY_CACHE"  # a file path, or "off" to always ask the package
_YEARS_AHEAD = 3  # fetched together on a miss, so a session rarely misses twice

_entries: dict[str, dict[str, str]] | None = None


def _package_stamp() -> str:
    spec = find_spec("holidays")  # locates the package without importing it
    origin = spec.origin if spec is not None and spec.origin else ""
    try:
        return f"{origin}:{os.stat(Path(origin).parent / 'version.py').st_mtime_ns}"
    except OSError:
        # a frozen build keeps no version.py beside the package: ask the bundled package metadata
        from importlib.metadata import PackageNotFoundError, version

        try:
            return f"{origin}:{version('holidays')}"
        except PackageNotFoundError:
            return origin


def _cache_file() -> Path | None:
    setting = os.environ.get(CACHE_ENV, "")
    if setting == "off":
        return None
    if setting:
        return Path(setting)
    return platformdirs.user_cache_path("krm-desktop", appauthor=False) / "feiertage.json"


def _load() -> dict[str, dict[str, str]]:
    global _entries
    if _entries is None:
        _entries = {}
        path = _cache_file()
        if path is not None and path.is_file():
            try:
                stored: Any = json.loads(path.read_text(encoding="utf-8"))
                if isinstance(stored, dict) and stored.get("stamp") == _package_stamp():
                    _entries = stored.get("entries", {})
            except (OSError, ValueError):
                _entries = {}
    return _entries


def _store(entries: dict[str, dict[str, str]]) -> None:
    path = _cache_file()
    if path is None:
        return
    data = json.dumps({"stamp": _package_stamp(), "entries": entries})
    try:  # whole or not at all (a second program may be reading it); a cache not written is only slower
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        partial.write_text(data, encoding="utf-8")
        partial.replace(path)
    except OSError:
        pass


def holiday_names(bundesland: str, year: int) -> dict[date, str]:
    """German names of the public holidays of `bundesland` in `year`."""
    entries = _load()
    key = f"{bundesland}:{year}"
    if key not in entries:
        import holidays

        for fetched in range(year, year + _YEARS_AHEAD):
            found = holidays.country_holidays("DE", subdiv=bundesland, years=fetched, language="de")
            entries[f"{bundesland}:{fetched}"] = {day.isoformat(): name for day, name in sorted(found.items())}
        _store(entries)
    return {date.fromisoformat(day): name for day, name in entries[key].items()}


def forget() -> None:
    """Drop what this process has loaded (tests)."""
    global _entries
    _entries = None
