"""What PySide6 compiles at every start, compiled once and kept between starts (like Python's own .pyc files).

shiboken6 carries its support modules (`shibokensupport`: function signatures, the `__feature__` switches) as
Python *source* inside its library. Every PySide6 program compiles them at every start, and their module code
then compiles some thirty regular expressions. Together that is 60–80 ms on the office machines' kind of CPU,
about a third of what a bare PySide6 window needs until it paints. (PySide6's own remedy, `SBK_EMBED=0`, writes
the files into the installed package, which an office workstation's program folder does not allow.)

While PySide6 is imported, `cached_embedded_code()` answers those compilations from a file in the user's cache
folder and keeps what it had to compile for the next start:
- the code of a support module only for the very same source text and `from __future__` switches;
- a regular expression only for the very same pattern and flags, as compiled by this Python (`re`'s own
  compiler runs on a miss; a hit hands its stored result to `_sre.compile`, the step `re` itself ends with).
The file is keyed by the Python version and `re`'s engine; a cache that cannot be read or written only costs
the time it would have saved. Everything else is compiled as before.
"""

from __future__ import annotations

import builtins
import marshal
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import CodeType
from typing import Any

from krm_desktop.user_dirs import user_cache_path, write_cache_file

CACHE_ENV = "KRM_CODE_CACHE"  # a file path, or "off"
EMBEDDED_NAMES = ("shibokensupport/", "signature_bootstrap")  # the file names shiboken6 compiles them under
FUTURE_FLAGS = 0x1FE0000  # CO_FUTURE_* bits of co_flags (the same bits compile() takes as flags)

CodeEntries = dict[str, tuple[bytes, int, CodeType]]  # file name → (source, future flags, code)
RegexEntries = dict[tuple[Any, int], tuple[Any, ...]]  # (pattern, flags) → the arguments of _sre.compile


def _stamp() -> str:
    import _sre

    return f"{sys.version}|{_sre.MAGIC}"


class Counts:
    """What the last import found (the tests and the benchmark look)."""

    hits = 0
    compiled = 0
    regex_hits = 0
    regex_compiled = 0


def cache_file() -> Path | None:
    setting = os.environ.get(CACHE_ENV, "")
    if setting == "off":
        return None
    if setting:
        return Path(setting)
    return user_cache_path() / f"pyside-support.{sys.implementation.cache_tag}.marshal"


def _read(path: Path | None) -> tuple[CodeEntries, RegexEntries]:
    if path is None:
        return {}, {}
    try:
        stored = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}, {}  # none yet, unreadable, or written by something else: compiled afresh
    if not isinstance(stored, dict) or stored.get("stamp") != _stamp():
        return {}, {}  # another Python (or an older layout of this file)
    code, regex = stored.get("code"), stored.get("regex")
    return (code if isinstance(code, dict) else {}), (regex if isinstance(regex, dict) else {})


def _write(path: Path, code: CodeEntries, regex: RegexEntries) -> None:
    try:
        data = marshal.dumps({"stamp": _stamp(), "code": code, "regex": regex})
    except (ValueError, TypeError):
        return  # something marshal cannot store: compiled again next time
    write_cache_file(path, data)


def _plain(value: Any) -> Any:
    """Flags and the compiled code (re's opcodes are named int constants) as plain ints, which marshal stores."""
    if isinstance(value, list):
        return [int(item) for item in value]
    return int(value) if isinstance(value, int) and type(value) not in (int, bool) else value


class _RecordingSre:
    """Stands in for `_sre` in re's compiler during one compilation: notes the arguments of its last step."""

    def __init__(self, sre: Any) -> None:
        self.sre = sre
        self.arguments: tuple[Any, ...] | None = None

    def compile(self, *arguments: Any) -> Any:
        self.arguments = arguments
        return self.sre.compile(*arguments)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.sre, name)


@contextmanager
def cached_embedded_code() -> Iterator[None]:
    """Around the first import of PySide6 (later imports compile nothing of shiboken6's)."""
    path = cache_file()
    compiler = getattr(re, "_compiler", None)  # (re's compiler module since Python 3.11)
    if path is None or "shiboken6" in sys.modules or compiler is None:
        yield
        return
    code_entries, regex_entries = _read(path)
    fresh_code: CodeEntries = {}
    fresh_regex: RegexEntries = {}
    compile_source, compile_regex, sre = builtins.compile, compiler.compile, compiler._sre
    Counts.hits = Counts.compiled = Counts.regex_hits = Counts.regex_compiled = 0

    def compile_cached(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **kwargs):  # type: ignore[no-untyped-def]
        if not (
            isinstance(source, bytes)
            and isinstance(filename, str)
            and filename.startswith(EMBEDDED_NAMES)
            and (mode, flags, dont_inherit, optimize, kwargs) == ("exec", 0, False, -1, {})
        ):
            return compile_source(source, filename, mode, flags, dont_inherit, optimize, **kwargs)
        # compile() without dont_inherit takes the caller's `from __future__` switches: so does the cache
        inherited = sys._getframe(1).f_code.co_flags & FUTURE_FLAGS
        known = code_entries.get(filename)
        if known is not None and known[0] == source and known[1] == inherited:
            Counts.hits += 1
            return known[2]
        code = compile_source(source, filename, mode, inherited, True)
        fresh_code[filename] = (source, inherited, code)
        Counts.compiled += 1
        return code

    def compile_regex_cached(pattern: Any, flags: int = 0) -> Any:
        if not isinstance(pattern, (str, bytes)) or not isinstance(flags, int):
            return compile_regex(pattern, flags)
        key = (pattern, int(flags))  # (an re.RegexFlag is an int marshal does not take)
        known = regex_entries.get(key)
        if known is not None:
            Counts.regex_hits += 1
            return sre.compile(*known)
        recorder = _RecordingSre(sre)
        compiler._sre = recorder
        try:
            compiled = compile_regex(pattern, flags)
        finally:
            compiler._sre = sre
        if recorder.arguments is not None:
            fresh_regex[key] = tuple(_plain(argument) for argument in recorder.arguments)
            Counts.regex_compiled += 1
        return compiled

    builtins.compile, compiler.compile = compile_cached, compile_regex_cached
    try:
        yield
    finally:
        builtins.compile, compiler.compile = compile_source, compile_regex
        if fresh_code or fresh_regex:
            _write(path, {**code_entries, **fresh_code}, {**regex_entries, **fresh_regex})
