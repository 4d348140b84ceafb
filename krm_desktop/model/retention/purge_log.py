"""The Löschprotokoll as the program reads it back: the runs, their rules, the references deleted whole,
and the January reminder when the year's purge has not run yet (the run writes it: `purge`)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from peewee import fn

from krm_desktop.model.cases.numbering import deleted_refs
from krm_desktop.model.retention.rules import de
from krm_desktop.model.store.entities import PurgeLog

__all__ = ["deleted_refs", "last_purge", "log_rules", "purge_logs", "purge_reminder_due"]

_LOG_ID: Any = PurgeLog._meta.primary_key  # a column (the model annotates `id` as int for the type checker)


def purge_logs() -> list[PurgeLog]:
    """Every Löschprotokoll, newest first."""
    return list(PurgeLog.select().order_by(_LOG_ID.desc()))


def last_purge() -> PurgeLog | None:
    return PurgeLog.select().order_by(_LOG_ID.desc()).first()


def log_rules(log: PurgeLog) -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = json.loads(log.rules)
    return rules


def purge_reminder_due(today: date) -> str | None:
    """In January: a German reminder when no purge has run as of the last 31.12. (or later)."""
    if today.month != 1:
        return None
    year_end = date(today.year - 1, 12, 31)
    latest = PurgeLog.select(fn.MAX(PurgeLog.as_of)).scalar()
    if isinstance(latest, str):
        latest = date.fromisoformat(latest)
    if latest is not None and latest >= year_end:
        return None
    before = f"Der letzte Löschlauf war zum {de(latest)}." if latest else "Es wurde noch kein Löschlauf durchgeführt."
    return (
        f"Die jährliche Löschung für {year_end.year} steht noch aus. {before} Bitte starten Sie den "
        "Löschassistenten: er zeigt, welche Kundenreaktionen anonymisiert oder gelöscht werden, sichert die "
        "Datenbank vorher und schreibt das Löschprotokoll."
    )
