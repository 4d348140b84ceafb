"""Meinungskarten through the real services: stored anonymous, without clocks, closed at once (or left open),
every bad input refused per field with the database unchanged, and a mistyped card taken back."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.model.case_list.overview import overview
from krm_desktop.model.cases import attachments
from krm_desktop.model.cases import opinion_cards as oc
from krm_desktop.model.errors import ConflictError, RefusedError, ValidationError
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.store.entities import Case, Concern, Event, Team
from tests import factories as f

RECEIVED = date(2026, 11, 16)


def card(**overrides) -> oc.CardInput:
    values = {"received": RECEIVED, "tenor": "kritik", "text": "Wartebereich zu eng", "topic": "Räume und Wartezeit"}
    values.update(overrides)
    return oc.CardInput(**values)


def test_a_card_is_an_anonymous_case_closed_at_once(store) -> None:
    team = f.team("Eingangszone")
    stored = oc.register_card(card(team_id=team.id), today=f.TODAY, user="petra.krause")
    assert (stored.ref, stored.kind, stored.channel, stored.via) == (
        "KRM-2026-0001",
        "meinungskarte",
        "meinungskarte",
        "direkt",
    )
    assert (stored.received, stored.status, stored.closed, stored.outcome) == (RECEIVED, "abgeschlossen", f.TODAY, None)
    assert stored.person_id is None and stored.represented_id is None
    assert (stored.ack_due, stored.final_due, stored.next_due) == (None, None, None)
    assert (stored.subject, stored.description, stored.topic) == (
        "Kritik: Wartebereich zu eng",
        "Wartebereich zu eng",
        "Räume und Wartezeit",
    )
    assert stored.team_id == team.id
    assert [c.kind for c in Concern.select().where(Concern.case == stored.id)] == ["meinungskarte"]
    history = [(e.action, e.actor) for e in Event.select().where(Event.case == stored.id).order_by(Event.id)]
    assert history == [("registered", "petra.krause"), ("closed", "petra.krause")]
    assert overview(load_profile(), f.TODAY).cards_this_year == 1


def test_a_card_may_stay_open_for_the_team(store) -> None:
    stored = oc.register_card(card(tenor="anregung", topic=""), today=f.TODAY, user=f.USER, close=False)
    assert (stored.status, stored.closed, stored.topic, stored.next_due) == ("offen", None, "", None)
    assert stored.subject == "Anregung: Wartebereich zu eng"


def test_a_long_card_keeps_its_words_in_the_description(store) -> None:
    words = "Die Wartezeit im Eingangsbereich war heute wieder sehr lang " * 8
    stored = oc.register_card(card(text=words), today=f.TODAY, user=f.USER)
    assert len(stored.subject) <= 300 and stored.subject.endswith("…")
    shown = stored.subject.removeprefix("Kritik: ").removesuffix("…")
    assert words.startswith(shown) and words[len(shown)] == " "  # cut between two words
    assert stored.description == words.strip()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"tenor": None}, "tenor", "Bitte wählen Sie die Art der Rückmeldung: Lob, Anregung oder Kritik"),
        ({"tenor": "beschwerde"}, "tenor", "Art der Rückmeldung: „beschwerde“ ist unbekannt."),
        ({"text": "  "}, "text", "Bitte füllen Sie „Inhalt der Karte“ aus."),
        ({"text": "x" * 2001}, "text", "Inhalt der Karte: höchstens 2.000 Zeichen erlaubt"),
        ({"text": "Lob\u0007"}, "text", "Inhalt der Karte enthält ein Steuerzeichen (U+0007)"),
        ({"topic": "T" * 81}, "topic", "Thema: höchstens 80 Zeichen erlaubt"),
        ({"received": date(2026, 11, 21)}, "received", "Eingangsdatum (21.11.2026) liegt in der Zukunft"),
        ({"received": date(1999, 12, 31)}, "received", "ist kein plausibles Datum"),
        ({"team_id": 4711}, "team", "Das gewählte Team gibt es nicht mehr"),
    ],
)
def test_bad_cards_are_refused_per_field(store, overrides, field, message) -> None:
    bad = card(**overrides)
    assert message in oc.card_errors(bad, f.TODAY)[field]
    before = f.snapshot()
    with pytest.raises(ValidationError) as caught:
        oc.register_card(bad, today=f.TODAY, user=f.USER)
    assert message in caught.value.errors[field]
    assert f.snapshot() == before


def test_an_inactive_team_is_refused_and_all_problems_come_at_once(store) -> None:
    team = Team.create(name="Team 300 (aufgelöst)", active=False)
    errors = oc.card_errors(card(tenor=None, text="", team_id=team.id, received=date(2026, 12, 1)), f.TODAY)
    assert set(errors) == {"tenor", "text", "team", "received"}
    assert errors["team"] == "Team 300 (aufgelöst) ist nicht mehr aktiv; bitte ein aktives Team wählen."


def test_a_mistyped_card_is_taken_back_and_its_number_reused(store) -> None:
    first = oc.register_card(card(), today=f.TODAY, user=f.USER)
    second = oc.register_card(card(text="Wartebereich zu egn"), today=f.TODAY, user=f.USER)
    oc.withdraw_card(second.id, version=second.version)
    assert [c.id for c in Case.select()] == [first.id]
    assert Event.select().where(Event.case == second.id).count() == 0
    assert Concern.select().where(Concern.case == second.id).count() == 0
    again = oc.register_card(card(text="Wartebereich zu eng, kein Platz"), today=f.TODAY, user=f.USER)
    assert again.ref == "KRM-2026-0002"
    assert Case.get_by_id(first.id).ref == "KRM-2026-0001"


def test_taking_back_is_refused_when_the_card_changed_or_is_no_card(store) -> None:
    stored = oc.register_card(card(), today=f.TODAY, user=f.USER, close=False)
    complaint = f.register()
    before = f.snapshot()
    with pytest.raises(ConflictError, match="nach dem Erfassen noch bearbeitet"):
        oc.withdraw_card(stored.id, version=stored.version - 1)
    with pytest.raises(RefusedError, match="keine Meinungskarte"):
        oc.withdraw_card(complaint.id, version=complaint.version)
    with pytest.raises(RefusedError, match="gibt es nicht mehr"):
        oc.withdraw_card(complaint.id + 50, version=1)
    assert f.snapshot() == before
    attachments.add_attachment(stored.id, "karte.jpg", b"\xff\xd8\xff\xe0 JFIF", today=f.TODAY, user=f.USER)
    before = f.snapshot()
    with pytest.raises(RefusedError, match="hat inzwischen Anlagen"):
        oc.withdraw_card(stored.id, version=stored.version)
    assert f.snapshot() == before
