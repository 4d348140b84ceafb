"""Import gaps of issue 16: characters one-line fields must not hold, long unknown keys, reference numbers
that do not fit, references the purge deleted, and impossible timelines."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from krm_desktop.model.cases import services as cases
from krm_desktop.model.store.connection import Store
from krm_desktop.model.store.entities import Case, PurgeLog
from krm_desktop.model.validation import parse_ref
from tests import factories as f
from tests.model.exchange.test_case_import import good, refusal, run_import


def person(**changes: str) -> dict[str, str]:
    return {"salutation": "frau", "name": "Erika Mustermann", "city": "Lübeck", **changes}


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"person": person(email="erika\x00@example.de")}, "person.email", "Steuerzeichen (U+0000)"),
        ({"person": person(email="erika@example.de\n")}, "person.email", "Zeilenumbruch"),
        ({"person": person(postcode="23552\n")}, "person.postcode", "Zeilenumbruch"),
        ({"person": person(phone="0451 123\n")}, "person.phone", "Zeilenumbruch"),
        ({"person": person(postcode="٢٣٥٥٢")}, "person.postcode", "5 Ziffern"),
        ({"person": person(customer_no="١٢٣A456789")}, "person.customer_no", "Format"),
        ({"person": person(name="Erika\ue000 Mustermann")}, "person.name", "U+E000"),
        ({"person": person(city="Lübeck\u2028Travemünde")}, "person.city", "U+2028"),
        ({"subject": "Wartezeit\u2029"}, "subject", "U+2029"),
        ({"description": "Zeile eins\u2028Zeile zwei"}, "description", "U+2028"),
        ({"team": "Team 401\n"}, "team", "Zeilenumbruch"),
    ],
)
def test_characters_one_line_fields_cannot_hold_are_refused_naming_the_field(
    store: Store, changes: dict[str, Any], field: str, words: str
) -> None:
    errors = refusal([good(**changes)])
    assert list(errors) == [f"line 1.{field}"], errors
    assert f"Zeile 1, Feld „{field}“" in errors[f"line 1.{field}"] and words in errors[f"line 1.{field}"]
    assert Case.select().count() == 0


@pytest.mark.parametrize("where", ["line", "person"])
def test_an_unknown_key_is_quoted_once_and_shortened(store: Store, where: str) -> None:
    key = "x" * 10_000
    line = good(**{key: 1}) if where == "line" else good(person=person(**{key: "1"}))
    errors = refusal([line])
    ((name, message),) = errors.items()
    assert message.count("x" * 80) == 1 and "x" * 81 not in message  # what a person reads
    assert len(message) < 1_000 and len(name) < 120
    assert "Unbekanntes Feld" in message


def test_the_highest_reference_number_does_not_lead_to_one_that_does_not_fit(store: Store) -> None:
    assert run_import([good(ref="KRM-2026-999999")]) == 1
    after = f.register(received=date(2026, 11, 3))
    assert parse_ref(after.ref) is not None, after.ref
    assert run_import([good(received="2026-11-04")]) == 1
    for (ref,) in Case.select(Case.ref).tuples():
        assert parse_ref(ref) is not None, ref
    assert "Format" in refusal([good(ref="KRM-2026-1000000")])["line 1.ref"]


def deleted(*refs: str) -> None:
    """A Löschprotokoll that deleted these references whole (as `execute_purge` writes it)."""
    rules = [{"code": "ba_delete", "label": "Löschung", "action": "delete", "count": len(refs), "refs": list(refs)}]
    PurgeLog.create(
        run_id="r1", done_on=date(2026, 1, 5), done_by=f.USER, as_of=date(2025, 12, 31), profile="luebeck",
        method="ba", rules=json.dumps(rules), deleted=len(refs),
    )  # fmt: skip


def test_a_deleted_reference_is_never_given_again(store: Store) -> None:
    earlier = f.register(received=date(2026, 10, 1), person=None)
    f.act(cases.close, earlier, closed_on=date(2026, 10, 5), outcomes={1: "begruendet"})
    follow = f.register(kind="folgereaktion", follows_ref=earlier.ref, received=date(2026, 10, 10))
    Case.update(follows=None).where(Case.id == follow.id).execute()
    Case.delete().where(Case.id == earlier.id).execute()  # what the purge does to the earlier case
    deleted(earlier.ref)
    follow_ref = follow.ref  # KRM-2026-0002, the highest number left

    refused = refusal([good(ref=earlier.ref, received="2026-10-01")])
    assert "gelöscht" in refused["line 1.ref"]
    assert run_import([good(received="2026-11-03"), good(received="2026-11-04")]) == 2
    fresh = f.register(received=date(2026, 11, 5))
    refs = {ref for (ref,) in Case.select(Case.ref).tuples()}
    assert earlier.ref not in refs and follow_ref in refs and fresh.ref in refs and len(refs) == 4


def test_a_deleted_highest_reference_is_not_given_again(store: Store) -> None:
    first = f.register(received=date(2026, 10, 1), person=None)
    last = f.register(received=date(2026, 10, 2), person=None)
    Case.delete().where(Case.id == last.id).execute()
    deleted(last.ref)
    assert f.register(received=date(2026, 11, 3)).ref not in (first.ref, last.ref)
    run_import([good(received="2026-11-04")])
    assert last.ref not in {ref for (ref,) in Case.select(Case.ref).tuples()}


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"ack_sent": "2026-11-05", "answer_sent": "2026-11-04"}, "answer_sent", "Eingangsbestätigung"),
        (
            {"answer_sent": "2026-11-10", "closed": "2026-11-09", "outcome": "begruendet"},
            "closed",
            "Versand der Antwort",
        ),
        ({"ack_sent": "2026-11-01"}, "ack_sent", "Eingang"),
        ({"interim_sent": "2026-11-06", "answer_sent": "2026-11-05"}, "answer_sent", "Zwischennachricht"),
        ({"ack_sent": "2026-11-08", "closed": "2026-11-07", "outcome": "begruendet"}, "closed", "Eingangsbestätigung"),
    ],
)
def test_impossible_timelines_are_refused_naming_line_and_field(
    store: Store, changes: dict[str, Any], field: str, words: str
) -> None:
    errors = refusal([good(received="2026-11-02"), good(received="2026-11-02", **changes)])
    assert f"line 2.{field}" in errors, errors
    assert f"Zeile 2, Feld „{field}“" in errors[f"line 2.{field}"] and words in errors[f"line 2.{field}"]
    assert Case.select().count() == 0
