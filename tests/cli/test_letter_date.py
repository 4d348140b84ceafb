"""`letter --date`: the acknowledgement promises the answer date the rules give for the letter's date
(Braunschweig: 14 calendar days after the acknowledgement is sent)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests import factories as f
from tests.cli.conftest import Run
from tests.conftest import make_store
from tests.documents.pdf_tools import squeezed, text


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "krm.sqlite3"
    store = make_store(path, "braunschweig")
    team = f.team()
    f.staff("Thomas Lehmann", "TL", team)
    f.register(today=date(2026, 12, 4), received=date(2026, 12, 1), team_id=team.id)  # answer due 22.12. as yet
    store.close()
    return str(path)


@pytest.mark.parametrize(("letter_date", "promised"), [("2026-12-04", "18.12.2026"), ("2026-12-08", "22.12.2026")])
def test_the_letters_date_gives_the_promised_answer_date(
    run: Run, db: str, tmp_path: Path, letter_date: str, promised: str
) -> None:
    out = tmp_path / "eb.pdf"
    code, _, err = run(
        "--db", db, "letter", "--case", "KRM-2026-0001", "--type", "eingangsbestaetigung", "--out", str(out),
        "--date", letter_date,
    )  # fmt: skip
    assert code == 0, err
    assert squeezed(f"bis zum {promised}") in squeezed(text(out.read_bytes()))
