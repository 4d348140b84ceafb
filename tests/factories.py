"""Small builders for test data; they go through the real services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.intake import CaseInput, ConcernInput
from krm_desktop.model.cases.party import PartyRecord
from krm_desktop.model.store.entities import Case, Staff, Team

TODAY = date(2026, 11, 20)
USER = "test.bgf"


def person(name: str = "Erika Mustermann", **extra: Any) -> PartyRecord:
    base: dict[str, Any] = {
        "salutation": "frau",
        "street": "Breite Straße 12",
        "postcode": "23552",
        "city": "Lübeck",
        "customer_no": "123A456789",
        "bg_no": "23501BG0012345",
    }
    base.update(extra)
    return PartyRecord(name=name, **base)


def case_input(**overrides: Any) -> CaseInput:
    values: dict[str, Any] = {
        "kind": "beschwerde",
        "channel": "brief",
        "via": "direkt",
        "received": date(2026, 11, 2),
        "subject": "Wartezeit bei der Antragsbearbeitung",
        "description": "Die Kundin schildert, dass ihr Weiterbewilligungsantrag seit sechs Wochen unbearbeitet ist.",
        "person": person(),
    }
    values.update(overrides)
    if values["kind"] == "meinungskarte":  # a card says Lob, Anregung or Kritik (issue 19)
        values.setdefault("card_tenor", "kritik")
    if "concerns" in values:
        values["concerns"] = [c if isinstance(c, ConcernInput) else ConcernInput(*c) for c in values["concerns"]]
    return CaseInput(**values)


def register(today: date | None = None, **overrides: Any) -> Case:
    """Register a case; without `today` on its day of receipt (the reference runs per year of registration)."""
    data = case_input(**overrides)
    return cases.register(data, today=today or min(data.received, TODAY), user=USER)


def act(service: Callable[..., Case], case: Case, *, today: date = TODAY, user: str = USER, **values: Any) -> Case:
    """Run a case service on `case` at its stored version, on the test's day as the test's user."""
    return service(case.id, version=Case.get_by_id(case.id).version, today=today, user=user, **values)


def close_answered(case: Case, on: date, signed_by: int, outcome: str | None, **values: Any) -> Case:
    """Close `case` on `on`, the answer sent that day and signed by `signed_by`, its first concern rated `outcome`
    (no rating where None)."""
    outcomes = {1: outcome} if outcome else {}
    return act(cases.close, case, closed_on=on, outcomes=outcomes, signed_by=signed_by, answer_sent=on, **values)


def statement(case: Case, author: str, role: str, received_on: date, text: str, **values: Any) -> Case:
    """Record the statement of `author` (in `role`) received on `received_on`."""
    return act(
        cases.record_statement, case, author=author, author_role=role, received_on=received_on, text=text, **values
    )


def staff(name: str, role: str, team: Team | None = None) -> Staff:
    return Staff.create(name=name, role=role, team=team)


def team(name: str = "Team 401 Leistung", area: str = "Bereich 40") -> Team:
    return Team.create(name=name, area=area)


def snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: compare before and after a refused action."""
    from krm_desktop.model.store.entities import ALL_MODELS

    return {m._meta.table_name: sorted(map(repr, m.select().tuples())) for m in ALL_MODELS}


def office_people() -> dict[str, Any]:
    """A team with its Teamleitung and an employee, a Bereichsleitung, the Geschäftsführung and the KRM office."""
    unit = team()
    return {
        "team": unit,
        "tl": staff("Jens Brandt", "TL", unit),
        "bl": staff("Sabine Kröger", "BL"),
        "gf": staff("Dr. Anna Lindqvist", "GF"),
        "krm": staff("Petra Ohlsen", "KRM"),
        "ma": staff("Tom Weber", "MA", unit),
    }


def actions(case: Case) -> list[str]:
    """The history's actions of a case, in order."""
    from krm_desktop.model.store.entities import Event

    return [e.action for e in Event.select().where(Event.case == case.id).order_by(Event.id)]
