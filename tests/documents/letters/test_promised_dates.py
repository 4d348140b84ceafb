"""The answer date an acknowledgement promises is the one the rules give for the day the letter is sent (DOMAIN §3):
in Braunschweig the final answer is due 14 calendar days after the acknowledgement was SENT, so a letter dated
04.12. promises 18.12. — what recording it as sent that day stores — not the 22.12. counted from its due date.
Read back from the PDF; then the sending recorded on the letter's date stores the same date."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.documents.letters.compose import letter_for_case
from krm_desktop.model.cases import services as cases
from krm_desktop.model.store.entities import Case
from tests import factories as f
from tests.documents.pdf_tools import squeezed, text

CASES = [
    # profile, received, letter's date, answer due as registered, answer date the letter promises
    ("braunschweig", date(2026, 12, 1), date(2026, 12, 4), date(2026, 12, 22), date(2026, 12, 18)),
    ("braunschweig", date(2026, 12, 1), date(2026, 12, 8), date(2026, 12, 22), date(2026, 12, 22)),  # on its due day
    # year end: 18.12. + 14 = 01.01.2027 (Neujahr), 02./03.01. weekend -> Monday 04.01.2027
    ("braunschweig", date(2026, 12, 15), date(2026, 12, 18), date(2027, 1, 5), date(2027, 1, 4)),
    # late acknowledgement: promised from the sending, after the registered date
    ("braunschweig", date(2026, 12, 1), date(2026, 12, 11), date(2026, 12, 22), date(2026, 12, 28)),
    # Lübeck counts from the receipt: the letter's date does not move the promise
    ("luebeck", date(2026, 12, 1), date(2026, 12, 4), date(2026, 12, 15), date(2026, 12, 15)),
    # year end: 17.12. + 14 = 31.12. (closing day), Neujahr, weekend -> 04.01.2027
    ("luebeck", date(2026, 12, 17), date(2026, 12, 21), date(2027, 1, 4), date(2027, 1, 4)),
    ("berlin-pankow", date(2026, 12, 17), date(2026, 12, 21), date(2027, 1, 6), date(2027, 1, 6)),  # 10 AT
    ("osnabrueck", date(2026, 12, 17), date(2026, 12, 22), date(2027, 1, 4), date(2027, 1, 4)),
]


def register(office, received: date, letter_date: date) -> Case:
    return f.register(today=letter_date, received=received, team_id=office.team.id)


@pytest.mark.parametrize(
    ("store", "received", "letter_date", "registered", "promised"),
    CASES,
    indirect=["store"],
    ids=[f"{c[0]}-{c[2]:%m%d}" for c in CASES],
)
@pytest.mark.parametrize("doc_type", ["eingangsbestaetigung", "eingang-tl"])
def test_the_letter_promises_what_sending_it_that_day_records(
    office, received: date, letter_date: date, registered: date, promised: date, doc_type: str
) -> None:
    case = register(office, received, letter_date)
    assert case.final_due == registered
    draft, rendered = letter_for_case(case.id, doc_type, letter_date, invariant=True)
    content = squeezed(text(rendered.pdf))
    assert squeezed(f"bis zum {promised:%d.%m.%Y}") in content
    assert f"{letter_date:%d.%m.%Y}" in content  # the letter's date in its information block
    if promised != registered:
        assert f"{registered:%d.%m.%Y}" not in content
    assert draft.warnings == []

    recorded = f.act(cases.acknowledge, case, sent_on=letter_date, today=letter_date)
    assert (recorded.ack_sent, recorded.final_due) == (letter_date, promised)


@pytest.mark.parametrize("store", ["braunschweig"], indirect=True)
def test_after_the_sending_a_letter_repeats_the_recorded_date(office) -> None:
    case = register(office, date(2026, 12, 1), date(2026, 12, 4))
    f.act(cases.acknowledge, case, sent_on=date(2026, 12, 4), today=date(2026, 12, 4))
    _, rendered = letter_for_case(case.id, "eingangsbestaetigung", date(2026, 12, 9), invariant=True)
    assert squeezed("bis zum 18.12.2026") in squeezed(text(rendered.pdf))


@pytest.mark.parametrize("store", ["braunschweig"], indirect=True)
def test_a_letter_dated_after_the_promise_warns(office) -> None:
    """Printed long after the receipt: the promise lies after the letter's date, so nothing to warn about; a case
    acknowledged long ago keeps its recorded date and warns when that lies before the letter."""
    case = register(office, date(2026, 11, 2), date(2026, 11, 3))
    f.act(cases.acknowledge, case, sent_on=date(2026, 11, 3), today=date(2026, 11, 3))
    draft, _ = letter_for_case(case.id, "eingangsbestaetigung", date(2026, 12, 4), invariant=True)
    assert draft.warnings and "17.11.2026" in draft.warnings[0]
