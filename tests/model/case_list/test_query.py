"""The case list's SQL: filters, literal search, sorting, pages, count, change marker, working-day counting."""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta

import pytest
from peewee import DatabaseError, SqliteDatabase

from krm_desktop.model.case_list import query as case_list
from krm_desktop.model.case_list.filters import NO_TEAM, Actors, CaseFilter, case_years, teams
from krm_desktop.model.case_list.query import CaseList, change_marker
from krm_desktop.model.case_list.search import escape_like
from krm_desktop.model.case_list.sort_order import SortOrder
from krm_desktop.model.cases import services as cases
from krm_desktop.model.office import staff
from krm_desktop.model.office.acting import acting_person
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.office.staff_checks import PersonData
from krm_desktop.model.store.entities import Case, Event, database
from krm_desktop.model.time.day_counter import CountingCalendar, list_calendar
from krm_desktop.model.time.deadlines import DueState
from krm_desktop.model.time.working_days import WorkingCalendar
from tests import factories as f
from tests.ui.data import DueCases, make_due_cases


@pytest.fixture
def due(store) -> DueCases:
    return make_due_cases()


def listing(flt: CaseFilter = CaseFilter(), order: SortOrder = SortOrder(), user: Actors = f.USER) -> list[str]:  # noqa: B008
    found = CaseList(f.TODAY, list_calendar(load_profile()), user, flt, order)
    count = found.load()
    found.complete()
    rows = found.rows_after(0, 1000)
    assert len(rows) == count == found.count
    assert [r.pos for r in rows] == list(range(1, count + 1))
    return [r.ref for r in rows]


def refs(*items: Case) -> set[str]:
    return {c.ref for c in items}


def test_filters(due: DueCases) -> None:
    everything = set(listing())
    assert len(everything) == 7
    open_cases = refs(due.overdue, due.due_today, due.due_soon, due.on_track, due.no_clock)
    assert set(listing(CaseFilter(status="offen"))) == open_cases
    assert set(listing(CaseFilter(status="abgeschlossen"))) == refs(due.closed, due.last_year)
    # Anliegensart matches the main kind and any concern's kind
    assert set(listing(CaseFilter(kind="lob"))) == refs(due.due_soon, due.on_track)
    assert set(listing(CaseFilter(kind="meinungskarte"))) == refs(due.closed, due.last_year)
    assert set(listing(CaseFilter(channel="email"))) == refs(due.due_today)
    assert set(listing(CaseFilter(team=due.team.id))) == refs(due.overdue, due.on_track)
    assert set(listing(CaseFilter(team=NO_TEAM))) == refs(due.due_soon, due.no_clock, due.closed, due.last_year)
    assert set(listing(CaseFilter(year=2025))) == refs(due.last_year)
    assert set(listing(CaseFilter(status="offen", team=due.team.id, kind="lob"))) == refs(due.on_track)


def test_only_mine_means_registered_by_the_acting_user(due: DueCases) -> None:
    theirs = cases.register(f.case_input(subject="von der Kollegin"), today=f.TODAY, user="kollegin.x")
    mine = set(listing(CaseFilter(mine=True)))
    assert theirs.ref not in mine and len(mine) == 7
    assert listing(CaseFilter(mine=True), user="kollegin.x") == [theirs.ref]
    assert listing(CaseFilter(mine=True), user="niemand") == []


def test_only_mine_finds_what_the_person_registered_under_their_name_and_before_under_their_login(store) -> None:
    old = cases.register(f.case_input(subject="vorher"), today=f.TODAY, user="mustere")
    theirs = cases.register(f.case_input(subject="Kollegin"), today=f.TODAY, user="kollegin.x")
    staff.save_person(None, PersonData("Erika Muster", "KRM", logins=("mustere",)))
    acting = acting_person("mustere")
    new = cases.register(f.case_input(subject="nachher"), today=f.TODAY, user=acting.name)
    assert Event.get((Event.case == new.id) & (Event.action == "registered")).actor == "Erika Muster"
    assert set(listing(CaseFilter(mine=True), user=acting.names)) == {old.ref, new.ref}
    assert listing(CaseFilter(mine=True), user="Erika Muster") == [new.ref]
    assert listing(CaseFilter(mine=True), user=("kollegin.x",)) == [theirs.ref]


