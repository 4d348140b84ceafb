"""The Auskunft (Art. 15 DSGVO) shows the decision „Eingangsbestätigung entfällt": in the case data and in the
history (which comes from the case's events)."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.documents.auskunft.pdf import render_auskunft
from krm_desktop.documents.auskunft.sections import gather
from krm_desktop.model.cases import services as cases
from krm_desktop.model.persons.search import PersonQuery, find_persons
from tests import factories as f
from tests.documents.conftest import set_letterhead
from tests.documents.pdf_tools import squeezed, text

REASON = "Die Antwort geht binnen drei Arbeitstagen hinaus."


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_the_auskunft_shows_the_decision_and_its_history_entry(store) -> None:
    set_letterhead()
    case = f.register(channel="email", received=date(2026, 11, 16))
    f.act(cases.waive_acknowledgement, case, decided_on=date(2026, 11, 17), reason=REASON)
    person = find_persons(PersonQuery(text="Erika Mustermann", customer_no="123A456789")).persons[0]
    rendered = render_auskunft(gather(person, f.TODAY), received=f.TODAY, invariant=True)
    content = squeezed(text(rendered.pdf))
    assert squeezed(f"Eingangsbestätigung entfällt entschieden am 17.11.2026; Begründung: {REASON}") in content
    assert squeezed(f"entschieden am 17.11.2026 von {f.USER}. Begründung: {REASON}") in content  # the history
