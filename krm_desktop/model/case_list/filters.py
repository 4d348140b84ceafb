"""The case list's filter: what the bar above the list chooses, as one SQL condition, and the choices it offers.

"Nur meine": cases the acting person registered (the actor of the case's `registered` event: their name, or one of
their logins in events from before the login was assigned to them).
Search: see `search`; dashboard tiles: see `overview`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from peewee import SQL, Expression, NodeList, PostgresqlDatabase, fn

from krm_desktop.model.case_list.overview import tile_condition
from krm_desktop.model.case_list.search import all_of, search_condition
from krm_desktop.model.store.entities import Case, Concern, Event, Team, database

CASE_ID: Any = Case.id  # the column (typed as int on the model for the instances)
NO_TEAM = -1  # filter value: cases without a team


@dataclass(frozen=True)
class CaseFilter:
    status: str | None = None  # offen | abgeschlossen | None (all)
    kind: str | None = None  # the main kind or any concern's kind
    channel: str | None = None
    team: int | None = None  # a team id (any Anliegen's team), NO_TEAM (the case has none), or None (all)
    year: int | None = None  # reference year
    mine: bool = False  # registered by the acting user
    search: str = ""
    tile: str | None = None  # a dashboard tile (overview.TILES) used as a filter

    def with_(self, **changes: Any) -> CaseFilter:
        return replace(self, **changes)


def kind_cases(kind: str) -> Any:
    # Concern 1 always has the case's main kind (intake refuses anything else), so "the main kind or any
    # concern's kind" is "any concern's kind": one covering index (concern_kind_case_id).
    return Concern.select(Concern.case).where(Concern.kind == kind)


def team_cases(team_id: int) -> Any:
    # A case is found by every team its Anliegen concern (concern 1's team is the case's own): the index on
    # concern.team_id.
    return Concern.select(Concern.case).where(Concern.team == team_id)


Actors = str | tuple[str, ...]  # the acting person's name, or every name their events may carry (office.acting)


def actor_is(user: Actors) -> Expression:
    names = (user,) if isinstance(user, str) else user
    return Event.actor == names[0] if len(names) == 1 else Event.actor.in_(names)


def registered_by(user: Actors) -> Any:
    return Event.select(Event.case).where((Event.action == "registered") & actor_is(user))


def _id_in(subquery: Any) -> Expression:
    """id IN (…), written `+id IN (…)` for SQLite: the planner then walks the order's or another filter's
    index and checks the (small, in-memory) id list, instead of looking up every listed id in the table."""
    if isinstance(database.obj, PostgresqlDatabase):
        return CASE_ID.in_(subquery)
    return NodeList((SQL("+"), CASE_ID), glue="").in_(subquery)


def filter_condition(flt: CaseFilter, today: date, user: Actors, *, few: bool = False) -> Expression | None:
    """The filter as SQL. few: the filters besides the search leave few cases (see `CaseList._few_candidates`)."""
    parts: list[Any] = []
    if flt.status:
        parts.append(Case.status == flt.status)
    if flt.kind:
        parts.append(_id_in(kind_cases(flt.kind)))
    if flt.channel:
        parts.append(Case.channel == flt.channel)
    if flt.team == NO_TEAM:
        parts.append(Case.team.is_null())
    elif flt.team is not None:
        parts.append(_id_in(team_cases(flt.team)))
    if flt.year is not None:
        parts.append(Case.year == flt.year)
    if flt.mine:
        # EXISTS, not IN: the list of a busy user's cases is long (in a small office: nearly all cases),
        # while a probe of event_action_actor_case_id per candidate row is cheap.
        registered = Event.select(SQL("1")).where(
            (Event.case == CASE_ID) & (Event.action == "registered") & actor_is(user)
        )
        parts.append(fn.EXISTS(registered))
    if flt.tile:
        parts.append(tile_condition(flt.tile, today))
    search = search_condition(flt.search, per_case=few)
    if search is not None:
        parts.append(search)
    return all_of(parts)


def case_years() -> list[int]:
    """The reference years that occur, newest first: one index seek per year (MAX below the last one found)
    instead of reading the whole year index."""
    years: list[int] = []
    while True:
        query = Case.select(fn.MAX(Case.year))
        found = (query.where(Case.year < years[-1]) if years else query).scalar()
        if found is None:
            return years
        years.append(int(found))


def teams() -> list[tuple[int, str, bool]]:
    """(id, name, active) of every team, by name."""
    rows: Any = Team.select(Team.id, Team.name, Team.active).tuples()
    return sorted(((i, n, bool(a)) for i, n, a in rows), key=lambda row: row[1].casefold())
