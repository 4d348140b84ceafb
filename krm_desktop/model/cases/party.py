"""A party of a case as a value: what the entry form types, the person search finds and a letter addresses.

The store keeps each party as a row (`entities.Party`, with its `version`); `PartyRecord.of_row` and
`stored_fields` are the one place where a record and a row are converted into each other.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

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
