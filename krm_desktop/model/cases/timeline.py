"""The order in which a case's steps can happen: received, then acknowledged, interim notice, answer, closed.

One list of pairs (a later step, a step it cannot come before), used by the import for each line
(`timeline_problems`, German, naming the later field) and by `check` for the stored cases (`timeline_broken`,
the same pairs as one SQL condition).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from krm_desktop.model.store.entities import Case

LABELS = {
    "received": "dem Eingang",
    "ack_sent": "dem Versand der Eingangsbestätigung",
    "interim_sent": "dem Versand der Zwischennachricht",
    "answer_sent": "dem Versand der Antwort",
    "closed": "dem Abschluss",
}
SUBJECTS = {
    "ack_sent": "Die Eingangsbestätigung",
    "interim_sent": "Die Zwischennachricht",
    "answer_sent": "Die Antwort",
    "closed": "Der Abschluss",
}
# (later, earlier): `later` cannot be dated before `earlier`; for each later step the earliest bound first.
ORDER = (
    ("ack_sent", "received"),
    ("interim_sent", "received"),
    ("answer_sent", "received"),
    ("answer_sent", "ack_sent"),
    ("answer_sent", "interim_sent"),
    ("closed", "received"),
    ("closed", "ack_sent"),
    ("closed", "interim_sent"),
    ("closed", "answer_sent"),
)


def timeline_problems(dates: Mapping[str, date | None]) -> dict[str, str]:
    """Field -> German message for every step dated before one it must follow (missing dates are skipped)."""
    problems: dict[str, str] = {}
    for later, earlier in ORDER:
        when, bound = dates.get(later), dates.get(earlier)
        if when is None or bound is None or when >= bound or later in problems:
            continue
        problems[later] = (
            f"{SUBJECTS[later]} ({when:%d.%m.%Y}) kann nicht vor {LABELS[earlier]} ({bound:%d.%m.%Y}) liegen."
        )
    return problems


def timeline_broken() -> Any:
    """A condition on Case: some step is dated before one it must follow."""
    condition: Any = None
    for later, earlier in ORDER:
        part = getattr(Case, later) < getattr(Case, earlier)
        condition = part if condition is None else condition | part
    return condition


def broken_steps(row: Mapping[str, Any]) -> str:
    """The first broken pair of a stored case, in German (for `check`)."""
    dates = {name: _day(row.get(name)) for name in LABELS}
    return " ".join(timeline_problems(dates).values())


def _day(value: Any) -> date | None:
    if isinstance(value, str):
        return date.fromisoformat(value[:10])
    return value if isinstance(value, date) else None
