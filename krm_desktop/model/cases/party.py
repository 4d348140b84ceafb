"""A party of a case as a value: what the entry form types, the person search finds and a letter addresses.

The store keeps each party as a row (`entities.Party`, with its `version`); `PartyRecord.of_row` and
`stored_fields` are the one place where a record and a row are converted into each other. `party_errors` checks a
party as the intake and the correction (Art. 16) take it; `normalised_party` is what is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from krm_desktop.model import validation as v
from krm_desktop.model.codes import PARTY_ROLES, SALUTATIONS
from krm_desktop.model.store.entities import Party


@dataclass(frozen=True)
class PartyRecord:
    name: str
    role: str = "kunde"  # kunde, vertreter, institution, behoerde (the search adds vertreten, beschaeftigt)
    salutation: str | None = None  # frau, herr, divers, None
    street: str = ""
    postcode: str = ""
    city: str = ""
    email: str = ""
    phone: str = ""
    customer_no: str = ""
    bg_no: str = ""

    @classmethod
    def of_row(cls, row: Party) -> PartyRecord:
        return cls(*(getattr(row, name) for name in PARTY_FIELDS))

    def stored_fields(self) -> dict[str, Any]:
        """The record as the keyword arguments of `Party.create` / `Party.update`."""
        return {name: getattr(self, name) for name in PARTY_FIELDS}


PARTY_FIELDS = tuple(f.name for f in fields(PartyRecord))


def party_columns(model: Any = Party) -> tuple[Any, ...]:
    """The columns of a party row (or of an alias of the table) in the order of `PartyRecord`'s fields."""
    return tuple(getattr(model, name) for name in PARTY_FIELDS)


def normalised_party(party: PartyRecord) -> PartyRecord:
    """The party as stored: name trimmed, Kunden- and BG-Nummer normalised, no empty salutation."""
    return replace(
        party,
        name=party.name.strip(),
        salutation=party.salutation or None,
        customer_no=v.normalise_number(party.customer_no),
        bg_no=v.normalise_number(party.bg_no),
    )


# A party's text fields with their German labels and lengths (the database's column sizes).
PARTY_TEXT_FIELDS = (
    ("name", "Name", 300),
    ("street", "Straße", 300),
    ("postcode", "Postleitzahl", 10),
    ("city", "Ort", 120),
    ("email", "E-Mail-Adresse", 200),
    ("phone", "Telefonnummer", 60),
    ("customer_no", "Kundennummer", 30),
    ("bg_no", "BG-Nummer", 30),
)


def party_errors(party: PartyRecord, prefix: str) -> dict[str, str]:
    """The problems of a party (after `normalised_party`): field -> message."""
    errors: dict[str, str] = {}
    # Every field is one line: no line break, control, invisible or private-use character, as typed (a
    # trailing line break would survive the normalising below in the stored value).
    checks: list[tuple[str, str | None]] = [
        (name, v.one_line_problem(getattr(party, name), label, max_len=max_len))
        for name, label, max_len in PARTY_TEXT_FIELDS
    ]
    party = normalised_party(party)
    checks += [
        ("name", v.required_problem(party.name, "Name")),
        ("role", None if party.role in PARTY_ROLES else v.code_problem(party.role, PARTY_ROLES, "Rolle")),
        (
            "salutation",
            None
            if party.salutation in (None, *SALUTATIONS)
            else v.code_problem(party.salutation, SALUTATIONS, "Anrede"),
        ),
        ("postcode", v.postcode_problem(party.postcode.strip())),
        ("email", v.email_problem(party.email.strip())),
        ("phone", v.phone_problem(party.phone.strip())),
        ("customer_no", v.customer_no_problem(party.customer_no)),
        ("bg_no", v.bg_no_problem(party.bg_no)),
    ]
    for name, problem in checks:
        if problem and f"{prefix}.{name}" not in errors:
            errors[f"{prefix}.{name}"] = problem
    return errors
