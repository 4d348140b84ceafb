"""The Beitrag of a team concerned as a service: the teams a case's Anliegen concern, and storing a Beitrag (pure
rules and transition in `contributions`; whether the menu offers it: `profile_action_reasons`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from peewee import JOIN

from krm_desktop.model.cases.contributions import record_contribution
from krm_desktop.model.cases.writes import apply, case_fields, load_open
from krm_desktop.model.store.entities import Case, Concern, Team
from krm_desktop.model.store.transactions import write_transaction


def teams_concerned(case_id: int) -> dict[int, str]:
    """The teams the case's Anliegen concern (id -> name), each once, in the order of the Anliegen."""
    rows: Any = (
        Concern.select(Team.id, Team.name)
        .join(Team, JOIN.INNER, on=(Concern.team == Team.id))
        .where(Concern.case == case_id)
        .order_by(Concern.position)
        .tuples()
    )
    teams: dict[int, str] = {}
    for team_id, name in rows:
        teams.setdefault(team_id, name)
    return teams


def record_team_contribution(
    case_id: int,
    *,
    version: int,
    team_id: int | None,
    author: str,
    author_role: str,
    received_on: date | None,
    text: str,
    today: date,
    user: str,
) -> Case:
    """Team `team_id`'s Beitrag, written by `author` (Funktion `author_role`), came in on `received_on`."""
    with write_transaction():
        case = load_open(case_id, version)
        change = record_contribution(
            case_fields(case),
            teams=teams_concerned(case_id),
            team_id=team_id,
            author=author,
            author_role=author_role,
            received_on=received_on,
            text=text,
            today=today,
        )
        return apply(case, change, today, user)
