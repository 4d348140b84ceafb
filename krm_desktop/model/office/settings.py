"""The office's letterhead (its fields, checks and logo), kept as settings in the database."""

from __future__ import annotations

import base64

from krm_desktop.model import validation as v
from krm_desktop.model.errors import ConflictError, ValidationError
from krm_desktop.model.store.settings import get_setting, put_setting, setting_version
from krm_desktop.model.store.transactions import write_transaction

LETTERHEAD_KEY = "letterhead"
LETTERHEAD_LOGO_KEY = "letterhead_logo"
LETTERHEAD_FIELDS = (
    "office_name",
    "department",  # e.g. "Büro der Geschäftsführung", under the office name
    "street",
    "postcode",
    "city",
    "phone",
    "email",
    "website",
    "opening_hours",  # several lines
    "footer",  # bank and legal lines, several lines
    "contact_name",  # Ansprechpartner/in of the BGF letters (Eingangsbestätigung, Zwischennachricht, …)
    "contact_phone",
    "contact_email",
)
MULTILINE_FIELDS = frozenset({"opening_hours", "footer"})
FIELD_LABELS = {
    "office_name": "Name der Dienststelle",
    "department": "Organisationseinheit",
    "street": "Straße und Hausnummer",
    "postcode": "PLZ",
    "city": "Ort",
    "phone": "Telefon",
    "email": "E-Mail",
    "website": "Internet",
    "opening_hours": "Öffnungszeiten",
    "footer": "Fußzeilen (Bankverbindung, Rechtliches)",
    "contact_name": "Ansprechpartner/in im BGF",
    "contact_phone": "Telefon der Ansprechperson",
    "contact_email": "E-Mail der Ansprechperson",
}
MAX_LOGO_BYTES = 1_000_000
_LOGO_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def letterhead() -> dict[str, str]:
    stored = get_setting(LETTERHEAD_KEY, {}) or {}
    return {name: str(stored.get(name, "")) for name in LETTERHEAD_FIELDS}


def letterhead_problems(values: dict[str, str]) -> dict[str, str]:
    """field -> German message for every letterhead value that cannot be stored."""
    errors: dict[str, str] = {}
    for name, value in values.items():
        if name not in LETTERHEAD_FIELDS:
            errors[name] = f"Unbekanntes Feld „{name}“ im Briefkopf."
            continue
        multiline = name in MULTILINE_FIELDS
        problem = v.text_problem(value, FIELD_LABELS[name], max_len=600 if multiline else 200, multiline=multiline)
        if not problem and name in ("email", "contact_email"):
            problem = v.email_problem(value.strip())
        if not problem and name in ("phone", "contact_phone"):
            problem = v.phone_problem(value.strip())
        if not problem and name == "postcode":
            problem = v.postcode_problem(value.strip())
        if problem:
            errors[name] = problem
    if "office_name" in values and not values["office_name"].strip():
        errors.setdefault("office_name", "Bitte den Namen der Dienststelle angeben.")
    return errors


def save_letterhead(values: dict[str, str], *, expected_version: int) -> int:
    """Store the letterhead (only if nobody saved it meanwhile); returns the new version."""
    errors = letterhead_problems(values)
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        if setting_version(LETTERHEAD_KEY) != expected_version:
            raise ConflictError("Der Briefkopf wurde inzwischen an einem anderen Platz geändert. Bitte neu laden.")
        merged = letterhead()
        merged.update(
            {name: value.strip() if name not in MULTILINE_FIELDS else value for name, value in values.items()}
        )
        put_setting(LETTERHEAD_KEY, merged)
        return setting_version(LETTERHEAD_KEY)


def letterhead_logo() -> bytes | None:
    """The logo image (PNG or JPEG) printed in the letterhead, kept in the database so every workplace has it."""
    stored = get_setting(LETTERHEAD_LOGO_KEY)
    return base64.b64decode(stored) if stored else None


def logo_problem(data: bytes) -> str | None:
    if len(data) > MAX_LOGO_BYTES:
        return f"Das Logo ist zu groß ({len(data) // 1000} kB); höchstens {MAX_LOGO_BYTES // 1000} kB."
    if not data.startswith(_LOGO_MAGIC):
        return "Das Logo muss eine PNG- oder JPEG-Datei sein."
    return None


def save_letterhead_logo(data: bytes | None) -> None:
    """Store the logo (None removes it)."""
    if data is not None:
        problem = logo_problem(data)
        if problem:
            raise ValidationError({"logo": problem})
    put_setting(LETTERHEAD_LOGO_KEY, base64.b64encode(data).decode("ascii") if data else None)