@pytest.mark.parametrize(
    ("tile", "expected"),
    [
        ("overdue", ["overdue"]),
        ("due_today", ["due_today"]),
        ("due_this_week", ["due_today"]),  # Friday: the week ends on Sunday 22.11.
        ("open", ["overdue", "due_today", "due_soon", "on_track", "no_clock"]),
        ("ack_pending", ["overdue", "due_today", "due_soon", "on_track"]),
        ("cards_this_year", ["closed"]),
    ],
)
def test_dashboard_tiles_as_filters(due: DueCases, tile: str, expected: list[str]) -> None:
    assert set(listing(CaseFilter(tile=tile))) == {getattr(due, name).ref for name in expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("krm-2026-0001", ["overdue"]),  # reference, any case
        ("öztürk", ["overdue"]),  # name, umlaut in lower case
        ("ÖZTÜRK", ["overdue"]),  # … and in upper case
        ("MÜLLER", ["due_today"]),
        ("222b", ["due_today"]),  # Kundennummer
        ("33333bg", ["due_soon"]),  # BG-Nummer
        ("weiterbewilligung", ["overdue"]),  # subject
        ("anhörung", ["due_today"]),  # description
        ("müller termin", ["due_today"]),  # every word, in any field
        ("müller dank", []),
    ],
)
def test_search_fields_case_insensitive(due: DueCases, text: str, expected: list[str]) -> None:
    assert set(listing(CaseFilter(search=text))) == {getattr(due, name).ref for name in expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("50%", ["due_today"]),  # % is a percent sign, not "anything"
        ("%", ["due_today"]),
        ("a_b", ["due_soon"]),  # _ is an underscore, not "any one character"
        ("_", ["due_soon"]),
        ("o'brien", ["on_track"]),  # quotes are text
        ("'", ["on_track"]),
        ("\\", []),
        ("' OR '1'='1", []),  # SQL is text
        ("'; DROP TABLE krm_case; --", []),
        ('"', []),
    ],
)
def test_search_is_literal(due: DueCases, text: str, expected: list[str]) -> None:
    assert set(listing(CaseFilter(search=text))) == {getattr(due, name).ref for name in expected}
    assert Case.select().count() == 7  # nothing was executed but the search


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1A1", ["overdue"]),  # inside a Kundennummer (the word may occur there: it is looked for there)
        ("11BG1", ["overdue"]),  # inside a BG-Nummer
        ("m-2026-0001", ["overdue"]),  # inside an Az.
        ("2222", ["due_today"]),  # digits: Kundennummer and BG-Nummer
        ("WOCHEN", ["overdue"]),  # letters: names and texts only
    ],
)
def test_search_inside_numbers(due: DueCases, text: str, expected: list[str]) -> None:
    assert set(listing(CaseFilter(search=text))) == {getattr(due, name).ref for name in expected}


def test_words_shaped_like_numbers_look_in_their_own_field(due: DueCases) -> None:
    """An Az., Kundennummer or BG-Nummer (or its start) is looked up in that field, through an index; an Az.
    also finds the Folgereaktionen of its case."""
    mention = f.register(subject="Nachfrage", description="Bezug: KRM-2026-0001, Kd-Nr. 222B222222, 22222BG2222222")
    assert listing(CaseFilter(search="KRM-2026-0001")) == [due.overdue.ref]
    later = cases.follow_up(
        due.closed.id,
        f.case_input(received=date(2026, 11, 19), subject="Wieder keine Stühle"),
        today=f.TODAY,
        user=f.USER,
    )
    assert set(listing(CaseFilter(search=due.closed.ref.lower()))) == {due.closed.ref, later.ref}
    assert set(listing(CaseFilter(search="krm-2026"))) == {c.ref for c in Case.select() if c.ref.startswith("KRM-2026")}
    assert listing(CaseFilter(search="222b222222")) == [due.due_today.ref]
    assert listing(CaseFilter(search="222B22")) == [due.due_today.ref]
    assert listing(CaseFilter(search="22222bg2222222")) == [due.due_today.ref]
    assert set(listing(CaseFilter(search="Bezug"))) == {mention.ref}  # other words: every field as before


@pytest.mark.parametrize("few", [0, 20_000])
def test_search_with_other_filters_finds_the_same_cases(due: DueCases, monkeypatch, few: int) -> None:
    """Few candidates: each candidate's person is looked up; many: the persons are searched first."""
    monkeypatch.setattr(case_list, "FEW_CANDIDATES", few)
    for text in ("müller", "ÖZTÜRK termin", "222B", "w", "krm-2026", "50%", "11111BG"):
        everywhere = set(listing(CaseFilter(search=text)))
        for flt in (CaseFilter(status="offen"), CaseFilter(team=due.team.id), CaseFilter(mine=True)):
            unfiltered = set(listing(flt))
            assert set(listing(flt.with_(search=text))) == everywhere & unfiltered, (text, flt)


def test_escape_like() -> None:
    assert escape_like("50%_a\\b") == "%50\\%\\_a\\\\b%"


def _expected_order(due: DueCases, column: str) -> list[str]:
    rows = listing()
    by_ref = {c.ref: c for c in Case.select()}
    found = CaseList(f.TODAY, list_calendar(load_profile()), f.USER)
    found.load()
    found.complete()
    texts = {r.ref: r for r in found.rows_after(0, 100)}

    def key(ref: str):
        case, row = by_ref[ref], texts[ref]
        if column == "ref":
            return (case.year, case.seq)
        if column == "received":
            return (case.received, case.id)
        if column == "kinds":
            return (row.kinds.split(",")[0].casefold(), case.id)
        if column == "channel":
            return (row.channel.casefold(), case.id)
        if column == "person":
            return (row.person == "anonym", row.person.casefold().replace("ö", "o").replace("ü", "u"), case.id)
        if column == "team":
            return (row.team == "", row.team.casefold(), case.id)
        if column == "due":
            return (case.next_due is None, case.next_due or date.max, case.id)
        return (case.status != "offen", case.next_due is None, case.next_due or date.max, case.id)

    return sorted(rows, key=key)


@pytest.mark.parametrize("column", case_list.COLUMNS)
def test_sort_every_column_both_ways(due: DueCases, column: str) -> None:
    expected = _expected_order(due, column)
    assert listing(order=SortOrder(column)) == expected
    descending = listing(order=SortOrder(column, descending=True))
    assert descending == expected[::-1]


def test_due_sort_with_a_filter_keeps_cases_without_due_last(due: DueCases) -> None:
    assert listing(CaseFilter(status="offen")) == [
        due.overdue.ref,
        due.due_today.ref,
        due.due_soon.ref,
        due.on_track.ref,
        due.no_clock.ref,
    ]


def test_rows_carry_the_words_of_each_due_state(due: DueCases) -> None:
    found = CaseList(f.TODAY, list_calendar(load_profile()), f.USER)
    found.load()
    rows = {r.ref: r for r in found.rows_after(0, 50)}
    expected = {
        due.overdue.ref: (DueState.OVERDUE, "überfällig seit 11 AT · Eingangsbestätigung"),
        due.due_today.ref: (DueState.DUE_SOON, "heute fällig · Eingangsbestätigung"),
        due.due_soon.ref: (DueState.DUE_SOON, "fällig am 23.11.2026 (in 1 AT) · Eingangsbestätigung"),
        due.on_track.ref: (DueState.ON_TRACK, "fällig am 25.11.2026 · Eingangsbestätigung"),
        due.no_clock.ref: (DueState.NO_CLOCK, "keine Frist"),
        due.closed.ref: (DueState.CLOSED, "abgeschlossen am 02.03.2026"),
    }
    for ref, (state, words) in expected.items():
        assert (rows[ref].due.state, rows[ref].due_text) == (state, words)
    assert rows[due.due_soon.ref].kinds == "Beschwerde, Lob"
    assert rows[due.no_clock.ref].person == "anonym"
    assert rows[due.due_today.ref].channel == "E-Mail"


