"""Case services: every step of the workflow, its refusals and its conflicts."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from krm_desktop.model.cases import services as cases
from krm_desktop.model.errors import ConflictError, RefusedError, ValidationError
from krm_desktop.model.store.entities import Case, Concern, Event, Staff
from tests import factories as f

T, U = f.TODAY, f.USER


def fresh(case: Case) -> Case:
    return Case.get_by_id(case.id)


actions = f.actions


@pytest.fixture
def people(store):
    return f.office_people()


def test_acknowledge_then_interim_then_answer_and_close(people) -> None:
    case = f.register(team_id=people["team"].id)
    assert (case.next_action, case.next_due) == ("ack", date(2026, 11, 5))
    case = cases.acknowledge(case.id, version=case.version, sent_on=date(2026, 11, 4), today=T, user=U)
    assert case.ack_sent == date(2026, 11, 4) and case.version == 2
    assert (case.next_action, case.next_due) == ("answer", date(2026, 11, 16))
    case = f.act(
        cases.send_interim,
        case,
        sent_on=date(2026, 11, 13),
        reason="Die Akte liegt dem Widerspruchsteam vor.",
        expected=date(2026, 11, 30),
    )
    assert case.interim_expected == date(2026, 11, 30)
    assert (case.next_action, case.next_due) == ("answer_after_interim", date(2026, 11, 30))
    case = cases.record_answer(case.id, version=case.version, sent_on=date(2026, 11, 19), today=T, user=U)
    case = f.act(cases.close, case, closed_on=date(2026, 11, 19), outcomes={1: "begruendet"}, signed_by=people["tl"].id)
    assert case.status == "abgeschlossen" and case.outcome == "begruendet" and case.signed_by.name == "Jens Brandt"
    assert (case.next_action, case.next_due) == (None, None)
    assert actions(case) == ["registered", "acknowledged", "interim", "answered", "closed"]


def test_late_acknowledgement_is_noted(people) -> None:
    case = f.register()
    case = cases.acknowledge(case.id, version=case.version, sent_on=date(2026, 11, 9), today=T, user=U)
    assert "nach Fristablauf" in Event.select().order_by(Event.id.desc()).get().text


@pytest.mark.parametrize("store", ["braunschweig"], indirect=True)
def test_braunschweig_answer_clock_starts_when_ack_sent(store) -> None:
    case = f.register()  # Mo 02.11.: ack 7 KT -> Mo 09.11., final 14 KT after that -> Mo 23.11.
    assert (case.ack_due, case.final_due) == (date(2026, 11, 9), date(2026, 11, 23))
    case = cases.acknowledge(case.id, version=case.version, sent_on=date(2026, 11, 4), today=T, user=U)
    assert case.final_due == date(2026, 11, 18)  # Mi 04.11. + 14 = Mi 18.11.


def test_acknowledge_refusals(people) -> None:
    case = f.register()
    with pytest.raises(ValidationError, match="Zukunft"):
        cases.acknowledge(case.id, version=1, sent_on=date(2026, 11, 21), today=T, user=U)
    with pytest.raises(ValidationError, match="vor dem Eingang"):
        cases.acknowledge(case.id, version=1, sent_on=date(2026, 11, 1), today=T, user=U)
    case = cases.acknowledge(case.id, version=1, sent_on=date(2026, 11, 3), today=T, user=U)
    with pytest.raises(RefusedError, match="bereits"):
        cases.acknowledge(case.id, version=case.version, sent_on=date(2026, 11, 4), today=T, user=U)
    anonymous = f.register(person=None)
    with pytest.raises(RefusedError, match="keine Adressatin"):
        cases.acknowledge(anonymous.id, version=1, sent_on=T, today=T, user=U)


def test_interim_needs_reason_and_later_expected_date(people) -> None:
    case = f.register()
    before = f.snapshot()
    with pytest.raises(ValidationError, match="Grund der Verzögerung"):
        cases.send_interim(case.id, version=1, sent_on=T, reason="  ", expected=date(2026, 12, 1), today=T, user=U)
    with pytest.raises(ValidationError, match="nach dem Versand"):
        cases.send_interim(case.id, version=1, sent_on=T, reason="Prüfung", expected=T, today=T, user=U)
    assert f.snapshot() == before


def test_escalation_levels(people) -> None:
    case = f.register()
    case = cases.escalate(case.id, version=1, to_level=2, reason="", today=T, user=U)
    assert case.escalation_level == 2 and case.lead == "team"
    with pytest.raises(ValidationError, match="höhere Stufe"):
        cases.escalate(case.id, version=case.version, to_level=1, reason="", today=T, user=U)
    case = cases.escalate(case.id, version=case.version, to_level=3, reason="", today=T, user=U)
    assert case.lead == "gf"


def test_skipping_to_gf_needs_a_reason(people) -> None:
    case = f.register()
    before = f.snapshot()
    with pytest.raises(ValidationError, match="begründen"):
        cases.escalate(case.id, version=1, to_level=3, reason=" ", today=T, user=U)
    assert f.snapshot() == before
    case = cases.escalate(case.id, version=1, to_level=3, reason="Bedrohungslage im Gespräch", today=T, user=U)
    assert "Bedrohungslage" in Event.select().order_by(Event.id.desc()).get().text


def test_sign_off_rules(people) -> None:
    case = f.register()
    case = cases.record_answer(case.id, version=1, sent_on=T, today=T, user=U)
    with pytest.raises(ValidationError, match="darf hier nicht"):
        f.act(cases.close, case, closed_on=T, outcomes={1: "unbegruendet"}, signed_by=people["ma"].id)
    case = cases.reserve_sign_off(case.id, version=case.version, today=T, user=U)
    for who in ("tl", "krm", "bl"):
        with pytest.raises(ValidationError, match="Geschäftsführung"):
            f.act(cases.close, case, closed_on=T, outcomes={1: "unbegruendet"}, signed_by=people[who].id)
    closed = f.act(cases.close, case, closed_on=T, outcomes={1: "unbegruendet"}, signed_by=people["gf"].id)
    assert closed.signed_by.role == "GF"


def test_a_deactivated_person_is_refused_as_signer(people) -> None:
    case = f.register(team_id=people["team"].id)
    Staff.update(active=False).where(Staff.id == people["tl"].id).execute()
    before = f.snapshot()
    with pytest.raises(ValidationError) as refused:
        f.act(cases.close, case, closed_on=T, outcomes={1: "unbegruendet"}, signed_by=people["tl"].id)
    assert refused.value.errors == {
        "signed_by": "Jens Brandt ist nicht mehr aktiv (Einstellungen → Personen). Bitte wählen Sie eine andere Person."
    }
    assert f.snapshot() == before
    assert people["tl"].id not in [s.id for s in cases.signing_staff()]


def test_escalated_case_needs_bl_or_krm_to_sign(people) -> None:
    case = f.register()
    case = cases.escalate(case.id, version=1, to_level=2, reason="", today=T, user=U)
    args = {"closed_on": T, "today": T, "user": U, "outcomes": {1: "nicht_bewertbar"}, "answer_sent": T}
    with pytest.raises(ValidationError, match="Bereichsleitung oder KRM"):
        cases.close(case.id, version=case.version, signed_by=people["tl"].id, **args)
    assert cases.close(case.id, version=case.version, signed_by=people["krm"].id, **args).status == "abgeschlossen"


def test_close_refusals_leave_database_unchanged(people) -> None:
    case = f.register(concerns=[("beschwerde", None), ("idee", None)])
    before = f.snapshot()
    with pytest.raises(ValidationError) as caught:
        cases.close(case.id, version=1, closed_on=T, today=T, user=U, signed_by=people["tl"].id)
    errors = caught.value.errors
    assert "begründet, unbegründet oder nicht bewertbar" in errors["concerns.1.outcome"]
    assert "Verzicht" in errors["answer_sent"]
    with pytest.raises(ValidationError) as caught:
        f.act(
            cases.close,
            case,
            closed_on=date(2026, 10, 30),
            outcomes={1: "begruendet"},
            answer_sent=T,
            signed_by=people["tl"].id,
        )
    assert "vor dem Eingang" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        f.act(
            cases.close, case, closed_on=T, outcomes={1: "begruendet", 2: "begruendet"}, answer_sent=T, signed_by=None
        )
    assert "Nur Beschwerden" in caught.value.errors["concerns.2.outcome"]
    assert "Schlusszeichnung" in caught.value.errors["signed_by"]
    assert f.snapshot() == before


def test_outcome_is_stored_per_concern(people) -> None:
    case = f.register(concerns=[("beschwerde", None), ("fachaufsichtsbeschwerde", None), ("lob", None)])
    case = f.act(
        cases.close,
        case,
        closed_on=T,
        answer_sent=T,
        signed_by=people["tl"].id,
        outcomes={1: "unbegruendet", 2: "begruendet"},
    )
    stored = {c.position: c.outcome for c in Concern.select().where(Concern.case == case.id)}
    assert stored == {1: "unbegruendet", 2: "begruendet", 3: None}
    assert case.outcome == "unbegruendet"


def test_waiver_closes_without_answer(people) -> None:
    case = f.register()
    with pytest.raises(ValidationError, match="Vermerk"):
        cases.record_waiver(case.id, version=1, declared_on=T, reasons="", today=T, user=U)
    case = cases.record_waiver(
        case.id, version=1, declared_on=T, reasons="Im Telefonat am 19.11. geklärt; Termin vereinbart.", today=T, user=U
    )
    case = f.act(cases.close, case, closed_on=T, outcomes={1: "begruendet"}, signed_by=people["tl"].id)
    assert case.waiver and case.answer_sent is None
    assert "Verzicht" in Event.select().order_by(Event.id.desc()).get().text


def test_waiver_refused_for_anonymous_case(people) -> None:
    case = f.register(person=None)
    with pytest.raises(RefusedError, match="anonym"):
        cases.record_waiver(case.id, version=1, declared_on=T, reasons="geklärt", today=T, user=U)


def test_anonymous_and_card_cases_close_without_answer_or_sign_off(people) -> None:
    card = f.register(kind="meinungskarte", channel="meinungskarte", person=None)
    assert cases.close(card.id, version=1, closed_on=T, today=T, user=U).status == "abgeschlossen"
    anon = f.register(person=None)
    closed = cases.close(anon.id, version=1, closed_on=T, today=T, user=U, outcomes={1: "nicht_bewertbar"})
    assert closed.signed_by is None


def closed_with_follow_up(people, outcome: str) -> tuple[Case, Case]:
    """A case closed on 09.10.2026 with an answer, and its follow-up received on 16.11.2026."""
    earlier = f.register(received=date(2026, 10, 1))
    earlier = f.close_answered(earlier, date(2026, 10, 9), people["tl"].id, outcome)
    return earlier, cases.follow_up(earlier.id, f.case_input(received=date(2026, 11, 16)), today=T, user=U)


def test_follow_up_links_and_notes_both_cases(people) -> None:
    earlier, later = closed_with_follow_up(people, "unbegruendet")
    assert later.kind == "folgereaktion" and later.follows.ref == earlier.ref
    assert "follow_up" in actions(earlier)
    with pytest.raises(ValidationError, match="vor dem Abschluss"):
        cases.follow_up(earlier.id, f.case_input(received=date(2026, 10, 5)), today=T, user=U)


def test_closed_case_refuses_further_actions(people) -> None:
    case = f.register()
    case = f.act(cases.close, case, closed_on=T, outcomes={1: "begruendet"}, answer_sent=T, signed_by=people["tl"].id)
    with pytest.raises(RefusedError, match="Folgereaktion"):
        cases.acknowledge(case.id, version=case.version, sent_on=T, today=T, user=U)


def test_update_recomputes_deadlines_only_when_clock_data_change(people) -> None:
    case = f.register()
    data = f.case_input(subject="Neuer Betreff", team_id=people["team"].id)
    case = cases.update_case(case.id, version=1, data=data, today=T, user=U)
    assert case.subject == "Neuer Betreff" and case.final_due == date(2026, 11, 16)
    data = f.case_input(received=date(2026, 11, 3))
    case = cases.update_case(case.id, version=case.version, data=data, today=T, user=U)
    assert (case.ack_due, case.final_due) == (date(2026, 11, 6), date(2026, 11, 17))
    assert "Fristen neu berechnet" in Event.select().order_by(Event.id.desc()).get().text
    with pytest.raises(ValidationError, match="Umdeutung"):
        cases.update_case(case.id, version=case.version, data=f.case_input(kind="lob"), today=T, user=U)


@pytest.mark.parametrize(
    "service",
    [
        lambda c, v: cases.acknowledge(c, version=v, sent_on=T, today=T, user=U),
        lambda c, v: cases.escalate(c, version=v, to_level=2, reason="", today=T, user=U),
        lambda c, v: cases.reserve_sign_off(c, version=v, today=T, user=U),
        lambda c, v: cases.record_waiver(c, version=v, declared_on=T, reasons="geklärt", today=T, user=U),
        lambda c, v: cases.record_answer(c, version=v, sent_on=T, today=T, user=U),
        lambda c, v: cases.update_case(c, version=v, data=f.case_input(subject="x"), today=T, user=U),
        lambda c, v: cases.record_statement(
            c, version=v, author="A", author_role="TL", received_on=T, text="t", today=T, user=U
        ),
    ],
    ids=["acknowledge", "escalate", "reserve", "waiver", "answer", "update", "statement"],
)
def test_every_service_refuses_a_stale_version(people, service) -> None:
    case = f.register()
    cases.assign_team(case.id, version=1, team_id=people["team"].id, today=T, user="platz1")
    before = f.snapshot()
    with pytest.raises(ConflictError, match="anderen Platz"):
        service(case.id, 1)
    assert f.snapshot() == before


def test_acknowledging_after_a_profile_change_keeps_the_stored_answer_deadline(people) -> None:

    from krm_desktop.model.office.profiles import load_profile, profile_version, save_profile

    case = f.register(received=date(2026, 11, 2))
    profile = load_profile()
    save_profile(dataclasses.replace(profile, closing_days=(*profile.closing_days, "2026-11-16")), profile_version())
    case = cases.acknowledge(case.id, version=1, sent_on=date(2026, 11, 3), today=T, user=U)
    assert case.final_due == date(2026, 11, 16)


def test_the_received_date_may_be_corrected_into_the_year_before_and_the_reference_stays(people) -> None:
    case = f.register(received=date(2026, 1, 2))
    assert case.ref == "KRM-2026-0001"
    case = cases.update_case(case.id, version=1, data=f.case_input(received=date(2025, 12, 30)), today=T, user=U)
    assert (case.ref, case.year, case.received) == ("KRM-2026-0001", 2026, date(2025, 12, 30))


def test_close_cannot_predate_a_recorded_answer(people) -> None:
    case = f.register()
    case = cases.record_answer(case.id, version=1, sent_on=date(2026, 11, 12), today=T, user=U)
    with pytest.raises(ValidationError, match=r"12\.11\.2026"):
        f.act(cases.close, case, closed_on=date(2026, 11, 10), outcomes={1: "begruendet"}, signed_by=people["tl"].id)


def test_follow_up_stays_editable_after_the_earlier_case_was_purged(people) -> None:
    earlier, later = closed_with_follow_up(people, "begruendet")
    assert later.follows_ref == earlier.ref
    Case.delete().where(Case.id == earlier.id).execute()  # what the purge's whole deletion leaves
    later = Case.get_by_id(later.id)
    assert later.follows_id is None and later.follows_ref == earlier.ref
    data = f.case_input(kind="folgereaktion", received=date(2026, 11, 16), subject="Nachtrag")
    updated = cases.update_case(later.id, version=later.version, data=data, today=T, user=U)
    assert updated.subject == "Nachtrag" and updated.follows_ref == earlier.ref


def test_assigning_needs_a_team_other_than_the_current_one(people) -> None:
    case = f.register(team_id=people["team"].id)
    before = f.snapshot()
    with pytest.raises(ValidationError, match="bereits zuständig") as caught:
        cases.assign_team(case.id, version=1, team_id=people["team"].id, today=T, user=U)
    assert set(caught.value.errors) == {"team"}
    with pytest.raises(ValidationError, match="Bitte ein Team wählen"):
        cases.assign_team(case.id, version=1, team_id=None, today=T, user=U)
    assert f.snapshot() == before


def test_refusals_name_the_field_of_the_form(people) -> None:
    case = f.register()
    with pytest.raises(ValidationError) as caught:
        cases.send_interim(case.id, version=1, sent_on=date(2026, 11, 30), reason="", expected=None, today=T, user=U)
    assert set(caught.value.errors) == {"sent_on", "reason", "expected"}
    with pytest.raises(ValidationError) as caught:
        cases.record_answer(case.id, version=1, sent_on=date(2026, 10, 1), today=T, user=U)
    assert set(caught.value.errors) == {"sent_on"}


def test_a_waiver_records_how_the_matter_was_settled(people) -> None:
    case = f.register()
    with pytest.raises(ValidationError, match="telefonisch oder persönlich"):
        cases.record_waiver(
            case.id, version=1, settled_by="brieflich", declared_on=T, reasons="geklärt", today=T, user=U
        )
    case = cases.record_waiver(
        case.id, version=1, settled_by="persoenlich", declared_on=date(2026, 11, 19), reasons="geklärt", today=T,
        user=U,
    )  # fmt: skip
    text = Event.select().order_by(Event.id.desc()).get().text
    assert text == (
        "Persönlich geklärt; Vermerk: Die Kundin/der Kunde hat im Gespräch am 19.11.2026 auf eine schriftliche "
        "Antwort verzichtet. geklärt"
    )
    with pytest.raises(RefusedError, match="bereits erfasst"):
        cases.record_waiver(case.id, version=case.version, declared_on=T, reasons="nochmals", today=T, user=U)


def test_the_services_refuse_what_the_state_does_not_allow(people) -> None:
    case = f.register()
    case = cases.record_answer(case.id, version=1, sent_on=date(2026, 11, 18), today=T, user=U)
    before = f.snapshot()
    for service, match in (
        (lambda v: cases.record_answer(case.id, version=v, sent_on=T, today=T, user=U), "bereits am 18.11.2026"),
        (lambda v: cases.acknowledge(case.id, version=v, sent_on=T, today=T, user=U), "Eingangsbestätigung entfällt"),
        (
            lambda v: cases.send_interim(
                case.id, version=v, sent_on=T, reason="x", expected=date(2026, 12, 1), today=T, user=U
            ),
            "Zwischennachricht entfällt",
        ),
        (
            lambda v: cases.record_waiver(case.id, version=v, declared_on=T, reasons="x", today=T, user=U),
            "Verzicht entfällt",
        ),
    ):
        with pytest.raises(RefusedError, match=match):
            service(case.version)
    assert f.snapshot() == before
    card = f.register(kind="meinungskarte", channel="meinungskarte", person=None)
    with pytest.raises(RefusedError, match="nicht eskaliert"):
        cases.escalate(card.id, version=1, to_level=2, reason="", today=T, user=U)
    with pytest.raises(RefusedError, match="keine Stellungnahmen"):
        cases.record_statement(
            card.id, version=1, author="A", author_role="TL", received_on=T, text="t", today=T, user=U
        )


def test_close_cannot_predate_a_recorded_step(people) -> None:
    case = f.register()
    case = cases.acknowledge(case.id, version=1, sent_on=date(2026, 11, 5), today=T, user=U)
    with pytest.raises(ValidationError, match=r"vor der Eingangsbestätigung \(05\.11\.2026\)") as caught:
        cases.close(
            case.id, version=case.version, closed_on=date(2026, 11, 4), today=T, user=U, outcomes={1: "begruendet"},
            answer_sent=date(2026, 11, 4), signed_by=people["tl"].id,
        )  # fmt: skip
    assert set(caught.value.errors) == {"closed_on"}
