"""The pure checks of the workflow actions: what a case's state and kind allow, and the inputs' messages."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases import closing_checks
from krm_desktop.model.cases import input_checks as inputs
from krm_desktop.model.cases.action_checks import ActionFacts
from krm_desktop.model.cases.closing_checks import ConcernFacts, SignerFacts
from krm_desktop.model.cases.waiver_checks import waiver_errors

T = date(2026, 11, 20)
RECEIVED = date(2026, 11, 2)
OPEN = ActionFacts(
    ref="KRM-2026-0001",
    kind="beschwerde",
    status="offen",
    anonymised=False,
    received=RECEIVED,
    has_person=True,
    has_clock=True,
)
EVERYDAY = {
    checks.EDIT,
    checks.ACKNOWLEDGE,
    checks.INTERIM,
    checks.ASSIGN,
    checks.ESCALATE,
    checks.RESERVE,
    checks.STATEMENT,
    checks.WAIVER,
    checks.ANSWER,
    checks.CLOSE,
}


def allowed(facts: ActionFacts) -> set[str]:
    return {code for code, reason in checks.available_actions(facts).items() if reason is None}


def test_an_open_complaint_allows_the_everyday_actions() -> None:
    assert allowed(OPEN) == EVERYDAY
    reasons = checks.available_actions(OPEN)
    assert (
        reasons[checks.FOLLOW_UP]
        == "KRM-2026-0001 ist noch offen; eine Folgereaktion folgt auf einen abgeschlossenen Fall."
    )
    assert reasons[checks.DECIDE] == "KRM-2026-0001 ist keine Dienstaufsichtsbeschwerde."


def test_steps_done_are_not_offered_again() -> None:
    done = replace(OPEN, ack_sent=date(2026, 11, 4), answer_sent=date(2026, 11, 18))
    reasons = checks.available_actions(done)
    assert reasons[checks.ACKNOWLEDGE] == "Die Eingangsbestätigung ist bereits am 04.11.2026 versandt."
    assert reasons[checks.ANSWER] == "Die Antwort ist bereits am 18.11.2026 versandt."
    assert "Zwischennachricht entfällt" in (reasons[checks.INTERIM] or "")
    assert "ein Verzicht entfällt" in (reasons[checks.WAIVER] or "")
    assert allowed(done) == EVERYDAY - {checks.ACKNOWLEDGE, checks.ANSWER, checks.INTERIM, checks.WAIVER}


def test_a_waiver_replaces_the_answer_and_the_interim_notice() -> None:
    reasons = checks.available_actions(replace(OPEN, waiver=True))
    assert "verzichtet" in (reasons[checks.ANSWER] or "") and "verzichtet" in (reasons[checks.INTERIM] or "")
    assert reasons[checks.WAIVER] == "Der Verzicht auf schriftliche Antwort ist bereits erfasst."
    assert reasons[checks.CLOSE] is None


def test_anonymous_cases_and_cards_have_no_letters_and_no_sign_off() -> None:
    anonymous = replace(OPEN, has_person=False, has_clock=False)
    assert allowed(anonymous) == {checks.EDIT, checks.ASSIGN, checks.ESCALATE, checks.STATEMENT, checks.CLOSE}
    assert "keine Adressatin/keinen Adressaten" in (checks.unavailable_reason(anonymous, checks.ACKNOWLEDGE) or "")
    card = replace(anonymous, kind="meinungskarte")
    assert allowed(card) == {checks.EDIT, checks.ASSIGN, checks.CLOSE}
    assert "Meinungskarte" in (checks.unavailable_reason(card, checks.ANSWER) or "")
    closed_card = replace(card, status="abgeschlossen")
    assert "Meinungskarten sind anonym" in (checks.unavailable_reason(closed_card, checks.FOLLOW_UP) or "")


def test_escalation_and_reserve_end_at_the_gf() -> None:
    at_gf = replace(OPEN, escalation_level=3, sign_off_role="GF")
    assert "Eskalationsstufe 3" in (checks.unavailable_reason(at_gf, checks.ESCALATE) or "")
    assert "bereits" in (checks.unavailable_reason(at_gf, checks.RESERVE) or "")


def test_a_dab_decides_then_informs_then_closes() -> None:
    dab = replace(OPEN, kind="dienstaufsichtsbeschwerde", escalation_level=3, sign_off_role="GF")
    reasons = checks.available_actions(dab)
    assert reasons[checks.DECIDE] is None and reasons[checks.RECLASSIFY] is None
    assert reasons[checks.INFORM] == "Erst entscheidet die Geschäftsführung; dann wird die/der Beschäftigte informiert."
    assert reasons[checks.CLOSE] == "Eine Dienstaufsichtsbeschwerde schließt erst nach der Entscheidung der GF."
    decided = replace(dab, has_decision=True, decided_on=date(2026, 11, 16))
    reasons = checks.available_actions(decided)
    assert reasons[checks.DECIDE] == "Die Geschäftsführung hat bereits entschieden (am 16.11.2026)."
    assert "umgedeutet wird nur vorher" in (reasons[checks.RECLASSIFY] or "")
    assert reasons[checks.INFORM] is None
    assert reasons[checks.CLOSE] == "Bitte erst die Information der/des Beschäftigten erfassen."
    informed = replace(decided, employee_informed=date(2026, 11, 17))
    assert checks.unavailable_reason(informed, checks.CLOSE) is None
    assert "bereits am 17.11.2026 informiert" in (checks.unavailable_reason(informed, checks.INFORM) or "")
    reclassified = replace(
        dab,
        kind="fachaufsichtsbeschwerde",
        reclassified_from="dienstaufsichtsbeschwerde",
        escalation_level=1,
        sign_off_role="TL",
    )
    assert allowed(reclassified) & checks.DAB_ACTIONS == set()
    assert checks.unavailable_reason(reclassified, checks.INFORM) == (
        "KRM-2026-0001 ist in eine Fachaufsichtsbeschwerde umgedeutet und keine Dienstaufsichtsbeschwerde mehr."
    )


def test_closed_and_anonymised_cases_allow_only_a_follow_up() -> None:
    closed = replace(OPEN, status="abgeschlossen")
    assert allowed(closed) == {checks.FOLLOW_UP}
    assert checks.unavailable_reason(closed, checks.CLOSE) == (
        "KRM-2026-0001 ist abgeschlossen; dafür ist eine Folgereaktion anzulegen."
    )
    anonymised = replace(closed, anonymised=True, has_person=False)
    assert "anonymisiert" in (checks.unavailable_reason(anonymised, checks.ASSIGN) or "")


def test_action_dates_are_given_not_in_the_future_and_not_before_the_receipt() -> None:
    assert inputs.sent_errors(None, "Versanddatum", RECEIVED, T) == {"sent_on": "Bitte „Versanddatum“ angeben."}
    assert "in der Zukunft" in inputs.sent_errors(date(2026, 11, 21), "Versanddatum", RECEIVED, T)["sent_on"]
    assert (
        "vor dem Eingang (02.11.2026)" in inputs.sent_errors(date(2026, 11, 1), "Versanddatum", RECEIVED, T)["sent_on"]
    )
    assert inputs.sent_errors(RECEIVED, "Versanddatum", RECEIVED, T) == {}
    assert inputs.sent_errors(T, "Versanddatum", RECEIVED, T) == {}


def test_interim_notice_needs_reason_and_a_later_expected_date() -> None:
    errors = inputs.interim_errors(sent_on=T, reason=" ", expected=T, received=RECEIVED, today=T)
    assert set(errors) == {"reason", "expected"}
    assert "nach dem Versand" in errors["expected"]
    errors = inputs.interim_errors(sent_on=T, reason="Akte\x07", expected=None, received=RECEIVED, today=T)
    assert "Steuerzeichen" in errors["reason"] and "voraussichtlich" in errors["expected"]
    ok = inputs.interim_errors(sent_on=T, reason="Akte beim ÄD", expected=date(2026, 12, 4), received=RECEIVED, today=T)
    assert ok == {}


@pytest.mark.parametrize(
    ("current", "to_level", "reason", "errors"),
    [
        (1, 2, "", set()),
        (1, 3, "", {"reason"}),
        (1, 3, "Bedrohung im Gespräch", set()),
        (2, 3, "", set()),
        (2, 2, "", {"level"}),
        (2, 1, "", {"level"}),
        (1, None, "", {"level"}),
        (1, 4, "x", {"level"}),
    ],
)
def test_escalation_goes_up_and_skipping_needs_a_reason(current, to_level, reason, errors) -> None:
    assert set(inputs.escalation_errors(current=current, to_level=to_level, reason=reason)) == errors


def test_statement_checks_every_field_at_once() -> None:
    errors = inputs.statement_errors(
        author=" ", author_role="XY", received_on=date(2026, 12, 1), text="", received=RECEIVED, today=T
    )
    assert set(errors) == {"author", "author_role", "received_on", "text"}
    assert "Funktion" in errors["author_role"]


def test_waiver_needs_how_when_and_why() -> None:
    errors = waiver_errors(settled_by="", declared_on=None, reasons="", received=RECEIVED, today=T)
    assert set(errors) == {"settled_by", "declared_on", "reasons"}
    assert waiver_errors(settled_by=None, declared_on=T, reasons="geklärt", received=RECEIVED, today=T) == {}
    assert waiver_errors(settled_by="telefon", declared_on=T, reasons="geklärt", received=RECEIVED, today=T) == {}


def test_gf_decisions_need_the_gf() -> None:
    errors = inputs.decision_errors(decision="", decider_role="TL", decided_on=T, received=RECEIVED, today=T)
    assert set(errors) == {"decided_by", "decision"}
    errors = inputs.reclassification_errors(
        new_kind="lob", reason="x", decider_role="GF", decided_on=T, received=RECEIVED, today=T
    )
    assert set(errors) == {"kind"}
    errors = inputs.informed_errors(
        informed_on=date(2026, 11, 10), decided_on=date(2026, 11, 16), received=RECEIVED, today=T
    )
    assert "vor der Entscheidung der GF (16.11.2026)" in errors["informed_on"]


def test_sign_off_rules() -> None:
    assert closing_checks.role_may_sign("TL", 1, "TL") and closing_checks.role_may_sign("TL", 1, "KRM")
    assert not closing_checks.role_may_sign("TL", 1, "MA")
    assert not closing_checks.role_may_sign("TL", 2, "TL") and closing_checks.role_may_sign("TL", 2, "BL")
    assert closing_checks.role_may_sign("GF", 1, "GF") and not closing_checks.role_may_sign("GF", 1, "KRM")
    assert closing_checks.signers_label("TL", 2) == "Bereichsleitung oder KRM-Beauftragte/r"


def test_close_checks_outcomes_answer_sign_off_and_the_order_of_the_steps() -> None:
    concerns = [ConcernFacts(1, "beschwerde", None), ConcernFacts(2, "idee", None)]
    facts = replace(OPEN, ack_sent=date(2026, 11, 4))
    errors = closing_checks.close_errors(
        facts, concerns, closed_on=date(2026, 11, 3), outcomes={2: "begruendet"}, answer_sent=None, signer=None, today=T
    )
    assert set(errors) == {"concerns.1.outcome", "concerns.2.outcome", "closed_on", "answer_sent", "signed_by"}
    assert "vor der Eingangsbestätigung (04.11.2026)" in errors["closed_on"]
    ok = closing_checks.close_errors(
        facts,
        concerns,
        closed_on=T,
        outcomes={1: "begruendet"},
        answer_sent=T,
        signer=SignerFacts("Jens Brandt", "TL"),
        today=T,
    )
    assert ok == {}
    waived = closing_checks.close_errors(
        replace(facts, waiver=True),
        concerns,
        closed_on=T,
        outcomes={1: "begruendet"},
        answer_sent=None,
        signer=SignerFacts("Jens Brandt", "TL"),
        today=T,
    )
    assert waived == {}
    card = replace(OPEN, kind="meinungskarte", has_person=False, has_clock=False)
    assert (
        closing_checks.close_errors(
            card,
            [ConcernFacts(1, "meinungskarte", None)],
            closed_on=T,
            outcomes={},
            answer_sent=None,
            signer=None,
            today=T,
        )
        == {}
    )
