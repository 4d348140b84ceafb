"""DAB services: statements, the GF's decision or its reclassification (who, when, why), the employee informed."""

from __future__ import annotations

from datetime import date

import pytest

from krm_desktop.model.cases import dab as dab_services
from krm_desktop.model.cases import services as cases
from krm_desktop.model.errors import ConflictError, RefusedError, ValidationError
from krm_desktop.model.store.entities import Case, Concern, Event, Staff, Statement
from tests import factories as f

T, U = f.TODAY, f.USER


actions = f.actions


@pytest.fixture
def people(store):
    return f.office_people()


def decide(case: Case, people, decision: str, on: date = T, by: str = "gf") -> Case:
    return f.act(dab_services.decide_dab, case, decision=decision, decided_by=people[by].id, decided_on=on)


def reclassify(case: Case, people, new_kind: str, reason: str, on: date = T) -> Case:
    return f.act(
        dab_services.reclassify_dab, case, new_kind=new_kind, reason=reason, decided_by=people["gf"].id, decided_on=on
    )


def test_dab_workflow(people) -> None:
    case = f.register(kind="dienstaufsichtsbeschwerde", employee_concerned="Herr Sachbearbeiter M.")
    case = f.statement(case, "Herr Sachbearbeiter M.", "MA", date(2026, 11, 9), "Das Gespräch verlief sachlich.")
    case = f.statement(case, "Jens Brandt", "TL", date(2026, 11, 10), "Stellungnahme der TL.")
    assert Statement.select().where(Statement.case == case.id).count() == 2
    args = {"closed_on": T, "today": T, "user": U, "outcomes": {1: "unbegruendet"}, "answer_sent": T}
    with pytest.raises(RefusedError, match="Entscheidung der GF"):
        cases.close(case.id, version=case.version, signed_by=people["gf"].id, **args)
    with pytest.raises(RefusedError, match="Erst entscheidet"):
        dab_services.inform_employee(case.id, version=case.version, informed_on=T, today=T, user=U)
    with pytest.raises(ValidationError, match="nur die Geschäftsführung"):
        decide(case, people, "Kein Fehlverhalten.", by="bl")
    case = decide(case, people, "Kein persönliches Fehlverhalten festgestellt.", date(2026, 11, 16))
    with pytest.raises(RefusedError, match="Information der/des Beschäftigten"):
        cases.close(case.id, version=case.version, signed_by=people["gf"].id, **args)
    case = dab_services.inform_employee(case.id, version=case.version, informed_on=date(2026, 11, 17), today=T, user=U)
    with pytest.raises(ValidationError, match="Geschäftsführung"):
        cases.close(case.id, version=case.version, signed_by=people["tl"].id, **args)
    case = cases.close(case.id, version=case.version, signed_by=people["gf"].id, **args)
    assert case.status == "abgeschlossen"
    assert actions(case)[:2] == ["registered", "gf_lead"]


def test_a_deactivated_gf_decides_no_new_dab(people) -> None:
    case = f.register(kind="dienstaufsichtsbeschwerde", employee_concerned="Frau K.")
    Staff.update(active=False).where(Staff.id == people["gf"].id).execute()
    assert dab_services.deciding_staff() == []
    before = f.snapshot()
    with pytest.raises(ValidationError) as refused:
        decide(case, people, "Kein Fehlverhalten.")
    assert "Dr. Anna Lindqvist ist nicht mehr aktiv" in refused.value.errors["decided_by"]
    assert f.snapshot() == before


def test_dab_reclassification_records_who_when_why(people) -> None:
    case = f.register(kind="dienstaufsichtsbeschwerde", employee_concerned="Frau K.")
    with pytest.raises(ValidationError, match="Fachaufsichtsbeschwerde oder eine Beschwerde"):
        reclassify(case, people, "lob", "x")
    with pytest.raises(ValidationError, match="Begründung"):
        reclassify(case, people, "beschwerde", "")
    case = reclassify(
        case,
        people,
        "fachaufsichtsbeschwerde",
        "Beanstandet wird die Entscheidung, nicht das Verhalten.",
        date(2026, 11, 18),
    )
    assert case.kind == "fachaufsichtsbeschwerde" and case.reclassified_from == "dienstaufsichtsbeschwerde"
    assert case.gf_due is None and case.lead == "team"
    assert Concern.get((Concern.case == case.id) & (Concern.position == 1)).kind == "fachaufsichtsbeschwerde"
    text = Event.select().order_by(Event.id.desc()).get().text
    assert "Dr. Anna Lindqvist" in text and "18.11.2026" in text and "nicht das Verhalten" in text
    with pytest.raises(RefusedError, match="keine Dienstaufsichtsbeschwerde"):
        reclassify(case, people, "beschwerde", "x")


