"""PySide6's embedded support code compiled once and kept (ui/embedded_code_cache.py), each run in a fresh process:
the cache works only around the first import of PySide6, which this test process has long done."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

IMPORT_AND_LOOK = """
import json, sys
from krm_desktop.ui.embedded_code_cache import Counts, cached_embedded_code
with cached_embedded_code():
    from PySide6.QtWidgets import QApplication, QTableView
app = QApplication([])
try:
    QTableView().setColumnWidth("a", "b")  # the message names the signatures: the support code at work
except TypeError as error:
    message = str(error)
print(json.dumps({"hits": Counts.hits, "compiled": Counts.compiled, "message": message}))
"""


def run(cache: Path | str, tmp_path: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KRM_CODE_CACHE=str(cache), XDG_CONFIG_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_AND_LOOK], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def plain_message(tmp_path: Path) -> str:
    """What PySide6 says without the cache."""
    return run("off", tmp_path)["message"]


def test_compiled_at_the_first_start_then_read_back(tmp_path: Path, plain_message: str) -> None:
    cache = tmp_path / "cache" / "support.marshal"
    first = run(cache, tmp_path)
    assert first["hits"] == 0 and first["compiled"] >= 10  # shibokensupport's modules
    assert cache.is_file()
    second = run(cache, tmp_path)
    assert second == {"hits": first["compiled"], "compiled": 0, "message": plain_message}
    assert "setColumnWidth(column: int, width: int, /)" in plain_message


def test_only_the_same_source_is_answered_from_the_cache(tmp_path: Path, plain_message: str) -> None:
    cache = tmp_path / "support.marshal"
    compiled = run(cache, tmp_path)["compiled"]
    entries = marshal.loads(cache.read_bytes())
    name = next(name for name in entries if name.endswith("loader.py"))
    source, flags, _code = entries[name]
    entries[name] = (source + b"\n# another version\n", flags, compile("", name, "exec"))
    cache.write_bytes(marshal.dumps(entries))
    again = run(cache, tmp_path)
    assert again == {"hits": compiled - 1, "compiled": 1, "message": plain_message}
    assert marshal.loads(cache.read_bytes())[name][0] == source  # the current source's code replaced it


@pytest.mark.parametrize("content", [b"", b"not marshal at all", marshal.dumps(["a", "list"])])
def test_a_damaged_cache_is_compiled_afresh_and_replaced(tmp_path: Path, plain_message: str, content: bytes) -> None:
    cache = tmp_path / "support.marshal"
    cache.write_bytes(content)
    first = run(cache, tmp_path)
    assert first["hits"] == 0 and first["compiled"] >= 10 and first["message"] == plain_message
    assert run(cache, tmp_path)["compiled"] == 0


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path: Path, plain_message: str) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("x")
    cache = blocker / "support.marshal"
    for _ in range(2):
        looked = run(cache, tmp_path)
        assert looked["hits"] == 0 and looked["compiled"] >= 10 and looked["message"] == plain_message


def test_off_compiles_as_pyside6_does(tmp_path: Path) -> None:
    assert run("off", tmp_path)["hits"] == run("off", tmp_path)["compiled"] == 0
