"""The Auskunft PDF, read back: every stored item of the person is in it, nobody else's name is, the deletion
dates are the retention rules' (checked against the purge plan), hundreds of cases print with a table of
contents, and each case keeps only its own pages."""

from __future__ import annotations

import re
from datetime import date
from io import BytesIO
from typing import Any

import pytest
from pypdf import PdfReader

from krm_desktop.documents.auskunft.content import REDACTED, WITHHELD_NOTE, AuskunftContent
from krm_desktop.documents.auskunft.pdf import RenderedAuskunft, case_copies, render_auskunft
from krm_desktop.documents.auskunft.sections import gather
from krm_desktop.model.cases import services as cases
from krm_desktop.model.codes import CHANNELS, KINDS, OUTCOMES, PETITION_KINDS, label
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.persons.person import Person
from krm_desktop.model.persons.search import PersonQuery, find_persons
from krm_desktop.model.persons.spelling import fold
from krm_desktop.model.retention.purge_plan import plan_purge
from krm_desktop.model.retention.rules import due_dates
from krm_desktop.model.store.entities import Attachment, Case, Concern, Event, Letter, Statement
from tests import factories as f
from tests.documents.conftest import set_letterhead
from tests.documents.pdf_tools import pages_text, placed, squeezed, text
from tests.person_data import OTHERS, World, build_world

RECEIVED = date(2026, 11, 18)


@pytest.fixture
def world(store) -> World:
    set_letterhead()
    return build_world()


def erika() -> Person:
    return find_persons(PersonQuery(text="erika  mueller", customer_no="123A456789")).persons[0]


def render(person: Person, withheld: frozenset[str] | None = None) -> tuple[AuskunftContent, RenderedAuskunft]:
    content = gather(person, f.TODAY)
    return content, render_auskunft(content, received=RECEIVED, withheld=withheld, invariant=True)


def case_text(rendered: RenderedAuskunft, case_id: int) -> str:
    first, last = rendered.case_pages[case_id]
    return "\n".join(pages_text(rendered.pdf)[first - 1 : last])


def stored_items(case: Case, world: World) -> list[str]:
    """Everything stored in the case about Erika, as it must print (third parties' parts excluded)."""
    items: list[Any] = [case.ref, case.subject, f"{case.received:%d.%m.%Y}", label(CHANNELS, case.channel)]
    items += [case.interim_reason, case.requesting_body, case.requesting_ref, case.team.name if case.team else ""]
    items += [f"{case.closed:%d.%m.%Y}" if case.closed else ""]
    for concern in Concern.select().where(Concern.case == case.id):
        items += [label(KINDS, concern.kind), label(OUTCOMES, concern.outcome)]
    mine = case.represented if case.id == world.represented.id else case.person
    items += [mine.name, mine.street, f"{mine.postcode} {mine.city}", mine.email, mine.phone]
    items += [mine.customer_no, mine.bg_no]
    personnel = case.id == world.dab.id  # the employee's statement and the decision on her are withheld
    items += [
        e.text for e in Event.select().where(Event.case == case.id) if not (personnel and e.action == "dab_decided")
    ]
    items += [s.text for s in Statement.select().where(Statement.case == case.id) if s.author != "Sabine Kühn"]
    items += [x.filename for x in Letter.select().where(Letter.case == case.id)]
    items += [a.filename for a in Attachment.select().where(Attachment.case == case.id)]
    items.append(case.description)
    # third parties' names are blanked inside the texts (Art. 15 Abs. 4 DSGVO)
    names = {world.represented.id: "Jens Vogt", world.representing.id: "Tim Müller", world.dab.id: "Sabine Kühn"}
    blank = {world.dab.id: "Frau Kühn"}
    printed = []
    for item in (str(x) for x in items if x):
        for name in (names.get(case.id), blank.get(case.id)):
            item = item.replace(name, REDACTED) if name else item
        printed.append(item)
    return printed