def test_a_decided_dab_is_neither_decided_again_nor_reclassified(people) -> None:
    case = f.register(kind="dienstaufsichtsbeschwerde", employee_concerned="Frau K.")
    case = decide(case, people, "Kein Fehlverhalten.")
    with pytest.raises(RefusedError, match="bereits entschieden"):
        decide(case, people, "Doch.")
    with pytest.raises(RefusedError, match="umgedeutet wird nur vorher"):
        reclassify(case, people, "beschwerde", "x")
    with pytest.raises(ValidationError, match="vor der Entscheidung"):
        dab_services.inform_employee(case.id, version=case.version, informed_on=date(2026, 11, 19), today=T, user=U)


@pytest.mark.parametrize("new_kind", ["fachaufsichtsbeschwerde", "beschwerde"])
def test_a_reclassified_dab_goes_on_as_the_complaint_it_became(people, new_kind: str) -> None:
    case = f.register(kind="dienstaufsichtsbeschwerde", employee_concerned="Frau K.", team_id=people["team"].id)
    assert (case.lead, case.escalation_level, case.sign_off_role) == ("gf", 3, "GF")
    case = reclassify(case, people, new_kind, "Es geht um den Bescheid.")
    assert (case.kind, case.lead, case.escalation_level, case.sign_off_role) == (new_kind, "team", 1, "TL")
    assert case.final_due == f.register(kind=new_kind).final_due  # the answer's clock runs on from the receipt
    text = Event.select().where(Event.action == "reclassified").get().text
    assert "Federführung nun beim Team, Eskalationsstufe 1, Schlusszeichnung durch die Teamleitung" in text
    # the DAB's own steps are over: the employee is not informed of a decision that was never made
    before = f.snapshot()
    with pytest.raises(RefusedError, match="umgedeutet und keine Dienstaufsichtsbeschwerde mehr"):
        dab_services.inform_employee(case.id, version=case.version, informed_on=T, today=T, user=U)
    with pytest.raises(RefusedError, match="umgedeutet und keine Dienstaufsichtsbeschwerde mehr"):
        decide(case, people, "Kein Fehlverhalten.")
    assert f.snapshot() == before
    # like any complaint: its Teamleitung signs; the GF may reserve the Schlusszeichnung or take it by escalating
    case = cases.reserve_sign_off(case.id, version=case.version, today=T, user=U)
    assert case.sign_off_role == "GF"
    args = {"closed_on": T, "today": T, "user": U, "outcomes": {1: "begruendet"}, "answer_sent": T}
    with pytest.raises(ValidationError, match="zeichnungsbefugt: Geschäftsführung"):
        cases.close(case.id, version=case.version, signed_by=people["tl"].id, **args)
    assert cases.close(case.id, version=case.version, signed_by=people["gf"].id, **args).status == "abgeschlossen"


def test_a_reclassified_dab_without_a_team_says_that_one_is_missing(people) -> None:
    case = f.register(kind="dienstaufsichtsbeschwerde", employee_concerned="Frau K.")
    case = reclassify(case, people, "beschwerde", "Es geht um den Bescheid.")
    assert case.team_id is None
    assert "beim Team (noch keinem zugeordnet)" in Event.select().order_by(Event.id.desc()).get().text
    case = cases.close(
        case.id, version=case.version, closed_on=T, today=T, user=U, outcomes={1: "unbegruendet"},
        answer_sent=T, signed_by=people["tl"].id,
    )  # fmt: skip
    assert case.signed_by_id == people["tl"].id


@pytest.mark.parametrize(
    "service",
    [
        lambda c, v, gf: dab_services.decide_dab(
            c, version=v, decision="x", decided_by=gf, decided_on=T, today=T, user=U
        ),
        lambda c, v, gf: dab_services.reclassify_dab(
            c, version=v, new_kind="beschwerde", reason="x", decided_by=gf, decided_on=T, today=T, user=U
        ),
        lambda c, v, gf: cases.close(c, version=v, closed_on=T, today=T, user=U),
    ],
    ids=["decide", "reclassify", "close"],
)
def test_dab_services_refuse_a_stale_version(people, service) -> None:
    case = f.register(kind="dienstaufsichtsbeschwerde", employee_concerned="Frau K.")
    cases.assign_team(case.id, version=1, team_id=people["team"].id, today=T, user="platz1")
    before = f.snapshot()
    with pytest.raises(ConflictError, match="anderen Platz"):
        service(case.id, 1, people["gf"].id)
    assert f.snapshot() == before
