"""Saving changed office rules together with the recompute of open cases' deadlines the office confirmed: both in
one transaction, so a refusal of either (a change at another desk, a case closed meanwhile) leaves both as they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from krm_desktop.model.cases.deadline_recompute import recompute_deadlines
from krm_desktop.model.office.profiles import OfficeProfile, save_profile
from krm_desktop.model.store.transactions import write_transaction


def save_rules(
    profile: OfficeProfile, expected_version: int, recompute: Sequence[int], *, today: date, user: str
) -> tuple[OfficeProfile, int]:
    """Store the edited profile and, when `recompute` names cases, give them its deadlines; returns the stored
    profile and how many cases' deadlines moved. A change of the profile at another desk raises ConflictError."""
    with write_transaction():
        saved = save_profile(profile, expected_version)
        moved = recompute_deadlines(saved, recompute, today=today, user=user) if recompute else 0
    return saved, moved
