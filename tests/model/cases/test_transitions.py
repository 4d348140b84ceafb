"""The pure core of the workflow services (`transitions`): a case's course computed from its fields alone, with
the services' refusals; and what a service returns after saving is what reading the case again gives."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from playhouse.shortcuts import model_to_dict

from krm_desktop.model.cases import closing, dab_transitions, transitions
from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.closing_checks import ConcernFacts
from krm_desktop.model.cases.transitions import Entry, Fields, StaffMember
from krm_desktop.model.codes import STATUS_CLOSED
from krm_desktop.model.errors import RefusedError, ValidationError
from krm_desktop.model.office.profiles import preset
from krm_desktop.model.store.entities import Case
from tests import factories as f

T, U = f.TODAY, f.USER
PROFILE = preset("luebeck")


def registered(**overrides: Any) -> Fields:
    """A case's fields as `register` stores them, without a database (id, reference and party id made up)."""
    new = cases.registration(f.case_input(**overrides), PROFILE)
    return {
        **model_to_dict(Case(), recurse=False),
        **new.fields,
        "id": 1,
        "ref": "KRM-2026-0001",
        "seq": 1,
        "person": 1,
    }


def test_a_course_runs_on_the_case_fields_alone() -> None:
    case = registered()
    assert (case["ack_due"], case["next_action"], case["version"]) == (date(2026, 11, 5), "ack", 1)
    change = transitions.acknowledge(case, sent_on=date(2026, 11, 4), today=T, profile=PROFILE)
    assert change.fields == {"ack_sent": date(2026, 11, 4)}
    assert change.entries == (Entry("acknowledged", "Eingangsbestätigung versandt am 04.11.2026."),)
    case.update(transitions.saved_fields(case, change.fields))
    assert (case["next_action"], case["next_due"], case["version"]) == ("answer", date(2026, 11, 16), 2)
    change = transitions.close(
        case,
        [ConcernFacts(1, "beschwerde", None), ConcernFacts(2, "lob", None)],
        closed_on=date(2026, 11, 12),
        today=T,
        outcomes={1: "begruendet"},
        signer=StaffMember(7, "Jens Brandt", "TL"),
        answer_sent=date(2026, 11, 10),
    )
    assert change.concerns == {1: {"outcome": "begruendet"}}
    assert change.fields == {
        "status": STATUS_CLOSED,
        "closed": date(2026, 11, 12),
        "answer_sent": date(2026, 11, 10),
        "signed_by": 7,
        "outcome": "begruendet",
    }
    assert change.entries[0].text.startswith("Abgeschlossen am 12.11.2026, Anliegen 1: ")
    case.update(transitions.saved_fields(case, change.fields))
    assert (case["next_action"], case["next_due"], case["version"]) == (None, None, 3)


def test_a_transition_refuses_as_its_service_does() -> None:
    case = registered()
    with pytest.raises(ValidationError) as refused:
        transitions.acknowledge(case, sent_on=T + timedelta(days=1), today=T, profile=PROFILE)
    assert set(refused.value.errors) == {"sent_on"}
    case.update(status=STATUS_CLOSED, closed=T)
    with pytest.raises(RefusedError, match="KRM-2026-0001 ist abgeschlossen; dafür ist eine Folgereaktion anzulegen"):
        transitions.record_answer(case, sent_on=T, today=T)
    dab = registered(kind="dienstaufsichtsbeschwerde", employee_concerned="Herr Beispiel (Team 401)")
    with pytest.raises(ValidationError) as refused:
        dab_transitions.decide_dab(dab, decision="Kein Fehlverhalten.", decider=StaffMember(3, "Jens Brandt", "TL"),
                               decided_on=T, today=T)  # fmt: skip
    assert set(refused.value.errors) == {"decided_by"}


def _as_read_again(case: Case) -> None:
    again = Case.get_by_id(case.id)
    assert model_to_dict(case, recurse=False) == model_to_dict(again, recurse=False)


def test_a_saved_case_is_returned_as_reading_it_again_gives(store) -> None:
    people = f.office_people()
    other = f.team("Team 402 Leistung")
    case = f.register(team_id=people["team"].id)
    case = cases.acknowledge(case.id, version=case.version, sent_on=date(2026, 11, 4), today=T, user=U)
    _as_read_again(case)
    case = cases.assign_team(case.id, version=case.version, team_id=other.id, today=T, user=U)
    _as_read_again(case)
    assert case.team.name == "Team 402 Leistung"
    data = f.case_input(team_id=other.id, person=f.person("Erika Musterfrau"))
    case = cases.update_case(case.id, version=case.version, data=data, today=T, user=U)
    _as_read_again(case)
    assert case.person.name == "Erika Musterfrau"  # the party edited, not the one the service had loaded
    case = cases.record_statement(
        case.id, version=case.version, author="Jens Brandt", author_role="TL", received_on=T, text="Geprüft.",
        today=T, user=U,
    )  # fmt: skip
    _as_read_again(case)
    case = closing.close(
        case.id,
        version=case.version,
        closed_on=T,
        today=T,
        user=U,
        outcomes={1: "unbegruendet"},
        signed_by=people["krm"].id,  # the case moved to another team: the KRM-Beauftragte signs
        answer_sent=T,
    )
    _as_read_again(case)
    assert (case.version, case.signed_by.name, case.status) == (6, "Petra Ohlsen", STATUS_CLOSED)


def test_the_same_interim_notice_or_answer_is_not_recorded_twice() -> None:
    case = registered()
    interim = transitions.send_interim(
        case, sent_on=T, reason="Stellungnahme steht aus.", expected=T + timedelta(7), today=T
    )
    case = {**case, **interim.fields}
    with pytest.raises(RefusedError, match=r"Zwischennachricht vom 20\.11\.2026 ist bereits"):
        transitions.send_interim(case, sent_on=T, reason="Stellungnahme steht aus.", expected=T + timedelta(7), today=T)
    later = T + timedelta(5)
    assert transitions.send_interim(case, sent_on=later, reason="Neu.", expected=T + timedelta(14), today=later)
    case = {**case, **transitions.record_answer(case, sent_on=T, today=T).fields}
    with pytest.raises(RefusedError, match=r"bereits am 20\.11\.2026 versandt"):
        transitions.record_answer(case, sent_on=T, today=T)
