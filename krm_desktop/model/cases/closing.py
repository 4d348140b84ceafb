"""The end of a case: the answer sent, or the customer's waiver of it; the sign-off; closing with an
outcome per complaint concern. (`cases` re-exports these services; what each one does is in `transitions`.)"""

from __future__ import annotations

from datetime import date

from krm_desktop.model.cases import closing_checks, transitions
from krm_desktop.model.cases.action_checks import ActionFacts
from krm_desktop.model.cases.petition_steps import refuse_sending
from krm_desktop.model.cases.writes import apply, case_fields, load_open, staff_member
from krm_desktop.model.office.profiles import OfficeProfile, load_profile
from krm_desktop.model.store.entities import Case, Concern, Staff, Team
from krm_desktop.model.store.transactions import write_transaction

SIGNING_ROLES = ("TL", "STL", "BL", "LGF", "GF", "KRM")


def may_sign(case: Case, staff: Staff) -> bool:
    return closing_checks.role_may_sign(case.sign_off_role, case.escalation_level, staff.role)


def sign_off_label(case: Case) -> str:
    return closing_checks.signers_label(case.sign_off_role, case.escalation_level)


def signing_staff() -> list[Staff]:
    """Active staff who sign answers in some case (TL and deputy, BL, LGF, GF, KRM), by function then name."""
    staff = Staff.select().where(Staff.active & Staff.role.in_(SIGNING_ROLES))
    return sorted(staff, key=lambda s: (SIGNING_ROLES.index(s.role), s.name.casefold()))


def proposed_signer(case: Case) -> Staff | None:
    """The signer the case calls for, active: the Geschäftsführung where reserved (always for petitions, Eingaben,
    DABs) or escalated to it, the Bereichsleitung of the team's Bereich on level 2, else the Teamleitung of the case's
    team — its deputy when the team has none. None where nobody fits (the person then picks)."""
    active = Staff.select().where(Staff.active).order_by(Staff.id)
    if case.sign_off_role == "GF" or case.escalation_level >= 3:
        return active.where(Staff.role == "GF").first()
    team = Team.get_or_none(Team.id == case.team_id) if case.team_id is not None else None
    if team is None:
        return None
    if case.escalation_level == 2:
        area = team.area
        return active.join(Team).where((Staff.role == "BL") & (Team.area == area)).first() if area else None
    for role in ("TL", "STL"):
        lead = active.where((Staff.role == role) & (Staff.team == case.team_id)).first()
        if lead is not None:
            return lead
    return None


def signer_problem(case: Case, staff: Staff | None) -> str | None:
    """What is wrong with `staff` signing this case (German), or None: the close dialog asks at once."""
    signer = closing_checks.SignerFacts(staff.name, staff.role, staff.team_id) if staff is not None else None
    return closing_checks.signer_problem(ActionFacts.of(case), signer)


def record_waiver(
    case_id: int,
    *,
    version: int,
    declared_on: date | None,
    reasons: str,
    today: date,
    user: str,
    settled_by: str | None = None,
    form_received_on: date | None = None,
    profile: OfficeProfile | None = None,
) -> Case:
    """The matter was settled by phone or in person and the customer waived a written answer, recorded in the
    form the office's profile requires for the kind (`transitions.record_waiver`)."""
    with write_transaction():
        case = load_open(case_id, version)
        change = transitions.record_waiver(
            case_fields(case),
            declared_on=declared_on,
            reasons=reasons,
            today=today,
            profile=profile or load_profile(),
            settled_by=settled_by,
            form_received_on=form_received_on,
        )
        return apply(case, change, today, user)


def record_answer(
    case_id: int, *, version: int, sent_on: date, today: date, user: str, profile: OfficeProfile | None = None
) -> Case:
    """The answer sent (for a petition: the signed Stellungnahme, after the steps the profile requires)."""
    with write_transaction():
        case = load_open(case_id, version)
        refuse_sending(case, profile)
        return apply(case, transitions.record_answer(case_fields(case), sent_on=sent_on, today=today), today, user)


def concern_facts(case_id: int) -> list[closing_checks.ConcernFacts]:
    rows = Concern.select().where(Concern.case == case_id).order_by(Concern.position)
    return [closing_checks.ConcernFacts(c.position, c.kind, c.outcome) for c in rows]


def close(
    case_id: int,
    *,
    version: int,
    closed_on: date,
    today: date,
    user: str,
    outcomes: dict[int, str] | None = None,
    signed_by: int | None = None,
    answer_sent: date | None = None,
    profile: OfficeProfile | None = None,
) -> Case:
    """Close a case: every complaint concern needs an outcome, the answer (or a waiver) and the right sign-off;
    a petition's or Eingabe's the steps the profile requires before the signed Stellungnahme goes out."""
    with write_transaction():
        case = load_open(case_id, version)
        refuse_sending(case, profile)
        change = transitions.close(
            case_fields(case),
            concern_facts(case.id),
            closed_on=closed_on,
            today=today,
            outcomes=outcomes,
            signer=staff_member(signed_by, "signed_by"),
            answer_sent=answer_sent,
        )
        return apply(case, change, today, user)
