"""The Beitrag of a team where several teams are concerned (`concern_teams`): each team concerned sends its
contribution for its part to the Geschäftsführung that leads; who wrote it, when it came in and its text are kept
as a Statement with the team. The pure rules and the transition; the service is `contribution_service`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from krm_desktop.model.cases import input_checks as inputs
from krm_desktop.model.cases.action_checks import ActionFacts, unavailable_reason
from krm_desktop.model.cases.transitions import Change, Entry, Fields, refuse_if
from krm_desktop.model.codes import STAFF_ROLES, label
from krm_desktop.model.errors import RefusedError

CONTRIBUTION = "contribution"  # the action's code (menu "Beitrag eines Teams erfassen …")


def contribution_reason(facts: ActionFacts, teams_concerned: int) -> str | None:
    """Why the case does not take a team's Beitrag now (German), or None when it does."""
    reason = unavailable_reason(facts, "statement")
    if reason:
        return reason.replace("Stellungnahmen", "Beiträge von Teams")
    if teams_concerned < 2:
        return (
            f"Bei {facts.ref} ist nur ein Team betroffen: dessen Äußerung bitte als „Stellungnahme eingegangen“ "
            "erfassen. Beiträge gibt es, wenn die Anliegen mehrere Teams betreffen."
        )
    return None


def contribution_errors(
    *,
    team_id: int | None,
    teams: Mapping[int, str],
    author: str,
    author_role: str,
    received_on: date | None,
    text: str,
    received: date,
    today: date,
) -> inputs.Errors:
    """Problems of a Beitrag: a team concerned (`teams`: id -> name), who wrote it, a day between the receipt of
    the case and today, its text."""
    if team_id is None:
        team_problem: str | None = "Bitte das Team wählen, dessen Beitrag eingegangen ist."
    elif team_id not in teams:
        team_problem = (
            "Dieses Team ist von den Anliegen des Falls nicht betroffen; Beiträge kommen nur von den betroffenen "
            f"Teams ({', '.join(teams.values())})."
        )
    else:
        team_problem = None
    errors = inputs.statement_errors(
        author=author, author_role=author_role, received_on=received_on, text=text, received=received, today=today
    )
    messages = {
        "team": team_problem,
        "author": errors.get("author"),
        "author_role": errors.get("author_role"),
        "received_on": inputs.action_date_problem(received_on, "Eingang des Beitrags", received, today),
        "text": inputs.free_text_problem(text, "Beitrag"),
    }
    return inputs.collect(messages)


def record_contribution(
    fields: Fields,
    *,
    teams: Mapping[int, str],
    team_id: int | None,
    author: str,
    author_role: str,
    received_on: date | None,
    text: str,
    today: date,
) -> Change:
    """Team `team_id`'s Beitrag came in: a statement with the team, and the history names the team and the author."""
    reason = contribution_reason(_facts(fields), len(teams))
    if reason:
        raise RefusedError(reason)
    refuse_if(
        contribution_errors(
            team_id=team_id,
            teams=teams,
            author=author,
            author_role=author_role,
            received_on=received_on,
            text=text,
            received=fields["received"],
            today=today,
        )
    )
    assert team_id is not None and received_on is not None
    name = author.strip()
    entry = Entry(
        CONTRIBUTION,
        f"Beitrag von {teams[team_id]} eingegangen am {received_on:%d.%m.%Y} "
        f"(verfasst von {name}, {label(STAFF_ROLES, author_role)}).",
    )
    statement = {"author": name, "author_role": author_role, "received_on": received_on, "text": text, "team": team_id}
    return Change({}, (entry,), statement=statement)


def missing_teams(teams_concerned: Sequence[str], contributed: Sequence[str]) -> list[str]:
    """The teams concerned that have not yet sent a Beitrag, in their order."""
    sent = set(contributed)
    return [team for team in teams_concerned if team not in sent]


def _facts(fields: Fields) -> ActionFacts:
    return ActionFacts.of_fields(fields)
