"""The petitioner's acknowledgement (DOMAIN §3, issue 18 item 3): it says that the matter was forwarded to us by the
requesting body and is answered towards it, and promises the petitioner no date — neither the body's nor the
office's. Read back from the PDF with pypdf."""

from __future__ import annotations

import re
from datetime import date

import pytest

from krm_desktop.documents.letters.compose import compose, letter_for_case
from krm_desktop.documents.letters.facts import case_facts, office_facts
from krm_desktop.model.cases.letters import block, default_blocks, save_block
from tests import factories as f
from tests.documents.pdf_tools import squeezed, text

BODY = "Petitionsausschuss des Deutschen Bundestages"
BODY_DUE = date(2026, 12, 4)


def petition(office, kind: str = "petition"):
    return f.register(
        team_id=office.team.id,
        kind=kind,
        via="petitionsausschuss" if kind == "petition" else "bmas",
        received=date(2026, 11, 16),
        requesting_body=BODY,
        requesting_ref="Pet 4-21-11-81503-012345",
        body_due=BODY_DUE,
    )


def body_dates(content: str) -> list[str]:
    """The dates in the letter's text below the information block (the block holds received and letter date)."""
    return re.findall(r"\d\d\.\d\d\.\d{4}", content.split("Sehr geehrte", 1)[1])


@pytest.mark.parametrize("kind", ["petition", "eingabe"])
def test_the_acknowledgement_names_the_body_and_promises_no_date(office, kind) -> None:
    case = petition(office, kind)
    draft, rendered = letter_for_case(case.id, "eingangsbestaetigung", f.TODAY, invariant=True)
    assert draft.missing == [] and draft.warnings == []
    content = text(rendered.pdf)
    label = "Petition" if kind == "petition" else "Eingabe"
    assert squeezed(f"die Stelle, an die Sie sich gewandt haben ({BODY}), hat uns Ihre {label}") in squeezed(content)
    assert squeezed(f"Die abschließende Antwort auf Ihre {label} erhalten Sie von dort.") in squeezed(content)
    assert "04.12.2026" not in content  # the body's date is not promised to the petitioner
    assert body_dates(content) == []  # nor any other
    assert "melden uns voraussichtlich" not in content


def test_the_team_acknowledgement_of_a_petition_promises_no_date_either(office) -> None:
    case = petition(office)
    content = text(letter_for_case(case.id, "eingang-tl", f.TODAY, invariant=True)[1].pdf)
    assert "04.12.2026" not in content and body_dates(content) == []
    assert squeezed("erhalten Sie von dort") in squeezed(content)


def test_a_beschwerde_still_gets_its_date(office) -> None:
    case = f.register(team_id=office.team.id, received=date(2026, 11, 16))
    content = text(letter_for_case(case.id, "eingangsbestaetigung", f.TODAY, invariant=True)[1].pdf)
    assert squeezed("melden uns voraussichtlich bis zum 30.11.2026") in squeezed(content)


def test_an_edited_block_that_asks_for_the_answer_date_leaves_a_gap_to_fill(office) -> None:
    current = block("eingangsbestaetigung.petition")
    save_block("eingangsbestaetigung.petition", title=current.title, body="{anrede}\n\nAntwort bis {frist}.", version=0)
    draft = compose(case_facts(petition(office).id), office_facts(), "eingangsbestaetigung", f.TODAY)
    assert "[bitte ergänzen: " in draft.body and "04.12.2026" not in draft.body


def test_the_block_ships_with_the_others() -> None:
    body = default_blocks()["eingangsbestaetigung.petition"][1]
    assert "{frist}" not in body and "{frist_stelle}" not in body and "{stelle}" in body
