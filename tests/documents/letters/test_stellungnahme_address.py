"""The Stellungnahme to a petition's or Eingabe's requesting body: its name and postal address in the DIN 5008
address window (read back from the PDF's coordinates), and refused without an address."""

from __future__ import annotations

import pytest
from reportlab.lib.units import mm

from krm_desktop.documents.letters.compose import letter_for_case
from krm_desktop.documents.page.din5008 import ADDRESS_H, ADDRESS_TOP, ADDRESS_W, ADDRESS_X, NOTE_ZONE
from krm_desktop.model.errors import RefusedError
from krm_desktop.model.store.entities import Case
from tests import factories as f
from tests.documents.letters.test_compose import petition
from tests.documents.pdf_tools import placed

ADDRESS_LINES = (
    "Petitionsausschuss des Deutschen",
    "Bundestages",
    "Platz der Republik 1",
    "11011 Berlin",
)  # name wrapped


def test_the_bodys_name_and_address_lie_in_the_address_window_in_order(office) -> None:
    pdf = letter_for_case(petition(office).id, "stellungnahme", f.TODAY, invariant=True)[1].pdf
    spots = placed(pdf)
    lines = [next(p for p in spots if p.text == line) for line in ADDRESS_LINES]
    left, right = ADDRESS_X / mm, (ADDRESS_X + ADDRESS_W) / mm
    # below the sender's note zone, inside the window's lower part (DIN 5008 form B: the address zone)
    top, bottom = (ADDRESS_TOP + NOTE_ZONE) / mm, (ADDRESS_TOP + ADDRESS_H) / mm
    for line in lines:
        assert left <= line.x_mm < right, line
        assert top < line.top_mm <= bottom, line
    assert [line.top_mm for line in lines] == sorted(line.top_mm for line in lines)
    assert len({round(line.x_mm, 1) for line in lines}) == 1  # one left edge
    assert not any("Breite Straße" in p.text for p in spots)  # not the petitioner's address


@pytest.mark.parametrize("missing", ["body_street", "body_postcode", "body_city"])
def test_a_stellungnahme_to_a_body_without_complete_address_is_refused(office, missing) -> None:
    case = petition(office)
    Case.update({missing: ""}).where(Case.id == case.id).execute()  # a case stored before version 6
    with pytest.raises(RefusedError, match="keine vollständige Anschrift"):
        letter_for_case(case.id, "stellungnahme", f.TODAY)
