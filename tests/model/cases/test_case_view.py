"""The read model of a case: everything a display needs, read in a fixed handful of queries."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date

import pytest

from krm_desktop.model.cases import dab as dab_services
from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.case_view import CaseConcern, CaseStatement, HistoryEntry, StaffName, case_view
from krm_desktop.model.cases.intake import ConcernInput
from krm_desktop.model.cases.party import PartyRecord
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.time.deadlines import DueState, calendar_of
from tests import factories as f

T, U = f.TODAY, f.USER


@pytest.fixture
def people(store):
    return f.office_people()


class _Count(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.queries = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.queries += 1


@pytest.fixture
def query_count() -> Iterator[_Count]:
    """Counts the statements peewee sends to the database (it logs each one at DEBUG)."""
    logger = logging.getLogger("peewee")
    handler, level = _Count(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(level)


def test_a_case_with_representative_concerns_and_team(people) -> None:
    lawyer = f.person("Rechtsanwältin Dr. Klug", role="vertreter", customer_no="", bg_no="", phone="0451 12345")
    case = f.register(
        today=f.TODAY,
        person=lawyer,
        represented=f.person("Erika Mustermann"),
        concerns=[("beschwerde", None), ("idee", None)],
        team_id=people["team"].id,
        file_no="II-12/2026",
    )
    view = case_view(case.id)
    assert view is not None
    assert (view.id, view.ref, view.kind, view.channel, view.via) == (
        case.id,
        case.ref,
        "beschwerde",
        "brief",
        "direkt",
    )
    team = "Team 401 Leistung"
    assert view.concerns == (CaseConcern("beschwerde", team=team), CaseConcern("idee", team=team))
    assert view.kinds == ("beschwerde", "idee") and view.teams_concerned == (team,)
    assert view.person == PartyRecord(
        "Rechtsanwältin Dr. Klug", "vertreter", "frau", "Breite Straße 12", "23552", "Lübeck", phone="0451 12345"
    )
    assert view.represented == f.person("Erika Mustermann")
    assert (view.team, view.area, view.file_no) == ("Team 401 Leistung", "Bereich 40", "II-12/2026")
    assert (view.ack_due, view.final_due) == (case.ack_due, case.final_due) and view.ack_due is not None
    assert view.signed_by is None and view.decided_by is None and view.statements == ()
    assert [(e.on_day, e.actor, e.action) for e in view.history] == [(T, U, "registered")]
    due = view.due_status(T, calendar_of(load_profile()))
    assert (due.state, due.action, due.due, due.text) == (
        DueState.OVERDUE,
        "ack",
        view.ack_due,
        "überfällig seit 11 AT",
    )


def test_statements_decision_and_history_in_order(people) -> None:
    case = f.register(kind="dienstaufsichtsbeschwerde", employee_concerned="Herr Sachbearbeiter M.")
    case = f.statement(case, "Jens Brandt", "TL", date(2026, 11, 10), "Stellungnahme der TL.")
    case = f.statement(case, "Herr Sachbearbeiter M.", "MA", date(2026, 11, 9), "Das Gespräch verlief sachlich.")
    case = f.act(
        dab_services.decide_dab,
        case,
        decision="Kein persönliches Fehlverhalten festgestellt.",
        decided_by=people["gf"].id,
        decided_on=date(2026, 11, 16),
    )
    view = case_view(case.id)
    assert view is not None
    assert view.statements == (
        CaseStatement("Herr Sachbearbeiter M.", "MA", date(2026, 11, 9), "Das Gespräch verlief sachlich."),
        CaseStatement("Jens Brandt", "TL", date(2026, 11, 10), "Stellungnahme der TL."),
    )  # by the day they came in, not by when they were recorded
    assert view.decided_by == StaffName(people["gf"].id, "Dr. Anna Lindqvist", "GF")
    assert (view.gf_decision, view.decided_on) == ("Kein persönliches Fehlverhalten festgestellt.", date(2026, 11, 16))
    assert (view.lead, view.sign_off_role, view.escalation_level) == ("gf", "GF", 3)
    assert [e.action for e in view.history] == f.actions(case)
    assert all(isinstance(e, HistoryEntry) and e.label for e in view.history)


def test_a_signed_closed_case_names_its_signer(people) -> None:
    case = f.register(team_id=people["team"].id)
    case = f.act(cases.close, case, signed_by=people["tl"].id, closed_on=T, answer_sent=T, outcomes={1: "begruendet"})
    view = case_view(case.id)
    assert view is not None
    assert view.signed_by == StaffName(people["tl"].id, "Jens Brandt", "TL")
    assert (view.status, view.closed, view.answer_sent, view.outcome) == ("abgeschlossen", T, T, "begruendet")
    assert view.concerns == (CaseConcern("beschwerde", "begruendet", "Team 401 Leistung"),)
    assert view.due_status(T, calendar_of(load_profile())).state is DueState.CLOSED


def test_an_anonymous_case_and_a_gone_case(store) -> None:
    case = f.register(person=None, concerns=[ConcernInput("lob")], kind="lob")
    view = case_view(case.id)
    assert view is not None and view.person is None and view.represented is None and view.team == ""
    assert case_view(case.id + 1) is None


def test_the_read_costs_five_queries_however_long_the_case(people, query_count) -> None:
    case = f.register(person=f.person("Rechtsanwalt Bach", role="vertreter"), represented=f.person("Erika Mustermann"))
    query_count.queries = 0
    assert case_view(case.id) is not None
    short = query_count.queries
    for n in range(5):
        case = f.statement(case, "Jens Brandt", "TL", date(2026, 11, 10 + n), f"Stellungnahme {n}.")
    query_count.queries = 0
    view = case_view(case.id)
    assert view is not None and len(view.statements) == 5 and len(view.history) == 6
    assert short == query_count.queries == 5  # the case, concerns, statements, history, Zur Kenntnis
