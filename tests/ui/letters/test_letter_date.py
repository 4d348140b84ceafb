"""Recording a printed letter as sent uses the letter's date, and the case then holds the date the letter promised
(Braunschweig: the answer is due 14 calendar days after the acknowledgement was sent)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from krm_desktop.model.store.entities import Case, Event
from krm_desktop.ui.letters.dialog import LetterDialog
from tests import factories as f
from tests.documents.conftest import office  # noqa: F401 (fixture)
from tests.documents.pdf_tools import squeezed, text

LETTER_DATE = date(2026, 12, 4)


@pytest.mark.parametrize("store", ["braunschweig"], indirect=True)
def test_the_sending_is_recorded_on_the_letters_date_with_the_promised_answer_date(
    qtbot,
    office,  # noqa: F811
    tmp_path: Path,
) -> None:
    case = f.register(today=LETTER_DATE, received=date(2026, 12, 1), team_id=office.team.id)
    assert case.final_due == date(2026, 12, 22)  # counted from the acknowledgement's due date 08.12.
    dialog = LetterDialog(case.id, "eingangsbestaetigung", today=LETTER_DATE, user="petra.krause")
    qtbot.addWidget(dialog)
    assert dialog.record.isChecked()
    assert "zum Datum des Schreibens (04.12.2026)" in dialog.record.text()
    target = tmp_path / "eingangsbestaetigung.pdf"
    assert dialog.save_to(target)
    printed = squeezed(text(target.read_bytes()))
    assert squeezed("bis zum 18.12.2026") in printed and "04.12.2026" in printed
    stored = Case.get_by_id(case.id)
    assert (stored.ack_sent, stored.final_due) == (LETTER_DATE, date(2026, 12, 18))
    assert Event.get(Event.action == "acknowledged").text == "Eingangsbestätigung versandt am 04.12.2026."
