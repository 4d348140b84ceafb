"""The intake's routing of issue 18: Dienstaufsicht outside the KRM where the profile says so (Osnabrück), a DAB
against the Geschäftsführung routed in every profile, the Widerspruch with a complaint beside it (Pankow 2.6), and
oral reactions settled at once, which are not recorded."""

from __future__ import annotations

import pytest

from krm_desktop.model.cases.entry import record_routing_notes, save_new
from krm_desktop.model.cases.intake import (
    INTAKE_QUESTIONS,
    MIXED_LETTER_NOTE,
    MIXED_LETTER_TEXT,
    SETTLED_OUTCOME,
    SETTLED_QUESTION,
    SETTLED_RULE,
    SETTLED_UNANSWERED,
    intake_errors,
    intake_questions,
    routing_advice,
)
from krm_desktop.model.codes import NOT_KRM
from krm_desktop.model.errors import ValidationError
from krm_desktop.model.office.profiles import PRESETS, load_profile
from krm_desktop.model.store.entities import Case, RoutingNote
from tests import factories as f

OFFICES = list(PRESETS)


# --- Dienstaufsicht ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", OFFICES)
def test_only_osnabrueck_asks_for_dienstaufsicht_as_such(code: str) -> None:
    questions = intake_questions(PRESETS[code])
    assert ("dienstaufsicht" in questions) is (code == "osnabrueck")
    assert questions["dienstaufsicht_gf"] == "Ist es eine Dienstaufsichtsbeschwerde gegen die Geschäftsführung selbst?"
    assert list(questions) == [q for q in INTAKE_QUESTIONS if q in questions]  # the order stays


def test_the_routing_texts_say_why_and_where() -> None:
    assert routing_advice("dienstaufsicht") == (
        "Keine Kundenreaktion: Dienstaufsichtsbeschwerden (gegen das persönliche Verhalten von Beschäftigten) "
        "bearbeitet diese Dienststelle außerhalb des KRM. Weiterleitung an: Dienstvorgesetzte/r der oder des "
        "Beschäftigten bzw. Personalstelle."
    )
    assert routing_advice("dienstaufsicht_gf") == (
        "Keine Kundenreaktion: Eine Dienstaufsichtsbeschwerde gegen die Geschäftsführung ist an deren "
        "Dienstvorgesetzte zu richten; sie wird nicht im KRM bearbeitet. Weiterleitung an: Dienstvorgesetzte/r der "
        "Geschäftsführung (Trägerversammlung bzw. der Träger, bei dem die Geschäftsführung beschäftigt ist)."
    )
    for code in ("dienstaufsicht", "dienstaufsicht_gf"):
        assert len(NOT_KRM[code][1]) <= 200  # the routing note's destination column


@pytest.mark.parametrize("code", OFFICES)
def test_a_dab_is_a_case_except_where_dienstaufsicht_is_outside_the_krm(code: str) -> None:
    errors = intake_errors(
        [], "dienstaufsichtsbeschwerde", f.TODAY, f.TODAY, dab_outside_krm=PRESETS[code].dab_outside_krm
    )
    if code == "osnabrueck":
        assert errors == {
            "kind": "Dienstaufsichtsbeschwerden bearbeitet diese Dienststelle außerhalb des KRM: bitte oben "
            "„Dienstaufsichtsbeschwerde“ ankreuzen und die Weiterleitung vermerken."
        }
    else:
        assert errors == {}


@pytest.mark.parametrize("code", OFFICES)
def test_a_dab_against_the_gf_is_routed_in_every_office(code: str) -> None:
    errors = intake_errors(
        ["dienstaufsicht_gf"],
        "dienstaufsichtsbeschwerde",
        f.TODAY,
        f.TODAY,
        dab_outside_krm=PRESETS[code].dab_outside_krm,
    )
    assert routing_advice("dienstaufsicht_gf") in errors["not_krm"]
    # it does not keep a KRM part, whatever the person says
    assert "not_krm" in intake_errors(["dienstaufsicht_gf"], "beschwerde", f.TODAY, f.TODAY, keeps_krm_part=True)


@pytest.mark.parametrize("store", ["osnabrueck"], indirect=True)
def test_osnabrueck_routes_a_dab_out_with_a_note_and_no_case(store) -> None:
    assert load_profile().dab_outside_krm
    before = f.snapshot()
    ids = record_routing_notes(["dienstaufsicht"], f.TODAY, "an die Teamleitung 401", today=f.TODAY, user=f.USER)
    note = RoutingNote.get_by_id(ids[0])
    assert (note.category, note.destination, note.note) == (
        "dienstaufsicht",
        "Dienstvorgesetzte/r der oder des Beschäftigten bzw. Personalstelle",
        "an die Teamleitung 401",
    )
    after = f.snapshot()
    assert {table for table in after if after[table] != before[table]} == {"routing_note"}
    assert Case.select().count() == 0


