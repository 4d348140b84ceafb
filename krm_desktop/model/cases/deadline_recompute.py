"""Deadlines after the office changed its rules: which open cases would get other dates, and recomputing them.

Stored deadlines never move by themselves: a changed profile applies to new cases. The office may recompute the
open cases' deadlines under the new rules; `deadline_changes` lists what would change, `recompute_deadlines`
writes it, one history entry a case, all in one transaction.

A deadline whose action is done stays as it was (met or missed under the rules of its time): the acknowledgement's
once it was sent or the answer went out, the answer's once it was sent.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from krm_desktop.model.cases import transitions
from krm_desktop.model.cases.writes import case_fields, log, save
from krm_desktop.model.codes import STATUS_OPEN
from krm_desktop.model.errors import RefusedError
from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.model.store.entities import Case
from krm_desktop.model.store.transactions import write_transaction
from krm_desktop.model.time.deadlines import Deadlines

EVENT = "deadlines_recomputed"
_LABELS = (("ack_due", "Eingangsbestätigung"), ("final_due", "Antwort"), ("gf_due", "Vorlage an die GF"))


@dataclass(frozen=True)
class DeadlineChange:
    """One open case whose stored deadlines differ from what the rules give."""

    case_id: int
    ref: str
    old: Deadlines
    new: Deadlines
    overdue_now: bool  # a changed deadline lies before `today` and its action is not done

    def describe(self) -> str:
        """German: "Eingangsbestätigung 05.11.2026 → 06.11.2026; Antwort 16.11.2026 → keine" """
        parts = []
        for name, text in _LABELS:
            before, after = getattr(self.old, name), getattr(self.new, name)
            if before != after:
                parts.append(f"{text} {_day(before)} → {_day(after)}")
        return "; ".join(parts)


def _day(value: date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else "keine"


def _change(case: Case, profile: OfficeProfile, today: date) -> DeadlineChange | None:
    fields = case_fields(case)
    computed = transitions.deadline_fields(fields, profile)
    new = dict(computed)
    if fields["ack_sent"] or fields["answer_sent"]:
        new["ack_due"] = fields["ack_due"]
    if fields["answer_sent"]:
        new["final_due"] = fields["final_due"]
    old = Deadlines(fields["ack_due"], fields["final_due"], fields["gf_due"])
    after = Deadlines(new["ack_due"], new["final_due"], new["gf_due"])
    if old == after:
        return None
    overdue = any(
        getattr(after, name) is not None and getattr(after, name) != getattr(old, name) and getattr(after, name) < today
        for name, _ in _LABELS
    )
    return DeadlineChange(case.id, case.ref, old, after, overdue)


def _open_cases() -> Iterable[Case]:
    return (
        Case.select()
        .where((Case.status == STATUS_OPEN) & (Case.anonymised == False))  # noqa: E712 (peewee builds SQL)
        .order_by(Case.received, Case.id)
    )


def deadline_changes(profile: OfficeProfile, today: date) -> list[DeadlineChange]:
    """Every open case whose stored deadlines would differ under `profile`, oldest receipt first."""
    return [change for case in _open_cases() if (change := _change(case, profile, today)) is not None]


def recompute_deadlines(profile: OfficeProfile, case_ids: Iterable[int], *, today: date, user: str) -> int:
    """Give the named open cases the deadlines of `profile` (and their next due item), with a history entry each;
    all in one transaction. Returns how many cases changed (a case whose deadlines already fit is left alone)."""
    changed = 0
    with write_transaction():
        for case_id in dict.fromkeys(case_ids):
            case = Case.get_or_none(Case.id == case_id)
            if case is None:
                raise RefusedError("Eine der Kundenreaktionen gibt es nicht mehr (gelöscht); nichts wurde geändert.")
            if case.status != STATUS_OPEN or case.anonymised:
                raise RefusedError(
                    f"{case.ref} ist inzwischen abgeschlossen; seine Fristen bleiben. Nichts wurde geändert."
                )
            change = _change(case, profile, today)
            if change is None:
                continue
            save(case, ack_due=change.new.ack_due, final_due=change.new.final_due, gf_due=change.new.gf_due)
            log(case.id, EVENT, f"Fristen nach geänderten Regeln neu berechnet: {change.describe()}.", today, user)
            changed += 1
    return changed
