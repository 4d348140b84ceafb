"""One stored case by its id, for the workflow actions: the menus ask what its state allows, a dialog loads it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from krm_desktop.model.cases.action_checks import ActionFacts
from krm_desktop.model.office.profiles import has_profile, load_profile
from krm_desktop.model.store.entities import Case


def find_case(case_id: int) -> Case | None:
    """The case, or None when it is gone (the annual purge deleted it)."""
    return Case.get_or_none(Case.id == case_id)


def action_facts(case_id: int, ack_waivable_channels: Collection[str] = ()) -> ActionFacts | None:
    """What the availability of the actions depends on (with the office profile's `ack_waivable_channels`); None
    when the case is gone."""
    case = find_case(case_id)
    return facts_of(case, ack_waivable_channels) if case is not None else None


def facts_of(case: Case, ack_waivable_channels: Collection[str] = ()) -> ActionFacts:
    """A stored case's facts with what the office's profile says of them (the form of a waiver)."""
    facts = ActionFacts.of(case, ack_waivable_channels)
    return replace(facts, waiver_form=load_profile().waiver_form(case.kind)) if has_profile() else facts