@pytest.mark.sqlite_only
def test_first_rows_then_the_rest_in_short_keyset_queries(store, monkeypatch) -> None:
    monkeypatch.setattr(case_list, "FIRST_ROWS", 4)
    made = [f.register(received=date(2026, 11, 2) + timedelta(days=i % 15), subject=f"Fall {i}") for i in range(11)]
    found = CaseList(f.TODAY, list_calendar(load_profile()), f.USER, order=SortOrder("ref"))
    assert found.load() == 11
    assert found.filled == 4 and not found.is_complete
    assert [r.ref for r in found.rows_after(0, 3)] == [c.ref for c in made[:3]]
    assert found.complete() is False  # nothing changed meanwhile
    assert found.is_complete and found.filled == 11
    pages = [r.ref for pos in range(0, 11, 3) for r in found.rows_after(pos, 3)]
    assert pages == [c.ref for c in made]
    assert [r.ref for r in found.rows_after(9, 50)] == [c.ref for c in made[9:]]
    assert found.position_of(made[7].id) == 8
    assert found.position_of(999_999) is None
    # no read transaction stays open: another connection may write at once
    assert not database.connection().in_transaction
    other = sqlite3.connect(str(store.path), timeout=0)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE krm_case SET subject = 'x' WHERE id = ?", (made[0].id,))
        other.commit()
    finally:
        other.close()


def test_fill_to_writes_only_the_positions_wanted_and_the_rest_continues_in_order(store, monkeypatch) -> None:
    monkeypatch.setattr(case_list, "FIRST_ROWS", 2)
    made = [f.register(subject=f"Fall {i}") for i in range(9)]
    found = CaseList(f.TODAY, list_calendar(load_profile()), f.USER, order=SortOrder("ref"))
    assert found.load() == 9
    assert found.fill_to(6) is False
    assert found.filled == 6 and not found.is_complete
    assert [r.ref for r in found.rows_after(2, 10)] == [c.ref for c in made[2:6]]
    assert found.fill_to(4) is False and found.filled == 6  # written already
    f.register(subject="dazwischen")  # after the count: the last positions notice it
    assert found.fill_to(100) is True
    assert found.is_complete and found.count == found.filled == 10
    assert [r.ref for r in found.rows_after(0, 20)][:9] == [c.ref for c in made]


def test_complete_notices_a_change_between_count_and_rest(store, monkeypatch) -> None:
    monkeypatch.setattr(case_list, "FIRST_ROWS", 2)
    for i in range(5):
        f.register(subject=f"Fall {i}")
    found = CaseList(f.TODAY, list_calendar(load_profile()), f.USER)
    assert found.load() == 5
    f.register(subject="dazwischen")
    assert found.complete() is True
    assert found.count == 6


@pytest.mark.sqlite_only
def test_change_marker_moves_when_another_connection_commits(store) -> None:
    found = CaseList(f.TODAY, list_calendar(load_profile()), f.USER)
    found.load()
    before = change_marker()
    found.load()  # our own temporary table does not count
    f.register()  # neither do our own writes (the window announces them itself)
    assert change_marker() == before
    other = sqlite3.connect(str(store.path))
    other.execute("UPDATE krm_case SET subject = 'anders'")
    other.commit()
    other.close()
    assert change_marker() != before


@pytest.mark.sqlite_only
def test_years_teams_and_the_list_indexes_of_a_fresh_database(due: DueCases, store) -> None:
    assert case_years() == [2026, 2025]
    assert [name for _, name, _ in teams()] == ["Eingangszone", "Team 411 Leistung"]
    names = {row[0] for row in database.execute_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"event_action_actor_case_id", "concern_kind_case_id", "krm_case_channel", "krm_case_kind_received"} <= names


@pytest.mark.sqlite_only
def test_read_only_file_lists_without_writing(due: DueCases, store) -> None:
    """A read-only connection (what SQLite gives for a file we may not write) can still list."""
    read_only = SqliteDatabase(f"file:{store.path}?mode=ro", uri=True)
    database.initialize(read_only)
    try:
        assert len(listing(CaseFilter(search="müller"))) == 1
        assert len(listing(CaseFilter(status="offen"))) == 5
        assert database.execute_sql("PRAGMA temp_store").fetchone()[0] == 2  # the positions are kept in memory
        with pytest.raises(DatabaseError, match="readonly"):
            database.execute_sql("UPDATE krm_case SET subject = 'x'")
    finally:
        read_only.close()
        database.initialize(store.db)


def test_counting_calendar_agrees_with_the_day_by_day_count() -> None:
    fast, slow = CountingCalendar("SH", ("12-24", "12-31")), WorkingCalendar("SH", ("12-24", "12-31"))
    rng = random.Random(3)
    for _ in range(2000):
        start = date(2016, 1, 1) + timedelta(days=rng.randrange(4000))
        end = start + timedelta(days=rng.randrange(-30, 2000))
        assert fast.working_days_between(start, end) == slow.working_days_between(start, end)
