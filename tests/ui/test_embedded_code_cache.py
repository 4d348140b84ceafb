"""What PySide6 compiles at every start (its embedded support code, that code's regular expressions) compiled once
and kept (ui/embedded_code_cache.py), each run in a fresh process: the cache works only around the first import of
PySide6, which this test process has long done."""

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
print(json.dumps({"hits": Counts.hits, "compiled": Counts.compiled, "message": message,
                  "regex": [Counts.regex_hits, Counts.regex_compiled]}))
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
    assert first["regex"][0] == 0 and first["regex"][1] >= 3  # their regular expressions
    assert cache.is_file()
    second = run(cache, tmp_path)
    assert second == {
        "hits": first["compiled"],
        "compiled": 0,
        "message": plain_message,
        "regex": [first["regex"][1], 0],
    }
    assert "setColumnWidth(column: int, width: int, /)" in plain_message


def test_only_the_same_source_is_answered_from_the_cache(tmp_path: Path, plain_message: str) -> None:
    cache = tmp_path / "support.marshal"
    compiled = run(cache, tmp_path)["compiled"]
    stored = marshal.loads(cache.read_bytes())
    name = next(name for name in stored["code"] if name.endswith("loader.py"))
    source, flags, _code = stored["code"][name]
    stored["code"][name] = (source + b"\n# another version\n", flags, compile("", name, "exec"))
    cache.write_bytes(marshal.dumps(stored))
    again = run(cache, tmp_path)
    assert (again["hits"], again["compiled"], again["message"]) == (compiled - 1, 1, plain_message)
    assert marshal.loads(cache.read_bytes())["code"][name][0] == source  # the current source's code replaced it


def test_another_python_does_not_read_the_file(tmp_path: Path) -> None:
    cache = tmp_path / "support.marshal"
    run(cache, tmp_path)
    stored = marshal.loads(cache.read_bytes())
    cache.write_bytes(marshal.dumps({**stored, "stamp": "3.99.0 (another Python)|0"}))
    looked = run(cache, tmp_path)
    assert looked["hits"] == 0 and looked["regex"][0] == 0


PATTERNS = """
import json, re, sys
from krm_desktop.ui.embedded_code_cache import Counts, cached_embedded_code

cases = [
    (r"(?P<name>\\w+)\\s*=\\s*(?P<value>[^,]+)", 0, "a = 1, bb=2"),
    (r"^\\s*def (\\w+)\\((.*?)\\)", re.M, "x\\n  def f(a, b)\\n"),
    (r"(?<=@)[a-zäöü.]+", re.I, "Mail an BGF@Jobcenter.de"),
    (r"\\d{2}\\.\\d{2}\\.\\d{4}  # a German date", re.X, "am 21.11.2026"),
    (rb"\\x00+(?P<tail>.)", 0, b"ab\\x00\\x00c"),
]
seen = []
with cached_embedded_code():
    for pattern, flags, text in cases:
        compiled = re.compile(pattern, flags)
        found = [match.groupdict() or match.group(0) for match in compiled.finditer(text)]
        seen.append([repr(found), compiled.flags, compiled.groups, repr(compiled.pattern)])
print(json.dumps({"seen": seen, "regex": [Counts.regex_hits, Counts.regex_compiled]}))
"""


def test_regular_expressions_from_the_cache_match_as_compiled_ones(tmp_path: Path) -> None:
    def look(cache: Path | str) -> dict:
        env = dict(os.environ, KRM_CODE_CACHE=str(cache))
        result = subprocess.run(
            [sys.executable, "-c", PATTERNS], capture_output=True, text=True, env=env, timeout=60, check=False
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    cache = tmp_path / "support.marshal"
    plain, first, second = look("off"), look(cache), look(cache)
    assert first["regex"] == [0, 5] and second["regex"] == [5, 0]
    assert plain["seen"] == first["seen"] == second["seen"]
    assert "'name': 'bb'" in plain["seen"][0][0] and "Jobcenter.de" in plain["seen"][2][0]


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
