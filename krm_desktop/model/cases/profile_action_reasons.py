"""The Vorgang actions issue 19 added beside the workflow's own (`action_checks`): Zur Kenntnis, Pankow's
"vorlagepflichtig" mark, the Beitrag of a team and the Vermerk for the E-Akte/VerBIS — each with None (possible) or
why not, from one read of the case (the menu asks at every change of the selected case)."""

from __future__ import annotations

from dataclasses import dataclass

from krm_desktop.model.cases.action_checks import ActionFacts
from krm_desktop.model.cases.contribution_service import teams_concerned
from krm_desktop.model.cases.contributions import CONTRIBUTION, contribution_reason
from krm_desktop.model.cases.file_notes import FILE_NOTE, file_note_reason
from krm_desktop.model.cases.gf_required import MARK_GF_REQUIRED, mark_reason
from krm_desktop.model.cases.notices import NOTICE, notice_reason
from krm_desktop.model.cases.writes import case_fields
from krm_desktop.model.office.profiles import OfficeProfile
from krm_desktop.model.store.entities import Case

GONE = "Diese Kundenreaktion gibt es nicht mehr (gelöscht)."
CODES = (NOTICE, MARK_GF_REQUIRED, CONTRIBUTION, FILE_NOTE)


@dataclass(frozen=True)
class ProfileActions:
    reasons: dict[str, str | None]  # action code -> None or why not (German)
    teams: int  # how many teams the case's Anliegen concern (the Beitrag is offered from two on)


def profile_actions(case_id: int, facts: ActionFacts, profile: OfficeProfile) -> ProfileActions:
    """The reasons of the case `facts` describes (`lookup.action_facts`, read once by the caller)."""
    case = Case.get_or_none(Case.id == case_id)
    if case is None:
        return ProfileActions(dict.fromkeys(CODES, GONE), 0)
    fields = case_fields(case)
    teams = len(teams_concerned(case_id))
    reasons = {
        NOTICE: notice_reason(case),
        MARK_GF_REQUIRED: mark_reason(fields, profile),
        CONTRIBUTION: contribution_reason(facts, teams),
        FILE_NOTE: file_note_reason(fields, profile),
    }
    return ProfileActions(reasons, teams)
