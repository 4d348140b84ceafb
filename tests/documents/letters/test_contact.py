"""The Ansprechpartner/in in a letter's information block is who handles the case, not who signs it (DOMAIN §5,
issue 18 item 9): read back from the PDF with pypdf, the value on the line of its caption."""

from __future__ import annotations

from krm_desktop.documents.letters.compose import letter_for_case
from krm_desktop.model.cases import services as cases
from tests import factories as f
from tests.documents.pdf_tools import Placed, placed


def info_value(pdf: bytes, caption: str) -> str:
    """The text right of `caption` on the same line of the information block."""
    found = placed(pdf)
    label = next(p for p in found if p.text.startswith(caption))
    beside: list[Placed] = [p for p in found if abs(p.top_mm - label.top_mm) < 1.0 and p.x_mm > label.x_mm + 5]
    if beside:
        return min(beside, key=lambda p: p.x_mm).text
    return label.text.removeprefix(caption).strip()  # caption and value extracted as one chunk


def gf_signed_answer(office):
    case = f.register(team_id=office.team.id)
    case = cases.reserve_sign_off(case.id, version=case.version, today=f.TODAY, user=f.USER)
    return f.close_answered(case, f.TODAY, office.gf.id, "unbegruendet")


def test_a_gf_signed_answer_names_the_teams_handler_as_contact(office) -> None:
    closed = gf_signed_answer(office)
    pdf = letter_for_case(closed.id, "antwort", f.TODAY, invariant=True)[1].pdf
    assert info_value(pdf, "Ansprechpartner/in") == "Thomas Lehmann"
    assert info_value(pdf, "Telefon") == "0451 555-411"
    assert info_value(pdf, "E-Mail") == "t.lehmann@beispielburg.example"
    signature = [p.text for p in placed(pdf) if "Gabriele Fuchs" in p.text]
    assert signature  # the GF signs …
    assert "Gabriele Fuchs" not in info_value(pdf, "Ansprechpartner/in")  # … but is not the contact


def test_a_petition_led_by_the_gf_names_the_offices_configured_contact(office) -> None:
    petition = f.register(team_id=office.team.id, kind="petition", via="petitionsausschuss")
    closed = f.close_answered(petition, f.TODAY, office.gf.id, "begruendet")
    pdf = letter_for_case(closed.id, "antwort", f.TODAY, invariant=True)[1].pdf
    assert info_value(pdf, "Ansprechpartner/in") == "Petra Krause"  # the letterhead's contact, not the GF
    assert info_value(pdf, "Telefon") == "0451 555-100"


def test_an_escalated_case_names_the_bereichsleitung(office) -> None:
    case = f.register(team_id=office.team.id)
    case = cases.escalate(case.id, version=case.version, to_level=2, reason="", today=f.TODAY, user=f.USER)
    closed = f.close_answered(case, f.TODAY, office.bl.id, "begruendet")
    pdf = letter_for_case(closed.id, "antwort", f.TODAY, invariant=True)[1].pdf
    assert info_value(pdf, "Ansprechpartner/in") == "Birgit Lange"
