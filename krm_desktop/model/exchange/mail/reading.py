"""Which reader a dropped or named file goes to: an .eml mail, an Outlook .msg or a scanned letter (PDF),
decided by what the file holds (its first bytes), not only by its name. Too large, empty or foreign files are
refused with a German ValidationError on the field "file" before any parsing."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from krm_desktop.model.cases.attachments import format_size
from krm_desktop.model.errors import ValidationError
from krm_desktop.model.exchange.mail.draft import CaseDraft
from krm_desktop.model.exchange.mail.eml import read_eml
from krm_desktop.model.exchange.mail.scanned_letter import read_scan

MAX_INPUT_BYTES = 50 * 1024 * 1024  # a mail or scan larger than this is refused unread
_PDF = b"%PDF-"
_OLE = bytes.fromhex("d0cf11e0a1b11ae1")  # Outlook's .msg is an OLE compound file


def _too_large(name: str, size: int) -> ValidationError:
    return ValidationError(
        {
            "file": f"„{name}“ ist mit {format_size(size)} zu groß, um daraus eine Kundenreaktion vorzuschlagen "
            f"(höchstens {format_size(MAX_INPUT_BYTES)}). Bitte die Kundenreaktion von Hand erfassen und die "
            "Anlagen einzeln hinzufügen."
        }
    )


def _empty(name: str) -> ValidationError:
    return ValidationError({"file": f"„{name}“ ist leer (0 Byte). Bitte die E-Mail erneut speichern."})


def read_draft(name: str, data: bytes, *, today: date, own_addresses: Iterable[str] = ()) -> CaseDraft:
    """The case a mail (.eml/.msg) or a scanned letter (.pdf) proposes; touches no database.

    Raises ValidationError({"file": …}) for a file that is none of these, empty or too large."""
    if not data:
        raise _empty(name)
    if len(data) > MAX_INPUT_BYTES:
        raise _too_large(name, len(data))
    own = frozenset(address.strip().lower() for address in own_addresses if address.strip())
    if data.startswith(_PDF) or (name.lower().endswith(".pdf") and _PDF in data[:1024]):
        return read_scan(name, data)
    if data.startswith(_OLE):
        from krm_desktop.model.exchange.mail.outlook import read_msg

        return read_msg(name, data, today=today, own_addresses=own)
    try:
        return read_eml(name, data, today=today, own_addresses=own)
    except RecursionError:  # the email package reads nested parts recursively; no mail program nests so deep
        raise ValidationError(
            {"file": f"„{name}“ lässt sich nicht lesen: die Teile der E-Mail sind zu tief ineinander verschachtelt."}
        ) from None


def read_draft_file(path: Path, *, today: date, own_addresses: Iterable[str] = ()) -> CaseDraft:
    """read_draft of a file on disk; its size is checked before it is read. German refusals, no OSError."""
    name = path.name
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ValidationError({"file": f"„{name}“ ist ein Ordner, keine E-Mail."})
        if size > MAX_INPUT_BYTES:
            raise _too_large(name, size)
        if size == 0:
            raise _empty(name)
        data = path.read_bytes()
    except FileNotFoundError:
        raise ValidationError({"file": f"Die Datei {path} gibt es nicht (mehr)."}) from None
    except OSError as exc:
        reason = os.strerror(exc.errno) if exc.errno is not None else str(exc)
        raise ValidationError({"file": f"Die Datei {path} lässt sich nicht lesen: {reason}."}) from None
    return read_draft(name, data, today=today, own_addresses=own_addresses)