def test_every_stored_item_of_the_person_is_in_it_and_nobody_else(world: World) -> None:
    content, rendered = render(erika())
    assert [c.ref for c in content.cases] == [c.ref for c in sorted(world.erika_cases, key=lambda c: c.received)][::-1]
    whole = text(rendered.pdf)
    for case in world.erika_cases:
        printed = squeezed(case_text(rendered, case.id))
        missing = [item for item in stored_items(Case.get_by_id(case.id), world) if squeezed(item) not in printed]
        assert missing == [], case.ref
    for other in OTHERS:
        assert fold(other) not in fold(whole), other
    assert squeezed(WITHHELD_NOTE) in squeezed(whole)
    # the withheld parts: the representative, the son, the employee, her statement and the decision on her
    assert rendered.withheld == 6
    dab = squeezed(case_text(rendered, world.dab.id))
    assert squeezed("laut gesprochen") not in dab and squeezed("Dienstvergehen") not in dab


def test_the_cover_letter_names_the_request_and_its_deadline(world: World) -> None:
    _, rendered = render(erika())
    letter = squeezed(pages_text(rendered.pdf)[0])
    assert rendered.letter_pages == (1, 1)
    for expected in (
        "Frau Erika Müller",
        "Breite Straße 12",
        "Sehr geehrte Frau Müller,",
        "das am 18.11.2026 bei uns eingegangen ist",
        "also bis zum 18.12.2026",
        "Art. 15 Abs. 4 DSGVO",
        "Art. 77 DSGVO",
        "Jobcenter Hansestadt Beispielburg",
    ):
        assert squeezed(expected) in letter, expected
    assert rendered.due == date(2026, 12, 18)


def test_deletion_dates_are_the_retention_rules_and_the_purge_agrees(world: World) -> None:
    _, rendered = render(erika())
    retention = load_profile().retention
    expectations = {world.closed_2024.id: ("31.12.2026", "31.12.2032"), world.petition.id: ("31.12.2030", "31.12.2033")}
    for case_id, days in expectations.items():
        case = Case.get_by_id(case_id)
        petition = case.kind in PETITION_KINDS
        dues = due_dates(retention, case.closed, petition)
        assert [f"{d:%d.%m.%Y}" for d in dues.values()] == list(days)
        printed = squeezed(case_text(rendered, case_id))
        assert squeezed(f"Ihre personenbezogenen Daten werden zum {days[0]} entfernt") in printed
        assert squeezed(f"wird zum {days[1]} gelöscht") in printed
        for rule, day in dues.items():  # the purge makes the case due on exactly that day, not the day before
            plan = plan_purge(day)
            assert any(c.case_id == case_id and c.rule == rule and c.due == day for c in plan.cases)
            assert not any(
                c.case_id == case_id and c.rule == rule for c in plan_purge(date.fromordinal(day.toordinal() - 1)).cases
            )
    assert squeezed("offene Kundenreaktionen werden nicht gelöscht") in squeezed(
        case_text(rendered, world.open_case.id)
    )


@pytest.mark.parametrize(
    ("store", "printed", "day", "reached"),
    [
        ("berlin-pankow", "Die Kundenreaktion wird zum 31.12.2034 vollständig gelöscht", date(2034, 12, 31), False),
        ("braunschweig", "Die Kundenreaktion wird ab dem 15.03.2026 vollständig gelöscht", date(2026, 3, 15), True),
    ],
    indirect=["store"],
)
def test_other_offices_print_their_own_rule(store, printed: str, day: date, reached: bool) -> None:
    set_letterhead()
    staff = f.staff("Thomas Lehmann", "TL", f.team())
    case = f.register(received=date(2024, 3, 1))
    cases.close(case.id, version=1, closed_on=date(2024, 3, 15), today=f.TODAY, user=f.USER,
                outcomes={1: "unbegruendet"}, signed_by=staff.id, answer_sent=date(2024, 3, 15))  # fmt: skip
    person = find_persons(PersonQuery(text="Erika Mustermann")).persons[0]
    _, rendered = render(person)
    page = squeezed(case_text(rendered, case.id))
    assert squeezed(printed) in page
    assert any(c.case_id == case.id for c in plan_purge(day).cases)
    assert not any(c.case_id == case.id for c in plan_purge(date.fromordinal(day.toordinal() - 1)).cases)
    # 15.03.2026 lies before TODAY: the next purge takes the case, and the Auskunft says so
    assert (squeezed("Dieser Tag ist erreicht") in page) == reached


