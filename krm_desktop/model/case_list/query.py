"""The case list without Qt: the cases of a filter (`filters`) in a sort order (`sort_order`), a count and
short page queries.

At 100,000 cases: a filter or sort change writes the ordered ids of the matching cases into a
connection-private temporary table (`krm_case_hits`: position -> case id); the count comes from a COUNT
query (or, with a text search, from that one scan). Only the first FIRST_ROWS positions are written
before the list is shown, the rest right after (`CaseList.complete`). The rows on screen are read in
short keyset queries on the position (`WHERE pos > :last ORDER BY pos LIMIT n`), each fetched to the
end, so no read cursor stays open. Keyset pagination over the sort key itself would cost a full scan
per page whenever the order is not an index order (name, team …) or the filter is a text search.
The indexes the filters use are part of the schema (`store.entities`, migration v3).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from typing import Any, NamedTuple

from peewee import JOIN, SQL, Expression, IntegerField, Model, PostgresqlDatabase, fn

from krm_desktop.model.case_list.filters import (
    CASE_ID,
    NO_TEAM,
    Actors,
    CaseFilter,
    filter_condition,
    kind_cases,
    registered_by,
    team_cases,
)
from krm_desktop.model.case_list.search import all_of, search_words
from krm_desktop.model.case_list.sort_order import WITH_DUE, SortOrder, fill_parts, needs_party
from krm_desktop.model.codes import CARD_TENORS, CHANNELS, KINDS, STATUSES, label
from krm_desktop.model.store.entities import Case, Concern, Party, Team, database
from krm_desktop.model.time.deadlines import CLOCK_FIELDS, ClockFacts, DueState, DueStatus, due_status
from krm_desktop.model.time.working_days import WorkingCalendar

# Columns of the list, in display order (the UI gives them German titles).
COLUMNS = ("ref", "received", "kinds", "channel", "person", "team", "due", "status")
ANONYMOUS = "anonym"  # a case without person: an anonymous reaction, a Meinungskarte
ANONYMISED = "anonymisiert"  # a case whose personal data the annual purge removed
HITS_TABLE = "krm_case_hits"
FIRST_ROWS = 200  # positions written before the list is shown; the rest right after (CaseList.complete)
FEW_CANDIDATES = 20_000  # see CaseList._few_candidates


class CaseRow(NamedTuple):
    """One line of the list, with every text the view shows already made."""

    pos: int
    id: int
    ref: str
    received: date
    kinds: str
    channel: str
    person: str
    team: str
    status: str
    due: DueStatus
    due_text: str
    version: int


# --- the SQL ---------------------------------------------------------------------------------------


_ROWS_SQL: dict[type, str] = {}


def _rows_sql() -> str:
    """The page query with its two parameters (last position, limit), compiled once per kind of database.

    (Keyed by the class, not by id(): the id of a closed database may come back for one of another kind.)"""
    key = type(database.obj)
    if key not in _ROWS_SQL:
        own = [getattr(Case, name) for name in ("id", "ref", "received", "kind", "channel")]
        clocks = [getattr(Case, name) for name in CLOCK_FIELDS]
        query = (
            _Hit.select(
                _Hit.pos,
                *own,
                Party.name,
                Team.name,
                Case.status,
                *clocks,
                Case.version,
                Case.anonymised,
                Case.card_tenor,
            )
            .join(Case, on=(Case.id == _Hit.case_id))
            .join(Party, on=(Case.person == Party.id), join_type=JOIN.LEFT_OUTER)
            .join_from(Case, Team, on=(Case.team == Team.id), join_type=JOIN.LEFT_OUTER)
            .where(_Hit.pos > 0)
            .order_by(_Hit.pos)
            .limit(1)
        )
        sql, params = query.sql()
        if params != [0, 1]:  # the two placeholders, in this order
            raise RuntimeError(f"unexpected parameters of the page query: {params}")
        _ROWS_SQL.clear()
        _ROWS_SQL[key] = sql
    return _ROWS_SQL[key]


_KINDS_SQL: dict[tuple[type, int], str] = {}


def _kinds_sql(count: int) -> str:
    """The concerns' kinds of `count` cases (parameters: the case ids), compiled once per kind of database and
    count."""
    key = (type(database.obj), count)
    if key not in _KINDS_SQL:
        if len(_KINDS_SQL) > 64:
            _KINDS_SQL.clear()
        query = (
            Concern.select(Concern.case, Concern.kind)
            .where(Concern.case.in_(list(range(count))))
            .order_by(Concern.case, Concern.position)
        )
        _KINDS_SQL[key] = query.sql()[0]
    return _KINDS_SQL[key]


def _pos_column() -> str:
    """SQLite numbers an INTEGER PRIMARY KEY in insertion order; PostgreSQL needs a sequence."""
    return "pos BIGSERIAL PRIMARY KEY" if isinstance(database.obj, PostgresqlDatabase) else "pos INTEGER PRIMARY KEY"


class _Hit(Model):
    """The temporary position table of the current filter (never part of the stored schema)."""

    pos = IntegerField(primary_key=True)
    case_id = IntegerField()

    class Meta:
        database = database
        table_name = HITS_TABLE


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


SHORT_ACTIONS = {
    "ack": "Eingangsbestätigung",
    "answer": "Antwort",
    "answer_after_interim": "Antwort nach Zwischennachricht",
    "gf": "Vorlage an GF",
}


def due_words(status: DueStatus) -> str:
    """What the Frist column says: the state in words, then what is due (the tooltip has the long form)."""
    if status.action and status.state in (DueState.OVERDUE, DueState.DUE_SOON, DueState.ON_TRACK):
        return f"{status.text} · {SHORT_ACTIONS.get(status.action, status.action_label)}"
    return status.text


class CaseList:
    """The cases matching a filter in a sort order, materialised into positions, read in pages.

    Without a text search the count comes from a COUNT query and only the first FIRST_ROWS positions are
    written at once (enough to paint); `complete()` writes the rest (the UI calls it right after the
    paint), `fill_to()` the positions down to rows wanted further down. A search writes everything in one scan."""

    def __init__(
        self,
        today: date,
        calendar: WorkingCalendar,
        user: Actors,  # the acting person (see filters.Actors)
        flt: CaseFilter | None = None,
        order: SortOrder | None = None,
    ) -> None:
        self.today = today
        self.calendar = calendar
        self.user = user
        self.flt = flt if flt is not None else CaseFilter()
        self.order = order if order is not None else SortOrder()
        self.count = 0
        self.filled = 0  # positions written so far
        self._todo: list[tuple[Expression | None, list[Any]]] = []
        self._condition: Expression | None = None
        self._party = False

    def load(self) -> int:
        """Run the filter and sort; return the count."""
        _connection_settings()
        self._condition = filter_condition(self.flt, self.today, self.user, few=self._few_candidates())
        self._party = needs_party(self.order)
        cheap = not search_words(self.flt.search)
        self._todo = fill_parts(self.order, cheap=cheap, filtered=self._condition is not None)
        self.filled = 0
        # Autocommit statements, no transaction: writing the temporary table takes no lock on the
        # database file, so other workstations keep writing (and a read-only file works too).
        database.execute_sql(f"DROP TABLE IF EXISTS {HITS_TABLE}")
        database.execute_sql(f"CREATE TEMPORARY TABLE {HITS_TABLE} ({_pos_column()}, case_id INTEGER)")
        if cheap:
            self.count = self._count()
            self._fill(FIRST_ROWS)
        else:
            self._fill(None)
            self.count = self.filled
        return self.count

    def _few_candidates(self) -> bool:
        """With a search: do the other filters leave at most FEW_CANDIDATES cases? The search then looks up
        each candidate's person (a few lookups) instead of searching all persons first (a scan of the person
        table, which pays off for many candidates). The probe stops after FEW_CANDIDATES + 1 cases."""
        if not search_words(self.flt.search):
            return False
        others = filter_condition(self.flt.with_(search=""), self.today, self.user)
        if others is None:
            return False
        probe: Any = Case.select(SQL("1")).where(others).limit(1).offset(FEW_CANDIDATES).tuples()
        return not list(probe)

    def _count(self) -> int:
        only = {name for name, value in asdict(self.flt).items() if value not in (None, False, "")}
        # A single filter of the list's own is counted from its covering index alone (each id there is a
        # case: the foreign keys delete concerns and events with it; a case is registered once — should
        # that ever not hold, `complete()` notices the difference and the list is shown again).
        if only == {"kind"}:
            return int(kind_cases(self.flt.kind or "").select(fn.COUNT(fn.DISTINCT(Concern.case))).scalar() or 0)
        if only == {"mine"}:
            return int(registered_by(self.user).select(fn.COUNT(SQL("*"))).scalar() or 0)
        if only == {"team"} and self.flt.team not in (None, NO_TEAM):  # every team concerned: its Anliegen
            return int(team_cases(self.flt.team).select(fn.COUNT(fn.DISTINCT(Concern.case))).scalar() or 0)
        query = Case.select(fn.COUNT(Case.id))
        return int((query.where(self._condition) if self._condition is not None else query).scalar() or 0)

    @property
    def is_complete(self) -> bool:
        return not self._todo

    def complete(self) -> bool:
        """Write the remaining positions; True when the count changed meanwhile (someone else wrote)."""
        return self.fill_to(None)

    def fill_to(self, positions: int | None) -> bool:
        """Write the positions up to `positions` (None: all), e.g. the rows a view scrolled down is about to
        show, so that it need not wait for the whole list; True as for `complete` once the last is written."""
        if not self._todo:
            return False
        self._fill(positions)
        if self._todo:
            return False
        changed = self.filled != self.count
        self.count = self.filled
        return changed

    def _fill(self, limit: int | None) -> None:
        while self._todo:
            extra, keys = self._todo[0]
            wanted = None if limit is None else limit - self.filled
            if wanted is not None and wanted <= 0:
                return
            query = Case.select(Case.id)
            if self._party:
                query = query.join(Party, on=(Case.person == Party.id), join_type=JOIN.LEFT_OUTER)
            # What is written already stays out: a part continues where it stopped, in the same order.
            done = CASE_ID.not_in(_Hit.select(_Hit.case_id)) if self.filled else None
            condition: Any = self._condition
            if extra is WITH_DUE and condition is not None and not isinstance(database.obj, PostgresqlDatabase):
                # Few cases have a due item (open ones only): walk the next_due index and check the filter
                # on those, instead of letting SQLite walk e.g. every closed case of the status index.
                condition = fn.likely(condition)
            where = all_of([c for c in (condition, extra, done) if c is not None])
            if where is not None:
                query = query.where(where)
            query = query.order_by(*keys)
            if wanted is not None:
                query = query.limit(wanted)
            added = int(_Hit.insert_from(query, [_Hit.case_id]).as_rowcount().execute())
            self.filled += added
            if wanted is not None and added >= wanted:
                return  # this part may go on
            self._todo.pop(0)

    def rows_after(self, pos: int, limit: int) -> list[CaseRow]:
        """The rows at positions pos+1 … pos+limit (1-based), in order: a keyset query on the position."""
        raw = database.execute_sql(_rows_sql(), (pos, limit)).fetchall()
        kinds = self._kinds([row[1] for row in raw])
        return [self._row(values, kinds.get(values[1])) for values in raw]

    def _kinds(self, case_ids: Sequence[int]) -> dict[int, list[str]]:
        if not case_ids:
            return {}
        found: dict[int, list[str]] = {}
        for case_id, kind in database.execute_sql(_kinds_sql(len(case_ids)), list(case_ids)).fetchall():
            found.setdefault(case_id, []).append(kind)
        return found

    def _row(self, v: Sequence[Any], concern_kinds: list[str] | None) -> CaseRow:
        pos, case_id, ref, received, kind, channel, person, team, status = v[:9]
        clock_end = 9 + len(CLOCK_FIELDS)
        values = v[9:clock_end]  # in CLOCK_FIELDS' order: dates, and whether the answer was waived
        facts = ClockFacts._make(
            bool(x) if name == "waiver" else _date(x) for name, x in zip(CLOCK_FIELDS, values, strict=True)
        )
        state = due_status(facts, self.today, self.calendar)
        kinds = ", ".join(label(KINDS, k) for k in dict.fromkeys(concern_kinds or [kind]))
        if tenor := v[clock_end + 2]:  # issue 19: "Meinungskarte (Lob)"
            kinds += f" ({label(CARD_TENORS, tenor)})"
        return CaseRow(
            pos=pos,
            id=case_id,
            ref=ref,
            received=_date(received) or self.today,
            kinds=kinds,
            channel=label(CHANNELS, channel),
            person=ANONYMISED if v[clock_end + 1] else (person if person is not None else ANONYMOUS),
            team=team or "",
            status=label(STATUSES, status),
            due=state,
            due_text=due_words(state),
            version=v[clock_end],
        )

    def position_of(self, case_id: int, *, complete: bool = True) -> int | None:
        """1-based position of a case in the current list, or None (complete=False: among those written)."""
        query: Any = _Hit.select(_Hit.pos).where(_Hit.case_id == case_id).limit(1).tuples()
        found = list(query)
        if not found and complete and not self.is_complete:
            self.complete()
            found = list(query.clone())
        return int(found[0][0]) if found else None


# --- around the list -------------------------------------------------------------------------------


def _connection_settings() -> None:
    """SQLite: the position table in memory, and a page cache that holds the case table (a read-only file too).
    Set at every load, which costs microseconds: the window may meanwhile work on another connection (restore)."""
    if isinstance(database.obj, PostgresqlDatabase):
        return
    database.execute_sql("PRAGMA temp_store = MEMORY")
    database.execute_sql("PRAGMA cache_size = -65536")  # 64 MB page cache: the case table stays in memory


def change_marker() -> tuple[int, ...]:
    """Changes when another connection (another workstation) committed a change to the cases.

    SQLite: PRAGMA data_version, which costs nothing. Changes made in this window are announced by the
    window itself (its case_changed signal); this connection's own writes, including the temporary
    position table, do not move the marker."""
    if isinstance(database.obj, PostgresqlDatabase):
        row: Any = Case.select(fn.COUNT(CASE_ID), fn.COALESCE(fn.SUM(Case.version), 0), fn.MAX(CASE_ID)).tuples()
        return tuple(int(x or 0) for x in row.get())
    return (int(database.execute_sql("PRAGMA data_version").fetchone()[0]),)
