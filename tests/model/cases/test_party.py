"""One party record: typed in the form, stored as a row, read back by the search and the letters."""

from __future__ import annotations

import pytest

from krm_desktop.model.cases.party import PartyRecord, normalised_party, party_errors
from krm_desktop.model.store.entities import Party


def test_a_record_is_stored_and_read_back_unchanged(store) -> None:
    record = PartyRecord(
        "Erika Mustermann",
        "kunde",
        "frau",
        "Breite Straße 12",
        "23552",
        "Lübeck",
        "e@example.org",
        "0451 1",
        "123A456789",
    )
    row = Party.create(**record.stored_fields())
    assert PartyRecord.of_row(Party.get_by_id(row.id)) == record


def test_a_record_cannot_be_changed_in_place() -> None:
    record = PartyRecord("Erika Mustermann")
    with pytest.raises(AttributeError):
        record.name = "Erika Muster"  # type: ignore[misc]


def test_the_checks_judge_the_normalised_record_and_leave_the_typed_one_alone() -> None:
    typed = PartyRecord(" Erika Mustermann ", salutation="", customer_no="123a 456789", bg_no="23501 bg 0012345")
    assert party_errors(typed, "person") == {}
    assert typed.customer_no == "123a 456789"
    stored = normalised_party(typed)
    assert (stored.name, stored.salutation, stored.customer_no, stored.bg_no) == (
        "Erika Mustermann",
        None,
        "123A456789",
        "23501BG0012345",
    )
    assert set(party_errors(PartyRecord("", salutation="fräulein"), "x")) == {"x.name", "x.salutation"}