def test_the_user_decides_what_is_withheld(world: World) -> None:
    content, _ = render(erika())
    keys = content.default_withheld()
    representative = next(k for k in keys if k.startswith(f"{world.represented.id}:party:"))
    statement = f"{world.open_case.id}:statement:{Statement.get(Statement.author == 'Thomas Lehmann').id}"
    _, rendered = render(erika(), (keys - {representative}) | {statement})
    represented = squeezed(case_text(rendered, world.represented.id))
    assert squeezed("Jens Vogt") in represented and squeezed("kanzlei@vogt.example") in represented
    # kept as an item; inside the free texts his identifiers stay withheld (issue 16: withheld completely)
    assert squeezed(f"Rechtsanwalt {REDACTED} schreibt") in represented
    opened = squeezed(case_text(rendered, world.open_case.id))
    assert squeezed("fehlender Kontoauszüge") not in opened and squeezed(WITHHELD_NOTE) in opened
    assert squeezed("Tim Müller") not in squeezed(text(rendered.pdf))  # the others stay withheld


def test_the_employee_concerned_gets_her_part_and_not_the_complainant(world: World) -> None:
    employee = next(p for p in find_persons(PersonQuery(text="Kühn")).persons if p.employee)
    content, rendered = render(employee)
    assert [c.ref for c in content.cases] == [world.dab.ref]
    whole = text(rendered.pdf)
    for own in ("Sabine Kühn (Team 411)", "laut gesprochen", "Ein Dienstvergehen liegt nicht vor", "– im Hause –"):
        assert squeezed(own) in squeezed(whole), own
    for other in ("Erika", "Breite Straße", "123A456789", "erika.mueller@example.org"):
        assert fold(other) not in fold(whole), other


def test_hundreds_of_cases_print_with_a_table_of_contents(store) -> None:
    set_letterhead()
    made = [
        f.register(received=date(2026, 1, 2), person=f.person("Karl Viel"), subject=f"Anliegen {n}") for n in range(200)
    ]
    person = find_persons(PersonQuery(text="karl viel")).persons[0]
    content, rendered = render(person)
    assert len(content.cases) == 200 and rendered.pages >= 200 + 3
    first_case = min(first for first, _ in rendered.case_pages.values())
    toc: dict[str, int] = {}
    for number in range(1, first_case - 1):  # the Anlage's first pages: information, then the contents
        chunks = placed(rendered.pdf, number)
        refs = [(c.top_mm, c.text) for c in chunks if re.fullmatch(r"KRM-\d{4}-\d{4}", c.text)]
        digits = [(c.top_mm, c.text) for c in chunks if c.text.isdigit() and c.x_mm > 170]
        for top, ref in refs:
            toc[ref] = int(next(d for t, d in digits if abs(t - top) < 1.5))
    assert set(toc) == {c.ref for c in made}
    reader = PdfReader(BytesIO(rendered.pdf))
    for index, case in enumerate(content.cases, start=1):
        page = toc[case.ref]
        assert rendered.case_pages[case.case_id][0] == page
        if index % 25 == 1 or index == len(content.cases):  # a sample: reading all pages back takes long
            heading = (reader.pages[page - 1].extract_text() or "").split("\n")[1]
            assert heading.startswith(f"{index}. {case.ref}"), case.ref


def test_each_case_keeps_only_its_own_pages(world: World) -> None:
    _, rendered = render(erika())
    copies = case_copies(rendered)
    assert set(copies) == {c.id for c in world.erika_cases}
    for case in world.erika_cases:
        copy = text(copies[case.id])
        assert "Sehr geehrte Frau Müller," in copy and case.ref in copy
        assert all(other.ref not in copy for other in world.erika_cases if other.id != case.id)
        first, last = rendered.case_pages[case.id]
        assert len(pages_text(copies[case.id])) == 1 + last - first + 1
        assert (
            f"Seiten 1 und {first if first == last else f'{first}–{last}'} von {rendered.pages}"
            == rendered.pages_note(case.id)
        )


def test_user_text_prints_literally_and_the_layout_is_stable(world: World) -> None:
    Case.update(subject="<b>fett</b> & <img src='x'/>").where(Case.id == world.open_case.id).execute()
    _, first = render(erika())
    assert squeezed("<b>fett</b> & <img src='x'/>") in squeezed(text(first.pdf))
    _, second = render(erika())
    assert first.pdf == second.pdf  # invariant: byte-stable
