"""What the entry forms save: routing notes of the intake triage, together with a new case (a Folgereaktion
through `cases.follow_up`) in one transaction; the edit of an open one."""

from __future__ import annotations

from datetime import date

from krm_desktop.model import validation as v
from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.intake import MIXED_FINDINGS, CaseInput, routing_advice
from krm_desktop.model.codes import NOT_KRM
from krm_desktop.model.errors import ValidationError
from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.model.store.entities import Case
from krm_desktop.model.store.transactions import write_transaction


def record_routing_notes(findings: list[str], received: date, note: str, *, today: date, user: str) -> list[int]:
    """Intake found the matter (or a part of it) is no Kundenreaktion: one routing note per finding, together."""
    problem = v.date_problem(received, "Eingangsdatum", today)
    if problem:
        raise ValidationError({"received": problem})
    with write_transaction():
        return [cases.record_routing_note(f, received, note, today=today, user=user).id for f in findings]


def save_new(
    data: CaseInput,
    *,
    follows_id: int | None,
    today: date,
    user: str,
    profile: OfficeProfile | None = None,
    routed: tuple[list[str], str] = ([], ""),
) -> Case:
    """Register the case; `routed` (findings, note): the parts of a mixed letter that went elsewhere — only
    findings after which a letter keeps its KRM part (MIXED_FINDINGS: Datenschutz, Widerspruch)."""
    whole = [finding for finding in routed[0] if finding not in MIXED_FINDINGS]
    if whole:
        raise ValidationError(
            {
                "not_krm": " ".join(
                    routing_advice(f) if f in NOT_KRM else f"Unbekanntes Prüfergebnis „{f}“." for f in whole
                )
            }
        )
    with write_transaction():
        if routed[0]:
            record_routing_notes(routed[0], data.received, routed[1], today=today, user=user)
        if data.kind == "folgereaktion" and follows_id is not None:
            case = cases.follow_up(follows_id, data, today=today, user=user)
        else:
            case = cases.register(data, today=today, user=user, profile=profile)
        return case


def save_edit(
    case_id: int, *, version: int, data: CaseInput, today: date, user: str, profile: OfficeProfile | None = None
) -> Case:
    return cases.update_case(case_id, version=version, data=data, today=today, user=user, profile=profile)
