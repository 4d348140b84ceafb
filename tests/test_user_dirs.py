"""The cache folder found without platformdirs is platformdirs' own (holiday dates and compiled code stay where
they were)."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from krm_desktop.user_dirs import user_cache_path


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rules of Linux")
@pytest.mark.parametrize("xdg_cache_home", [None, "", "   ", "relative/cache", "/srv/cache", "/srv/cache with space"])
def test_same_folder_as_platformdirs(monkeypatch: pytest.MonkeyPatch, xdg_cache_home: str | None) -> None:
    if xdg_cache_home is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg_cache_home)
    assert user_cache_path() == platformdirs.user_cache_path("krm-desktop", appauthor=False)


def test_windows_and_macos_folders(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert user_cache_path() == tmp_path / "Local" / "krm-desktop" / "Cache"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert user_cache_path() == Path.home() / "Library" / "Caches" / "krm-desktop"
