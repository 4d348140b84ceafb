"""Every printed or saved document is kept in the case as the exact PDF, with an event."""

from __future__ import annotations

import pytest

from krm_desktop.documents.letters.compose import letter_for_case
from krm_desktop.model.cases.letters import letter_pdf, letters_of, record_reprint, store_letter
from krm_desktop.model.errors import RefusedError
from krm_desktop.model.store.entities import Event, Letter
from tests import factories as f


def test_stored_letter_keeps_the_exact_bytes_and_logs_an_event(office) -> None:
    case = f.register(team_id=office.team.id)
    _, rendered = letter_for_case(case.id, "eingangsbestaetigung", f.TODAY)
    letter = store_letter(case.id, "eingangsbestaetigung", rendered.pdf, today=f.TODAY, user=f.USER)
    assert letter_pdf(letter.id) == rendered.pdf
    assert letter.filename == f"{case.ref}_eingangsbestaetigung_2026-11-20.pdf"
    event = Event.select().where(Event.case == case.id, Event.action == "letter").get()
    assert event.text == f"Schreiben gedruckt: Eingangsbestätigung ({letter.filename})." and event.actor == f.USER
    second = store_letter(
        case.id, "eingangsbestaetigung", rendered.pdf, today=f.TODAY, user=f.USER, how="als PDF gespeichert"
    )
    assert second.filename.endswith("-2.pdf")
    infos = letters_of(case.id)
    assert [i.id for i in infos] == [second.id, letter.id]
    assert infos[0].size == len(rendered.pdf) and infos[0].title == "Eingangsbestätigung"


def test_reprint_only_notes_the_history(office) -> None:
    case = f.register(team_id=office.team.id)
    letter = store_letter(
        case.id, "antwort", letter_for_case(case.id, "antwort", f.TODAY)[1].pdf, today=f.TODAY, user=f.USER
    )
    record_reprint(letter.id, today=f.TODAY, user="andere.person")
    assert Letter.select().count() == 1
    texts = [e.text for e in Event.select().where(Event.action == "letter").order_by(Event.id)]
    assert texts[-1].startswith("Schreiben erneut gedruckt: Antwortschreiben")


@pytest.mark.parametrize(
    ("doc_type", "pdf", "message"),
    [("brief", b"%PDF-1.4", "Unbekannte Schreibenart"), ("antwort", b"<html>", "keine PDF-Datei")],
)
def test_bad_letters_are_refused(office, doc_type: str, pdf: bytes, message: str) -> None:
    case = f.register()
    with pytest.raises(RefusedError, match=message):
        store_letter(case.id, doc_type, pdf, today=f.TODAY, user=f.USER)
    assert Letter.select().count() == 0
    with pytest.raises(RefusedError, match="gibt es nicht mehr"):
        store_letter(9999, "antwort", b"%PDF-1.4", today=f.TODAY, user=f.USER)
