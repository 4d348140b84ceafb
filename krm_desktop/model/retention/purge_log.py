"""The Löschprotokoll as the program reads it back: the runs, their rules, the references deleted whole,
and the reminder when closed cases are past their retention date (the run writes it: `purge`)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from peewee import fn

from krm_desktop.model.cases.numbering import deleted_refs
from krm_desktop.model.office.profiles import RetentionRule
from krm_desktop.model.retention.purge_plan import plan_purge
from krm_desktop.model.retention.rules import de
from krm_desktop.model.store.entities import PurgeLog

__all__ = [
    "deleted_refs",
    "last_purge",
    "log_rules",
    "overdue_text",
    "purge_logs",
    "purge_reminder",
    "purge_reminder_due",
]

_LOG_ID: Any = PurgeLog._meta.primary_key  # a column (the model annotates `id` as int for the type checker)


def purge_logs() -> list[PurgeLog]:
    """Every Löschprotokoll, newest first."""
    return list(PurgeLog.select().order_by(_LOG_ID.desc()))


def last_purge() -> PurgeLog | None:
    return PurgeLog.select().order_by(_LOG_ID.desc()).first()


def log_rules(log: PurgeLog) -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = json.loads(log.rules)
    return rules


def overdue_text(count: int) -> str:
    """The start screen's line about the cases past their retention date; "" when there are none."""
    if count <= 0:
        return ""
    if count == 1:
        return "1 Kundenreaktion ist über ihre Aufbewahrungsfrist hinaus – Löschung fällig."
    number = f"{count:,}".replace(",", ".")
    return f"{number} Kundenreaktionen sind über ihre Aufbewahrungsfrist hinaus – Löschung fällig."


def purge_reminder_due(
    today: date, retention: RetentionRule | None = None, profile_code: str | None = None
) -> str | None:
    """A German reminder when closed cases are past their retention date as of `today` (any day of the year:
    deletion is due on a date, not in a season); None when nothing is due."""
    return purge_reminder(plan_purge(today, retention, profile_code).total)


def purge_reminder(count: int) -> str | None:
    """The reminder for `count` cases past their retention date; None for none."""
    if count <= 0:
        return None
    latest = PurgeLog.select(fn.MAX(PurgeLog.as_of)).scalar()
    if isinstance(latest, str):
        latest = date.fromisoformat(latest)
    before = f"Der letzte Löschlauf war zum {de(latest)}." if latest else "Es wurde noch kein Löschlauf durchgeführt."
    return (
        f"{overdue_text(count)} {before} Der Löschassistent zeigt, welche Kundenreaktionen anonymisiert oder "
        "gelöscht werden, sichert die Datenbank vorher und schreibt das Löschprotokoll."
    )
