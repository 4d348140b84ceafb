"""`krm-desktop --db X auskunft --person "NAME" --out F.pdf` (DESIGN.md §2 style: JSON out, German err, 0/1/2)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from krm_desktop.cli import main as cli
from krm_desktop.model.persons.auskunft import open_auskunft_requests, record_request
from krm_desktop.model.persons.search import PersonQuery, find_persons
from krm_desktop.model.persons.spelling import fold
from krm_desktop.model.store.connection import open_store
from krm_desktop.model.store.entities import Event, Letter
from tests import factories as f
from tests.cli.conftest import Run
from tests.conftest import make_store
from tests.documents.conftest import set_letterhead
from tests.documents.pdf_tools import squeezed, text
from tests.person_data import OTHERS, build_world
from tests.third_party_data import LEAKS, build_dab


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "krm.sqlite3"
    store = make_store(path)
    set_letterhead()
    build_world()
    store.close()
    return str(path)


def test_writes_the_auskunft_of_the_person_and_keeps_it_in_her_cases(run: Run, db: str, tmp_path: Path) -> None:
    out = tmp_path / "auskunft.pdf"
    code, payload, err = run(
        "--db", db, "auskunft", "--person", "MUELLER,  Erika", "--customer-no", "123a456789",
        "--out", str(out), "--date", "2026-11-20", "--received", "2026-11-18",
    )  # fmt: skip
    assert code == 0, err
    data = out.read_bytes()
    assert payload is not None
    assert payload["person"] == "Erika Müller" and len(payload["cases"]) == 6
    assert payload["received"] == "2026-11-18" and payload["due"] == "2026-12-18"
    assert payload["pages"] >= 8 and payload["bytes"] == len(data) and payload["withheld"] == 6
    assert payload["request"] is None and payload["answered"] is False
    printed = text(data)
    assert squeezed("also bis zum 18.12.2026") in squeezed(printed)
    for other in OTHERS:
        assert fold(other) not in fold(printed), other
    assert "geschrieben" in err and "Frist 18.12.2026" in err
    store = open_store(db)
    try:
        assert Letter.select().where(Letter.doc_type == "auskunft").count() == 6
    finally:
        store.close()


def test_a_recorded_request_gives_the_date_and_is_marked_answered(run: Run, db: str, tmp_path: Path) -> None:
    store = open_store(db)
    try:
        person = find_persons(PersonQuery(text="Hans Müller")).persons[0]
        record_request(person, received=date(2026, 11, 2), today=f.TODAY, user=f.USER)
    finally:
        store.close()
    code, payload, err = run(
        "--db", db, "auskunft", "--person", "hans mueller", "--out", str(tmp_path / "h.pdf"),
        "--date", "2026-11-20", "--mark-answered",
    )  # fmt: skip
    assert code == 0, err
    assert payload is not None and payload["request"] == "AUS-2026-001" and payload["answered"] is True
    assert payload["received"] == "2026-11-02" and payload["due"] == "2026-12-02"
    store = open_store(db)
    try:
        assert open_auskunft_requests(f.TODAY) == []
        assert Event.select().where(Event.action == "auskunft_answered").count() == 1
    finally:
        store.close()


def test_several_persons_are_listed_with_how_to_narrow(run: Run, db: str, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    code, payload, err = run("--db", db, "auskunft", "--person", "Erika Müller", "--out", str(out))
    assert code == 1 and payload is None and not out.exists()
    assert "Mehrere Personen passen zu „Erika Müller“:" in err
    assert "1. Erika Müller – Breite Straße 12" in err and "999Z999999" in err
    assert "--customer-no" in err and "--merge" in err
    code, payload, err = run(
        "--db", db, "auskunft", "--person", "Erika Müller", "--merge", "--out", str(out), "--date", "2026-11-20"
    )
    assert code == 0, err
    assert payload is not None and len(payload["cases"]) == 7


def test_no_person_and_bad_usage(run: Run, db: str, tmp_path: Path) -> None:
    code, payload, err = run("--db", db, "auskunft", "--person", "Zacharias", "--out", str(tmp_path / "z.pdf"))
    assert (code, payload) == (1, None) and "Keine Person gefunden für „Zacharias“." in err
    code, _, err = run("--db", db, "auskunft", "--person", "Hans Müller", "--out", str(tmp_path / "z.txt"))
    assert code == 2 and "muss auf .pdf enden" in err
    code, _, err = run("--db", db, "auskunft", "--person", "Hans", "--out", str(tmp_path / "nix" / "z.pdf"))
    assert code == 2 and "gibt es nicht" in err
    code, _, err = run("--db", db, "auskunft", "--person", "  ", "--out", str(tmp_path / "z.pdf"))
    assert code == 2 and "--person ist leer" in err
    code, _, err = run(
        "--db", db, "auskunft", "--person", "Hans Müller", "--out", str(tmp_path / "z.pdf"),
        "--date", "2026-11-20", "--received", "2026-11-21",
    )  # fmt: skip
    assert code == 2 and "--received liegt nach" in err
    with pytest.raises(SystemExit) as caught:
        cli.build_parser().parse_args(["auskunft", "--person", "x", "--out", "a.pdf", "--date", "20.11.2026"])
    assert caught.value.code == 2
    code, _, err = run("--db", str(tmp_path / "fehlt.sqlite3"), "auskunft", "--person", "x", "--out",
                       str(tmp_path / "z.pdf"))  # fmt: skip
    assert code == 1 and "gibt es nicht" in err


def test_the_json_reports_what_was_withheld_without_the_values(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "dab.sqlite3"
    store = make_store(path)
    set_letterhead()
    case = build_dab()
    store.close()
    out = tmp_path / "kuehn.pdf"
    code, payload, err = run("--db", str(path), "auskunft", "--person", "Sabine Kühn", "--out", str(out))
    assert code == 0, err
    assert payload is not None
    passages = payload["withheld_passages"]
    assert {p["ref"] for p in passages} == {case.ref}
    assert all(set(p) == {"ref", "item", "kind"} for p in passages)
    kinds = {p["kind"] for p in passages}
    assert {"Name", "Kundennummer", "BG-Nummer", "Anschrift", "Telefon", "E-Mail"} <= kinds
    assert any(p["item"].endswith(":case:description") for p in passages)
    assert any(":event:" in p["item"] for p in passages)  # the history too
    assert payload["withheld_by_kind"]["Telefon"] == 2
    dumped = json.dumps(payload) + err
    assert not [leak for leak in LEAKS if leak in dumped]  # no withheld value printed
    printed = squeezed(text(out.read_bytes()))
    assert not [leak for leak in LEAKS if squeezed(leak) in printed]
