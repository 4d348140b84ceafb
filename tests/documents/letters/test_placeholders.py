"""Text blocks: shipped defaults, placeholders checked, optimistic saving; every placeholder has a value."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from krm_desktop.documents.letters.compose import GROUPS
from krm_desktop.documents.letters.facts import statement_draft
from krm_desktop.documents.letters.placeholders import values
from krm_desktop.documents.letters.samples import sample_case, sample_facts
from krm_desktop.model.cases.case_view import CaseStatement
from krm_desktop.model.cases.letters import (
    PLACEHOLDERS,
    all_blocks,
    block,
    default_blocks,
    fill,
    placeholders_in,
    reset_block,
    save_block,
    template_problem,
)
from krm_desktop.model.errors import ConflictError, RefusedError, ValidationError
from tests import factories as f


def test_shipped_defaults_cover_every_document_and_use_known_placeholders() -> None:
    blocks = default_blocks()
    groups = {key.split(".")[0] for key in blocks}
    assert groups == {g for gs in GROUPS.values() for g in gs}
    for key, (title, body) in blocks.items():
        assert title and body, key
        assert template_problem(body) is None, key


def test_every_placeholder_gets_a_value_for_a_full_case(store) -> None:
    case, office = sample_facts(f.TODAY)
    given = values(case, office, f.TODAY)
    assert set(given) == set(PLACEHOLDERS)


def test_the_draft_of_a_stellungnahme_is_the_team_leads_latest_statement() -> None:
    case = sample_case(f.TODAY, "petition")  # invented: no database
    tl_old = CaseStatement("Jens Brandt", "TL", date(2026, 11, 2), "Erste Sicht der Teamleitung.")
    tl_new = CaseStatement("Jens Brandt", "TL", date(2026, 11, 5), "Neue Sicht der Teamleitung.")
    employee = CaseStatement("Tom Weber", "MA", date(2026, 11, 9), "Sicht des Mitarbeiters.")
    assert statement_draft(replace(case, statements=(tl_old, tl_new, employee))) == "Neue Sicht der Teamleitung."
    assert statement_draft(replace(case, statements=(tl_old, employee))) == "Erste Sicht der Teamleitung."
    assert statement_draft(replace(case, statements=(employee,))) == "Sicht des Mitarbeiters."
    assert statement_draft(replace(case, statements=())) == ""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Frist bis {frsit}.", "unbekannter Platzhalter {frsit}. Meinten Sie {frist}?"),
        ("Hallo {name!r}", "unbekannter Platzhalter {name!r}"),
        ("{anrede.__class__}", "unbekannter Platzhalter"),
        ("Zeile\nnur { Klammer", "Zeile 2: einzelne geschweifte Klammer"),
        ("Klammer } zu", "einzelne geschweifte Klammer „}“"),
    ],
)
def test_unknown_placeholders_and_stray_braces_are_refused(text: str, message: str) -> None:
    problem = template_problem(text)
    assert problem is not None and message in problem


def test_fill_replaces_and_keeps_doubled_braces() -> None:
    result, missing = fill("{{Hinweis}} für {name}: {frist}", {"name": "Erika", "frist": ""})
    assert result == "{Hinweis} für Erika: [bitte ergänzen: Frist der abschließenden Antwort]"
    assert missing == ["frist"]
    dropped, missing = fill("Betreff\n{betreff}\nEnde", {"betreff": " "})
    assert dropped == "Betreff\nEnde" and missing == []
    value_with_braces, _ = fill("{betreff}", {"betreff": "{frist} {{x}}"})
    assert value_with_braces == "{frist} {{x}}"  # values are never read as templates
    assert placeholders_in("{a} {frist} {{b}}") == ["frist"]


def test_save_reset_and_conflict(store) -> None:
    key = "eingangsbestaetigung.text"
    original = block(key)
    assert original.version == 0
    saved = save_block(key, title="Text", body="{anrede}\n\nKurz.", version=0)
    assert saved.version == 1 and saved.body.endswith("Kurz.") and saved.default_body == original.body
    with pytest.raises(ConflictError, match="inzwischen an einem anderen Platz"):
        save_block(key, title="Text", body="Anders", version=0)
    with pytest.raises(ConflictError):
        save_block(key, title="Text", body="Anders", version=7)
    again = save_block(key, title="Text", body="{anrede}", version=1)
    assert again.version == 2
    reset = reset_block(key, version=2)
    assert reset.body == original.body and reset.version == 3
    assert {b.key for b in all_blocks()} == set(default_blocks())


def test_invalid_block_is_refused_with_field_messages(store) -> None:
    with pytest.raises(ValidationError) as caught:
        save_block("eingangsbestaetigung.text", title="", body="{unbekannt}", version=0)
    assert "Titel" in caught.value.errors["title"]
    assert "{unbekannt}" in caught.value.errors["body"]
    with pytest.raises(RefusedError, match="gibt es nicht"):
        save_block("erfunden.text", title="X", body="Y", version=0)
    assert block("eingangsbestaetigung.text").version == 0  # nothing stored
