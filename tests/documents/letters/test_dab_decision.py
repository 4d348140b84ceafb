"""The letter of the GF's decision on a DAB (Antwortschreiben, DOMAIN §5): the decision and who made it, signed
by that GF; only for a DAB whose decision is recorded; its text blocks ship and can be edited."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.documents.letters.compose import letter_for_case
from krm_desktop.model.cases import dab as dab_services
from krm_desktop.model.cases.letters import DOC_TYPES, block, default_blocks, save_block
from krm_desktop.model.errors import RefusedError
from krm_desktop.model.store.entities import Staff
from tests import factories as f
from tests.documents.letters.test_compose import decided_dab
from tests.documents.pdf_tools import squeezed, text

DOC = "entscheidung-dab"


def pdf_text(case_id: int) -> str:
    draft, rendered = letter_for_case(case_id, DOC, f.TODAY, invariant=True)
    assert draft.missing == [] and rendered.pages == 1
    return text(rendered.pdf)


def test_the_letter_says_the_decision_and_the_decider_signs_it(office) -> None:
    assert DOC_TYPES[DOC] == "Entscheidung über die Dienstaufsichtsbeschwerde"
    second = Staff.create(name="Dr. Karl Weiss", role="GF")
    case = decided_dab(office, decider=second)
    content = pdf_text(case.id)
    assert "Frau Erika Mustermann" in content and "Breite Straße 12" in content  # to the complainant
    assert squeezed("Die Entscheidung der Geschäftsführung (Dr. Karl Weiss) vom 16.11.2026 lautet:") in squeezed(
        content
    )
    assert squeezed("Ein persönliches Fehlverhalten von Herrn Weber ist nicht festzustellen.") in squeezed(content)
    assert "Mit freundlichen Grüßen\nDr. Karl Weiss\nGeschäftsführung" in content  # signed by the decider
    assert "Im Auftrag" not in content
    assert "Petra Krause" in content  # the contact person is the KRM office, not the signer
    # a decider who has left meanwhile still signs the letter of the decision
    Staff.update(active=False).where(Staff.id == second.id).execute()
    assert "Dr. Karl Weiss\nGeschäftsführung" in pdf_text(case.id)


def test_an_edited_text_block_is_used(office) -> None:
    case = decided_dab(office)
    shipped = block("entscheidung_dab.text")
    assert {"{entscheidung}", "{entscheidung_durch}", "{entscheidung_datum}"} <= set(
        part for part in shipped.body.replace("(", " ").replace(")", " ").split() if part.startswith("{")
    )
    save_block(
        "entscheidung_dab.text",
        title=shipped.title,
        body="{anrede}\n\nAm {entscheidung_datum} entschied {entscheidung_durch}: {entscheidung}",
        version=0,
    )
    content = squeezed(pdf_text(case.id))
    assert squeezed("Am 16.11.2026 entschied Dr. Gabriele Fuchs: Ein persönliches Fehlverhalten") in content
    assert set(default_blocks()) >= {"entscheidung_dab.betreff", "entscheidung_dab.text"}


def undecided(office):
    return f.register(kind="dienstaufsichtsbeschwerde", team_id=office.team.id, employee_concerned="Frau K.")


def decided_anonymous(office):
    case = f.register(
        kind="dienstaufsichtsbeschwerde", team_id=office.team.id, employee_concerned="Frau K.", person=None
    )
    return f.act(
        dab_services.decide_dab, case, decision="Kein Fehlverhalten.", decided_by=office.gf.id, decided_on=f.TODAY
    )


def reclassified(office):
    case = undecided(office)
    return f.act(
        dab_services.reclassify_dab,
        case,
        new_kind="beschwerde",
        reason="Es geht um den Bescheid.",
        decided_by=office.gf.id,
        decided_on=date(2026, 11, 16),
    )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda o: f.register(team_id=o.team.id), "ist keine Dienstaufsichtsbeschwerde"),
        (undecided, "noch nicht entschieden; bitte erst die Entscheidung erfassen"),
        (
            reclassified,
            "in eine Beschwerde umgedeutet; über eine Dienstaufsichtsbeschwerde wird nicht mehr entschieden",
        ),
        (
            lambda o: decided_anonymous(o),
            "ist anonym (ohne Absender/in)",
        ),
    ],
    ids=["complaint", "undecided", "reclassified", "anonymous"],
)
def test_only_a_decided_dab_gets_the_letter(office, make, message: str) -> None:
    case = make(office)
    with pytest.raises(RefusedError, match=message.replace("(", r"\(").replace(")", r"\)")):
        letter_for_case(case.id, DOC, f.TODAY)
