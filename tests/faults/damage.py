"""Damaging database files as disks, crashes and people do, and telling whether a file was changed."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

PAGE = 4096


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    """Every file of the folder (recursively) with its hash: proves nothing was written next to a file either."""
    return {str(p.relative_to(folder)): digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def root_page(path: Path, table: str = "krm_case") -> int:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0])
    finally:
        con.close()


def zero_page(path: Path, page: int) -> None:
    """Overwrite one page (1-based) with zeros, as a lost disk sector would."""
    with path.open("r+b") as handle:
        handle.seek((page - 1) * PAGE)
        handle.write(bytes(PAGE))


def garbage_header(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.write(b"\x13\x37KEINE DATENBANK\x00" + os.urandom(82))


def truncate(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.truncate(size // 2 + 123)


def empty(path: Path) -> None:
    path.write_bytes(b"")


def newer_schema(path: Path, version: int) -> None:
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {version}")
    con.commit()
    con.close()


def pdf_document() -> bytes:
    """A real one-page PDF (ReportLab), as a letter saved from the program would be."""
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    buffer = BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.drawString(72, 720, "Eingangsbestätigung")
    canvas.save()
    return buffer.getvalue()


def is_hot(path: Path) -> bool:
    """Whether the file has a hot journal: a read-only connection cannot read it before it is played back."""
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        return exc.sqlite_errorname == "SQLITE_READONLY_ROLLBACK"
    finally:
        con.close()
    return False


def interrupted_save(path: Path) -> None:
    """A process that dies (SIGKILL) in the middle of a big save: the file keeps a hot rollback journal."""
    import signal

    pid = os.fork()
    if pid == 0:  # the child: never returns
        con = sqlite3.connect(str(path), isolation_level=None)
        con.execute("PRAGMA cache_size = 1")  # spill changed pages into the file before the commit
        con.execute("BEGIN IMMEDIATE")
        con.execute("UPDATE krm_case SET subject = 'halb gespeichert', description = hex(randomblob(3000))")
        con.execute("CREATE TABLE ballast (x)")
        con.executemany("INSERT INTO ballast VALUES (randomblob(?))", [(8000,)] * 100)
        os.kill(os.getpid(), signal.SIGKILL)
    os.waitpid(pid, 0)
