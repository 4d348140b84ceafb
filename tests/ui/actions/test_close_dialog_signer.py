"""The close dialog proposes the signer the case calls for and refuses a wrong one as soon as it is picked, the
message next to the field before any button is pressed (DOMAIN §2, issue 18 item 9)."""

from __future__ import annotations

import pytest

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.cases import services as cases
from tests import factories as f
from tests.ui.action_helpers import choose, open_action, select, shown_errors, started_window


@pytest.fixture
def office(store):
    people = f.office_people()  # Team 401 with Jens Brandt (TL), a BL, the GF, the KRM office, an employee
    other = f.team("Team 402 Markt und Integration", "Bereich 40")
    people["other_team"] = other
    people["other_tl"] = f.staff("Greta Hansen", "TL", other)  # sorts before Jens Brandt among the TLs
    return people


def close_dialog(qtbot, store, case):
    window = started_window(qtbot, store)
    select(window, case.id)
    return open_action(qtbot, window, checks.CLOSE)


def test_the_cases_own_team_lead_is_proposed_not_the_first_in_the_list(qtbot, store, office) -> None:
    case = f.register(team_id=office["team"].id)
    dialog = close_dialog(qtbot, store, case)
    assert dialog.signer.currentData() == office["tl"].id
    assert "signed_by" not in shown_errors(dialog)


def test_the_deputy_is_proposed_where_the_team_has_no_lead(qtbot, store, office) -> None:
    deputy = f.staff("Lena Vogel", "STL", office["other_team"])
    office["other_tl"].active = False
    office["other_tl"].save()
    case = f.register(team_id=office["other_team"].id)
    dialog = close_dialog(qtbot, store, case)
    assert dialog.signer.currentData() == deputy.id


def test_the_gf_is_proposed_where_the_sign_off_is_reserved(qtbot, store, office) -> None:
    case = f.register(team_id=office["team"].id)
    case = cases.reserve_sign_off(case.id, version=case.version, today=f.TODAY, user=f.USER)
    petition = f.register(kind="petition", via="petitionsausschuss", team_id=office["team"].id)
    assert close_dialog(qtbot, store, case).signer.currentData() == office["gf"].id
    assert close_dialog(qtbot, store, petition).signer.currentData() == office["gf"].id


def test_a_wrong_signer_is_refused_at_once_next_to_the_field(qtbot, store, office) -> None:
    case = f.register(team_id=office["team"].id)
    dialog = close_dialog(qtbot, store, case)
    before = f.snapshot()
    choose(dialog.signer, office["other_tl"].id)  # picked, no button pressed
    errors = shown_errors(dialog)
    assert "Greta Hansen leitet ein anderes Team" in errors["signed_by"]
    choose(dialog.signer, office["tl"].id)  # the right one: the message goes
    assert "signed_by" not in shown_errors(dialog)
    assert f.snapshot() == before  # choosing stored nothing


def test_a_role_that_may_not_sign_a_reserved_case_is_refused_at_once(qtbot, store, office) -> None:
    case = f.register(team_id=office["team"].id)
    case = cases.reserve_sign_off(case.id, version=case.version, today=f.TODAY, user=f.USER)
    dialog = close_dialog(qtbot, store, case)
    choose(dialog.signer, office["tl"].id)
    assert (
        "Jens Brandt (Teamleitung) darf hier nicht schlusszeichnen; zeichnungsbefugt: Geschäftsführung"
        in shown_errors(dialog)["signed_by"]
    )
    choose(dialog.signer, office["krm"].id)
    assert "zeichnungsbefugt: Geschäftsführung" in shown_errors(dialog)["signed_by"]
    choose(dialog.signer, office["gf"].id)
    assert "signed_by" not in shown_errors(dialog)
