"""Writing a file whole or not at all (exports, reports, letters, the Auskunft, the purge's files).

The bytes go to a temporary file beside the target (same folder, so same file system); only when it is complete
and on disk does it replace the target (os.replace). On any failure the temporary file is removed and an
earlier file of that name stays as it was.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


def _partial(target: Path) -> Path:
    return target.with_name(f"{target.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.part")


@contextmanager
def replacing(
    target: Path, *, text: bool = False, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[IO[Any]]:
    """A handle to write the new content of `target` (binary, or text with `text=True`); `target` is replaced
    when the block ends without error, and left untouched otherwise."""
    partial = _partial(target)
    try:
        if text:
            handle: IO[Any] = partial.open("x", encoding=encoding, newline=newline)
        else:
            handle = partial.open("xb")
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)  # PermissionError on Windows while the target is open elsewhere
    finally:
        partial.unlink(missing_ok=True)


def write_file(target: Path, data: bytes) -> None:
    """Write `data` to `target` whole or not at all (see `replacing`)."""
    with replacing(target) as handle:
        handle.write(data)
