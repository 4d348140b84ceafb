"""PySide6 widgets, models, dialogs and wizards. Imports model and documents."""

from __future__ import annotations

import gc
import sys
from types import ModuleType

# Libraries this program uses that never mention PySide6 (peewee's 300 kB of source were read at every start)
LIBRARIES_WITHOUT_PYSIDE = frozenset(
    {"peewee", "playhouse", "holidays", "reportlab", "pypdf", "psycopg2", "platformdirs"}
)
START_GC_THRESHOLD = 200_000  # allocations between collections while the program starts (normally 700)
_normal_gc_threshold: tuple[int, ...] | None = None


def begin_start() -> None:
    """Fewer garbage collections while the start creates its many long-lived objects (modules, classes,
    Qt's enum types): each collection walks all of them, some 10 ms in all before the first paint."""
    global _normal_gc_threshold
    if _normal_gc_threshold is None:
        _normal_gc_threshold = gc.get_threshold()
        gc.set_threshold(START_GC_THRESHOLD, *_normal_gc_threshold[1:])
    if "hashlib" not in sys.modules:
        # hashlib with its built-in digests, as in the desk bundle (installer.spec leaves OpenSSL out): loading
        # and initialising OpenSSL for a digest nobody asks for at start costs some 4 million instructions
        sys.modules.setdefault("_hashlib", None)  # type: ignore[arg-type]


def end_start() -> None:
    """After the first paint: the usual collection thresholds again; what the start made is kept out of
    later collections (gc.freeze), which makes them cheaper for the rest of the day."""
    global _normal_gc_threshold
    if _normal_gc_threshold is not None:
        gc.set_threshold(*_normal_gc_threshold)
        _normal_gc_threshold = None
        gc.freeze()


def skip_source_scan() -> None:
    """Spare the start PySide6's source scan of our own and the standard library's modules.

    Once shiboken6 is loaded, every module imported after it is read back from its source file, to see whether it
    says `from __feature__ import …` (PySide6's snake_case/true_property switches, which this program never uses):
    some 40 files, 5–10 ms, before the first rows are painted. Our modules' answer is known; the standard
    library and the libraries in LIBRARIES_WITHOUT_PYSIDE never mention PySide6. Anything else is still scanned. (A private hook: if a PySide6 version has
    none, nothing changes.)"""
    try:
        from shibokensupport import feature  # type: ignore[import-not-found]
    except ImportError:
        return
    scan = getattr(feature, "_mod_uses_pyside", None)
    if scan is None or getattr(scan, "krm_wrapped", False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        name = getattr(module, "__name__", "") or ""
        if name == "krm_desktop" or name.startswith("krm_desktop."):
            return name.startswith("krm_desktop.ui.")
        top = name.partition(".")[0]
        if top in sys.stdlib_module_names or top in LIBRARIES_WITHOUT_PYSIDE:
            return False
        return bool(scan(module))

    uses_pyside.krm_wrapped = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside
