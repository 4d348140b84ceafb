"""What a person sees of a case, and the German lines that say what another workstation changed."""

from __future__ import annotations

from datetime import date

from krm_desktop.model.cases import services as cases
from krm_desktop.model.cases.changes import case_state, describe_changes
from tests import factories as f


def test_state_names_every_visible_field_in_german(store) -> None:
    team = f.team("Team 401 Leistung")
    case = f.register(today=f.TODAY, team_id=team.id, concerns=[("beschwerde", None), ("lob", None)])
    state = case_state(case.id)
    assert state["Az."] == case.ref
    assert state["Status"] == "offen"
    assert state["Anliegensart"] == "Beschwerde"
    assert state["Anliegen 2"] == "Lob"
    assert state["Team"] == "Team 401 Leistung"
    assert state["Eingangsdatum"] == "02.11.2026"
    assert state["Eingangsweg"] == "Brief"
    assert state["Einsender/in"] == "Frau Erika Mustermann"
    assert state["Einsender/in: Kundennummer"] == "123A456789"
    assert state["Einsender/in: Anschrift"] == "Breite Straße 12, 23552 Lübeck"
    assert state["Eingangsbestätigung fällig"] == "05.11.2026"
    assert state["Antwort fällig"] == "16.11.2026"
    assert state["Schlusszeichnung durch"] == "Teamleitung"
    assert state["Letzter Eintrag der Fallhistorie"].startswith("20.11.2026 test.bgf: Kundenreaktion erfasst")


def test_changes_of_another_workstation_are_listed(store) -> None:
    first, second = f.team("Team 401"), f.team("Team 402")
    case = f.register(team_id=first.id)
    before = case_state(case.id)
    case = cases.assign_team(case.id, version=case.version, team_id=second.id, today=f.TODAY, user="kollegin")
    cases.acknowledge(case.id, version=case.version, sent_on=date(2026, 11, 4), today=f.TODAY, user="kollegin")
    lines = describe_changes(before, case_state(case.id))
    assert "Team: Team 401 → Team 402" in lines
    assert "Eingangsbestätigung versandt: (leer) → 04.11.2026" in lines
    assert any(line.startswith("Letzter Eintrag der Fallhistorie:") and "kollegin" in line for line in lines)
    assert describe_changes(before, before) == []


def test_statements_and_long_texts(store) -> None:
    case = f.register(description="A" * 200)
    before = case_state(case.id)
    case = f.statement(case, "Jens Brandt", "TL", date(2026, 11, 10), "Der Vorgang wurde am 09.11. entschieden.")
    after = dict(case_state(case.id), Beschreibung="A" * 150 + "B" * 50)
    lines = describe_changes(before, after)
    assert "Beschreibung: geändert (200 → 200 Zeichen)" in lines
    statement = next(line for line in lines if line.startswith("Stellungnahme 1:"))
    assert statement.startswith("Stellungnahme 1: (leer) → Jens Brandt (Teamleitung), eingegangen 10.11.2026")
    assert len(statement) < 120  # shortened to one line


def test_removed_values_and_a_deleted_case(store) -> None:
    case = f.register()
    before = case_state(case.id)
    assert describe_changes(before, {k: v for k, v in before.items() if k != "Betreff"}) == [
        "Betreff: Wartezeit bei der Antragsbearbeitung → (leer)"
    ]
    assert case_state(99_999) == {}
