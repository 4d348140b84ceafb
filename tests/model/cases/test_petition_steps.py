"""Pankow's petition steps (Konzept 4.5): the KRM's formal check of the Stellungnahme before the GF signs, and, where
the BA is responsible under § 44b Abs. 3 SGB II, the agreement with Agentur für Arbeit and Regionaldirektion before
the signed originals go out. Order, bad inputs, the history; other offices have neither step."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.model.cases import petition_steps
from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.case_view import case_view
from krm_desktop.model.cases.petition_checks import BA_AGREE, STATEMENT_CHECK
from krm_desktop.model.codes import STATUS_CLOSED
from krm_desktop.model.errors import RefusedError, ValidationError
from krm_desktop.model.office.profiles import PRESETS
from krm_desktop.model.store.entities import Case, Event
from tests import factories as f

PANKOW = PRESETS["berlin-pankow"]
RECEIVED = date(2026, 11, 9)
pankow = pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
DRAFT = "Der Antrag wurde am 12.11.2026 beschieden; die Leistungen sind angewiesen."


def petition(*, ba: bool = True, statement_on: date | None = date(2026, 11, 12)) -> Case:
    case = f.register(
        kind="petition",
        via="petitionsausschuss",
        received=RECEIVED,
        requesting_body="Petitionsausschuss des Abgeordnetenhauses von Berlin",
        body_street="Niederkirchnerstraße 5",
        body_postcode="10117",
        body_city="Berlin",
        ba_responsible=ba,
    )
    if statement_on is not None:
        case = f.statement(case, "Jens Brandt", "TL", statement_on, DRAFT)
    return case


def check(case: Case, *, on: date | None = date(2026, 11, 13), by: str = "Petra Ohlsen") -> Case:
    return f.act(petition_steps.check_statement, case, checked_on=on, checked_by=by)


def agree(case: Case, *, on: date | None = date(2026, 11, 16)) -> Case:
    return f.act(petition_steps.agree_with_ba, case, agreed_on=on)


def answer(case: Case, on: date = date(2026, 11, 18)) -> Case:
    return f.act(cases.record_answer, case, sent_on=on)


@pankow
def test_pankow_checks_agrees_then_sends_in_this_order(store) -> None:
    case = petition()
    with pytest.raises(RefusedError, match="prüft das KRM die Stellungnahme"):
        answer(case)
    case = check(case)
    with pytest.raises(RefusedError, match="Abstimmung mit der Agentur für Arbeit und der Regionaldirektion"):
        answer(case)
    people = f.office_people()
    with pytest.raises(RefusedError, match="Abstimmung"):
        f.close_answered(case, date(2026, 11, 18), people["gf"].id, "unbegruendet")
    case = agree(case)
    assert (case.statement_checked, case.statement_checked_by, case.ba_agreed) == (
        date(2026, 11, 13),
        "Petra Ohlsen",
        date(2026, 11, 16),
    )
    closed = f.close_answered(case, date(2026, 11, 18), people["gf"].id, "unbegruendet")
    assert closed.status == STATUS_CLOSED
    texts = [e.text for e in Event.select().where(Event.case == case.id).order_by(Event.id)]
    assert "Stellungnahme in formeller Hinsicht geprüft am 13.11.2026 von Petra Ohlsen." in texts
    assert "Stellungnahme abgestimmt mit Agentur für Arbeit und Regionaldirektion am 16.11.2026." in texts
    assert f.actions(case)[-3:] == ["statement_checked", "ba_agreed", "closed"]
    view = case_view(case.id)
    assert view is not None and (view.ba_agreed, view.statement_checked) == (date(2026, 11, 16), date(2026, 11, 13))


@pankow
def test_without_ba_responsibility_the_check_alone_comes_before_the_answer(store) -> None:
    case = petition(ba=False)
    reasons = petition_steps.step_reasons(case.id, PANKOW)
    assert reasons is not None and reasons[STATEMENT_CHECK] is None
    assert "nicht als BA-Zuständigkeit" in (reasons[BA_AGREE] or "")
    with pytest.raises(RefusedError, match="nicht als BA-Zuständigkeit"):
        agree(case)
    answered = answer(check(case))
    assert answered.answer_sent == date(2026, 11, 18)


@pankow
def test_the_agreement_waits_for_the_statement_and_its_check(store) -> None:
    bare = petition(statement_on=None)
    with pytest.raises(RefusedError, match="noch keine Stellungnahme"):
        check(bare)
    with pytest.raises(RefusedError, match="noch keine Stellungnahme"):
        agree(bare)
    unchecked = petition()
    before = f.snapshot()
    with pytest.raises(RefusedError, match="erst die Prüfung durch das KRM"):
        agree(unchecked)
    assert f.snapshot() == before
    checked = check(unchecked)
    with pytest.raises(RefusedError, match=r"bereits am 13\.11\.2026 geprüft"):
        check(checked)
    with pytest.raises(ValidationError) as info:
        agree(checked, on=date(2026, 11, 12))  # before the check
    assert "vor der Prüfung der Stellungnahme" in info.value.errors["agreed_on"]


@pankow
@pytest.mark.parametrize(
    ("on", "by", "field", "words"),
    [
        (None, "Petra Ohlsen", "checked_on", "Bitte „Geprüft am“ angeben."),
        (date(2026, 11, 21), "Petra Ohlsen", "checked_on", "liegt in der Zukunft"),
        (date(2026, 11, 6), "Petra Ohlsen", "checked_on", "liegt vor dem Eingang"),
        (date(2026, 11, 11), "Petra Ohlsen", "checked_on", "vor dem Eingang der Stellungnahme"),
        (date(2026, 11, 13), "  ", "checked_by", "Geprüft von"),
        (date(2026, 11, 13), "Petra\nOhlsen", "checked_by", "Geprüft von"),
    ],
)
def test_bad_check_inputs_are_refused_and_nothing_changes(store, on, by, field, words) -> None:
    case = petition()
    before = f.snapshot()
    with pytest.raises(ValidationError) as info:
        check(case, on=on, by=by)
    assert words in info.value.errors[field]
    assert f.snapshot() == before


@pankow
@pytest.mark.parametrize(
    ("on", "words"),
    [
        (None, "Bitte „Abgestimmt am“ angeben."),
        (date(2026, 11, 23), "liegt in der Zukunft"),
        (date(2026, 11, 2), "liegt vor dem Eingang"),
    ],
)
def test_bad_agreement_dates_are_refused_and_nothing_changes(store, on, words) -> None:
    case = check(petition(), on=date(2026, 11, 12))
    before = f.snapshot()
    with pytest.raises(ValidationError) as info:
        agree(case, on=on)
    assert words in info.value.errors["agreed_on"]
    assert f.snapshot() == before


def test_other_offices_have_neither_step(store) -> None:  # Lübeck
    case = petition()
    reasons = petition_steps.step_reasons(case.id, PRESETS["luebeck"])
    assert reasons is not None
    assert all("sieht die Dienstanweisung dieser Dienststelle nicht vor" in (r or "") for r in reasons.values())
    with pytest.raises(RefusedError, match="nicht vor"):
        check(case)
    assert answer(case).answer_sent == date(2026, 11, 18)


@pankow
def test_a_complaint_has_no_petition_steps_and_cannot_be_marked_ba_responsible(store) -> None:
    complaint = f.register(received=RECEIVED)
    reasons = petition_steps.step_reasons(complaint.id, PANKOW)
    assert reasons is not None and "nur bei Petitionen und Eingaben" in (reasons[STATEMENT_CHECK] or "")
    with pytest.raises(ValidationError) as info:
        f.register(received=RECEIVED, ba_responsible=True)
    assert "§ 44b Abs. 3 SGB II" in info.value.errors["ba_responsible"]


@pankow
def test_a_waived_petition_closes_without_the_steps(store) -> None:
    case = petition(statement_on=None)
    assert petition_steps.sending_reason(case.id, PANKOW) is not None
    Case.update(waiver=True).where(Case.id == case.id).execute()
    assert petition_steps.sending_reason(case.id, PANKOW) is None
