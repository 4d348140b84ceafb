"""Where the shipped `resources/` folder is: beside the package, or inside a PyInstaller build.

Source tree and editable install: `<repo>/resources`, one level above the package. A frozen onedir build
(installer.spec) puts it at `resources/` inside the bundle's contents folder, which PyInstaller names
in `sys._MEIPASS`. Pure Python, no Qt: the model may use it.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """A path below resources/, e.g. resource_path("fonts", "DejaVuSans.ttf")."""
    frozen = getattr(sys, "_MEIPASS", None)
    root = Path(frozen) / "resources" if frozen else Path(__file__).resolve().parent.parent / "resources"
    return root.joinpath(*parts)
