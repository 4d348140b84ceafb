"""What every command of the command line shares: German messages on stderr, JSON on stdout, dates, the user."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from datetime import date
from typing import Any

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def iso_date(value: str) -> date:
    """argparse type: a date as JJJJ-MM-TT, refused in German."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{value}“ ist kein Datum im Format JJJJ-MM-TT") from None


def acting_user() -> str:
    """The login name of this workstation's user, recorded with every change (as in the GUI); "unbekannt" where
    the system has none (some service contexts)."""
    try:
        return getpass.getuser()
    except (ImportError, KeyError, OSError):  # no login variable and no account entry
        return "unbekannt"


def emit(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n")


def say(text: str) -> None:
    sys.stderr.write(text + "\n")
