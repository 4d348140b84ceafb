"""Exchange format (DESIGN §2): codes are read without regard to upper and lower case; a reference from another
system is kept as it is, whatever year or scheme it names (issue 18 item 8)."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.consistency import case_problems
from krm_desktop.model.store.entities import Case, Concern, Party
from tests import factories as f
from tests.model.exchange.test_case_import import counts, good, refusal, run_import


def stored(ref: str) -> Case:
    return Case.get(Case.ref == ref)


@pytest.mark.parametrize(
    ("field", "written", "code"),
    [
        ("kind", "Beschwerde", "beschwerde"),
        ("kind", "DIENSTAUFSICHTSBESCHWERDE", "dienstaufsichtsbeschwerde"),
        ("channel", "Email", "email"),
        ("channel", "Telefon", "telefon"),
        ("via", "BMAS", "bmas"),
        ("via", "Petitionsausschuss", "petitionsausschuss"),
    ],
)
def test_a_code_in_any_case_is_read_as_the_code(store, field: str, written: str, code: str) -> None:
    extra = {"via": "petitionsausschuss"} if code == "dienstaufsichtsbeschwerde" else {}
    assert run_import([good(ref="KRM-2026-0100", **{**extra, field: written})]) == 1
    assert getattr(stored("KRM-2026-0100"), field) == code


def test_salutation_outcome_and_concerns_in_any_case(store) -> None:
    line = good(
        ref="KRM-2026-0101",
        person={"salutation": "Frau", "name": "Erika Mustermann"},
        concerns=[{"kind": "BESCHWERDE", "outcome": "Begruendet"}, {"kind": "Lob", "outcome": None}],
        outcome="BEGRUENDET",
        closed="2026-11-10",
        answer_sent="2026-11-09",
    )
    second = good(ref="KRM-2026-0102", person={"salutation": "HERR", "name": "Max Muster"}, kind="Lob")
    assert run_import([line, second]) == 2
    case = stored("KRM-2026-0101")
    assert case.outcome == "begruendet" and Party.get_by_id(case.person_id).salutation == "frau"
    concerns = [(c.kind, c.outcome) for c in Concern.select().where(Concern.case == case.id).order_by(Concern.position)]
    assert concerns == [("beschwerde", "begruendet"), ("lob", None)]
    assert Party.get_by_id(stored("KRM-2026-0102").person_id).salutation == "herr"


@pytest.mark.parametrize(
    ("field", "value"),
    [("kind", "Beschwerden"), ("channel", "E-Mail"), ("via", "Direkt!"), ("outcome", "ja")],
)
def test_an_unknown_code_is_still_refused_naming_what_was_written(store, field: str, value: str) -> None:
    before = counts()
    changes = (
        {field: value, "closed": "2026-11-10", "answer_sent": "2026-11-09"} if field == "outcome" else {field: value}
    )
    errors = refusal([good(**changes)])
    assert any(f"„{value}“" in message for message in errors.values()), errors
    assert counts() == before


def test_a_salutation_that_is_no_code_is_refused(store) -> None:
    errors = refusal([good(person={"salutation": "Dr.", "name": "A"})])
    assert "„Dr.“" in errors["line 1.person.salutation"]


def test_a_reference_of_another_year_is_kept_as_it_is(store) -> None:
    assert run_import([good(ref="KRM-2025-0042"), good()]) == 2  # received 2026, named by an earlier year's number
    case = stored("KRM-2025-0042")
    assert (case.year, case.seq, case.received) == (2025, 42, date(2026, 11, 2))
    assert case_problems() == []
    new = f.register(received=date(2025, 12, 1), today=date(2025, 12, 1))  # the year's count goes on after it
    assert new.ref == "KRM-2025-0043"


@pytest.mark.parametrize("ref", ["AZ 2019/17", "II-6001-0815", "Petition 4711", "2024-BGF-12"])
def test_a_reference_of_another_system_is_kept_as_it_is(store, ref: str) -> None:
    assert run_import([good(ref=ref), good(), good(ref="KRM-2026-0007")]) == 3
    case = stored(ref)
    assert case.year == 2026 and case.seq >= 1
    refs = sorted(c.ref for c in Case.select())
    assert ref in refs and "KRM-2026-0007" in refs and len(set(Case.select(Case.seq).tuples())) == 3
    assert case_problems() == []
    nxt = cases.register(f.case_input(), today=f.TODAY, user=f.USER)
    assert nxt.ref not in refs


@pytest.mark.parametrize(
    ("ref", "words"),
    [
        ("KRM-26-1", "Format KRM-JJJJ-NNNN"),  # the program's own prefix, but not its format
        ("X" * 21, "länger als 20 Zeichen"),
        (" AZ 17", "Leerzeichen am Rand"),
        ("AZ\t17", "Steuerzeichen"),
        ("   ", "leer"),
    ],
)
def test_a_reference_that_cannot_be_kept_is_refused(store, ref: str, words: str) -> None:
    before = counts()
    errors = refusal([good(ref=ref)])
    assert words in errors["line 1.ref"], errors
    assert counts() == before


def test_another_systems_reference_comes_out_of_the_export_as_it_went_in(store) -> None:
    import json

    from tests.model.exchange.exchange_data import export_text

    run_import([good(ref="AZ 2019/17", received="2026-03-02"), good(ref="KRM-2024-0009"), good()])
    refs = sorted(json.loads(line)["ref"] for line in export_text().splitlines())
    assert refs[0] == "AZ 2019/17" and refs[1] == "KRM-2024-0009" and refs[2].startswith("KRM-2026-")
