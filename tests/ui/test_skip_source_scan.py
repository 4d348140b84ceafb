"""PySide6 reads back the source of every module imported after it (for its `__feature__` switches); the start
spares it our own modules, the standard library's and our libraries' (krm_desktop.ui.skip_source_scan)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from krm_desktop.ui import skip_source_scan

feature = pytest.importorskip("shibokensupport.feature")


def module_from(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_known_modules_are_answered_without_reading_them(tmp_path: Path) -> None:
    skip_source_scan()
    skip_source_scan()  # once wrapped, it stays one wrapper
    uses = feature._mod_uses_pyside
    assert getattr(uses, "krm_wrapped", False)
    source = tmp_path / "switches.py"
    source.write_text("VALUE = 1  # a module that mentions PySide6 may use its switches\n", encoding="utf-8")
    other = module_from(source, "some_other_library")
    assert uses(other) is True  # read and PySide6 found: anything else is still scanned
    for name in ("peewee", "playhouse.db_url", "json", "krm_desktop", "krm_desktop.model.store.connection"):
        assert uses(module_from(source, name)) is False
    assert uses(module_from(source, "krm_desktop.ui.case_list.table")) is True
