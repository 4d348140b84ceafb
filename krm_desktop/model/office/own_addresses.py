"""The office's own e-mail addresses (the KRM mailbox, the Geschäftsführung's mailbox, colleagues who forward).

A mail whose sender is one of them was forwarded inside the house: the original it carries names the customer
and the day it came in (issue 21). Kept as a setting of the database, so every workstation reads mails alike.
The check is a pure function: one address a line, a German message for each line that is none.
"""

from __future__ import annotations

from collections.abc import Iterable

from krm_desktop.model import validation as v
from krm_desktop.model.errors import ConflictError, ValidationError
from krm_desktop.model.store.settings import get_setting, put_setting, setting_version
from krm_desktop.model.store.transactions import write_transaction

OWN_ADDRESSES_KEY = "own_mail_addresses"
MAX_ADDRESSES = 50
MAX_LENGTH = 254  # the longest address a mail system delivers (RFC 5321)


def own_addresses() -> tuple[str, ...]:
    """The stored addresses, as typed (lower case)."""
    stored = get_setting(OWN_ADDRESSES_KEY, []) or []
    return tuple(str(address) for address in stored)


def address_lines(text: str) -> list[str]:
    """The addresses of a typed list: one a line; blank lines and surrounding spaces do not count."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def own_address_problems(text: str) -> dict[str, str]:
    """ "addresses" -> German message naming every line that is no e-mail address (empty: all is well)."""
    lines = address_lines(text)
    bad: list[str] = []
    for number, line in enumerate((raw.strip() for raw in text.splitlines()), start=1):
        if not line:
            continue
        if len(line) > MAX_LENGTH:
            bad.append(f"Zeile {number}: die Adresse ist länger als {MAX_LENGTH} Zeichen.")
        elif v.email_problem(line) or not line.isprintable():
            bad.append(f"Zeile {number}: „{line}“ ist keine E-Mail-Adresse (Beispiel: krm@jobcenter-beispiel.de).")
    if len(lines) > MAX_ADDRESSES:
        bad.append(f"Höchstens {MAX_ADDRESSES} Adressen; eingetragen sind {len(lines)}.")
    if not bad:
        return {}
    return {"addresses": "\n".join(bad)}


def normalised(lines: Iterable[str]) -> list[str]:
    """Lower case, each address once, in the order typed."""
    return list(dict.fromkeys(line.strip().lower() for line in lines if line.strip()))


def save_own_addresses(text: str, *, expected_version: int) -> int:
    """Store the typed list (only if nobody saved it meanwhile); returns the setting's new version."""
    errors = own_address_problems(text)
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        if setting_version(OWN_ADDRESSES_KEY) != expected_version:
            raise ConflictError(
                "Die eigenen E-Mail-Adressen wurden inzwischen an einem anderen Arbeitsplatz geändert. "
                "Bitte die Einstellungen schließen und neu öffnen."
            )
        put_setting(OWN_ADDRESSES_KEY, normalised(address_lines(text)))
        return setting_version(OWN_ADDRESSES_KEY)
