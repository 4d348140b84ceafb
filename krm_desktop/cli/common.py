"""What every command of the command line shares: German messages on stderr, JSON on stdout, dates, the user,
the database of --db and the PDF a command writes."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from krm_desktop.cli.faults import (
    NOTHING_CHANGED,
    READ_ONLY_FILE,
    is_db_fault,
    refuse_damaged_file,
    store_fault,
)
from krm_desktop.model.errors import KrmError, RefusedError, StoreError
from krm_desktop.model.office.acting import recorded_name
from krm_desktop.model.store.connection import Store, open_store, resolve_target
from krm_desktop.model.store.files import write_file
from krm_desktop.model.store.transactions import SaveFailed, write_transaction

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad usage: said as „Falscher Aufruf: …“, exit 2."""


FIRST_YEAR, LAST_YEAR = 1900, 2199  # dates outside are typing errors; date arithmetic near 1 or 9999 overflows


def iso_date(value: str) -> date:
    """argparse type: a date as JJJJ-MM-TT between 1900 and 2199, refused in German."""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{value}“ ist kein Datum im Format JJJJ-MM-TT") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(f"„{value}“: das Jahr muss zwischen {FIRST_YEAR} und {LAST_YEAR} liegen")
    return day


def acting_user() -> str:
    """Who is recorded with every change (as in the GUI): the office person this workstation's login acts as,
    once a database is open and the login assigned; else the login name ("unbekannt" where the system has none,
    as in some service contexts). The command line never asks who someone is."""
    try:
        login = getpass.getuser()
    except (ImportError, KeyError, OSError):  # no login variable and no account entry
        login = "unbekannt"
    return recorded_name(login)


def emit(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n")


def say(text: str) -> None:
    sys.stderr.write(text + "\n")


@contextmanager
def opened_store(db: str | None, *, create: bool = False, write: bool = False) -> Iterator[Store]:
    """The database named by --db (else KRM_DB, else the user's), closed again when the command is done.

    write=True: the command changes the database, so a damaged or read-only file is refused first (StoreError)
    and nothing is written (model.store.write_gate). A database fault while the command works (another desk
    locks the file, the drive goes away) becomes a German StoreError."""
    target = resolve_target(db)
    if write:
        refuse_damaged_file(target)
    store = open_store(target, create=create)
    try:
        if write and store.read_only:
            raise StoreError(f"{READ_ONLY_FILE.format(name=store.describe())} {NOTHING_CHANGED}")
        try:
            yield store
        except SaveFailed as exc:  # the GUI's words ("Ihre Eingaben sind noch da") do not fit a command
            raise StoreError(store_fault(exc)) from exc
        except Exception as exc:
            if not is_db_fault(exc):
                raise
            raise StoreError(store_fault(exc)) from exc
    finally:
        store.close()


def run_on_store(args: argparse.Namespace, work: Callable[[Store], int], *, write: bool = False) -> int:
    """`work` on the database of --db; a refusal or a database fault is said in German and gives exit 1."""
    try:
        with opened_store(getattr(args, "db", None), write=write) as store:
            return work(store)
    except KrmError as exc:
        say(exc.message)
        return EXIT_REFUSED


def check_pdf_target(out: Path) -> None:
    """A PDF can be written to `out`, else the call is bad usage."""
    if out.suffix.lower() != ".pdf":
        raise UsageError(f"die Zieldatei {out} muss auf .pdf enden.")
    if not out.parent.is_dir():
        raise UsageError(f"den Ordner {out.parent} gibt es nicht.")


def say_replaced(replaced: int) -> None:
    """Tell how many characters the font could not show, where there were any."""
    if replaced:
        say(f"Hinweis: {replaced} Zeichen kann die Schrift nicht darstellen; sie erscheinen als „�“.")


def keep_and_write(out: Path, pdf: bytes, keep: Callable[[], object]) -> None:
    """Keep a document in its case(s) with `keep` and write it to `out`, both or neither."""
    try:
        with write_transaction():
            keep()
            write_file(out, pdf)
    except OSError as exc:
        raise RefusedError(f"Die Datei {out} lässt sich nicht schreiben: {exc.strerror or exc}.") from exc
