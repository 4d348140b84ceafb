"""The case form: a team per Anliegen (the first has the case's team), several teams make the Geschäftsführung
lead; an edit keeps the teams; a Folgereaktion proposes the earlier case's team and topic."""

from __future__ import annotations

from datetime import date

from krm_desktop.model.cases.stored_case import stored_case
from krm_desktop.model.office.profiles import load_profile
from krm_desktop.model.store.entities import Case, Concern, Team
from krm_desktop.ui.entry.concerns_editor import SAME_TEAM_TEXT, SEVERAL_TEAMS_NOTE
from krm_desktop.ui.entry.kind_forms import form_for
from tests import factories as f
from tests.ui.case_form_steps import choose, type_text


def new_form(qtbot, kind: str = "beschwerde", case=None):
    form = form_for(kind, today=f.TODAY, user=f.USER, profile=load_profile(), case=case)
    qtbot.addWidget(form)
    form.resize(1366, 768)
    form.show()
    qtbot.waitExposed(form)
    return form


def fill(qtbot, form) -> None:
    type_text(qtbot, form.received, "16.11.2026")
    type_text(qtbot, form.subject, "Wartezeit und falsche Auskunft")
    type_text(qtbot, form.party.person.lines["name"], "Erika Mustermann")
    type_text(qtbot, form.party.person.lines["street"], "Breite Straße 12")
    type_text(qtbot, form.party.person.lines["postcode"], "23552")
    type_text(qtbot, form.party.person.lines["city"], "Lübeck")


def pick(combo, text: str) -> None:
    """Choose the entry `text` (the team names share their first word, which the keyboard search types)."""
    combo.setCurrentIndex(combo.findText(text))
    assert combo.currentText() == text


def teams_of(case_id: int) -> list[int | None]:
    return [c.team_id for c in Concern.select().where(Concern.case == case_id).order_by(Concern.position)]


def test_two_anliegen_of_two_teams_make_the_gf_lead(qtbot, store) -> None:
    t411, t412 = f.team("Team 411 Leistung"), f.team("Team 412 Markt")
    form = new_form(qtbot)
    fill(qtbot, form)
    pick(form.team, "Team 411 Leistung")
    concerns = form.concerns
    assert concerns.first_team_label.text() == "Team: Team 411 Leistung"
    assert not concerns.team_boxes[0].isEnabled()  # no second Anliegen yet
    choose(qtbot, concerns.boxes[0], "Idee/Anregung")
    assert concerns.team_boxes[0].isEnabled() and concerns.team_boxes[0].currentText() == SAME_TEAM_TEXT
    assert concerns.several_note.isHidden()
    pick(concerns.team_boxes[0], "Team 412 Markt")
    assert concerns.several_note.isVisible() and concerns.several_note.text() == SEVERAL_TEAMS_NOTE
    case_id = form.save()
    assert case_id is not None, form.shown_errors()
    case = Case.get_by_id(case_id)
    assert teams_of(case_id) == [t411.id, t412.id] and case.team_id == t411.id
    assert (case.lead, case.sign_off_role) == ("gf", "GF")


def test_the_edit_form_keeps_the_teams_of_the_anliegen(qtbot, store) -> None:
    from krm_desktop.model.cases.intake import ConcernInput

    t411, t412 = f.team("Team 411 Leistung"), f.team("Team 412 Markt")
    case = f.register(
        team_id=t411.id,
        concerns=[ConcernInput("beschwerde"), ConcernInput("idee"), ConcernInput("lob", team_id=t412.id)],
    )
    form = new_form(qtbot, case=stored_case(case.id))
    boxes = form.concerns.team_boxes
    assert [b.currentText() for b in boxes] == [SAME_TEAM_TEXT, "Team 412 Markt"]
    assert form.concerns.several_note.isVisible()
    assert not form.is_modified()
    # another case team: the second Anliegen ("wie Anliegen 1") follows it, the third keeps its own
    pick(form.team, "Team 412 Markt")
    assert form.concerns.several_note.isHidden()
    assert form.save() == case.id, form.shown_errors()
    assert teams_of(case.id) == [t412.id, t412.id, t412.id]
    assert Case.get_by_id(case.id).lead == "team"


def closed_case(team: Team | None, topic: str = ""):
    earlier = f.register(received=date(2026, 9, 1), subject="Wartezeit", team_id=team.id if team else None, topic=topic)
    tl = f.staff("Jens Brandt", "TL")
    f.close_answered(earlier, date(2026, 9, 10), tl.id, "unbegruendet")
    return Case.get_by_id(earlier.id)


def test_a_folgereaktion_proposes_the_earlier_team_and_topic(qtbot, store) -> None:
    t411 = f.team("Team 411 Leistung")
    earlier = closed_case(t411, "Erreichbarkeit")
    form = new_form(qtbot, "folgereaktion")
    form.picker.choose(earlier.id)
    assert form.team.code() == t411.id and form.topic.code() == "Erreichbarkeit"
    assert form.proposal_hint.isVisible()
    assert form.proposal_hint.text() == (
        f"Vom früheren Fall {earlier.ref} vorgeschlagen: Team „Team 411 Leistung“, Themenkategorie „Erreichbarkeit“."
    )


def test_a_folgereaktion_keeps_what_the_desk_chose(qtbot, store) -> None:
    t411, t412 = f.team("Team 411 Leistung"), f.team("Team 412 Markt")
    earlier = closed_case(t411, "Erreichbarkeit")
    form = new_form(qtbot, "folgereaktion")
    pick(form.team, "Team 412 Markt")
    choose(qtbot, form.topic, "Umgangston")
    form.picker.choose(earlier.id)
    assert (form.team.code(), form.topic.code()) == (t412.id, "Umgangston")
    assert form.proposal_hint.isHidden()


def test_a_folgereaktion_does_not_propose_an_inactive_team_and_says_so(qtbot, store) -> None:
    t411 = f.team("Team 411 Leistung")
    earlier = closed_case(t411)
    Team.update(active=False).where(Team.id == t411.id).execute()
    form = new_form(qtbot, "folgereaktion")
    form.picker.choose(earlier.id)
    assert form.team.code() is None
    assert form.proposal_hint.text() == (
        "Nicht vorgeschlagen: Team „Team 411 Leistung“ (nicht mehr aktiv – bitte ein Team wählen)."
    )
