"""Pankow's petition steps as services: the KRM's check of the Stellungnahme and the agreement with the Agentur für
Arbeit and the Regionaldirektion (pure rules in `petition_checks`, what they change in `transitions`)."""

from __future__ import annotations

from datetime import date

from peewee import fn

from krm_desktop.model.cases import transitions
from krm_desktop.model.cases.petition_checks import PetitionFacts, PetitionSteps, available_steps, sending_problem
from krm_desktop.model.cases.writes import apply, case_fields, load_open
from krm_desktop.model.errors import RefusedError
from krm_desktop.model.office.profiles import OfficeProfile, has_profile, load_profile
from krm_desktop.model.store.entities import Case, Statement
from krm_desktop.model.store.transactions import write_transaction


def _last_statement(case_id: int) -> date | None:
    day: date | None = Statement.select(fn.MAX(Statement.received_on)).where(Statement.case == case_id).scalar()
    return day


def petition_facts(case: Case) -> PetitionFacts:
    return PetitionFacts.of_fields(case_fields(case), _last_statement(case.id))


def steps_of(profile: OfficeProfile | None) -> PetitionSteps:
    """The profile's steps (the stored profile when none is given; none without a stored profile)."""
    if profile is None:
        profile = load_profile() if has_profile() else None
    return PetitionSteps.of(profile) if profile is not None else PetitionSteps()


def step_reasons(case_id: int, profile: OfficeProfile) -> dict[str, str | None] | None:
    """Each petition step with None (possible) or why not; None when the case is gone."""
    case = Case.get_or_none(Case.id == case_id)
    return available_steps(petition_facts(case), PetitionSteps.of(profile)) if case is not None else None


def sending_reason(case_id: int, profile: OfficeProfile) -> str | None:
    """What the answer and the closing of the case still wait for (the petition steps), or None."""
    case = Case.get_or_none(Case.id == case_id)
    return sending_problem(petition_facts(case), PetitionSteps.of(profile)) if case is not None else None


def refuse_sending(case: Case, profile: OfficeProfile | None) -> None:
    """Refuse the answer or the closing before the petition steps the profile requires (German)."""
    if problem := sending_problem(petition_facts(case), steps_of(profile)):
        raise RefusedError(problem)


def check_statement(
    case_id: int,
    *,
    version: int,
    checked_on: date | None,
    checked_by: str,
    today: date,
    user: str,
    profile: OfficeProfile | None = None,
) -> Case:
    """The KRM (`checked_by`) checked the Stellungnahme on `checked_on`."""
    with write_transaction():
        case = load_open(case_id, version)
        change = transitions.check_statement(
            petition_facts(case), steps_of(profile), checked_on=checked_on, checked_by=checked_by, today=today
        )
        return apply(case, change, today, user)


def agree_with_ba(
    case_id: int, *, version: int, agreed_on: date | None, today: date, user: str, profile: OfficeProfile | None = None
) -> Case:
    """The Stellungnahme was agreed with the Agentur für Arbeit and the Regionaldirektion on `agreed_on`."""
    with write_transaction():
        case = load_open(case_id, version)
        change = transitions.agree_with_ba(petition_facts(case), steps_of(profile), agreed_on=agreed_on, today=today)
        return apply(case, change, today, user)
