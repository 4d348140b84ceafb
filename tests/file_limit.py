"""A write that fails midway, for real: the operating system's file size limit (RLIMIT_FSIZE) makes a file's
growth past `size` bytes fail in the kernel (EFBIG; Python ignores SIGXFSZ), as a full disk or a network drive
that goes away would."""

from __future__ import annotations

import resource
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def file_size_limit(size: int) -> Iterator[None]:
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
