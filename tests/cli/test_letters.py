"""`krm-desktop --db X letter --case REF --type T --out F.pdf` (DESIGN.md §2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from krm_desktop.model.store.connection import open_store
from krm_desktop.model.store.entities import Event, Letter
from tests import factories as f
from tests.cli.conftest import Run
from tests.conftest import make_store
from tests.documents.pdf_tools import text


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "krm.sqlite3"
    store = make_store(path)
    team = f.team()
    f.staff("Thomas Lehmann", "TL", team)
    f.register(team_id=team.id)  # KRM-2026-0001
    f.register(person=None)  # KRM-2026-0002, anonymous
    f.register(kind="eingabe", via="bmas", requesting_body="Bundesministerium für Arbeit und Soziales")  # 0003
    store.close()
    return str(path)


def test_letter_writes_the_pdf_and_keeps_it_in_the_case(run: Run, db: str, tmp_path: Path) -> None:
    out = tmp_path / "eb.pdf"
    code, payload, err = run(
        "--db", db, "letter", "--case", "KRM-2026-0001", "--type", "eingangsbestaetigung", "--out", str(out),
        "--date", "2026-11-04",
    )  # fmt: skip
    assert code == 0, err
    data = out.read_bytes()
    assert payload == {"case": "KRM-2026-0001", "type": "eingangsbestaetigung", "out": str(out), "pages": 1,
                       "bytes": len(data)}  # fmt: skip
    assert "Sehr geehrte Frau Mustermann," in text(data) and "04.11.2026" in text(data)
    assert "geschrieben" in err
    store = open_store(db)
    try:
        letter = Letter.get()
        assert bytes(letter.pdf) == data and letter.doc_type == "eingangsbestaetigung"
        assert Event.select().where(Event.action == "letter").count() == 1
    finally:
        store.close()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--case", "KRM-2026-0099", "--type", "antwort"], 1, "KRM-2026-0099 gibt es nicht"),
        (["--case", "KRM-2026-0002", "--type", "verzicht"], 1, "ist anonym"),
        (["--case", "KRM-2026-0001", "--type", "stellungnahme"], 1, "nur zu Petitionen und Eingaben"),
        (["--case", "KRM-2026-0003", "--type", "stellungnahme"], 1, "keine vollständige Anschrift"),
        (["--case", "KRM-2026-0001", "--type", "zwischennachricht"], 1, "Grund der Verzögerung"),
        (["--case", "KRM-2026-0001", "--type", "brief"], 2, "unbekannte Schreibenart „brief“"),
        (["--case", "42", "--type", "antwort"], 2, "kein Zeichen einer Kundenreaktion"),
    ],
)
def test_refusals_and_bad_usage(run: Run, db: str, tmp_path: Path, args: list[str], code: int, message: str) -> None:
    out = tmp_path / "x.pdf"
    got, payload, err = run("--db", db, "letter", *args, "--out", str(out))
    assert got == code and payload is None
    assert message in err
    assert not out.exists()
    store = open_store(db)
    try:
        assert Letter.select().count() == 0
    finally:
        store.close()


def test_missing_folder_is_bad_usage(run: Run, db: str, tmp_path: Path) -> None:
    out = tmp_path / "fehlt" / "x.pdf"
    code, _, err = run("--db", db, "letter", "--case", "KRM-2026-0001", "--type", "antwort", "--out", str(out))
    assert code == 2 and "Ordner" in err


def test_an_address_the_font_cannot_show_is_refused(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "krm.sqlite3"
    store = make_store(path)
    team = f.team()
    f.staff("Thomas Lehmann", "TL", team)
    f.register(team_id=team.id, person=f.person("王秀英"))
    store.close()
    out = tmp_path / "eb.pdf"
    code, payload, err = run(
        "--db", str(path), "letter", "--case", "KRM-2026-0001", "--type", "eingangsbestaetigung", "--out", str(out)
    )  # fmt: skip
    assert code == 1 and payload is None
    assert "Anschrift" in err and "„Name“" in err and "Traceback" not in err
    assert not out.exists()
    store = open_store(str(path))
    try:
        assert Letter.select().count() == 0
    finally:
        store.close()
