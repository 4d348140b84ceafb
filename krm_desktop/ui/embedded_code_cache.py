"""Compiled code of PySide6's embedded support modules, kept between starts like Python's own .pyc files.

shiboken6 carries its support modules (`shibokensupport`: function signatures, the `__feature__` switches) as
Python *source* inside its library and compiles them at every start of every PySide6 program: some 130 million
instructions, 30–40 ms, a fifth of what a bare PySide6 window needs until it paints. (PySide6's own remedy,
`SBK_EMBED=0`, writes the files into the installed package, which an office workstation's program folder does not
allow.) While PySide6 is imported, `cached_embedded_code()` answers those compilations from a file in the user's
cache folder — for the very same source text only, compiled by this Python version — and keeps what it had to
compile for the next start. Everything else is compiled as before; a cache that cannot be read or written only
costs the time it would have saved.
"""

from __future__ import annotations

import builtins
import marshal
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import CodeType

from krm_desktop.user_dirs import user_cache_path

CACHE_ENV = "KRM_CODE_CACHE"  # a file path, or "off"
EMBEDDED_NAMES = ("shibokensupport/", "signature_bootstrap")  # the file names shiboken6 compiles them under
FUTURE_FLAGS = 0x1FE0000  # CO_FUTURE_* bits of co_flags (the same bits compile() takes as flags)

Entries = dict[str, tuple[bytes, int, CodeType]]  # file name → (source, future flags, code)


class Counts:
    """What the last import found (the tests and the benchmark look)."""

    hits = 0
    compiled = 0


def cache_file() -> Path | None:
    setting = os.environ.get(CACHE_ENV, "")
    if setting == "off":
        return None
    if setting:
        return Path(setting)
    return user_cache_path() / f"pyside-support.{sys.implementation.cache_tag}.marshal"


def _read(path: Path | None) -> Entries:
    if path is None:
        return {}
    try:
        entries = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}  # none yet, unreadable, or written by something else: compiled afresh
    return entries if isinstance(entries, dict) else {}


def _write(path: Path | None, entries: Entries) -> None:
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        partial.write_bytes(marshal.dumps(entries))
        partial.replace(path)
    except (OSError, ValueError):
        pass


@contextmanager
def cached_embedded_code() -> Iterator[None]:
    """Around the first import of PySide6 (later imports compile nothing of shiboken6's)."""
    path = cache_file()
    if path is None or "shiboken6" in sys.modules:
        yield
        return
    entries = _read(path)
    fresh: Entries = {}
    compile_source = builtins.compile
    Counts.hits = Counts.compiled = 0

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
        known = entries.get(filename)
        if known is not None and known[0] == source and known[1] == inherited:
            Counts.hits += 1
            return known[2]
        code = compile_source(source, filename, mode, inherited, True)
        fresh[filename] = (source, inherited, code)
        Counts.compiled += 1
        return code

    builtins.compile = compile_cached
    try:
        yield
    finally:
        builtins.compile = compile_source
        if fresh:
            _write(path, {**entries, **fresh})
