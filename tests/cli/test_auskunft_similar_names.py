"""`auskunft --person Jilmaz` (issue 20.7): a misspelt name offers the person as a candidate, never silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import factories as f
from tests.cli.conftest import Run
from tests.conftest import make_store
from tests.documents.conftest import set_letterhead


@pytest.fixture
def yilmaz(db_target: str) -> tuple[str, str, str]:
    """Mehmet Yilmaz and an unrelated Dirk Brandt; (target, Mehmet's ref, Dirk's ref)."""
    store = make_store(db_target)  # type: ignore[arg-type]
    set_letterhead()
    mehmet = f.register(person=f.person("Yilmaz, Mehmet", salutation="herr", customer_no="111A111111", bg_no="")).ref
    dirk = f.register(person=f.person("Dirk Brandt", customer_no="222B222222", bg_no="")).ref
    store.close()
    return db_target, mehmet, dirk


@pytest.mark.parametrize("name", ["Yilmas", "Jilmaz", "Mehmet Jilmaz", "Mehmed Yilmas"])
def test_a_misspelt_name_offers_the_person_only_as_candidate(
    run: Run, yilmaz: tuple[str, str, str], tmp_path: Path, name: str
) -> None:
    db, mehmet, _ = yilmaz
    out = tmp_path / "a.pdf"
    code, payload, err = run("--db", db, "auskunft", "--person", name, "--out", str(out))
    assert code == 1 and not out.exists() and "Kein Name passt genau" in err
    assert payload is not None and payload["cases"] == []
    assert payload["candidates"] == [
        {"ref": mehmet, "name": "Yilmaz, Mehmet", "why": "ähnlich klingender Name (Kölner Phonetik)"}
    ]
    code, payload, err = run("--db", db, "auskunft", "--person", name, "--out", str(out), "--include", mehmet)
    assert code == 0, err
    assert payload is not None and payload["cases"] == [mehmet] and out.exists()


def test_an_unrelated_name_finds_nobody(run: Run, yilmaz: tuple[str, str, str], tmp_path: Path) -> None:
    db, _, _ = yilmaz
    code, payload, err = run("--db", db, "auskunft", "--person", "Zuckerberg", "--out", str(tmp_path / "a.pdf"))
    assert code == 1 and "Keine Person gefunden" in err and not (payload or {}).get("candidates")
