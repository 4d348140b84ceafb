"""Issue 16 item 1: an Auskunft prints no identifier of another person the database knows, in free text and
history, in any of its forms (surname alone, first name alone, initial + surname, Kundennummer, BG-Nummer, street
and house number, phone, e-mail), spelling variants included; staff acting in office stay printed."""

from __future__ import annotations

from datetime import datetime

import pytest

from krm_desktop.documents.auskunft.content import REDACTED, shown, withheld_passages
from krm_desktop.documents.auskunft.pdf import render_auskunft
from krm_desktop.documents.auskunft.sections import gather
from krm_desktop.model.persons.person import Person
from krm_desktop.model.persons.search import PersonQuery, find_persons
from krm_desktop.model.store.entities import Event
from tests import factories as f
from tests.documents.conftest import set_letterhead
from tests.documents.pdf_tools import squeezed, text
from tests.third_party_data import COMPLAINANT, LEAKS, build_dab


def one(text_: str) -> Person:
    return find_persons(PersonQuery(text=text_)).persons[0]


def leaks(pdf_text: str, needles: list[str]) -> list[str]:
    return [n for n in needles if squeezed(n) in squeezed(pdf_text)]


@pytest.fixture
def dab(store):
    set_letterhead()
    return build_dab()


def test_an_employees_auskunft_withholds_every_identifier_of_the_complainant(dab) -> None:
    content = gather(one("Sabine Kühn"), f.TODAY)
    rendered = render_auskunft(content, received=f.TODAY, invariant=True)
    printed = text(rendered.pdf)
    assert "Sabine" in printed and "Unfreundliche Behandlung" in printed  # her own and the case's data stay
    assert "petra.krause" in printed  # staff acting in office stay
    assert leaks(printed, [*LEAKS, "Manfred", "M. Schr"]) == []
    assert REDACTED in printed
    kinds = {p.kind for p in withheld_passages(content, content.default_withheld())}
    assert {"Name", "Kundennummer", "BG-Nummer", "Anschrift", "Telefon", "E-Mail"} <= kinds
    description = next(item for case, item in content.items() if item.key.endswith(":case:description"))
    assert shown(content.cases[0], description, content.default_withheld()) == (
        f"Herr {REDACTED} (Kd.-Nr. {REDACTED}, BG {REDACTED}) wohnt {REDACTED} und ist unter {REDACTED} oder "
        f"{REDACTED} erreichbar. {REDACTED} sagt, Frau Kühn habe ihn angeschrien; {REDACTED} verlangt eine "
        f"Entschuldigung, {REDACTED} ist empört."
    )


def test_a_representatives_auskunft_withholds_the_represented_person(store) -> None:
    set_letterhead()
    f.register(
        subject="Kosten der Unterkunft",
        description=(
            "RA Jens Vogt schreibt für Frau Manuela Schröder: Frau Schröder (Kundennummer 531D123456) lebt in der "
            "Lindenstrasse 7, Tel. +49 531 471123; MANUELA SCHROEDER erwartet die Nachzahlung. Ihre BG: 53101BG0098765."
        ),
        person=f.person("Jens Vogt", role="vertreter", street="Kanzleiweg 1", customer_no="", bg_no=""),
        represented=f.person("Manuela Schröder", **COMPLAINANT),
    )
    content = gather(one("Jens Vogt"), f.TODAY)
    printed = text(render_auskunft(content, received=f.TODAY, invariant=True).pdf)
    assert "Jens Vogt" in printed and "Kanzleiweg" in printed
    needles = ["Manuela", "MANUELA", "Schröder", "SCHROEDER", "531D123456", "Lindenstra", "471123", "53101BG0098765"]
    assert leaks(printed, needles) == []


def test_the_persons_own_identifiers_and_other_words_stay(dab) -> None:
    content = gather(one("Manfred Schröder"), f.TODAY)
    printed = text(render_auskunft(content, received=f.TODAY, invariant=True).pdf)
    for own in ["531D123456", "Lindenstr. 7", "0531/471123", "m.schroeder@example.org", "Manfred"]:
        assert squeezed(own) in squeezed(printed), own
    assert "Kühn" not in printed  # the employee concerned is withheld from the complainant
    assert "verlangt eine Entschuldigung" in printed


def test_staff_acting_in_office_stay_and_other_staff_are_withheld(dab) -> None:
    f.staff("Jana Vogel", "TL")
    f.staff("Karl Brandt", "MA")
    f.register(subject="Anderes", person=f.person("Jana Vogel", customer_no="777X777777", bg_no=""))  # a namesake
    Event.create(
        case=dab.id, at=datetime(2026, 11, 4), on_day=f.TODAY, actor="Jana Vogel", action="note",
        text="Jana Vogel hat mit Karl Brandt (Tel. 0531 999) gesprochen; K. Brandt war nicht am Empfang.",
    )  # fmt: skip
    content = gather(one("Sabine Kühn"), f.TODAY)
    note = next(item for case, item in content.items() if "gesprochen" in item.text)
    assert shown(content.cases[0], note, content.default_withheld()) == (
        f"Jana Vogel hat mit {REDACTED} (Tel. 0531 999) gesprochen; {REDACTED} war nicht am Empfang."
    )
