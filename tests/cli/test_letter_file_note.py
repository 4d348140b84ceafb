"""Issue 19: `letter --type vermerk-everbis` prints the note for the E-Akte/VerBIS from its own text block (read back
from the PDF) and keeps it in the case; an anonymous case has no E-Akte and is refused."""

from __future__ import annotations

from pathlib import Path

from krm_desktop.model.store.connection import open_store
from krm_desktop.model.store.entities import Letter
from tests.cli.conftest import Run
from tests.cli.test_letters import db  # noqa: F401  (the database of the letter tests)
from tests.documents.pdf_tools import text


def test_the_note_is_printed_from_its_text_block_and_kept(run: Run, db: str, tmp_path: Path) -> None:  # noqa: F811
    out = tmp_path / "vermerk.pdf"
    args = ("--db", db, "letter", "--case", "KRM-2026-0001", "--type", "vermerk-everbis", "--out", str(out))
    code, payload, err = run(*args, "--date", "2026-11-12")
    assert code == 0, err
    assert payload is not None and payload["type"] == "vermerk-everbis" and payload["pages"] == 1
    content = " ".join(text(out.read_bytes()).split())
    for phrase in (
        "Vermerk für die E-Akte/VerBIS",
        "Kundin/Kunde Frau Erika Mustermann",
        "Leistungsrechtlich oder für die Vermittlung relevante Angaben:",
        "ausschließlich im KRM abgelegt (Zeichen KRM-2026-0001)",
        "Datum 12.11.2026",
    ):
        assert phrase in content, phrase
    store = open_store(db)
    try:
        assert Letter.get().doc_type == "vermerk-everbis"
    finally:
        store.close()


def test_an_anonymous_case_has_no_e_akte(run: Run, db: str, tmp_path: Path) -> None:  # noqa: F811
    out = tmp_path / "vermerk.pdf"
    code, payload, err = run(
        "--db", db, "letter", "--case", "KRM-2026-0002", "--type", "vermerk-everbis", "--out", str(out)
    )
    assert (code, payload) == (1, None)
    assert "keine E-Akte und keinen VerBIS-Datensatz" in err and not out.exists()


def test_an_office_that_keeps_no_such_notes_is_refused(run: Run, tmp_path: Path) -> None:
    from tests import factories as f
    from tests.conftest import make_store

    path = tmp_path / "osnabrueck.sqlite3"
    store = make_store(path, "osnabrueck")  # Osnabrück's instruction names no note for the E-Akte/VerBIS
    f.register()
    store.close()
    out = tmp_path / "vermerk.pdf"
    code, payload, err = run(
        "--db", str(path), "letter", "--case", "KRM-2026-0001", "--type", "vermerk-everbis", "--out", str(out)
    )
    assert (code, payload) == (1, None)
    assert "erfasst keine Vermerke für die E-Akte/VerBIS" in err and not out.exists()
