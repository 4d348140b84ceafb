"""Zur Kenntnis: the office's rules propose, the desk confirms, the case keeps who was informed and when."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.model.cases import notices
from krm_desktop.model.cases.notice_checks import Recipient
from krm_desktop.model.errors import RefusedError, ValidationError
from krm_desktop.model.office.areas import AreaFlags, save_area_flags
from krm_desktop.model.office.profiles import PRESETS
from krm_desktop.model.store.entities import Case, Event, Notice
from tests import factories as f

RECEIVED = date(2026, 11, 2)


def names(case: Case, code: str) -> list[tuple[str, str, bool]]:
    found = notices.proposals(case.id, PRESETS[code])
    return [(r.name, r.role, r.copy) for r in found.recipients]


def record(case: Case, *recipients: Recipient, informed_on: date | None = f.TODAY, today: date = f.TODAY) -> Case:
    return f.act(notices.record_notices, case, informed_on=informed_on, recipients=list(recipients), today=today)


def test_schwaebisch_hall_and_osnabrueck_propose_the_employee_concerned(store) -> None:
    people = f.office_people()
    case = f.register(team_id=people["team"].id, employee_concerned="Tom Weber")
    informed = notices.proposals(case.id, PRESETS["schwaebisch-hall"]).recipients
    assert [(r.name, r.role, r.staff_id, r.copy) for r in informed] == [("Tom Weber", "MA", people["ma"].id, False)]
    assert "informiert" in informed[0].reason
    assert "besprochen" in notices.proposals(case.id, PRESETS["osnabrueck"]).recipients[0].reason
    # Without a name the rule cannot name anyone: it says what to add.
    unnamed = f.register(team_id=people["team"].id)
    found = notices.proposals(unnamed.id, PRESETS["schwaebisch-hall"])
    assert found.recipients == ()
    assert "mit Namen ergänzen" in found.hints[0]


def test_luebeck_proposes_the_team_lead_once_gf_or_krm_signed(store) -> None:
    people = f.office_people()
    case = f.register(team_id=people["team"].id)
    assert names(case, "luebeck") == []  # the Teamleitung signs by default: nobody to inform
    f.close_answered(case, f.TODAY, people["krm"].id, "begruendet")
    assert names(case, "luebeck") == [("Jens Brandt", "TL", True)]
    assert "KRM" in notices.proposals(case.id, PRESETS["luebeck"]).recipients[0].reason
    petition = f.register(kind="petition", team_id=people["team"].id)  # GF reserved: proposed before signing
    assert names(petition, "luebeck") == [("Jens Brandt", "TL", True)]


def test_braunschweig_gives_the_krm_a_copy_of_each_answer(store) -> None:
    people = f.office_people()
    case = f.register(team_id=people["team"].id)
    assert names(case, "braunschweig") == [("Petra Ohlsen", "KRM", True)]
    anonymous = f.register(person=None)
    assert names(anonymous, "braunschweig") == []  # no answer, no copy


def test_pankow_proposes_the_lgf_where_the_bereich_has_the_flag(store) -> None:
    team71 = f.team("Team 711 Markt und Integration", "71")
    team40 = f.team("Team 401 Leistung", "40")
    lgf = f.staff("Karin Vogt", "LGF")
    save_area_flags("71", AreaFlags(lgf_cc=True))
    assert names(f.register(team_id=team40.id), "berlin-pankow") == []
    case = f.register(team_id=team71.id)
    found = notices.proposals(case.id, PRESETS["berlin-pankow"]).recipients
    assert [(r.name, r.role, r.staff_id, r.copy, r.reason) for r in found] == [
        ("Karin Vogt", "LGF", lgf.id, True, "LGF in cc (Bereich 71)")
    ]
    # What was recorded is not proposed again.
    record(case, found[0])
    assert names(case, "berlin-pankow") == []


def test_recording_stores_each_recipient_and_names_the_acting_person(store) -> None:
    people = f.office_people()
    case = f.register(team_id=people["team"].id, received=RECEIVED)
    saved = record(
        case,
        Recipient("Jens Brandt", "TL", people["tl"].id, True, "Antwort von GF schlussgezeichnet"),
        Recipient("  Tom   Weber ", "MA"),
        informed_on=date(2026, 11, 5),
    )
    assert saved.version == case.version + 1
    assert [(r.name, r.role, r.copy, r.informed_on) for r in notices.notices_of(case.id)] == [
        ("Jens Brandt", "TL", True, date(2026, 11, 5)),
        ("Tom Weber", "MA", False, date(2026, 11, 5)),
    ]
    event = Event.select().where((Event.case == case.id) & (Event.action == "notice")).get()
    assert event.actor == f.USER
    assert event.text == (
        "Zur Kenntnis gegeben am 05.11.2026: Jens Brandt (Teamleitung), Kopie; Tom Weber (Mitarbeiter/in), informiert."
    )


@pytest.mark.parametrize(
    ("informed_on", "recipients", "field", "words"),
    [
        (date(2026, 11, 1), [Recipient("Tom Weber", "MA")], "informed_on", "liegt vor dem Eingang (02.11.2026)"),
        (date(2026, 11, 21), [Recipient("Tom Weber", "MA")], "informed_on", "liegt in der Zukunft"),
        (None, [Recipient("Tom Weber", "MA")], "informed_on", "Bitte „Zur Kenntnis am“ angeben"),
        (date(2026, 11, 5), [Recipient("   ", "TL")], "name", "Bitte füllen Sie „Name“ aus"),
        (date(2026, 11, 5), [], "recipients", "mindestens eine Person"),
        (date(2026, 11, 5), [Recipient("Tom Weber", "XX")], "role", "Funktion"),
    ],
)
def test_a_bad_kenntnisnahme_is_refused_and_changes_nothing(store, informed_on, recipients, field, words) -> None:
    case = f.register(received=RECEIVED)
    before = f.snapshot()
    with pytest.raises(ValidationError) as info:
        record(case, *recipients, informed_on=informed_on)
    assert words in info.value.errors[field]
    assert f.snapshot() == before


def test_the_day_of_receipt_and_today_are_allowed(store) -> None:
    case = f.register(received=RECEIVED)
    record(case, Recipient("Tom Weber", "MA"), informed_on=RECEIVED)
    record(case, Recipient("Jens Brandt", "TL"), informed_on=f.TODAY)
    assert [r.informed_on for r in notices.notices_of(case.id)] == [RECEIVED, f.TODAY]


def test_a_closed_case_still_records_the_copy_of_its_answer_an_anonymised_one_not(store) -> None:
    people = f.office_people()
    case = f.register(team_id=people["team"].id)
    f.close_answered(case, f.TODAY, people["gf"].id, "begruendet")
    record(case, Recipient("Jens Brandt", "TL", people["tl"].id, True))
    Case.update(anonymised=True).where(Case.id == case.id).execute()
    with pytest.raises(RefusedError, match="anonymisiert"):
        record(case, Recipient("Tom Weber", "MA"))


def test_removing_a_kenntnisnahme_keeps_the_history(store) -> None:
    case = f.register()
    record(case, Recipient("Tom Weber", "MA"), Recipient("Jens Brandt", "TL"))
    first = notices.notices_of(case.id)[0]
    assert first.id is not None
    f.act(notices.remove_notice, case, notice_id=first.id)
    assert [r.name for r in notices.notices_of(case.id)] == ["Jens Brandt"]
    assert f.actions(case)[-2:] == ["notice", "notice_removed"]
    with pytest.raises(RefusedError, match="gibt es nicht mehr"):
        f.act(notices.remove_notice, case, notice_id=first.id)
    assert Notice.select().count() == 1


def test_a_cards_remark_for_a_team_goes_to_its_teamleitung(store) -> None:
    from krm_desktop.model.cases.opinion_cards import CardInput, register_card, withdraw_card

    people = f.office_people()
    card = CardInput(RECEIVED, "kritik", "Wartezeit am Empfang zu lang", team_id=people["team"].id)
    case = register_card(card, today=f.TODAY, user=f.USER, notify_lead=True)
    assert [(r.name, r.role, r.copy, r.informed_on) for r in notices.notices_of(case.id)] == [
        ("Jens Brandt", "TL", False, f.TODAY)
    ]
    assert f.actions(case) == ["registered", "notice", "closed"]
    withdraw_card(case.id, version=case.version)  # a mistyped card goes with its Kenntnisnahme
    assert Notice.select().count() == 0
    unteamed = register_card(CardInput(RECEIVED, "lob", "Freundlich"), today=f.TODAY, user=f.USER, notify_lead=True)
    assert notices.notices_of(unteamed.id) == ()
