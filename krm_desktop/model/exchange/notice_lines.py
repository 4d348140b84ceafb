"""The exchange format's optional key `notices` (issue 19): who was informed of a case or got a copy, and when —
a list of {name, role, informed_on, copy, reason}. Export writes it (null where a case has none); import checks it with
the rules of the dialog (a name, a known Funktion, a day neither before the receipt nor in the future) and stores
the rows with the case.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from krm_desktop.model.cases.input_checks import action_date_problem
from krm_desktop.model.cases.notice_checks import Recipient, recipient_problems
from krm_desktop.model.store.bulk import PreparedInsert
from krm_desktop.model.store.entities import Notice

KEY = "notices"
ITEM_KEYS = ("name", "role", "informed_on", "copy", "reason")
LIST_PROBLEM = 'Bitte eine Liste [{"name": …, "role": …, "informed_on": …, "copy": …, "reason": …}] oder null angeben.'


def _day(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def check_notices(value: Any, received: date, today: date) -> tuple[tuple[Recipient, ...], dict[str, str]]:
    """The recipients of a line's `notices` (null or missing: none), or field -> German message
    ("notices.2.informed_on")."""
    if value is None:
        return (), {}
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        return (), {KEY: LIST_PROBLEM}
    errors: dict[str, str] = {}
    found: list[Recipient] = []
    for index, item in enumerate(value, start=1):
        where = f"{KEY}.{index}"
        for key in item:
            if key not in ITEM_KEYS:
                errors[f"{where}.{str(key)[:80]}"] = f"Unbekanntes Feld. Erlaubt sind: {', '.join(ITEM_KEYS)}."
        texts = {key: item.get(key) or "" for key in ("name", "role", "reason")}
        for key, text in texts.items():
            if not isinstance(text, str):
                errors[f"{where}.{key}"] = "Bitte einen Text oder null angeben."
        if not isinstance(item.get("copy", False), bool):
            errors[f"{where}.copy"] = "Bitte true oder false angeben."
        day = _day(item.get("informed_on"))
        if item.get("informed_on") is not None and day is None:
            errors[f"{where}.informed_on"] = "Bitte ein Datum im Format JJJJ-MM-TT angeben (z. B. 2026-11-20)."
        elif problem := action_date_problem(day, "Zur Kenntnis am", received, today):
            errors[f"{where}.informed_on"] = problem
        if any(key.startswith(where) for key in errors):
            continue
        recipient = Recipient(
            " ".join(texts["name"].split()), texts["role"], None, bool(item.get("copy")), texts["reason"].strip(), day
        )
        for key, problem in recipient_problems(recipient).items():
            errors[f"{where}.{key}"] = problem
        found.append(recipient)
    return (tuple(found), {}) if not errors else ((), errors)


def store_notices(pairs: Iterable[tuple[int, Sequence[Recipient]]]) -> None:
    """Insert the imported recipients of each (case id, recipients)."""
    PreparedInsert(Notice).insert_many(
        {
            "case": case_id,
            "name": r.name,
            "role": r.role,
            "staff": None,
            "informed_on": r.informed_on,
            "copy": r.copy,
            "reason": r.reason,
        }
        for case_id, recipients in pairs
        for r in recipients
    )


def exported_notices(case_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """The `notices` of these cases (only those that have any), in the order they happened."""
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    rows: Any = (
        Notice.select(Notice.case, Notice.name, Notice.role, Notice.informed_on, Notice.copy, Notice.reason)
        .where(Notice.case.in_(list(case_ids)))
        .order_by(Notice.case, Notice.informed_on, Notice.id)
        .tuples()
    )
    for case_id, name, role, informed_on, copy, reason in rows:
        found[case_id].append(
            {"name": name, "role": role, "informed_on": informed_on.isoformat(), "copy": bool(copy), "reason": reason}
        )
    return dict(found)
