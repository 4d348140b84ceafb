"""The demo builds its cases in memory with the services' pure core: what it writes is what the services store
when the same courses run through them one call at a time."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from krm_desktop.model.cases import (
    closing,
    contribution_service,
    contributions,
    dab,
    dab_transitions,
    opinion_cards,
    transitions,
)
from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.writes import case_fields
from krm_desktop.model.demo import texts as t
from krm_desktop.model.demo.course import Course, Step
from krm_desktop.model.demo.generator import FollowUpPool, arrivals, generate
from krm_desktop.model.demo.matters import Earlier, Matters
from krm_desktop.model.demo.office import demo_office
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.office.topics import topic_list
from krm_desktop.model.store.entities import Case
from krm_desktop.model.time.deadlines import calendar_of
from tests.conftest import make_store
from tests.factories import TODAY, USER, snapshot

SERVICES: dict[Callable[..., transitions.Change], Callable[..., Case]] = {
    transitions.present_to_gf: cases.present_to_gf,
    transitions.acknowledge: cases.acknowledge,
    transitions.send_interim: cases.send_interim,
    transitions.escalate: cases.escalate,
    transitions.reserve_sign_off: cases.reserve_sign_off,
    transitions.record_statement: cases.record_statement,
    contributions.record_contribution: contribution_service.record_team_contribution,
    dab_transitions.decide_dab: dab.decide_dab,
    dab_transitions.reclassify_dab: dab.reclassify_dab,
    dab_transitions.inform_employee: dab.inform_employee,
    transitions.record_waiver: closing.record_waiver,
    transitions.record_answer: closing.record_answer,
    transitions.close: closing.close,
}


def _through_service(case: Case, step: Step) -> Case:
    """The step as the dialogs do it: the service, given the staff member's id where the transition takes them."""
    inputs: dict[str, Any] = dict(step.inputs)
    inputs.pop("teams", None)  # the service reads the teams concerned itself
    for member, staff_id in (("signer", "signed_by"), ("decider", "decided_by")):
        if member in inputs:
            chosen = inputs.pop(member)
            inputs[staff_id] = chosen.id if chosen else None
    return SERVICES[step.transition](case.id, version=case.version, today=step.day, user=USER, **inputs)


def _demo_through_services(count: int, seed: int, years: int) -> set[Callable[..., transitions.Change]]:
    """`generate`'s plan, with every case registered and every step done by its service, one call at a time;
    returns the transitions that were done."""
    rng = random.Random(seed)
    profile = load_profile()
    office = demo_office(random.Random(f"staff-{seed}"))
    matters = Matters(rng, profile, office, topic_list())
    course = Course(rng, profile, office, TODAY)
    pool = FollowUpPool()
    done: set[Callable[..., transitions.Change]] = set()
    for received, kind, channel in arrivals(rng, calendar_of(profile), count, years, TODAY):
        if kind == "meinungskarte":
            card = matters.card(received)
            case = opinion_cards.register_card(card, today=received, user=USER, profile=profile, close=False)
            data = opinion_cards.case_input(card)
        else:
            earlier = pool.take(received, rng) if kind == "folgereaktion" else None
            if kind == "folgereaktion" and earlier is None:
                kind = "beschwerde"
            data = matters.case(received, kind, channel, earlier)
            if earlier is not None:
                case = cases.follow_up(earlier.case_id, data, today=received, user=USER)
            else:
                case = cases.register(data, today=received, user=USER, profile=profile)
        for step in course.steps(case_fields(case), [c.kind for c in data.concern_list()], data.concern_teams()):
            case = _through_service(case, step)
            done.add(step.transition)
        if case.closed is not None and data.person is not None and case.kind in t.FOLLOWABLE:
            senders = (data.person, data.represented) if data.represented else (data.person,)
            pool.add(Earlier.of(case_fields(case), senders))
    return done


def test_demo_cases_are_what_the_services_store_for_the_same_course(tmp_path: Path) -> None:
    count, seed, years = 200, 12, 9
    store = make_store(tmp_path / "in_memory.sqlite3")
    try:
        assert generate(count, seed=seed, years=years, today=TODAY, user=USER) == count
        in_memory = snapshot()
    finally:
        store.close()
    store = make_store(tmp_path / "services.sqlite3")
    try:
        done = _demo_through_services(count, seed, years)
        through_services = snapshot()
    finally:
        store.close()
    assert done == set(SERVICES)  # every transition the demo uses was compared
    assert len(through_services["krm_case"]) == count
    for table, rows in through_services.items():  # the same rows, ids, fields, versions and history texts
        assert in_memory[table] == rows, table
