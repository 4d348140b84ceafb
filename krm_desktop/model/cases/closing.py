"""The end of a case: the answer sent, or the customer's written waiver of it; the sign-off; closing with an
outcome per complaint concern. (`cases` re-exports these services.)"""

from __future__ import annotations

from datetime import date

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases import closing_checks
from krm_desktop.model.cases.writes import load_for, log, refuse_if, save
from krm_desktop.model.codes import OUTCOMES, STAFF_ROLES, STATUS_CLOSED, label
from krm_desktop.model.store.entities import Case, Concern, Staff
from krm_desktop.model.store.transactions import write_transaction

SIGNING_ROLES = ("TL", "BL", "GF", "KRM")


def may_sign(case: Case, staff: Staff) -> bool:
    return closing_checks.role_may_sign(case.sign_off_role, case.escalation_level, staff.role)


def sign_off_label(case: Case) -> str:
    return closing_checks.signers_label(case.sign_off_role, case.escalation_level)


def signing_staff() -> list[Staff]:
    """Active staff who sign answers in some case (TL, BL, GF, KRM), by function then name."""
    staff = Staff.select().where(Staff.active & Staff.role.in_(SIGNING_ROLES))
    return sorted(staff, key=lambda s: (SIGNING_ROLES.index(s.role), s.name.casefold()))


def record_waiver(
    case_id: int,
    *,
    version: int,
    declared_on: date,
    reasons: str,
    today: date,
    user: str,
    settled_by: str | None = None,
) -> Case:
    """The matter was settled by phone or in person and the customer declared in writing, with concrete
    reasons, that no written answer is wanted (settled_by: a key of action_checks.SETTLED_BY)."""
    with write_transaction():
        case = load_for(case_id, version, checks.WAIVER)
        refuse_if(
            checks.waiver_errors(
                settled_by=settled_by, declared_on=declared_on, reasons=reasons, received=case.received, today=today
            )
        )
        case = save(case, waiver=True, waiver_reasons=reasons)
        how = f"{checks.SETTLED_BY[settled_by].capitalize()} geklärt; " if settled_by else ""
        log(
            case.id,
            "waiver",
            f"{how}Verzicht auf schriftliche Antwort erklärt am {declared_on:%d.%m.%Y} "
            f"(unterschriebene Erklärung). Gründe: {reasons}",
            today,
            user,
        )
    return case


def record_answer(case_id: int, *, version: int, sent_on: date, today: date, user: str) -> Case:
    with write_transaction():
        case = load_for(case_id, version, checks.ANSWER)
        refuse_if(checks.sent_errors(sent_on, "Versanddatum", case.received, today))
        case = save(case, answer_sent=sent_on)
        log(case.id, "answered", f"Antwortschreiben versandt am {sent_on:%d.%m.%Y}.", today, user)
    return case


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
) -> Case:
    """Close a case: every complaint concern needs an outcome, the answer (or a waiver) and the right sign-off."""
    outcomes = outcomes or {}
    with write_transaction():
        case = load_for(case_id, version, checks.CLOSE)
        facts = checks.ActionFacts.of(case)
        concerns = concern_facts(case.id)
        signer = Staff.get_or_none(Staff.id == signed_by) if signed_by is not None else None
        if not closing_checks.needs_sign_off(facts):
            signer = None
        refuse_if(
            closing_checks.close_errors(
                facts,
                concerns,
                closed_on=closed_on,
                outcomes=outcomes,
                answer_sent=answer_sent,
                signer=closing_checks.SignerFacts(signer.name, signer.role) if signer else None,
                today=today,
            )
        )
        for concern in concerns:
            if concern.position in outcomes:
                Concern.update(outcome=outcomes[concern.position]).where(
                    (Concern.case == case.id) & (Concern.position == concern.position)
                ).execute()
        main_outcome = outcomes.get(1, concerns[0].outcome if concerns else None)
        answered = answer_sent or case.answer_sent
        case = save(
            case, status=STATUS_CLOSED, closed=closed_on, answer_sent=answered, signed_by=signer, outcome=main_outcome
        )
        parts = [f"Abgeschlossen am {closed_on:%d.%m.%Y}"]
        if len(concerns) > 1:
            parts += [
                f"Anliegen {c.position}: {label(OUTCOMES, outcomes.get(c.position, c.outcome))}"
                for c in concerns
                if outcomes.get(c.position, c.outcome)
            ]
        elif main_outcome:
            parts.append(f"Ergebnis: {label(OUTCOMES, main_outcome)}")
        if answer_sent is not None:
            parts.append(f"Antwortschreiben versandt am {answer_sent:%d.%m.%Y}")
        if signer:
            parts.append(f"Schlusszeichnung: {signer.name} ({label(STAFF_ROLES, signer.role)})")
        if case.waiver and answered is None:
            parts.append("ohne Antwortschreiben (Verzicht)")
        log(case.id, "closed", ", ".join(parts) + ".", today, user)
    return case
