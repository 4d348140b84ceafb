"""Verzicht auf schriftliche Antwort through the real main window, in the form the profile requires: a Vermerk
(Lübeck), or the declaration printed on blank paper and recorded when it came back signed (Pankow's petitions); the
case closed without an answer letter; no waiver where the profile allows none."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from krm_desktop.model.cases import action_checks as checks
from krm_desktop.model.office.settings import letterhead
from krm_desktop.model.store.entities import Event
from krm_desktop.ui.letters.dialog import LetterDialog
from tests import factories as f
from tests.ui.action_helpers import (
    choose,
    open_action,
    refused_next_to,
    saved,
    select,
    set_date,
    started_window,
    type_into,
)

REASONS = "Im Telefonat am 18.11. wurde der fehlende Bescheid erklärt; er ist inzwischen zugestellt."


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_a_vermerk_case_closes_without_an_answer_letter(qtbot, store) -> None:
    team = f.team()
    tl = f.staff("Jens Brandt", "TL", team)
    case = f.register(team_id=team.id, channel="telefon")
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, checks.WAIVER)
    assert not dialog.signed and dialog.form_received_on is None
    assert dialog.print_button.isHidden()  # Lübeck: no declaration to sign, a Vermerk
    choose(dialog.settled, "telefon")
    set_date(dialog.declared_on, date(2026, 11, 18))
    type_into(qtbot, dialog.reasons, REASONS)
    stored = saved(qtbot, dialog)
    assert stored.waiver and stored.waiver_reasons == REASONS
    event = Event.select().where(Event.action == "waiver").get()
    assert event.text.startswith(
        "Telefonisch geklärt; Vermerk: Die Kundin/der Kunde hat im Gespräch am 18.11.2026 auf eine schriftliche "
        "Antwort verzichtet."
    )
    assert "unterschrieben" not in event.text
    actions = window.workflows.case_actions.actions
    for code in (checks.ANSWER, checks.INTERIM, checks.WAIVER):
        assert not actions[code].isEnabled(), code
    assert "verzichtet" in actions[checks.ANSWER].toolTip()

    window.filter_bar.status.setCurrentIndex(0)  # all cases: the closed one stays in the list
    dialog = open_action(qtbot, window, checks.CLOSE)
    assert dialog.answer_sent is None  # nothing to tick: the waiver replaces the answer
    choose(dialog.outcomes[1], "begruendet")
    assert dialog.signer.currentData() == tl.id
    stored = saved(qtbot, dialog)
    assert (stored.status, stored.answer_sent) == ("abgeschlossen", None)
    assert "ohne Antwortschreiben (Verzicht)" in Event.select().order_by(Event.id.desc()).get().text
    assert f"Verzicht auf schriftliche Antwort. Gründe: {REASONS}" in window.detail.toPlainText()


@pytest.mark.parametrize("store", ["berlin-pankow"], indirect=True)
def test_pankow_petition_records_the_signed_declaration_when_it_came_back(qtbot, store, tmp_path: Path) -> None:
    case = f.register(kind="petition", via="petitionsausschuss", channel="brief")
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, checks.WAIVER)
    assert dialog.signed and not dialog.print_button.isHidden()
    choose(dialog.settled, "persoenlich")
    set_date(dialog.declared_on, date(2026, 11, 18))
    type_into(qtbot, dialog.reasons, REASONS)

    # the declaration to sign, with the reasons typed so far, before anything is saved
    dialog.print_button.click()
    letter = dialog.letter_dialogs[-1]
    assert isinstance(letter, LetterDialog) and letter.doc_type == "verzicht"
    content = pdf_text(letter.preview_pdf)
    assert "Verzicht auf eine schriftliche Antwort" in content
    assert "fehlende Bescheid erklärt" in content
    assert letterhead()["office_name"] not in content  # blank paper, never the letterhead
    assert letter.save_to(tmp_path / "verzicht.pdf")
    letter.close()

    # not yet back signed: refused next to the field, nothing stored
    refused_next_to(qtbot, dialog, "form_received_on", "Unterschrieben eingegangen am")
    assert not any(e.action == "waiver" for e in Event.select())
    set_date(dialog.form_received_on, date(2026, 11, 19))
    stored = saved(qtbot, dialog)
    assert stored.waiver
    assert (
        Event.select()
        .where(Event.action == "waiver")
        .get()
        .text.startswith(
            "Persönlich geklärt; Verzicht auf schriftliche Antwort erklärt am 18.11.2026 (unterschriebene Erklärung, "
            "eingegangen am 19.11.2026)."
        )
    )


@pytest.mark.parametrize("store", ["osnabrueck"], indirect=True)
def test_no_waiver_is_offered_for_a_kind_the_profile_allows_none(qtbot, store) -> None:
    petition = f.register(kind="petition", via="petitionsausschuss")
    window = started_window(qtbot, store)
    select(window, petition.id)
    action = window.workflows.case_actions.actions[checks.WAIVER]
    assert not action.isEnabled() and "keinen Verzicht" in action.toolTip()


@pytest.mark.parametrize(
    ("settled", "declared", "reasons", "field", "message"),
    [
        ("", date(2026, 11, 18), REASONS, "settled_by", "telefonisch oder persönlich"),
        ("persoenlich", date(2026, 11, 18), "", "reasons", "„Vermerk“ aus"),
        ("persoenlich", date(2026, 11, 18), "  ", "reasons", "„Vermerk“ aus"),
        ("telefon", date(2026, 11, 24), REASONS, "declared_on", "in der Zukunft"),
        ("telefon", date(2026, 10, 30), REASONS, "declared_on", "vor dem Eingang"),
    ],
    ids=["not-said-how", "no-reasons", "blank-reasons", "future", "before-receipt"],
)
def test_bad_waiver_input_is_refused_next_to_its_field(qtbot, store, settled, declared, reasons, field, message):
    case = f.register()
    window = started_window(qtbot, store)
    select(window, case.id)
    dialog = open_action(qtbot, window, checks.WAIVER)
    choose(dialog.settled, settled)
    set_date(dialog.declared_on, declared)
    type_into(qtbot, dialog.reasons, reasons)
    refused_next_to(qtbot, dialog, field, message)


def test_no_waiver_for_anonymous_cases_and_cards(qtbot, store) -> None:
    anonymous = f.register(person=None)
    card = f.register(kind="meinungskarte", channel="meinungskarte", person=None)
    window = started_window(qtbot, store)
    for case in (anonymous, card):
        select(window, case.id)
        action = window.workflows.case_actions.actions[checks.WAIVER]
        assert not action.isEnabled() and "anonym" in action.toolTip()
