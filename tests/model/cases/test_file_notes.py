"""Issue 19: the Aktenvermerk for the E-Akte/VerBIS recorded on the case (when, by whom: the acting person) through
the pure transition and its service; refused where the office keeps no such notes, for a card, an anonymised case,
a day before the receipt or in the future — each with the database unchanged. The purge removes who wrote it."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.model.cases import file_notes as fn
from krm_desktop.model.cases import opinion_cards as oc
from krm_desktop.model.cases.case_view import case_view
from krm_desktop.model.cases.lookup import action_facts
from krm_desktop.model.cases.profile_action_reasons import profile_actions
from krm_desktop.model.errors import ConflictError, RefusedError, ValidationError
from krm_desktop.model.office.profiles import PRESETS
from krm_desktop.model.retention.purge import execute_purge
from krm_desktop.model.retention.purge_plan import plan_purge
from krm_desktop.model.store.entities import Case, Event
from tests import factories as f
from tests.model import retention_data as rd

RECEIVED = date(2026, 11, 2)  # the factories' case


def note(case: Case, made_on: date | None, **values) -> Case:
    return fn.record_file_note(
        case.id, version=Case.get_by_id(case.id).version, made_on=made_on, today=f.TODAY, user="Petra Ohlsen", **values
    )


def test_the_note_is_recorded_with_its_day_and_the_acting_person(store) -> None:
    case = f.register()
    stored = note(case, date(2026, 11, 10))
    assert (stored.file_note_on, stored.file_note_by) == (date(2026, 11, 10), "Petra Ohlsen")
    event = Event.select().where((Event.case == case.id) & (Event.action == fn.FILE_NOTE)).get()
    assert event.text == "Vermerk für E-Akte/VerBIS erstellt am 10.11.2026 von Petra Ohlsen."
    assert event.actor == "Petra Ohlsen"
    view = case_view(case.id)
    assert view is not None and (view.file_note_on, view.file_note_by) == (date(2026, 11, 10), "Petra Ohlsen")


def test_the_pure_transition_changes_only_the_note() -> None:
    fields = {"ref": "KRM-2026-0001", "kind": "beschwerde", "anonymised": False, "received": RECEIVED}
    change = fn.note_file(
        fields, made_on=RECEIVED, made_by="  Petra   Ohlsen ", today=f.TODAY, profile=PRESETS["schwaebisch-hall"]
    )
    assert change.fields == {"file_note_on": RECEIVED, "file_note_by": "Petra Ohlsen"}
    assert [e.action for e in change.entries] == [fn.FILE_NOTE]
    with pytest.raises(RefusedError) as info:
        fn.note_file(fields, made_on=RECEIVED, made_by="x", today=f.TODAY, profile=PRESETS["braunschweig"])
    assert info.value.message == fn.NOT_KEPT


@pytest.mark.parametrize(
    ("made_on", "message"),
    [
        (date(2026, 11, 1), "Erstellt am (01.11.2026) liegt vor dem Eingang (02.11.2026)."),
        (date(2026, 11, 21), "Erstellt am (21.11.2026) liegt in der Zukunft"),
        (None, "Bitte angeben, an welchem Tag der Vermerk erstellt wurde"),
    ],
)
def test_a_bad_day_is_refused_next_to_its_field(store, made_on, message) -> None:
    case = f.register()
    version = Case.get_by_id(case.id).version
    with pytest.raises(ValidationError) as info:
        note(case, made_on)
    assert message in info.value.errors["made_on"]
    stored = Case.get_by_id(case.id)
    assert (stored.file_note_on, stored.version) == (None, version)


@pytest.mark.parametrize("store", ["osnabrueck", "braunschweig"], indirect=True)
def test_an_office_without_such_notes_refuses(store) -> None:
    case = f.register()
    with pytest.raises(RefusedError) as info:
        note(case, RECEIVED)
    assert "erfasst keine Vermerke für die E-Akte/VerBIS" in info.value.message
    facts = action_facts(case.id)
    assert facts is not None
    assert profile_actions(case.id, facts, PRESETS["osnabrueck"]).reasons[fn.FILE_NOTE] == fn.NOT_KEPT
    assert Case.get_by_id(case.id).file_note_on is None


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_a_card_is_refused_and_a_closed_case_takes_its_note(store) -> None:
    card = oc.register_card(oc.CardInput(received=RECEIVED, tenor="lob", text="Danke"), today=f.TODAY, user=f.USER)
    with pytest.raises(RefusedError) as info:
        note(card, RECEIVED)
    assert "Meinungskarten sind anonym" in info.value.message
    closed = rd.closed_case(date(2026, 11, 12))
    assert note(closed, date(2026, 11, 13)).file_note_on == date(2026, 11, 13)  # the Erledigungsvermerk


def test_a_stale_version_is_refused(store) -> None:
    case = f.register()
    with pytest.raises(ConflictError):
        fn.record_file_note(case.id, version=0, made_on=RECEIVED, today=f.TODAY, user=f.USER)


def test_the_purge_keeps_the_day_and_removes_who_wrote_it(store) -> None:
    closed = rd.closed_case(date(2023, 5, 10))
    fn.record_file_note(
        closed.id, version=Case.get_by_id(closed.id).version, made_on=date(2023, 5, 10), today=date(2023, 5, 10),
        user="Petra Ohlsen",
    )  # fmt: skip
    execute_purge(plan_purge(date(2025, 12, 31)), today=date(2025, 12, 31), user=f.USER)
    purged = Case.get_by_id(closed.id)
    assert purged.anonymised and (purged.file_note_on, purged.file_note_by) == (date(2023, 5, 10), "")
    event = Event.select().where((Event.case == closed.id) & (Event.action == fn.FILE_NOTE)).get()
    assert (event.text, event.actor) == ("Vermerk für E-Akte/VerBIS erstellt", "")
    with pytest.raises(RefusedError) as info:
        note(purged, date(2025, 12, 31))
    assert "anonymisiert" in info.value.message
