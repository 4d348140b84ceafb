"""The Auskunftsersuchen: one-month deadline (Art. 12 Abs. 3 DSGVO), recorded in every case of the person,
in the dashboard until answered, and the copies kept in the cases."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.model.errors import RefusedError, ValidationError
from krm_desktop.model.office.profiles import PRESETS
from krm_desktop.model.persons.auskunft import (
    ANSWERED,
    REQUESTED,
    answer_due,
    mark_answered,
    open_auskunft_requests,
    record_request,
    requests_of,
    store_copies,
)
from krm_desktop.model.persons.person import Person
from krm_desktop.model.persons.search import PersonQuery, find_persons
from krm_desktop.model.store.entities import Case, Event, Letter
from tests import factories as f
from tests.person_data import World, build_world

LUEBECK = PRESETS["luebeck"]


@pytest.fixture
def world(store) -> World:
    return build_world()


def erika() -> Person:
    return find_persons(PersonQuery(text="Erika Müller", customer_no="123A456789")).persons[0]


@pytest.mark.parametrize(
    ("received", "due", "why"),
    [
        (date(2026, 11, 20), date(2026, 12, 21), "20.12.2026 is a Sunday"),
        (date(2026, 11, 18), date(2026, 12, 18), "a Friday: stays"),
        (date(2026, 1, 31), date(2026, 3, 2), "no 31.02.: 28.02.2026, a Saturday"),
        (date(2024, 1, 31), date(2024, 2, 29), "leap year: 29.02.2024, a Thursday"),
        (date(2026, 12, 1), date(2027, 1, 4), "01.01.2027 Neujahr (Friday), then the weekend"),
        (date(2025, 12, 6), date(2026, 1, 6), "06.01. is no holiday in Schleswig-Holstein"),
        (date(2026, 11, 24), date(2026, 12, 24), "24.12. is the office's closing day, no holiday: it stays"),
    ],
)
def test_the_deadline_is_one_month_then_the_next_working_day(received: date, due: date, why: str) -> None:
    assert answer_due(received, LUEBECK) == due, why


def test_the_deadline_follows_the_bundesland() -> None:
    assert answer_due(date(2025, 12, 6), PRESETS["schwaebisch-hall"]) == date(2026, 1, 7)  # Heilige Drei Könige


def test_a_request_is_recorded_in_every_case_with_its_deadline(world: World) -> None:
    request = record_request(erika(), received=date(2026, 11, 18), today=f.TODAY, user="petra.krause")
    assert request.number == "AUS-2026-001" and request.due == date(2026, 12, 18)
    assert set(request.case_ids) == {c.id for c in world.erika_cases}  # open and closed ones
    events = list(Event.select().where(Event.action == REQUESTED))
    assert len(events) == 6 and {e.case_id for e in events} == set(request.case_ids)
    assert events[0].text == (
        "Auskunftsersuchen AUS-2026-001 nach Art. 15 DSGVO (§ 83 SGB X) von Erika Müller, eingegangen am "
        "18.11.2026; Antwort fällig bis 18.12.2026."
    )
    assert events[0].on_day == date(2026, 11, 18) and events[0].actor == "petra.krause"
    pending = open_auskunft_requests(f.TODAY)
    assert [(r.number, r.name, r.due) for r in pending] == [("AUS-2026-001", "Erika Müller", date(2026, 12, 18))]
    assert pending[0].state(f.TODAY) == ("on_track", "fällig am 18.12.2026")
    assert pending[0].summary(f.TODAY) == (
        f"Auskunftsersuchen AUS-2026-001 · Erika Müller · fällig am 18.12.2026 ({pending[0].refs[0]} und 5 weitere)"
    )
    assert pending[0].state(date(2026, 12, 14)) == ("due_soon", "fällig am 18.12.2026 (in 4 Tagen)")
    assert pending[0].state(date(2026, 12, 18)) == ("due_soon", "heute fällig")
    assert pending[0].state(date(2026, 12, 21))[0] == "overdue"
    assert pending[0].state(date(2026, 12, 21))[1].startswith("überfällig seit 3 Tagen")


def test_a_second_request_waits_for_the_first_and_numbers_run_on(world: World) -> None:
    record_request(erika(), received=date(2026, 11, 18), today=f.TODAY, user=f.USER)
    with pytest.raises(RefusedError, match=r"bereits das Auskunftsersuchen AUS-2026-001 vom 18\.11\.2026 offen"):
        record_request(erika(), received=f.TODAY, today=f.TODAY, user=f.USER)
    hans = find_persons(PersonQuery(text="Hans Müller")).persons[0]
    assert record_request(hans, received=f.TODAY, today=f.TODAY, user=f.USER).number == "AUS-2026-002"
    assert [r.number for r in open_auskunft_requests(f.TODAY)] == ["AUS-2026-001", "AUS-2026-002"]


def test_answered_leaves_the_dashboard_and_is_noted_in_each_case(world: World) -> None:
    record_request(erika(), received=date(2026, 11, 18), today=f.TODAY, user=f.USER)
    with pytest.raises(ValidationError, match="liegt vor dem Eingang"):
        mark_answered("AUS-2026-001", answered_on=date(2026, 11, 17), today=f.TODAY, user=f.USER)
    answered = mark_answered("AUS-2026-001", answered_on=f.TODAY, today=f.TODAY, user=f.USER)
    assert answered.answered == f.TODAY
    assert open_auskunft_requests(f.TODAY) == []
    texts = {e.text for e in Event.select().where(Event.action == ANSWERED)}
    assert texts == {"Auskunftsersuchen AUS-2026-001 beantwortet am 20.11.2026."}
    assert Event.select().where(Event.action == ANSWERED).count() == 6
    assert requests_of(erika())[0].state(f.TODAY) == ("answered", "beantwortet am 20.11.2026")
    with pytest.raises(RefusedError, match=r"bereits am 20\.11\.2026 beantwortet"):
        mark_answered("AUS-2026-001", answered_on=f.TODAY, today=f.TODAY, user=f.USER)
    with pytest.raises(RefusedError, match="gibt es nicht"):
        mark_answered("AUS-2026-099", answered_on=f.TODAY, today=f.TODAY, user=f.USER)
    # a new request may come now
    assert record_request(erika(), received=f.TODAY, today=f.TODAY, user=f.USER).number == "AUS-2026-002"


def test_late_answers_say_so(world: World) -> None:
    record_request(erika(), received=date(2026, 9, 1), today=f.TODAY, user=f.USER)
    mark_answered("AUS-2026-001", answered_on=f.TODAY, today=f.TODAY, user=f.USER, note="Per Post.")
    text = Event.select().where(Event.action == ANSWERED).first().text
    assert (
        text == "Auskunftsersuchen AUS-2026-001 beantwortet am 20.11.2026 (nach Fristablauf am 01.10.2026). Per Post."
    )


def test_bad_requests_are_refused(world: World) -> None:
    with pytest.raises(ValidationError, match="liegt in der Zukunft"):
        record_request(erika(), received=date(2026, 11, 21), today=f.TODAY, user=f.USER)
    nobody = Person("p:0", ())
    with pytest.raises(RefusedError, match="Negativauskunft"):
        record_request(nobody, received=f.TODAY, today=f.TODAY, user=f.USER)
    assert Event.select().where(Event.action == REQUESTED).count() == 0


def test_a_request_whose_texts_were_anonymised_is_gone(world: World) -> None:
    hans = find_persons(PersonQuery(text="Hans Müller")).persons[0]
    record_request(hans, received=f.TODAY, today=f.TODAY, user=f.USER)
    Event.update(text="Bearbeitungsschritt", actor="").where(Event.action == REQUESTED).execute()  # as the purge does
    assert open_auskunft_requests(f.TODAY) == []


def test_copies_are_kept_in_each_case_like_letters(world: World) -> None:
    ids = [world.open_case.id, world.closed_2024.id]
    kept = store_copies(
        {ids[0]: b"%PDF-1.4 a", ids[1]: b"%PDF-1.4 b"}, today=f.TODAY, user=f.USER, how="gedruckt",
        pages={ids[0]: "Seiten 1 und 3–4 von 9", ids[1]: "Seiten 1 und 5 von 9"},
    )  # fmt: skip
    letters = [Letter.get_by_id(i) for i in kept]
    assert [(x.doc_type, x.filename, bytes(x.pdf)) for x in letters] == [
        ("auskunft", f"{world.open_case.ref}_auskunft_2026-11-20.pdf", b"%PDF-1.4 a"),
        ("auskunft", f"{world.closed_2024.ref}_auskunft_2026-11-20.pdf", b"%PDF-1.4 b"),
    ]
    event = Event.select().where((Event.case == ids[0]) & (Event.action == "letter")).order_by(Event.id.desc()).get()
    assert event.text == (
        f"Schreiben gedruckt: Auskunft nach Art. 15 DSGVO ({world.open_case.ref}_auskunft_2026-11-20.pdf, "
        "Seiten 1 und 3–4 von 9)."
    )
    Case.update(anonymised=True).where(Case.id == ids[1]).execute()
    before = Letter.select().count()
    with pytest.raises(RefusedError, match="anonymisiert"):
        store_copies({ids[0]: b"%PDF-1.4 a", ids[1]: b"%PDF-1.4 b"}, today=f.TODAY, user=f.USER)
    assert Letter.select().count() == before  # all or nothing
    with pytest.raises(RefusedError, match="keine PDF"):
        store_copies({ids[0]: b"nope"}, today=f.TODAY, user=f.USER)


def test_who_checked_before_issuing_is_recorded_with_the_copy(world: World) -> None:
    store_copies({world.open_case.id: b"%PDF-1.4 a"}, today=f.TODAY, user=f.USER, checked_by="krm.beauftragte")
    event = (
        Event.select()
        .where((Event.case == world.open_case.id) & (Event.action == "letter"))
        .order_by(Event.id.desc())
        .get()
    )
    assert event.text.endswith(".pdf). Vor der Ausgabe geprüft von krm.beauftragte.")
