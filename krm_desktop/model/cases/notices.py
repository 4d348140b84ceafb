"""Zur Kenntnis (DOMAIN.md §2): who was informed of a case or got a copy, and when; and whom the office's rules
propose. Nothing is recorded without the desk confirming it: `proposals` only proposes, `record_notices` stores
what the desk ticked or typed, `remove_notice` takes back one that was recorded by mistake. Both write a history
entry naming the acting person and bump the case's version (`writes`).

The pure part (checks and the rules) is `notice_checks`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from krm_desktop.model.cases.case_view import recorded_notices
from krm_desktop.model.cases.gf_required import MARK_GF_REQUIRED
from krm_desktop.model.cases.notice_checks import (
    NoticeFacts,
    Person,
    Proposals,
    Recipient,
    TeamFacts,
    history_text,
    notice_errors,
    propose,
)
from krm_desktop.model.cases.writes import load, log, save
from krm_desktop.model.errors import RefusedError, ValidationError
from krm_desktop.model.office.areas import area_flags
from krm_desktop.model.office.notice_rules import CARD_TEAM_LEAD
from krm_desktop.model.office.profiles import OfficeProfile, load_profile
from krm_desktop.model.store.entities import Case, Concern, Notice, Staff, Team
from krm_desktop.model.store.transactions import write_transaction


def _recipient(row: Any) -> Recipient:
    return Recipient(row.name, row.role, row.staff_id, row.copy, row.reason, row.informed_on, row.id)


def notices_of(case_id: int) -> tuple[Recipient, ...]:
    """The recorded Kenntnisnahmen of a case, in the order they happened (as the case's view holds them)."""
    return recorded_notices(case_id)


def _team_facts(team_ids: Sequence[int]) -> tuple[TeamFacts, ...]:
    leads: dict[int, Person] = {}
    deputies: dict[int, Person] = {}
    rows: Any = Staff.select().where(Staff.active & Staff.team.in_(list(team_ids)) & Staff.role.in_(["TL", "STL"]))
    for s in rows.order_by(Staff.id):
        (leads if s.role == "TL" else deputies).setdefault(s.team_id, Person(s.id, s.name, s.role))
    found: Any = Team.select()
    teams = {t.id: t for t in found if t.id in team_ids}
    return tuple(
        TeamFacts(tid, teams[tid].name, teams[tid].area, leads.get(tid) or deputies.get(tid))
        for tid in team_ids
        if tid in teams
    )


def notice_facts(case: Case) -> NoticeFacts:
    """What the proposals for this stored case depend on."""
    team_ids: list[int] = [case.team_id] if case.team_id else []
    concern_teams: Any = Concern.select(Concern.team).where((Concern.case == case.id) & Concern.team.is_null(False))
    for (team_id,) in concern_teams.order_by(Concern.position).tuples():
        if team_id not in team_ids:
            team_ids.append(team_id)
    signer = Staff.get_or_none(Staff.id == case.signed_by_id) if case.signed_by_id else None
    people: Any = Staff.select().where(Staff.active).order_by(Staff.id)
    return NoticeFacts(
        kind=case.kind,
        has_person=case.person_id is not None,
        teams=_team_facts(team_ids),
        employee_concerned=case.employee_concerned,
        remark=case.description if case.kind == "meinungskarte" else "",
        signed_role=signer.role if signer is not None else None,
        sign_off_role=case.sign_off_role,
        people=tuple(Person(p.id, p.name, p.role) for p in people),
        lgf_areas=frozenset(area for area, flags in area_flags().items() if flags.lgf_cc),
        recorded=notices_of(case.id),
    )


def proposals(case_id: int, profile: OfficeProfile | None = None) -> Proposals:
    """Whom the office's rules propose to inform of the case (not yet recorded); nothing is stored."""
    case = Case.get_or_none(Case.id == case_id)
    if case is None or case.anonymised:
        return Proposals(())
    return propose((profile or load_profile()).notice_rules, notice_facts(case))


def notice_reason(case: Any) -> str | None:
    """Why nobody can be recorded as informed of this case (German), or None. A closed case still can: the copy
    of the final answer goes out when the case closes."""
    if case.anonymised:
        return f"{case.ref} ist anonymisiert: wer informiert wurde, ist dort nicht mehr festzuhalten."
    return None


def _load(case_id: int, version: int) -> Case:
    case = load(case_id, version)
    if reason := notice_reason(case):
        raise RefusedError(reason)
    return case


def record_notices(
    case_id: int,
    *,
    version: int,
    informed_on: date | None,
    recipients: Sequence[Recipient],
    today: date,
    user: str,
) -> Case:
    """Record that these people were informed (or got a copy) on `informed_on`, as the desk confirmed; refused in
    German by field (`notice_checks.notice_errors`), nothing stored then."""
    cleaned = [
        Recipient(" ".join(r.name.split()), r.role, r.staff_id, r.copy, " ".join(r.reason.split())) for r in recipients
    ]
    with write_transaction():
        case = _load(case_id, version)
        errors = notice_errors(informed_on, cleaned, received=case.received, today=today)
        if errors:
            raise ValidationError(errors)
        assert informed_on is not None
        for r in cleaned:
            staff = r.staff_id if r.staff_id and Staff.get_or_none(Staff.id == r.staff_id) else None
            Notice.create(
                case=case.id,
                name=r.name,
                role=r.role,
                staff=staff,
                informed_on=informed_on,
                copy=r.copy,
                reason=r.reason,
            )
        case = save(case)
        log(case.id, "notice", history_text(informed_on, cleaned), today, user)
    return case


def remove_notice(case_id: int, notice_id: int, *, version: int, today: date, user: str) -> Case:
    """Take back a Kenntnisnahme recorded by mistake; the history keeps that it was recorded and removed."""
    with write_transaction():
        case = _load(case_id, version)
        row = Notice.get_or_none((Notice.id == notice_id) & (Notice.case == case_id))
        if row is None:
            raise RefusedError("Diese Kenntnisnahme gibt es nicht mehr; bitte den Fall neu laden.")
        recipient = _recipient(row)
        row.delete_instance()
        case = save(case)
        text = f"Kenntnisnahme gestrichen: {recipient.text()} am {recipient.informed_on:%d.%m.%Y}."
        log(case.id, "notice_removed", text, today, user)
    return case


NOTICE = "notice"  # the Vorgang action "Zur Kenntnis geben …"
NOTICE_ACTIONS = (NOTICE, MARK_GF_REQUIRED)


def record_card_notice(case_id: int, *, today: date, user: str) -> Case | None:
    """A Meinungskarte's remark for a team goes zur Kenntnis to that team's Führungskraft, today (the batch records
    it where the desk left "zur Kenntnis an die Teamleitung" ticked); None when the card names no team or says
    nothing."""
    case = Case.get_by_id(case_id)
    found = propose((CARD_TEAM_LEAD,), notice_facts(case)).recipients
    if not found:
        return None
    return record_notices(case_id, version=case.version, informed_on=today, recipients=found, today=today, user=user)
