"""The user's cache folder of this program, found without importing platformdirs at every start.

The folders are platformdirs' `user_cache_path("krm-desktop", appauthor=False)`: on Linux `$XDG_CACHE_HOME` or
`~/.cache`, on Windows `%LOCALAPPDATA%`, on macOS `~/Library/Caches` — each with the program's folder. (Importing
platformdirs costs the start some 17 million instructions; what lives here is only ever a cache.)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_FOLDER = "krm-desktop"


def user_cache_path() -> Path:
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA", "").strip() or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP_FOLDER / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP_FOLDER
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    if not os.path.isabs(base):  # unset, empty or relative: the XDG default
        base = str(Path.home() / ".cache")
    return Path(base) / APP_FOLDER


def write_cache_file(path: Path, data: bytes) -> None:
    """Write a cache file whole or not at all (a second program may be reading it); a cache that cannot be
    written only costs the time it would have saved, so nothing is raised."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        partial.write_bytes(data)
        partial.replace(path)
    except OSError:
        pass
