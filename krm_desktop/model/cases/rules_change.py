"""Changed office rules and the deadlines already stored: which open cases the new rules would give other dates,
and saving the rules with (only when confirmed) those cases' deadlines recomputed, in one transaction.

Stored deadlines never move by themselves: a case keeps the dates it was given until the office confirms the
recompute of exactly the cases it was shown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from krm_desktop.model.cases.transitions import deadline_fields
from krm_desktop.model.cases.writes import case_fields, log, save
from krm_desktop.model.codes import STATUS_OPEN
from krm_desktop.model.office.profiles import OfficeProfile, save_profile
from krm_desktop.model.store.entities import Case
from krm_desktop.model.store.transactions import write_transaction

RECOMPUTED = "deadlines_recomputed"
_CASE_ID: Any = Case.id  # the column (typed as int on the model for the instances)


@dataclass(frozen=True)
class DeadlineChange:
    """An open case whose still pending deadlines the new rules would set to other dates."""

    case_id: int
    ref: str
    ack_old: date | None
    ack_new: date | None
    final_old: date | None
    final_new: date | None


def _pending_change(case: Case, profile: OfficeProfile) -> DeadlineChange | None:
    """Only deadlines still running count: an acknowledgement or answer already sent keeps its recorded due date
    (the reports measure it against that), and so does an answer after an interim notice."""
    new = deadline_fields(case_fields(case), profile)
    ack_new = new["ack_due"] if case.ack_sent is None and case.answer_sent is None else case.ack_due
    final_new = new["final_due"] if case.answer_sent is None and case.interim_sent is None else case.final_due
    if (ack_new, final_new) == (case.ack_due, case.final_due):
        return None
    return DeadlineChange(case.id, case.ref, case.ack_due, ack_new, case.final_due, final_new)


def deadline_changes(profile: OfficeProfile, today: date) -> list[DeadlineChange]:
    """Open cases received up to `today` whose pending deadlines `profile` would set to other dates, by ref."""
    cases = Case.select().where((Case.status == STATUS_OPEN) & (Case.received <= today)).order_by(Case.ref)
    return [change for case in cases if (change := _pending_change(case, profile)) is not None]


def _text(change: DeadlineChange) -> str:
    parts = []
    for what, old, new in (
        ("Eingangsbestätigung", change.ack_old, change.ack_new),
        ("Antwort", change.final_old, change.final_new),
    ):
        if old != new:
            parts.append(f"{what} {_day(old)} → {_day(new)}")
    return "Fristen nach geänderten Regeln der Dienststelle neu berechnet: " + ", ".join(parts) + "."


def _day(value: date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else "keine"


def recompute_deadlines(profile: OfficeProfile, case_ids: Sequence[int], *, today: date, user: str) -> int:
    """Give the named open cases the deadlines of `profile` (as `deadline_changes` showed them); returns how many
    changed. Each change is written to the case's history."""
    moved = 0
    with write_transaction():
        for case in Case.select().where(_CASE_ID.in_(list(case_ids)) & (Case.status == STATUS_OPEN)):
            change = _pending_change(case, profile)
            if change is None:
                continue
            save(case, ack_due=change.ack_new, final_due=change.final_new)
            log(case.id, RECOMPUTED, _text(change), today, user)
            moved += 1
    return moved


def save_rules(
    profile: OfficeProfile, expected_version: int, recompute: Sequence[int], *, today: date, user: str
) -> tuple[OfficeProfile, int]:
    """Store the edited profile and, when `recompute` names cases, give them the new deadlines — both or neither.
    A change of the profile at another desk meanwhile raises ConflictError."""
    with write_transaction():
        saved = save_profile(profile, expected_version)
        moved = recompute_deadlines(saved, recompute, today=today, user=user) if recompute else 0
    return saved, moved
