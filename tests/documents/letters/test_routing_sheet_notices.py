"""The Verfügungsblatt's "5. Zur Kenntnis an" lists who was informed (ticked, with the day) and whom the office's
rules propose; it names Pankow's "vorlagepflichtig" mark. The summary shows them too; the Auskunft names them as
recipients of the customer's data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from krm_desktop.documents.auskunft.pdf import render_auskunft
from krm_desktop.documents.auskunft.sections import gather
from krm_desktop.documents.case_summary import render_case_summary
from krm_desktop.documents.letters.compose import letter_for_case
from krm_desktop.model.cases import notices
from krm_desktop.model.cases.gf_required import mark_gf_required
from krm_desktop.model.cases.notice_checks import Recipient
from krm_desktop.model.office.areas import AreaFlags, save_area_flags
from krm_desktop.model.office.profiles import PRESETS
from krm_desktop.model.persons.search import PersonQuery, find_persons
from krm_desktop.model.time.deadlines import calendar_of
from tests import factories as f
from tests.documents.conftest import set_letterhead
from tests.documents.pdf_tools import squeezed, text

pankow = pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
RECEIVED = date(2026, 11, 16)
INFORMED = date(2026, 11, 18)


def pankow_case():
    set_letterhead()
    team = f.team("Team 711 Markt und Integration", "71")
    tl = f.staff("Thomas Lehmann", "TL", team)
    f.staff("Karin Vogt", "LGF")
    save_area_flags("71", AreaFlags(lgf_cc=True))
    case = f.register(team_id=team.id, received=RECEIVED)
    f.act(
        notices.record_notices,
        case,
        informed_on=INFORMED,
        recipients=[
            Recipient("Thomas Lehmann", "TL", tl.id, True, "Antwort von GF schlussgezeichnet"),
            Recipient("Tom Weber", "MA", None, False, "Betroffene/r Beschäftigte/r"),
        ],
    )
    f.act(mark_gf_required, case, marked_on=date(2026, 11, 19))
    return case


@pankow
def test_the_routing_sheet_lists_recorded_and_proposed_recipients(store) -> None:
    case = pankow_case()
    rendered = letter_for_case(case.id, "verfuegungsblatt", f.TODAY, invariant=True)[1]
    Path("/tmp/verfuegungsblatt.pdf").write_bytes(rendered.pdf)
    content = squeezed(text(rendered.pdf))
    assert rendered.pages == 1
    assert squeezed("☒ Thomas Lehmann (Teamleitung), Kopie, am 18.11.2026") in content
    assert squeezed("☒ Tom Weber (Mitarbeiter/in), informiert, am 18.11.2026") in content
    assert squeezed("☐ Karin Vogt (LGF), Kopie (LGF in cc (Bereich 71))") in content
    assert squeezed("☐ Bereichsleitung") in content  # the usual boxes stay for the GF's own choice
    assert squeezed("Vorlagepflichtig seit 19.11.2026 (Anlage 2), vorzulegen bis 19.11.2026") in content


@pankow
def test_the_summary_shows_who_was_informed(store) -> None:
    case = pankow_case()
    pdf = render_case_summary(case.id, f.TODAY, calendar_of(PRESETS["berlin-pankow"]), invariant=True)
    content = squeezed(text(pdf))
    assert squeezed("18.11.2026 · Thomas Lehmann (Teamleitung), Kopie · Antwort von GF schlussgezeichnet") in content
    assert squeezed("Vorlagepflichtig seit 19.11.2026 (Anlage 2)") in content


@pankow
def test_the_auskunft_names_them_as_recipients_an_employee_as_a_category(store) -> None:
    pankow_case()
    person = find_persons(PersonQuery(text="Erika Mustermann", customer_no="123A456789")).persons[0]
    content = squeezed(text(render_auskunft(gather(person, f.TODAY), received=f.TODAY, invariant=True).pdf))
    recipients = content[content.index(squeezed("Empfänger")) :]
    assert squeezed("Thomas Lehmann (Teamleitung) (Kopie am 18.11.2026)") in recipients
    assert squeezed("die/der betroffene Beschäftigte (zur Kenntnis am 18.11.2026)") in recipients
    assert "TomWeber" not in content  # an employee's name is a third party's: also not in the history
    assert squeezed("Zur Kenntnis gegeben am 18.11.2026: Thomas Lehmann (Teamleitung), Kopie;") in content
