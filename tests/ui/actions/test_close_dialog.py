"""Closing through the real main window: outcome per complaint concern, the answer or the waiver, the sign-off
by someone who may sign; every bad input refused next to its field with the database unchanged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases import services as cases
from krm_desktop.model.store.entities import Case
from tests import factories as f
from tests.ui.action_helpers import (
    choose,
    open_action,
    refused_next_to,
    save,
    saved,
    select,
    set_date,
    shown_errors,
    started_window,
)


@pytest.fixture
def people(store):
    return f.office_people()


def complete(people) -> Callable:
    """A close dialog filled correctly; a test then spoils one input."""

    def fill(dialog) -> None:
        choose(dialog.outcomes[1], "begruendet")
        choose(dialog.signer, people["tl"].id)
        set_date(dialog.answer_date, date(2026, 11, 18))
        set_date(dialog.closed_on, date(2026, 11, 19))

    return fill


SPOIL = {
    "no-outcome": (lambda d, p: choose(d.outcomes[1], None), "concerns.1.outcome", "bitte Ergebnis wählen"),
    "no-answer-no-waiver": (lambda d, p: d.answer_sent.setChecked(False), "answer_sent", "erfasstem Verzicht"),
    "answer-after-close": (
        lambda d, p: set_date(d.answer_date, date(2026, 11, 20)),
        "answer_sent",
        "der Abschluss kann nicht davor liegen",
    ),
    "answer-in-the-future": (
        lambda d, p: set_date(d.answer_date, date(2026, 11, 23)),
        "answer_sent",
        "in der Zukunft",
    ),
    "no-sign-off": (lambda d, p: choose(d.signer, None), "signed_by", "Bitte die Schlusszeichnung angeben"),
    "closed-in-the-future": (lambda d, p: set_date(d.closed_on, date(2026, 11, 27)), "closed_on", "in der Zukunft"),
    "closed-before-receipt": (lambda d, p: set_date(d.closed_on, date(2026, 10, 27)), "closed_on", "vor dem Eingang"),
    "closed-before-the-acknowledgement": (
        lambda d, p: set_date(d.closed_on, date(2026, 11, 3)),
        "closed_on",
        "vor der Eingangsbestätigung (04.11.2026)",
    ),
}


@pytest.mark.parametrize("name", list(SPOIL))
def test_bad_close_input_is_refused_next_to_its_field(qtbot, store, people, name: str) -> None:
    spoil, field, message = SPOIL[name]
    case = f.register(team_id=people["team"].id)
    cases.acknowledge(case.id, version=1, sent_on=date(2026, 11, 4), today=f.TODAY, user=f.USER)
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, checks.CLOSE)
    complete(people)(dialog)
    spoil(dialog, people)
    refused_next_to(qtbot, dialog, field, message)


def test_who_may_sign_follows_the_reserve_and_the_escalation(qtbot, store, people) -> None:
    case = f.register(team_id=people["team"].id)
    case = cases.reserve_sign_off(case.id, version=1, today=f.TODAY, user=f.USER)
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, checks.CLOSE)
    assert dialog.signer.currentData() == people["gf"].id  # the reserved sign-off: the GF is proposed
    complete(people)(dialog)  # … the TL chosen instead
    before = f.snapshot()
    save(qtbot, dialog)
    assert (
        "Jens Brandt (Teamleitung) darf hier nicht schlusszeichnen; zeichnungsbefugt: Geschäftsführung"
        in (shown_errors(dialog)["signed_by"])
    )
    assert f.snapshot() == before
    for who in ("krm", "bl"):
        choose(dialog.signer, people[who].id)
        save(qtbot, dialog)
        assert "zeichnungsbefugt: Geschäftsführung" in shown_errors(dialog)["signed_by"]
    choose(dialog.signer, people["gf"].id)
    assert saved(qtbot, dialog).signed_by_id == people["gf"].id


def test_the_krm_officer_signs_without_a_reserve(qtbot, store, people) -> None:
    case = f.register(team_id=people["team"].id)
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, checks.CLOSE)
    complete(people)(dialog)
    choose(dialog.signer, people["krm"].id)
    stored = saved(qtbot, dialog)
    assert (stored.signed_by_id, stored.answer_sent, stored.closed) == (
        people["krm"].id,
        date(2026, 11, 18),
        date(2026, 11, 19),
    )


def test_anonymous_cases_and_cards_close_without_answer_and_sign_off(qtbot, store, people) -> None:
    anonymous = f.register(person=None)
    card = f.register(kind="meinungskarte", channel="meinungskarte", person=None)
    window = started_window(qtbot, store)
    select(window, anonymous.id)
    dialog = open_action(qtbot, window, checks.CLOSE)
    assert dialog.answer_sent is None and dialog.signer is None
    choose(dialog.outcomes[1], "nicht_bewertbar")
    assert saved(qtbot, dialog).signed_by_id is None
    window.filter_bar.status.setCurrentIndex(0)  # all: the closed one stays in the list
    select(window, card.id)
    dialog = open_action(qtbot, window, checks.CLOSE)
    assert dialog.outcomes == {}  # a card has no outcome
    assert saved(qtbot, dialog).status == "abgeschlossen"
    assert Case.get_by_id(anonymous.id).status == "abgeschlossen"
