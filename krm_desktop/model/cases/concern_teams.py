"""The teams a case's Anliegen concern. Each Anliegen has the team that caused it; the case's own team is the first
Anliegen's. Where more than one team is concerned the Geschäftsführung leads and each team sends its Beitrag for
its part (Schwäbisch Hall, Geschäftsanweisung 01/2020 II: "KRM, bei denen mehrere Teams betroffen sind, werden
federführend bei der Geschäftsleitung bearbeitet. Die Teamleitungen fertigen hierfür Beiträge für ihren fachlichen
Teil."). Which person signs is not said there: the Geschäftsführung that leads signs (sign_off_role GF).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from krm_desktop.model.store.entities import Team

SEVERAL_TEAMS_TEXT = (
    "Mehrere Teams betroffen: Federführung und Schlusszeichnung bei der Geschäftsführung; jedes Team liefert "
    "einen Beitrag für seinen Teil."
)
SEVERAL_TEAMS_ACTION = "several_teams"


def resolved_teams(case_team: int | None, concern_teams: Sequence[int | None]) -> list[int | None]:
    """The team of each Anliegen as stored: the first one's is the case's team unless it names its own, a further
    one without a team of its own has the first one's."""
    if not concern_teams:
        return [case_team]
    first = concern_teams[0] if concern_teams[0] is not None else case_team
    return [first, *(team if team is not None else first for team in concern_teams[1:])]


def distinct_teams(teams: Sequence[int | None]) -> list[int]:
    """The teams concerned, each once, in the order of the Anliegen."""
    return list(dict.fromkeys(team for team in teams if team is not None))


def several_teams(teams: Sequence[int | None]) -> bool:
    return len(distinct_teams(teams)) > 1


def concern_team_problems(case_team: int | None, concern_teams: Sequence[int | None]) -> dict[str, str]:
    """Problems of the Anliegen's teams (field "concerns.<n>.team" -> German message): the first Anliegen's team is
    the case's team, and every team named exists."""
    errors: dict[str, str] = {}
    if concern_teams and concern_teams[0] is not None and case_team is not None and concern_teams[0] != case_team:
        errors["concerns.1.team"] = "Das erste Anliegen gehört zum Team des Falls (Feld „Team“)."
    named = {team for team in concern_teams[1:] if team is not None}
    team_id: Any = Team.id  # the column (typed as int on the model for the instances)
    rows: Any = Team.select(team_id).where(team_id.in_(sorted(named))).tuples() if named else []
    known = {found for (found,) in rows}
    for position, team in enumerate(concern_teams, start=1):
        if position > 1 and team is not None and team not in known:
            errors.setdefault(f"concerns.{position}.team", f"Das Team von Anliegen {position} gibt es nicht (mehr).")
    return errors


def lead_fields(*, gf_kind: bool, several: bool) -> dict[str, object]:
    """Who leads and signs a new case: the Geschäftsführung for its own kinds (escalation level 3) and where several
    teams are concerned (the level stays: nothing was escalated), else the team's Teamleitung."""
    gf = gf_kind or several
    return {
        "lead": "gf" if gf else "team",
        "sign_off_role": "GF" if gf else "TL",
        "escalation_level": 3 if gf_kind else 1,
    }


ONE_TEAM_TEXT = "Nur noch ein Team betroffen: Federführung wieder beim Team."


def edited_lead(
    *, lead: str, sign_off_role: str, escalation_level: int, gf_kind: bool, before: bool, after: bool, reserved: bool
) -> tuple[dict[str, str], str]:
    """What an edit of the Anliegen's teams changes in who leads and signs, and the history's text ("" and no
    change when nothing changes). `before`/`after`: several teams were/are concerned; `reserved`: the
    Geschäftsführung reserved the sign-off itself (that stays)."""
    if after and not before and (lead, sign_off_role) != ("gf", "GF"):
        return {"lead": "gf", "sign_off_role": "GF"}, SEVERAL_TEAMS_TEXT
    if before and not after and not gf_kind and escalation_level < 3 and lead == "gf":
        return {"lead": "team", "sign_off_role": "GF" if reserved else "TL"}, ONE_TEAM_TEXT
    return {}, ""