def test_a_dab_against_the_gf_leaves_a_note_of_its_own(store) -> None:
    ids = record_routing_notes(["dienstaufsicht_gf"], f.TODAY, "", today=f.TODAY, user=f.USER)
    assert RoutingNote.get_by_id(ids[0]).destination.startswith("Dienstvorgesetzte/r der Geschäftsführung")
    assert Case.select().count() == 0


# --- a Widerspruch and a complaint in one letter (Pankow 2.6) ----------------------------------------------------


def test_the_widerspruch_keeps_a_complaint_beside_it() -> None:
    assert intake_errors(["widerspruch"], "beschwerde", f.TODAY, f.TODAY, keeps_krm_part=True) == {}
    assert intake_errors(["widerspruch", "datenschutz"], "beschwerde", f.TODAY, f.TODAY, keeps_krm_part=True) == {}
    assert "nur diese" in NOT_KRM["widerspruch"][0]
    assert "nur diese wird erfasst" in MIXED_LETTER_TEXT
    assert MIXED_LETTER_NOTE.startswith("Eine Beschwerde gegen den Bescheid selbst")


def test_a_widerspruch_without_a_complaint_part_is_just_a_widerspruch() -> None:
    errors = intake_errors(["widerspruch"], "beschwerde", f.TODAY, f.TODAY)
    assert errors == {"not_krm": routing_advice("widerspruch")}
    assert "Rechtsbehelfsstelle" in errors["not_krm"]


@pytest.mark.parametrize("other", ["klage", "anfrage", "korruption", "leistungsmissbrauch", "paragraph_44c"])
def test_a_widerspruch_with_a_whole_non_krm_matter_keeps_nothing(other: str) -> None:
    errors = intake_errors(["widerspruch", other], "beschwerde", f.TODAY, f.TODAY, keeps_krm_part=True)
    assert errors["not_krm"] == routing_advice(other)


def test_a_mixed_letter_gives_a_routing_note_and_a_case(store) -> None:
    case = save_new(
        f.case_input(subject="Unfreundliche Behandlung am Empfang"),
        follows_id=None,
        today=f.TODAY,
        user=f.USER,
        routed=(["widerspruch"], "Widerspruchsteil an die Rechtsbehelfsstelle"),
    )
    assert Case.get_by_id(case.id).kind == "beschwerde"
    note = RoutingNote.get()
    assert (note.category, note.destination, note.note, note.received) == (
        "widerspruch",
        "Rechtsbehelfsstelle",
        "Widerspruchsteil an die Rechtsbehelfsstelle",
        f.case_input().received,
    )


@pytest.mark.parametrize("routed", [["klage"], ["widerspruch", "korruption"], ["unbekannt"]])
def test_a_case_does_not_keep_the_part_of_a_matter_that_goes_elsewhere_whole(store, routed: list[str]) -> None:
    before = f.snapshot()
    with pytest.raises(ValidationError) as caught:
        save_new(f.case_input(), follows_id=None, today=f.TODAY, user=f.USER, routed=(routed, ""))
    message = caught.value.errors["not_krm"]
    assert "Keine Kundenreaktion" in message or "Unbekanntes Prüfergebnis „unbekannt“" in message
    assert f.snapshot() == before


# --- oral reactions settled at once -------------------------------------------------------------------------------


def test_an_oral_reaction_settled_at_once_is_not_recorded() -> None:
    errors = intake_errors([], "beschwerde", f.TODAY, f.TODAY, oral=True, settled_at_once=True)
    assert errors == {"settled": SETTLED_OUTCOME}
    assert SETTLED_OUTCOME == (
        "Nicht erfassen: Das Anliegen wurde im Gespräch sofort abschließend geklärt. Es wird nichts gespeichert – "
        "kein Fall und kein Vermerk."
    )
    assert "werden nicht erfasst" in SETTLED_RULE and "weitere Bearbeitung" in SETTLED_RULE
    assert SETTLED_QUESTION.startswith("Konnte das Anliegen sofort abschließend geklärt werden")


def test_an_oral_reaction_that_needs_work_is_recorded_as_usual() -> None:
    assert intake_errors([], "beschwerde", f.TODAY, f.TODAY, oral=True, settled_at_once=False) == {}
    assert intake_errors([], "beschwerde", f.TODAY, f.TODAY) == {}  # written: the question is not asked


def test_an_oral_reaction_needs_the_answer() -> None:
    errors = intake_errors([], "beschwerde", f.TODAY, f.TODAY, oral=True)
    assert errors == {"settled": SETTLED_UNANSWERED}
    assert SETTLED_UNANSWERED == "Bitte angeben, ob das Anliegen sofort abschließend geklärt werden konnte."
