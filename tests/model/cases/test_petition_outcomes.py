"""Petitions, Eingaben and DABs close with begründet / unbegründet / nicht bewertbar like a Beschwerde (DOMAIN §1;
Lübeck: they are Beschwerden); a DAB's outcome follows the GF's decision."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.model.cases import dab as dab_services
from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.closing_checks import outcome_from_decision
from krm_desktop.model.errors import ValidationError
from krm_desktop.model.store.entities import Case, Concern
from tests import factories as f

T = f.TODAY


def register(kind: str, **values) -> Case:
    if kind == "dienstaufsichtsbeschwerde":
        values["employee_concerned"] = "Herr Tom Weber"
    return f.register(kind=kind, **values)


def ready_to_close(case: Case, gf_id: int) -> Case:
    if case.kind == "dienstaufsichtsbeschwerde":
        case = f.act(
            dab_services.decide_dab,
            case,
            decision="Kein Fehlverhalten.",
            decided_by=gf_id,
            decided_on=date(2026, 11, 16),
        )
        case = f.act(dab_services.inform_employee, case, informed_on=date(2026, 11, 17))
    return case


def close(case: Case, gf_id: int, outcomes: dict[int, str]) -> Case:
    return f.act(cases.close, case, closed_on=T, outcomes=outcomes, signed_by=gf_id, answer_sent=T)


@pytest.mark.parametrize("kind", ["petition", "eingabe", "dienstaufsichtsbeschwerde"])
@pytest.mark.parametrize("outcome", ["begruendet", "unbegruendet", "nicht_bewertbar"])
def test_closes_with_its_outcome(store, kind, outcome) -> None:
    gf = f.staff("Dr. Anna Lindqvist", "GF")
    case = ready_to_close(register(kind, concerns=[(kind,), ("lob",)]), gf.id)
    closed = close(case, gf.id, {1: outcome})
    assert (closed.status, closed.outcome) == ("abgeschlossen", outcome)
    assert [c.outcome for c in Concern.select().where(Concern.case == case.id).order_by(Concern.position)] == [
        outcome,
        None,
    ]


@pytest.mark.parametrize("kind", ["petition", "eingabe", "dienstaufsichtsbeschwerde"])
def test_without_an_outcome_it_is_refused_next_to_the_concern(store, kind) -> None:
    gf = f.staff("Dr. Anna Lindqvist", "GF")
    case = ready_to_close(register(kind), gf.id)
    before = f.snapshot()
    with pytest.raises(ValidationError) as info:
        close(case, gf.id, {})
    assert "bitte Ergebnis wählen" in info.value.errors["concerns.1.outcome"]
    assert f.snapshot() == before


def test_a_lob_still_takes_no_outcome(store) -> None:
    case = f.register(kind="lob")
    with pytest.raises(ValidationError) as info:
        f.act(cases.close, case, closed_on=T, outcomes={1: "begruendet"}, answer_sent=T)
    assert info.value.errors["concerns.1.outcome"] == "Nur Beschwerden, Petitionen und Eingaben erhalten ein Ergebnis."


@pytest.mark.parametrize(
    ("decision", "outcome"),
    [
        ("Die Dienstaufsichtsbeschwerde ist unbegründet.", "unbegruendet"),
        ("Die Beschwerde ist nicht begründet; ein Fehlverhalten liegt nicht vor.", "unbegruendet"),
        ("Die Dienstaufsichtsbeschwerde ist BEGRÜNDET; ein Gespräch mit Herrn W. ist geführt.", "begruendet"),
        ("Der Sachverhalt ist nicht bewertbar, Aussage steht gegen Aussage.", "nicht_bewertbar"),
        ("Ein persönliches Fehlverhalten ist nicht festzustellen.", None),  # names none: chosen in the dialog
        ("Teils begründet, teils unbegründet.", None),  # names two
        ("", None),
    ],
)
def test_a_dabs_outcome_is_proposed_from_the_decision_when_it_names_one(decision, outcome) -> None:
    assert outcome_from_decision(decision) == outcome
