"""`auskunft --person NAME [--include REF …]`: exact names are the person, similar ones candidates (issue 16.2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from krm_desktop.model.store.connection import open_store
from krm_desktop.model.store.entities import Letter
from tests import factories as f
from tests.cli.conftest import Run
from tests.conftest import make_store
from tests.documents.conftest import set_letterhead
from tests.documents.pdf_tools import text
from tests.household_data import build_household


@pytest.fixture
def household(db_target: str) -> tuple[str, dict[str, str]]:
    """The household of `tests.household_data` on SQLite (and PostgreSQL with KRM_TEST_PG_URL)."""
    store = make_store(db_target)  # type: ignore[arg-type]
    set_letterhead()
    refs = build_household()
    store.close()
    return db_target, refs


def _auskunft(run: Run, db: str, out: Path, *extra: str) -> tuple[int, dict | None, str]:
    return run("--db", db, "auskunft", "--person", "Anna Schmidt", "--out", str(out), "--date", "2026-11-20", *extra)


def test_a_household_member_is_a_candidate_not_part_of_the_auskunft(
    run: Run, household: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    db, refs = household
    out = tmp_path / "anna.pdf"
    code, payload, err = _auskunft(run, db, out)
    assert code == 0, err
    assert payload is not None and payload["cases"] == [refs["anna"]]
    candidates = {c["ref"]: c for c in payload["candidates"]}
    assert set(candidates) == {refs["tochter"], refs["anne"], refs["bernd"]}
    assert candidates[refs["tochter"]]["name"] == "Anna Schmidt (Tochter)"
    assert "gleiche Telefonnummer" in candidates[refs["tochter"]]["why"]
    assert "gleiche Anschrift" in candidates[refs["tochter"]]["why"]
    assert "Kölner Phonetik" in candidates[refs["anne"]]["why"]
    assert "gleiche Anschrift" in candidates[refs["bernd"]]["why"]
    printed = text(out.read_bytes())
    assert refs["anna"] in printed
    for other in ("tochter", "anne", "bernd"):
        assert refs[other] not in printed
    assert "Ausbildungsförderung" not in printed and "Bernd" not in printed
    assert "--include" in err and refs["tochter"] in err


def test_a_candidate_goes_in_only_when_named_with_include(
    run: Run, household: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    db, refs = household
    out = tmp_path / "anna.pdf"
    code, payload, err = _auskunft(run, db, out, "--include", refs["tochter"])
    assert code == 0, err
    assert payload is not None and sorted(payload["cases"]) == sorted([refs["anna"], refs["tochter"]])
    assert {c["ref"] for c in payload["candidates"]} == {refs["anne"], refs["bernd"]}
    printed = text(out.read_bytes())
    assert refs["tochter"] in printed and refs["anne"] not in printed


def test_include_of_a_case_that_is_no_candidate_is_refused_and_writes_nothing(
    run: Run, household: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    db, refs = household
    out = tmp_path / "anna.pdf"
    for wrong in ("KRM-2026-999", "quatsch"):
        code, payload, err = _auskunft(run, db, out, "--include", wrong)
        assert code == 1 and payload is None and not out.exists()
        assert f"{wrong} ist weder eine Kundenreaktion der Person noch ein ähnlicher Treffer" in err
        assert refs["tochter"] in err and "Traceback" not in err
    store = open_store(db)
    try:
        assert Letter.select().count() == 0
    finally:
        store.close()


def test_only_similar_names_make_no_auskunft_without_include(
    run: Run, household: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    db, refs = household
    out = tmp_path / "x.pdf"
    code, payload, err = run("--db", db, "auskunft", "--person", "Anni Schmit", "--out", str(out))
    assert code == 1 and not out.exists()
    assert payload is not None and payload["cases"] == []
    assert {c["ref"] for c in payload["candidates"]} >= {refs["anna"], refs["anne"]}
    assert "Kein Name passt genau" in err and "--include" in err
    code, payload, err = run(
        "--db", db, "auskunft", "--person", "Anni Schmit", "--out", str(out), "--include", refs["anne"]
    )
    assert code == 0, err
    assert payload is not None and payload["cases"] == [refs["anne"]] and out.exists()


@pytest.mark.parametrize(
    ("stored", "searched"),
    [
        (("Jürgen Groß", "Juergen Gross", "JÜRGEN  GROSS", "Groß, Jürgen"), "jürgen groß"),
        (("Ayşe Yılmaz", "AYŞE YILMAZ", "Ayşe Yilmaz", " Ayşe   Yılmaz "), "Ayşe Yilmaz"),
    ],
)
def test_spelling_variants_of_the_name_are_the_person(
    run: Run, tmp_path: Path, stored: tuple[str, ...], searched: str
) -> None:
    path = tmp_path / "krm.sqlite3"
    store = make_store(path)
    set_letterhead()
    refs = [f.register(person=f.person(name, phone="0451 1", customer_no="123A456789")).ref for name in stored]
    store.close()
    out = tmp_path / "a.pdf"
    code, payload, err = run("--db", str(path), "auskunft", "--person", searched, "--out", str(out))
    assert code == 0, err
    assert payload is not None and sorted(payload["cases"]) == sorted(refs) and payload["candidates"] == []
