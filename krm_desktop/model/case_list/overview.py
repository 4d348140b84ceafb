"""Counts for the start screen: what is open, what is due, what is overdue — as of a given day.

Every figure is one SQL condition over the stored next due item (`next_action`/`next_due`, kept by the
services), so the dashboard costs two small indexed queries however many cases there are, and the same
conditions serve the case list when a tile is used as a filter (`tile_condition`).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, NamedTuple

from peewee import Case as SqlCase
from peewee import Expression, fn

from krm_desktop.model.codes import STATUS_OPEN
from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.model.store.entities import Case

# Dashboard tiles in display order: code -> German caption.
TILES: dict[str, str] = {
    "overdue": "überfällig",
    "due_today": "heute fällig",
    "due_this_week": "diese Woche fällig",
    "open": "offen",
    "ack_pending": "Eingangsbestätigung ausstehend",
    "cards_this_year": "Meinungskarten dieses Jahr",
}


class Overview(NamedTuple):
    open: int
    overdue: int
    due_today: int
    due_this_week: int
    ack_pending: int
    cards_this_year: int


def week_end(today: date) -> date:
    """The Sunday of today's calendar week (Monday to Sunday)."""
    return today + timedelta(days=6 - today.weekday())


def tile_condition(tile: str, today: date) -> Expression:
    """The SQL condition behind a dashboard tile; the case list filters with the same condition."""
    is_open = Case.status == STATUS_OPEN
    if tile == "open":
        return is_open
    if tile == "overdue":
        return is_open & (Case.next_due < today)
    if tile == "due_today":
        return is_open & (Case.next_due == today)
    if tile == "due_this_week":
        return is_open & (Case.next_due >= today) & (Case.next_due <= week_end(today))
    if tile == "ack_pending":
        awaited = Case.ack_due.is_null(False) & Case.ack_sent.is_null() & Case.answer_sent.is_null()
        # neither "Eingangsbestätigung entfällt" nor a waiver of the written answer
        return is_open & awaited & Case.ack_waived.is_null() & (Case.waiver == False)  # noqa: E712 (SQL, not Python)
    if tile == "cards_this_year":
        return (Case.kind == "meinungskarte") & (Case.received >= date(today.year, 1, 1)) & (Case.received <= today)
    raise ValueError(f"unknown tile {tile!r}")


_OPEN_TILES = ("overdue", "due_today", "due_this_week", "ack_pending")


def overview(profile: OfficeProfile | None, today: date) -> Overview:
    """The six dashboard figures. `profile` is not needed any more (the due dates are stored) and kept
    for callers that pass it."""
    del profile
    sums = [fn.SUM(SqlCase(None, [(tile_condition(tile, today), 1)], 0)) for tile in _OPEN_TILES]
    query: Any = Case.select(fn.COUNT(Case.id), *sums).where(Case.status == STATUS_OPEN).tuples()
    open_count, overdue, due_today, due_week, ack_pending = (int(value or 0) for value in query.get())
    cards = int(Case.select(fn.COUNT(Case.id)).where(tile_condition("cards_this_year", today)).scalar() or 0)
    return Overview(open_count, overdue, due_today, due_week, ack_pending, cards)
